//! 附件: photos, video and documents of an incident. Their type is read from the content (the
//! first bytes), not trusted from the browser; each kind has its size limit.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    Photo,
    Video,
    Document,
}

impl AttachmentKind {
    /// The largest file of this kind we keep.
    pub fn max_bytes(self) -> u64 {
        match self {
            AttachmentKind::Photo | AttachmentKind::Document => 20 * 1024 * 1024,
            AttachmentKind::Video => 200 * 1024 * 1024,
        }
    }
}

/// The largest upload of any kind: the request is cut off beyond it.
pub const MAX_UPLOAD_BYTES: u64 = 200 * 1024 * 1024;

/// What the first bytes and the name say a file is: its media type and kind, if we accept it.
pub fn sniff(head: &[u8], file_name: &str) -> Option<(&'static str, AttachmentKind)> {
    use AttachmentKind::*;
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let starts = |magic: &[u8]| head.starts_with(magic);
    let found = if starts(&[0xFF, 0xD8, 0xFF]) {
        ("image/jpeg", Photo)
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        ("image/png", Photo)
    } else if starts(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        ("image/webp", Photo)
    } else if head.get(4..8) == Some(b"ftyp") {
        ("video/mp4", Video)
    } else if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        ("video/webm", Video)
    } else if starts(b"%PDF-") {
        ("application/pdf", Document)
    } else if starts(b"PK\x03\x04") {
        // Office files are zip archives: the name says which.
        match ext.as_str() {
            "docx" => (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Document,
            ),
            "xlsx" => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Document,
            ),
            "pptx" => (
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                Document,
            ),
            _ => return None,
        }
    } else if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        match ext.as_str() {
            "doc" => ("application/msword", Document),
            "xls" => ("application/vnd.ms-excel", Document),
            _ => return None,
        }
    } else if ext == "txt" && !head.contains(&0) && std::str::from_utf8(head).is_ok() {
        ("text/plain; charset=utf-8", Document)
    } else {
        return None;
    };
    Some(found)
}

/// Why an upload was refused, as the incident page explains it (`?attachment=<key>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadRefusal {
    Empty,
    Type,
    TooLarge,
}

impl UploadRefusal {
    pub const ALL: [UploadRefusal; 3] = [
        UploadRefusal::Empty,
        UploadRefusal::Type,
        UploadRefusal::TooLarge,
    ];

    pub fn key(self) -> &'static str {
        match self {
            UploadRefusal::Empty => "empty",
            UploadRefusal::Type => "type",
            UploadRefusal::TooLarge => "too_large",
        }
    }

    pub fn parse(key: &str) -> Option<UploadRefusal> {
        UploadRefusal::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// An attachment as the incident page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub kind: AttachmentKind,
    pub size: u64,
    pub uploaded_by: String,
    pub at: i64,
}

impl AttachmentView {
    /// Where it is served (to those who may read the incident only).
    pub fn href(&self, incident: Uuid) -> String {
        format!("/incidents/{incident}/attachments/{}", self.id)
    }
}

/// A file name safe to show and to send back in `Content-Disposition`: no path, no control
/// characters, at most 100 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(100)
        .collect();
    if clean.trim().is_empty() {
        "file".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_content_not_the_name() {
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n....", "x.jpg"),
            Some(("image/png", AttachmentKind::Photo))
        );
        assert_eq!(
            sniff(b"\x00\x00\x00\x18ftypmp42", "scene.mov").map(|s| s.1),
            Some(AttachmentKind::Video)
        );
        assert_eq!(
            sniff(b"%PDF-1.7", "report").map(|s| s.0),
            Some("application/pdf")
        );
        // A zip is only accepted as an Office file, and an executable never.
        assert!(sniff(b"PK\x03\x04", "report.docx").is_some());
        assert!(sniff(b"PK\x03\x04", "archive.zip").is_none());
        assert!(sniff(b"MZ\x90\x00", "photo.jpg").is_none());
        assert!(sniff("现场情况".as_bytes(), "notes.txt").is_some());
        assert!(sniff(b"\x00\x01", "notes.txt").is_none());
    }

    #[test]
    fn each_kind_has_its_limit() {
        assert!(AttachmentKind::Video.max_bytes() > AttachmentKind::Photo.max_bytes());
        assert_eq!(AttachmentKind::Video.max_bytes(), MAX_UPLOAD_BYTES);
    }

    #[test]
    fn names_lose_paths_and_control_characters() {
        assert_eq!(clean_file_name("C:\\fakepath\\现场.jpg"), "现场.jpg");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\r\n.png"), "ab.png");
        assert_eq!(clean_file_name(""), "file");
    }
}

//! Registry files: what an import reports back, line by line as it runs, and the limits it
//! keeps. The server streams these messages as NDJSON so a browser shows progress while tens
//! of thousands of rows are read, checked and written.

use serde::{Deserialize, Serialize};

/// Where registry files are served: `template.csv|xlsx`, `export.csv|xlsx`, `import`.
pub const FILES_PATH: &str = "/resources/files";
/// The most rows one import takes.
pub const MAX_IMPORT_ROWS: usize = 200_000;
/// The largest file one import takes.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// Row errors listed in full (the count covers all).
pub const ERRORS_LISTED: usize = 500;
/// Progress is reported every this many rows.
pub const PROGRESS_EVERY: usize = 5_000;

/// All or nothing (the default), or the valid rows only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    #[default]
    AllOrNothing,
    ValidOnly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    Reading,
    Checking,
    Writing,
}

/// One refused cell of an import file, by its line (the header is line 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Data rows read.
    pub rows: usize,
    pub imported: usize,
    /// Rows with at least one error.
    pub rejected_rows: usize,
    /// The first [`ERRORS_LISTED`] errors.
    pub errors: Vec<RowError>,
    /// Why the whole file was refused (unreadable, too large, nothing to import).
    pub refused: Option<String>,
}

impl ImportReport {
    /// Whether anything was written.
    pub fn changed(&self) -> bool {
        self.imported > 0
    }
}

/// One line of the import's NDJSON answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ImportMessage {
    Progress {
        stage: ImportStage,
        done: usize,
        total: usize,
    },
    Done {
        report: ImportReport,
    },
}

impl ImportMessage {
    /// The last complete message in a partly received NDJSON text.
    pub fn last_in(text: &str) -> Option<ImportMessage> {
        text.lines()
            .rev()
            .filter(|l| !l.trim().is_empty())
            .find_map(|l| serde_json::from_str(l).ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_whole_line_is_read_from_a_partial_stream() {
        let first = serde_json::to_string(&ImportMessage::Progress {
            stage: ImportStage::Checking,
            done: 5_000,
            total: 100_000,
        })
        .unwrap_or_default();
        let partial = format!("{first}\n{{\"type\":\"progr");
        assert_eq!(
            ImportMessage::last_in(&partial),
            Some(ImportMessage::Progress {
                stage: ImportStage::Checking,
                done: 5_000,
                total: 100_000
            })
        );
        assert_eq!(ImportMessage::last_in(""), None);
    }
}

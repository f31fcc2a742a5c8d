//! A registered camera as pages see it, the registration form and its rules.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest camera name, in characters.
pub const NAME_MAX: usize = 60;
/// Longest RTSP address, in bytes (the column's width).
pub const URL_MAX: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CameraKind {
    /// 现场固定摄像机
    Site,
    /// 无人机
    Drone,
    /// 指挥车
    Vehicle,
}

impl CameraKind {
    pub const ALL: [CameraKind; 3] = [CameraKind::Site, CameraKind::Drone, CameraKind::Vehicle];

    pub fn key(self) -> &'static str {
        match self {
            CameraKind::Site => "site",
            CameraKind::Drone => "drone",
            CameraKind::Vehicle => "vehicle",
        }
    }

    pub fn from_key(key: &str) -> Option<CameraKind> {
        CameraKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// What a camera films: an incident's scene, or a major-hazard installation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Subject {
    Incident(Uuid),
    Hazard(Uuid),
}

/// Whether the node is receiving the camera's video.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// Not yet answered (just registered, or retrying after a failure).
    #[default]
    Connecting,
    /// Frames are arriving.
    Online,
    /// The last attempt failed; `error` says why.
    Offline,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CameraHealth {
    pub state: LinkState,
    /// Since when (Unix seconds).
    pub since: i64,
    /// The last failure, in the camera's or the network's terms.
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    pub id: Uuid,
    pub name: String,
    pub kind: CameraKind,
    /// The address with any password masked.
    pub address: String,
    pub subject: Subject,
    /// The incident's title or the installation's name.
    pub subject_name: String,
    pub demo: bool,
    pub health: CameraHealth,
    /// The lower node a relayed camera comes through (its report attached it); only that node
    /// changes or removes it.
    #[serde(default)]
    pub relayed_from: Option<String>,
}

/// The registration form as typed (a missing field reads as empty, and is refused as such).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CameraForm {
    pub name: String,
    pub kind: String,
    pub url: String,
    /// `incident:<uuid>` or `hazard:<uuid>`, as the subject picker writes it.
    pub subject: String,
}

/// A registration that obeys the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCamera {
    pub name: String,
    pub kind: CameraKind,
    pub url: String,
    pub subject: Subject,
}

/// What is wrong with a form, field by field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormProblem {
    Name,
    Kind,
    Url(UrlProblem),
    Subject,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not `rtsp://` or `rtsps://`.
    Scheme,
    /// No host after the scheme.
    Host,
    /// Spaces or control characters, or longer than [`URL_MAX`].
    Malformed,
}

impl Subject {
    pub fn key(self) -> String {
        match self {
            Subject::Incident(id) => format!("incident:{id}"),
            Subject::Hazard(id) => format!("hazard:{id}"),
        }
    }

    pub fn from_key(key: &str) -> Option<Subject> {
        let (kind, id) = key.split_once(':')?;
        let id = Uuid::parse_str(id).ok()?;
        match kind {
            "incident" => Some(Subject::Incident(id)),
            "hazard" => Some(Subject::Hazard(id)),
            _ => None,
        }
    }
}

impl CameraForm {
    /// Every problem of the form at once, or the registration it describes.
    pub fn check(&self) -> Result<NewCamera, Vec<FormProblem>> {
        let mut problems = Vec::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            problems.push(FormProblem::Name);
        }
        let kind = CameraKind::from_key(&self.kind);
        if kind.is_none() {
            problems.push(FormProblem::Kind);
        }
        let url = self.url.trim();
        if let Err(problem) = check_url(url) {
            problems.push(FormProblem::Url(problem));
        }
        let subject = Subject::from_key(&self.subject);
        if subject.is_none() {
            problems.push(FormProblem::Subject);
        }
        match (kind, subject) {
            (Some(kind), Some(subject)) if problems.is_empty() => Ok(NewCamera {
                name: name.to_string(),
                kind,
                url: url.to_string(),
                subject,
            }),
            _ => Err(problems),
        }
    }
}

/// An RTSP address: `rtsp://` or `rtsps://`, a host, nothing a URL may not contain.
pub fn check_url(url: &str) -> Result<(), UrlProblem> {
    if url.len() > URL_MAX || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Malformed);
    }
    let rest = url
        .strip_prefix("rtsp://")
        .or_else(|| url.strip_prefix("rtsps://"))
        .ok_or(UrlProblem::Scheme)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    if host.is_empty() && !authority.contains('[') {
        return Err(UrlProblem::Host);
    }
    Ok(())
}

/// The address to show: a password in it is replaced by `***` (the user name stays, it says
/// which account the node signs in with).
pub fn masked(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or_default();
            let hidden = if userinfo.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}{path}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(url: &str) -> CameraForm {
        CameraForm {
            name: " 1号罐区东侧 ".into(),
            kind: "site".into(),
            url: url.into(),
            subject: format!("incident:{}", Uuid::nil()),
        }
    }

    #[test]
    fn a_good_form_becomes_a_registration() {
        let new = form("rtsp://10.1.2.3:554/stream1").check();
        assert_eq!(
            new,
            Ok(NewCamera {
                name: "1号罐区东侧".into(),
                kind: CameraKind::Site,
                url: "rtsp://10.1.2.3:554/stream1".into(),
                subject: Subject::Incident(Uuid::nil()),
            })
        );
    }

    #[test]
    fn addresses_must_be_rtsp_with_a_host() {
        assert_eq!(check_url("rtsp://cam.local/a"), Ok(()));
        assert_eq!(check_url("rtsps://u:p@cam:322/a?x=1"), Ok(()));
        assert_eq!(check_url("rtsp://[::1]:554/a"), Ok(()));
        assert_eq!(check_url("http://cam/a"), Err(UrlProblem::Scheme));
        assert_eq!(check_url("cam/a"), Err(UrlProblem::Scheme));
        assert_eq!(check_url("rtsp:///a"), Err(UrlProblem::Host));
        assert_eq!(check_url("rtsp://user@:554/a"), Err(UrlProblem::Host));
        assert_eq!(check_url("rtsp://cam/a b"), Err(UrlProblem::Malformed));
        let long = format!("rtsp://cam/{}", "a".repeat(URL_MAX));
        assert_eq!(check_url(&long), Err(UrlProblem::Malformed));
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = CameraForm {
            name: "  ".into(),
            kind: "tank".into(),
            url: "ftp://x".into(),
            subject: "incident:not-a-uuid".into(),
        };
        assert_eq!(
            bad.check(),
            Err(vec![
                FormProblem::Name,
                FormProblem::Kind,
                FormProblem::Url(UrlProblem::Scheme),
                FormProblem::Subject,
            ])
        );
        assert!(form("rtsp://c/a").check().is_ok());
        let mut long = form("rtsp://c/a");
        long.name = "摄".repeat(NAME_MAX + 1);
        assert_eq!(long.check(), Err(vec![FormProblem::Name]));
    }

    #[test]
    fn passwords_never_reach_the_page() {
        assert_eq!(
            masked("rtsp://admin:s3cret@10.0.0.9:554/h264?ch=1"),
            "rtsp://admin:***@10.0.0.9:554/h264?ch=1"
        );
        assert_eq!(masked("rtsp://viewer@cam/a"), "rtsp://viewer@cam/a");
        assert_eq!(masked("rtsp://cam/a@b"), "rtsp://cam/a@b");
        assert_eq!(masked("rtsp://cam:554"), "rtsp://cam:554");
    }

    #[test]
    fn subjects_round_trip_through_the_picker() {
        let s = Subject::Hazard(Uuid::from_u128(7));
        assert_eq!(Subject::from_key(&s.key()), Some(s));
        assert_eq!(Subject::from_key("site:x"), None);
    }
}

//! The accident record as it crosses the wire: what a report states, the lifecycle, the
//! timeline. No I/O; validation lives in `draft.rs`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Duty, Grade, Severity, followup_window_days};
use crate::site::NodeTier;

/// 处置状态: 接报 → 核实 → 响应中 → 已控制 → 结束. Only forward moves are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentStatus {
    Received,
    Verifying,
    Responding,
    Controlled,
    Closed,
}

impl IncidentStatus {
    pub const ALL: [IncidentStatus; 5] = [
        IncidentStatus::Received,
        IncidentStatus::Verifying,
        IncidentStatus::Responding,
        IncidentStatus::Controlled,
        IncidentStatus::Closed,
    ];

    pub fn key(self) -> &'static str {
        match self {
            IncidentStatus::Received => "received",
            IncidentStatus::Verifying => "verifying",
            IncidentStatus::Responding => "responding",
            IncidentStatus::Controlled => "controlled",
            IncidentStatus::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<IncidentStatus> {
        IncidentStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The statuses an incident in this one may move to.
    pub fn next(self) -> impl Iterator<Item = IncidentStatus> {
        IncidentStatus::ALL.into_iter().filter(move |s| *s > self)
    }

    pub fn is_active(self) -> bool {
        self != IncidentStatus::Closed
    }
}

/// 信息来源: how the desk heard of the accident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentSource {
    /// 电话报告
    Phone,
    /// 110 / 119 / 120 / 122 统一接警
    CallCentre110,
    CallCentre119,
    CallCentre120,
    CallCentre122,
    /// 企业报告
    Enterprise,
    /// 下级报告
    LowerTier,
    /// 上级通报
    UpperTier,
}

impl IncidentSource {
    pub const ALL: [IncidentSource; 8] = [
        IncidentSource::Phone,
        IncidentSource::CallCentre110,
        IncidentSource::CallCentre119,
        IncidentSource::CallCentre120,
        IncidentSource::CallCentre122,
        IncidentSource::Enterprise,
        IncidentSource::LowerTier,
        IncidentSource::UpperTier,
    ];

    pub fn key(self) -> &'static str {
        match self {
            IncidentSource::Phone => "phone",
            IncidentSource::CallCentre110 => "call_centre_110",
            IncidentSource::CallCentre119 => "call_centre_119",
            IncidentSource::CallCentre120 => "call_centre_120",
            IncidentSource::CallCentre122 => "call_centre_122",
            IncidentSource::Enterprise => "enterprise",
            IncidentSource::LowerTier => "lower_tier",
            IncidentSource::UpperTier => "upper_tier",
        }
    }

    pub fn parse(key: &str) -> Option<IncidentSource> {
        IncidentSource::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// 伤亡情况.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casualties {
    /// 死亡
    pub deaths: u32,
    /// 失踪
    pub missing: u32,
    /// 重伤 (含急性工业中毒)
    pub serious_injuries: u32,
    /// 轻伤
    pub minor_injuries: u32,
    /// 被困
    pub trapped: u32,
}

/// What a report states about an accident: the part a 续报 may change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentFacts {
    pub title: String,
    /// GB 6441-86 class, 1–20.
    pub accident_type: u8,
    /// Industry code of the work-safety statistics.
    pub industry: String,
    pub occurred_at: i64,
    /// WGS-84 longitude, latitude.
    pub lon: f64,
    pub lat: f64,
    /// GB/T 2260 code of the place.
    pub region_code: String,
    pub address: String,
    /// 事故单位
    pub enterprise: String,
    pub casualties: Casualties,
    pub direct_loss_cny: u64,
    /// 涉及危险化学品
    pub hazmat: String,
    pub description: String,
}

impl IncidentFacts {
    pub fn severity(&self) -> Severity {
        Severity {
            deaths: self.casualties.deaths,
            missing: self.casualties.missing,
            serious_injuries: self.casualties.serious_injuries,
            direct_loss_cny: self.direct_loss_cny,
        }
    }

    pub fn grade(&self) -> Grade {
        Grade::of(&self.severity()).0
    }

    /// Names (stable keys) of the facts that differ between two versions.
    pub fn changes(&self, newer: &IncidentFacts) -> Vec<&'static str> {
        let (a, b) = (self, newer);
        let (ca, cb) = (a.casualties, b.casualties);
        [
            ("title", a.title != b.title),
            ("accident_type", a.accident_type != b.accident_type),
            ("industry", a.industry != b.industry),
            ("occurred_at", a.occurred_at != b.occurred_at),
            ("location", a.lon != b.lon || a.lat != b.lat),
            ("region_code", a.region_code != b.region_code),
            ("address", a.address != b.address),
            ("enterprise", a.enterprise != b.enterprise),
            ("deaths", ca.deaths != cb.deaths),
            ("missing", ca.missing != cb.missing),
            (
                "serious_injuries",
                ca.serious_injuries != cb.serious_injuries,
            ),
            ("minor_injuries", ca.minor_injuries != cb.minor_injuries),
            ("trapped", ca.trapped != cb.trapped),
            ("direct_loss_cny", a.direct_loss_cny != b.direct_loss_cny),
            ("hazmat", a.hazmat != b.hazmat),
            ("description", a.description != b.description),
        ]
        .into_iter()
        .filter_map(|(name, changed)| changed.then_some(name))
        .collect()
    }
}

/// A new accident report, validated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewIncident {
    pub facts: IncidentFacts,
    pub source: IncidentSource,
    pub reporter: String,
    pub reporter_phone: String,
    /// The calling system's own id for this report (call centres), for idempotent retries.
    pub external_id: Option<String>,
}

/// An incident as boards, the map and the live stream show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentSummary {
    pub id: Uuid,
    pub title: String,
    pub accident_type: u8,
    pub industry: String,
    pub grade: Grade,
    pub status: IncidentStatus,
    pub occurred_at: i64,
    pub received_at: i64,
    pub region_code: String,
    pub lon: f64,
    pub lat: f64,
    pub casualties: Casualties,
    /// The reporting chain, with receipts.
    pub duties: Vec<Duty>,
    /// The current version (1 = the first report; each 续报 adds one).
    pub version: u32,
    /// Counts every change of the record (follow-ups, status, receipts, notes).
    pub revision: u32,
    pub demo: bool,
    /// The lower-tier node that reported it, for a copy received through the exchange.
    #[serde(default)]
    pub origin: Option<String>,
}

impl IncidentSummary {
    /// The first duty still open or overdue: what the desk must do next.
    pub fn next_duty(&self) -> Option<&Duty> {
        self.duties.iter().find(|d| d.received.is_none())
    }

    /// The last moment a 续报 is due (Art. 13: 30 days, 7 for road traffic and fire).
    pub fn followup_until(&self) -> i64 {
        self.occurred_at
            + i64::from(followup_window_days(self.accident_type, &self.industry)) * 86_400
    }
}

/// One recorded version of the facts (the first report and each 续报).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentVersion {
    pub version: u32,
    pub grade: Grade,
    pub facts: IncidentFacts,
    /// Keys of the facts this version changed (empty for the first).
    pub changed: Vec<String>,
    pub actor: String,
    pub at: i64,
}

/// 跟踪反馈: what a timeline entry records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// 首报
    Reported,
    /// 续报
    FollowUp,
    /// 等级变化
    Regraded,
    /// 状态变化
    Status,
    /// 跟踪记录
    Note,
    /// 上级已接收
    Receipt,
    /// 附件
    Attachment,
    /// 调派: a resource sent, or its dispatch moving on (自动记录救援过程).
    Dispatch,
    /// 后果研判: threat zones assessed for a scenario.
    Assessment,
}

impl EntryKind {
    pub const ALL: [EntryKind; 9] = [
        EntryKind::Reported,
        EntryKind::FollowUp,
        EntryKind::Regraded,
        EntryKind::Status,
        EntryKind::Note,
        EntryKind::Receipt,
        EntryKind::Attachment,
        EntryKind::Dispatch,
        EntryKind::Assessment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Reported => "reported",
            EntryKind::FollowUp => "follow_up",
            EntryKind::Regraded => "regraded",
            EntryKind::Status => "status",
            EntryKind::Note => "note",
            EntryKind::Receipt => "receipt",
            EntryKind::Attachment => "attachment",
            EntryKind::Dispatch => "dispatch",
            EntryKind::Assessment => "assessment",
        }
    }

    pub fn parse(key: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One line of the incident's timeline. `detail` holds structured data per kind: the new
/// status, the grade, the tier that received.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub at: i64,
    pub kind: EntryKind,
    pub actor: String,
    pub text: String,
    pub status: Option<IncidentStatus>,
    pub grade: Option<Grade>,
    pub tier: Option<NodeTier>,
    #[serde(default)]
    pub dispatch: Option<crate::dispatch::DispatchMark>,
    #[serde(default)]
    pub assessment: Option<crate::decision::AssessmentMark>,
}

/// Everything the incident page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentDetail {
    pub summary: IncidentSummary,
    pub facts: IncidentFacts,
    pub source: IncidentSource,
    pub reporter: String,
    pub reporter_phone: String,
    /// The unit that recorded it, and its tier (where the reporting chain starts).
    pub unit_name: String,
    pub entered_tier: NodeTier,
    pub versions: Vec<IncidentVersion>,
    pub timeline: Vec<TimelineEntry>,
    pub attachments: Vec<super::AttachmentView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_only_move_forward() {
        let next: Vec<_> = IncidentStatus::Responding.next().collect();
        assert_eq!(
            next,
            vec![IncidentStatus::Controlled, IncidentStatus::Closed]
        );
        assert_eq!(IncidentStatus::Closed.next().count(), 0);
        for s in IncidentStatus::ALL {
            assert_eq!(IncidentStatus::parse(s.key()), Some(s));
        }
    }

    #[test]
    fn keys_round_trip() {
        for s in IncidentSource::ALL {
            assert_eq!(IncidentSource::parse(s.key()), Some(s));
        }
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::parse(k.key()), Some(k));
        }
    }
}

//! What pages show of alerts: the authoring console's list and detail, and the public portal's
//! published versions.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cap::{MsgType, Status};
use super::level::WarningLevel;
use super::model::AlertContent;
use super::workflow::{Action, Stage, Thread};

/// Where an alert stands, as its list and page say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertStatus {
    Draft,
    Pending,
    Published,
    Expired,
    Cancelled,
}

impl AlertStatus {
    /// The standing of a thread at `now`, given its last published expiry: work before first
    /// publication shows as such; after it, the public state leads (an update in preparation
    /// does not take the alert off the air).
    pub fn of(thread: &Thread, last_expires: Option<i64>, now: i64) -> AlertStatus {
        match (thread.last_published, thread.work) {
            (None, Some(w)) if w.stage == Stage::Pending => AlertStatus::Pending,
            (None, _) => AlertStatus::Draft,
            (Some(MsgType::Cancel), _) => AlertStatus::Cancelled,
            (Some(_), _) if last_expires.is_some_and(|e| e <= now) => AlertStatus::Expired,
            (Some(_), _) => AlertStatus::Published,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            AlertStatus::Draft => "draft",
            AlertStatus::Pending => "pending",
            AlertStatus::Published => "published",
            AlertStatus::Expired => "expired",
            AlertStatus::Cancelled => "cancelled",
        }
    }
}

/// A row of the console's list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertSummary {
    pub id: Uuid,
    pub headline: String,
    pub level: Option<WarningLevel>,
    pub status: AlertStatus,
    pub thread: Thread,
    pub region_code: String,
    pub updated_at: i64,
    pub demo: bool,
    /// The publishing node, for a copy of another tier's alert.
    #[serde(default)]
    pub origin: Option<String>,
}

/// One published version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishedVersion {
    pub id: Uuid,
    pub alert_id: Uuid,
    pub seq: i32,
    pub msg_type: MsgType,
    pub status: Status,
    pub sent: i64,
    pub content: AlertContent,
    pub author: String,
    pub approver: String,
    pub demo: bool,
    /// The publishing node, for a copy of another tier's alert.
    #[serde(default)]
    pub origin: Option<String>,
}

/// An alert as its console page shows it to one reader.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertDetail {
    pub id: Uuid,
    pub status: AlertStatus,
    pub thread: Thread,
    /// The version being prepared.
    pub work: Option<AlertContent>,
    pub work_author: Option<String>,
    /// Newest first.
    pub versions: Vec<PublishedVersion>,
    /// What this reader may do now.
    pub actions: Vec<Action>,
    pub revision: i32,
    pub demo: bool,
    /// The publishing node, for a copy of another tier's alert.
    #[serde(default)]
    pub origin: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alerts::workflow::Work;

    #[test]
    fn an_update_in_preparation_leaves_the_alert_on_the_air() {
        let author = Uuid::from_u128(1);
        let updating = Thread {
            work: Some(Work {
                kind: MsgType::Update,
                stage: Stage::Pending,
                author,
            }),
            last_published: Some(MsgType::Alert),
        };
        assert_eq!(
            AlertStatus::of(&updating, Some(200), 100),
            AlertStatus::Published
        );
        assert_eq!(
            AlertStatus::of(&updating, Some(100), 100),
            AlertStatus::Expired
        );
        assert_eq!(
            AlertStatus::of(&Thread::new(author), None, 100),
            AlertStatus::Draft
        );
    }
}

//! A published alert version as it travels between tiers, and which tiers it concerns. The
//! author stays the CAP sender wherever a copy is shown, so the same warning keeps one identity
//! across the national system.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::cap::{MsgType, Status};
use super::model::AlertContent;
use crate::identity::region_prefix;

/// One published version, whole: a tier that first hears of the alert at its update still has
/// everything, and the references name the earlier versions as the author wrote them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertPublication {
    pub alert: Uuid,
    /// The version's id: its CAP identifier.
    pub version: Uuid,
    pub seq: i32,
    pub msg_type: MsgType,
    pub status: Status,
    /// Unix seconds, as CAP `sent`.
    pub sent: i64,
    /// `sender,identifier,sent` of every earlier version, oldest first.
    pub references: Vec<String>,
    pub author: String,
    pub approver: String,
    pub content: AlertContent,
    #[serde(default)]
    pub demo: bool,
}

/// Whether an alert for `alert_region` concerns a node whose region is `node_region`: one area
/// lies within the other (a national node is concerned by all; a city by the warnings of its
/// province and of its own districts, not by its neighbour's).
pub fn concerns(node_region: &str, alert_region: &str) -> bool {
    match (region_prefix(node_region), region_prefix(alert_region)) {
        (Some(node), Some(alert)) => node.starts_with(alert) || alert.starts_with(node),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alert_concerns_the_tiers_whose_area_overlaps_it() {
        // National node: everything.
        assert!(concerns("100000", "140105"));
        // A province's warning concerns its cities; a city's concerns its province.
        assert!(concerns("140100", "140000"));
        assert!(concerns("140000", "140105"));
        // A national warning concerns every node.
        assert!(concerns("140100", "100000"));
        // Not the neighbouring city, nor another province.
        assert!(!concerns("140100", "140200"));
        assert!(!concerns("140000", "410000"));
        // An unreadable code concerns nobody rather than everybody.
        assert!(!concerns("140100", "14"));
    }
}

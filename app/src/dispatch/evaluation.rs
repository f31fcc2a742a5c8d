//! 事后评估: what the record of an incident says about the response, computed from its
//! versions and dispatches — nothing here is typed in, so the figures cannot be talked up.

use serde::{Deserialize, Serialize};

use super::{DispatchCard, DispatchStatus};
use crate::incidents::{Casualties, IncidentDetail};
use crate::resources::ResourceKind;

/// An arrival counts as on time up to this share over its estimate (roads are not straight).
pub const ON_TIME_MARGIN: f64 = 1.2;

/// One dispatched resource: the estimate made at the order against what happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArrivalRow {
    pub resource: String,
    pub kind: ResourceKind,
    pub dispatched_at: i64,
    pub estimated_minutes: f64,
    /// From the order to arrival; `None` if it never reported arriving.
    pub actual_minutes: Option<f64>,
}

impl ArrivalRow {
    pub fn on_time(&self) -> Option<bool> {
        self.actual_minutes
            .map(|actual| actual <= self.estimated_minutes * ON_TIME_MARGIN)
    }
}

/// The casualties as each version stated them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CasualtyStep {
    pub version: u32,
    pub at: i64,
    pub casualties: Casualties,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Seconds from receiving the report to the first dispatch order.
    pub first_dispatch_after: Option<i64>,
    pub arrivals: Vec<ArrivalRow>,
    /// Mean of (actual − estimated) over the resources that arrived, minutes.
    pub mean_delay_minutes: Option<f64>,
    /// Arrived within [`ON_TIME_MARGIN`] of the estimate, of those that arrived.
    pub on_time: (usize, usize),
    /// Resources sent, by kind, in the order of `ResourceKind::ALL`.
    pub used_by_kind: Vec<(ResourceKind, usize)>,
    /// Stock sent: (item, quantity, unit).
    pub stock_used: Vec<(String, f64, String)>,
    pub casualties: Vec<CasualtyStep>,
    /// Still on the scene (not withdrawn).
    pub still_engaged: usize,
}

impl Evaluation {
    pub fn compute(detail: &IncidentDetail, dispatches: &[DispatchCard]) -> Evaluation {
        let received = detail.summary.received_at;
        let first_dispatch_after = dispatches
            .iter()
            .map(|d| d.dispatched_at)
            .min()
            .map(|first| (first - received).max(0));
        let arrivals: Vec<ArrivalRow> = dispatches
            .iter()
            .filter(|d| !d.resource_kind.by_quantity())
            .map(|d| ArrivalRow {
                resource: d.resource_name.clone(),
                kind: d.resource_kind,
                dispatched_at: d.dispatched_at,
                estimated_minutes: d.eta_minutes,
                actual_minutes: d.arrived_at.map(|at| (at - d.dispatched_at) as f64 / 60.0),
            })
            .collect();
        let delays: Vec<f64> = arrivals
            .iter()
            .filter_map(|a| a.actual_minutes.map(|actual| actual - a.estimated_minutes))
            .collect();
        let mean_delay_minutes =
            (!delays.is_empty()).then(|| delays.iter().sum::<f64>() / delays.len() as f64);
        let arrived = arrivals
            .iter()
            .filter(|a| a.actual_minutes.is_some())
            .count();
        let in_time = arrivals
            .iter()
            .filter(|a| a.on_time() == Some(true))
            .count();
        let used_by_kind = ResourceKind::ALL
            .into_iter()
            .map(|k| {
                (
                    k,
                    dispatches.iter().filter(|d| d.resource_kind == k).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut stock_used: Vec<(String, f64, String)> = Vec::new();
        for d in dispatches.iter().filter(|d| d.resource_kind.by_quantity()) {
            match stock_used
                .iter_mut()
                .find(|(name, ..)| *name == d.resource_name)
            {
                Some(entry) => entry.1 += d.quantity,
                None => stock_used.push((d.resource_name.clone(), d.quantity, d.unit.clone())),
            }
        }
        let casualties = detail
            .versions
            .iter()
            .map(|v| CasualtyStep {
                version: v.version,
                at: v.at,
                casualties: v.facts.casualties,
            })
            .collect();
        Evaluation {
            first_dispatch_after,
            arrivals,
            mean_delay_minutes,
            on_time: (in_time, arrived),
            used_by_kind,
            stock_used,
            casualties,
            still_engaged: dispatches
                .iter()
                .filter(|d| d.status != DispatchStatus::Withdrawn)
                .count(),
        }
    }
}

/// The scoring form's criteria (评分项) and their full marks: filled in by the evaluation panel
/// on the printed report.
pub const CRITERIA: [(&str, &str, u32); 6] = [
    (
        "响应及时性（接报、调派、到达）",
        "Timeliness (report, dispatch, arrival)",
        20,
    ),
    (
        "信息报送（时限、准确、续报）",
        "Reporting (deadlines, accuracy, follow-ups)",
        20,
    ),
    (
        "资源调配（能力匹配、数量适当）",
        "Resource allocation (capability, quantity)",
        20,
    ),
    (
        "现场处置（方案、安全、效果）",
        "On-scene response (plan, safety, effect)",
        20,
    ),
    (
        "协同配合（部门、层级、企业）",
        "Coordination (agencies, tiers, enterprise)",
        10,
    ),
    ("善后与恢复", "Recovery", 10),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn card(
        name: &str,
        kind: ResourceKind,
        at: i64,
        eta: f64,
        arrived: Option<i64>,
    ) -> DispatchCard {
        DispatchCard {
            id: uuid::Uuid::nil(),
            incident_id: uuid::Uuid::nil(),
            incident_title: String::new(),
            region_code: "140100".into(),
            resource_id: uuid::Uuid::nil(),
            resource_name: name.into(),
            resource_kind: kind,
            contact_phone: String::new(),
            status: if arrived.is_some() {
                DispatchStatus::Arrived
            } else {
                DispatchStatus::Departed
            },
            quantity: 100.0,
            unit: "具".into(),
            distance_km: 10.0,
            eta_minutes: eta,
            dispatched_at: at,
            departed_at: None,
            arrived_at: arrived,
            working_at: None,
            withdrawn_at: None,
            position: None,
            actor: String::new(),
            revision: 1,
            demo: false,
        }
    }

    fn detail(received_at: i64) -> IncidentDetail {
        let json = serde_json::json!({
            "summary": {
                "id": uuid::Uuid::nil(), "title": "t", "accident_type": 15, "industry": "coal",
                "grade": "general", "status": "responding", "occurred_at": received_at - 600,
                "received_at": received_at, "region_code": "140100", "lon": 112.5, "lat": 37.8,
                "casualties": Casualties::default(), "duties": [], "version": 1, "revision": 1,
                "demo": false
            },
            "facts": null
        });
        let summary = serde_json::from_value(json["summary"].clone()).expect("summary");
        IncidentDetail {
            summary,
            facts: serde_json::from_value(serde_json::json!({
                "title": "t", "accident_type": 15, "industry": "coal", "occurred_at": 0,
                "lon": 112.5, "lat": 37.8, "region_code": "140100", "address": "", "enterprise": "",
                "casualties": Casualties::default(), "direct_loss_cny": 0, "hazmat": "",
                "description": ""
            }))
            .expect("facts"),
            source: crate::incidents::IncidentSource::Phone,
            reporter: String::new(),
            reporter_phone: String::new(),
            unit_name: String::new(),
            entered_tier: crate::site::NodeTier::City,
            versions: Vec::new(),
            timeline: Vec::new(),
            attachments: Vec::new(),
        }
    }

    #[test]
    fn indicators_come_from_the_record() {
        let d = detail(1_000);
        let cards = [
            card(
                "甲队",
                ResourceKind::Team,
                1_300,
                20.0,
                Some(1_300 + 22 * 60),
            ),
            card(
                "乙队",
                ResourceKind::Team,
                1_400,
                20.0,
                Some(1_400 + 30 * 60),
            ),
            card("丙队", ResourceKind::Team, 1_500, 20.0, None),
            card("面具", ResourceKind::Stockpile, 1_600, 40.0, None),
            card("面具", ResourceKind::Stockpile, 1_700, 40.0, None),
        ];
        let e = Evaluation::compute(&d, &cards);
        assert_eq!(e.first_dispatch_after, Some(300));
        assert_eq!(e.arrivals.len(), 3, "stock is counted out, not timed");
        // 22 min is within 20 × 1.2; 30 is not.
        assert_eq!(e.on_time, (1, 2));
        assert_eq!(e.mean_delay_minutes, Some(6.0));
        assert_eq!(
            e.used_by_kind,
            [(ResourceKind::Team, 3), (ResourceKind::Stockpile, 2)]
        );
        assert_eq!(
            e.stock_used,
            [("面具".to_string(), 200.0, "具".to_string())]
        );
        assert_eq!(e.still_engaged, 5);
        let none = Evaluation::compute(&d, &[]);
        assert_eq!(
            (none.first_dispatch_after, none.mean_delay_minutes),
            (None, None)
        );
    }

    #[test]
    fn the_scoring_form_adds_up_to_a_hundred() {
        assert_eq!(CRITERIA.iter().map(|c| c.2).sum::<u32>(), 100);
    }
}

//! 报告时限: who must have the report by when (Decree 493 Art. 9–10 and the 2006 guidance), and
//! the window for follow-up reports (续报, Art. 13). Times are Unix seconds.

use serde::{Deserialize, Serialize};

use super::Grade;
use crate::site::NodeTier;

/// The enterprise reports to the county-level authority within this of the accident.
pub const ENTERPRISE_TO_COUNTY: i64 = 3600;
/// Each authority passes the report up within this of receiving it.
pub const PER_TIER: i64 = 2 * 3600;
/// 重大 and 特别重大 reach the national centre through the platform within this of the accident.
pub const NATIONAL_WITHIN: i64 = 3 * 3600;

/// A tier that must receive the report, and by when.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duty {
    pub to: NodeTier,
    pub due: i64,
    /// When that tier acknowledged receipt, if it has.
    pub received: Option<i64>,
}

/// Where a duty stands at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DutyState {
    /// Still open: seconds left.
    Open { remaining: i64 },
    /// Past its deadline without a receipt: seconds over.
    Overdue { by: i64 },
    /// Received; `late` if after the deadline.
    Done { late: bool },
}

impl Duty {
    pub fn state(&self, now: i64) -> DutyState {
        match self.received {
            Some(at) => DutyState::Done {
                late: at > self.due,
            },
            None if now > self.due => DutyState::Overdue { by: now - self.due },
            None => DutyState::Open {
                remaining: self.due - now,
            },
        }
    }
}

/// The authorities a report climbs, lowest first.
const AUTHORITIES: [NodeTier; 4] = [
    NodeTier::County,
    NodeTier::City,
    NodeTier::Provincial,
    NodeTier::National,
];

/// How far up a report of this grade must travel.
pub fn highest_recipient(grade: Grade) -> NodeTier {
    match grade {
        Grade::General => NodeTier::City,
        Grade::Larger => NodeTier::Provincial,
        Grade::Major | Grade::ParticularlyMajor => NodeTier::National,
    }
}

/// Whether a node of `tier` holding a report of `grade` must pass it to its parent: the
/// report has not yet reached the highest tier the grade requires (a re-grade may make it so).
pub fn goes_above(grade: Grade, tier: NodeTier) -> bool {
    tier_above(highest_recipient(grade), tier)
}

/// Whether `tier` ranks above `other` in the reporting chain.
pub fn tier_above(tier: NodeTier, other: NodeTier) -> bool {
    rank(tier) > rank(other)
}

fn rank(tier: NodeTier) -> usize {
    match tier {
        NodeTier::Enterprise | NodeTier::Base => 0,
        NodeTier::County => 1,
        NodeTier::City => 2,
        NodeTier::Provincial => 3,
        NodeTier::National => 4,
    }
}

/// The reporting duties of an accident of `grade` that occurred at `occurred_at` and was first
/// recorded at `entered` (its tier and time: an enterprise, or an authority that heard of it
/// directly, e.g. from a 119 call centre). Each tier's deadline runs from its predecessor's
/// receipt, or, while that is unknown, from the predecessor's own deadline (the latest lawful
/// receipt). A re-grade is a new call with the new grade: the chain grows.
pub fn reporting_duties(
    grade: Grade,
    occurred_at: i64,
    entered: (NodeTier, i64),
    receipts: &[(NodeTier, i64)],
) -> Vec<Duty> {
    let received = |tier: NodeTier| {
        receipts
            .iter()
            .filter(|(t, _)| *t == tier)
            .map(|(_, at)| *at)
            .min()
    };
    let top = rank(highest_recipient(grade));
    let (entry_tier, entry_at) = entered;
    let mut duties = Vec::new();
    // The latest moment the tier below had (or lawfully could have had) the report.
    let mut below = entry_at;
    for tier in AUTHORITIES {
        let r = rank(tier);
        if r <= rank(entry_tier) || r > top {
            continue;
        }
        let mut due = if r == 1 {
            occurred_at + ENTERPRISE_TO_COUNTY
        } else {
            below + PER_TIER
        };
        if tier == NodeTier::National && grade >= Grade::Major {
            due = due.min(occurred_at + NATIONAL_WITHIN);
        }
        let got = received(tier);
        duties.push(Duty {
            to: tier,
            due,
            received: got,
        });
        below = got.unwrap_or(due);
    }
    duties
}

/// GB 6441 class 8: 火灾.
const FIRE: u8 = 8;
/// The work-safety industry of road transport.
const ROAD_TRANSPORT: &str = "road";

/// Days after the accident within which casualty changes are reported (续报): 7 for road
/// traffic and fire accidents, 30 for all others.
pub fn followup_window_days(accident_type: u8, industry: &str) -> u32 {
    if accident_type == FIRE || industry == ROAD_TRANSPORT {
        7
    } else {
        30
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NodeTier::*;

    #[test]
    fn a_report_goes_up_until_the_tier_its_grade_requires() {
        assert!(goes_above(Grade::General, County));
        assert!(!goes_above(Grade::General, City));
        assert!(goes_above(Grade::Larger, City));
        assert!(!goes_above(Grade::Larger, Provincial));
        assert!(goes_above(Grade::Major, Provincial));
        assert!(goes_above(Grade::Major, Enterprise));
        assert!(!goes_above(Grade::ParticularlyMajor, National));
    }

    const H: i64 = 3600;
    const T0: i64 = 1_796_383_800; // the accident

    fn plan(
        grade: Grade,
        entered: (NodeTier, i64),
        receipts: &[(NodeTier, i64)],
    ) -> Vec<(NodeTier, i64)> {
        reporting_duties(grade, T0, entered, receipts)
            .into_iter()
            .map(|d| (d.to, d.due - T0))
            .collect()
    }

    #[test]
    fn each_grade_climbs_as_far_as_the_decree_says() {
        let from_enterprise = (Enterprise, T0 + 600);
        assert_eq!(
            plan(Grade::General, from_enterprise, &[]),
            vec![(County, H), (City, 3 * H)]
        );
        assert_eq!(
            plan(Grade::Larger, from_enterprise, &[]),
            vec![(County, H), (City, 3 * H), (Provincial, 5 * H)]
        );
        // 重大: the national centre within 3 h of the accident, whatever the chain below allows.
        assert_eq!(
            plan(Grade::Major, from_enterprise, &[]),
            vec![
                (County, H),
                (City, 3 * H),
                (Provincial, 5 * H),
                (National, 3 * H)
            ]
        );
        assert_eq!(
            plan(Grade::ParticularlyMajor, from_enterprise, &[]),
            plan(Grade::Major, from_enterprise, &[])
        );
    }

    #[test]
    fn deadlines_run_from_actual_receipts() {
        // The county had it after 20 minutes, the city after 1 h.
        let receipts = [(County, T0 + 20 * 60), (City, T0 + H)];
        assert_eq!(
            plan(Grade::Larger, (Enterprise, T0), &receipts),
            vec![(County, H), (City, 20 * 60 + 2 * H), (Provincial, 3 * H)]
        );
    }

    #[test]
    fn an_authority_that_heard_first_reports_from_its_own_receipt() {
        // A 119 call reaches the city desk 30 minutes after the accident: nothing below it owes.
        let entered = (City, T0 + 30 * 60);
        assert_eq!(plan(Grade::General, entered, &[]), vec![]);
        assert_eq!(
            plan(Grade::Larger, entered, &[]),
            vec![(Provincial, 30 * 60 + 2 * H)]
        );
    }

    #[test]
    fn a_regrade_extends_the_chain() {
        let entered = (Enterprise, T0);
        let receipts = [(County, T0 + 30 * 60), (City, T0 + 2 * H)];
        let before = reporting_duties(Grade::Larger, T0, entered, &receipts);
        let after = reporting_duties(Grade::Major, T0, entered, &receipts);
        assert_eq!(after.len(), before.len() + 1);
        assert_eq!(&after[..before.len()], &before[..]);
        assert_eq!(after[3].to, National);
    }

    #[test]
    fn a_duty_is_open_overdue_or_done() {
        let duty = Duty {
            to: City,
            due: T0 + 2 * H,
            received: None,
        };
        assert_eq!(duty.state(T0 + H), DutyState::Open { remaining: H });
        assert_eq!(duty.state(T0 + 3 * H), DutyState::Overdue { by: H });
        let done = Duty {
            received: Some(T0 + H),
            ..duty
        };
        assert_eq!(done.state(T0 + 5 * H), DutyState::Done { late: false });
        let late = Duty {
            received: Some(T0 + 2 * H + 1),
            ..duty
        };
        assert_eq!(late.state(T0 + 5 * H), DutyState::Done { late: true });
    }

    #[test]
    fn follow_ups_are_due_within_7_days_for_fire_and_road_traffic_else_30() {
        assert_eq!(followup_window_days(8, "hazchem"), 7);
        assert_eq!(followup_window_days(2, "road"), 7);
        assert_eq!(followup_window_days(15, "coal"), 30);
        assert_eq!(followup_window_days(2, "construction"), 30);
    }
}

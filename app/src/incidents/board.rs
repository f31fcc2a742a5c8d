//! The desk's board as the browser keeps it: live events folded into the loaded list, the order
//! a duty officer works in, and today's counts. Pure, so the rules are tested here.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{DutyState, IncidentSummary};
use crate::ui::time::BEIJING;

/// An incident received today (Beijing day), for the day's counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub id: Uuid,
    pub deaths: u32,
}

/// Today's counts for the desk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskCounts {
    pub active: u32,
    pub received_today: u32,
    pub deaths_today: u32,
    pub overdue: u32,
}

/// What the desk holds: the active incidents and today's receipts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub incidents: Vec<IncidentSummary>,
    pub today: Vec<Received>,
}

/// The Unix second at which the Beijing day of `now` began.
pub fn beijing_midnight(now: i64) -> i64 {
    let offset = i64::from(BEIJING.whole_seconds());
    (now + offset).div_euclid(86_400) * 86_400 - offset
}

fn is_overdue(incident: &IncidentSummary, now: i64) -> bool {
    incident
        .duties
        .iter()
        .any(|d| matches!(d.state(now), DutyState::Overdue { .. }))
}

impl Board {
    /// Applies the new state of one incident: a closed one leaves the board; a state older
    /// than the one held (a replayed event after a reload) changes nothing.
    pub fn apply(&mut self, incident: IncidentSummary, now: i64) {
        let held = self.incidents.iter().find(|i| i.id == incident.id);
        if held.is_some_and(|held| held.revision > incident.revision) {
            return;
        }
        if incident.received_at >= beijing_midnight(now) {
            let deaths = incident.casualties.deaths;
            match self.today.iter_mut().find(|r| r.id == incident.id) {
                Some(r) => r.deaths = deaths,
                None => self.today.push(Received {
                    id: incident.id,
                    deaths,
                }),
            }
        }
        self.incidents.retain(|i| i.id != incident.id);
        if incident.status.is_active() {
            self.incidents.push(incident);
        }
    }

    /// This board with live changes applied on top (each incident's latest state).
    pub fn with_changes(mut self, changes: &[IncidentSummary], now: i64) -> Board {
        for change in changes {
            self.apply(change.clone(), now);
        }
        self
    }

    /// The board in working order: overdue first, then by the next deadline, then the ones whose
    /// chain is complete, newest first.
    pub fn ordered(&self, now: i64) -> Vec<IncidentSummary> {
        let mut list = self.incidents.clone();
        list.sort_by_key(|i| {
            let next = i.next_duty().map(|d| d.due);
            (
                !is_overdue(i, now),
                next.is_none(),
                next.unwrap_or(0),
                -i.received_at,
            )
        });
        list
    }

    pub fn counts(&self, now: i64) -> DeskCounts {
        let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        DeskCounts {
            active: as_u32(self.incidents.len()),
            received_today: as_u32(self.today.len()),
            deaths_today: self.today.iter().map(|r| r.deaths).sum(),
            overdue: as_u32(self.incidents.iter().filter(|i| is_overdue(i, now)).count()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incidents::{Casualties, Duty, Grade, IncidentStatus};
    use crate::site::NodeTier;

    const NOW: i64 = 1_796_383_800; // 2026-12-04 19:30 Beijing

    fn incident(n: u128, due: Option<i64>, status: IncidentStatus) -> IncidentSummary {
        IncidentSummary {
            id: Uuid::from_u128(n),
            title: format!("#{n}"),
            accident_type: 1,
            industry: "coal".into(),
            grade: Grade::General,
            status,
            occurred_at: NOW - 3600,
            received_at: NOW - 3000 + n as i64,
            region_code: "140105".into(),
            lon: 112.5,
            lat: 37.8,
            casualties: Casualties {
                deaths: n as u32,
                ..Casualties::default()
            },
            duties: due
                .map(|due| Duty {
                    to: NodeTier::City,
                    due,
                    received: None,
                })
                .into_iter()
                .collect(),
            version: 1,
            revision: status as u32,
            demo: false,
            origin: None,
        }
    }

    #[test]
    fn the_beijing_day_starts_at_16_utc() {
        assert_eq!(beijing_midnight(NOW), 1_796_313_600); // 2026-12-03T16:00Z
        assert_eq!(beijing_midnight(1_796_313_600), 1_796_313_600);
    }

    #[test]
    fn overdue_comes_first_then_the_nearest_deadline() {
        let mut board = Board::default();
        board.apply(incident(1, None, IncidentStatus::Received), NOW);
        board.apply(incident(2, Some(NOW + 600), IncidentStatus::Received), NOW);
        board.apply(incident(3, Some(NOW - 60), IncidentStatus::Received), NOW);
        board.apply(incident(4, Some(NOW + 60), IncidentStatus::Responding), NOW);
        let order: Vec<_> = board.ordered(NOW).iter().map(|i| i.title.clone()).collect();
        assert_eq!(order, ["#3", "#4", "#2", "#1"]);
        assert_eq!(board.counts(NOW).overdue, 1);
    }

    #[test]
    fn events_update_in_place_and_closing_removes() {
        let mut board = Board::default();
        board.apply(incident(3, None, IncidentStatus::Received), NOW);
        let mut later = incident(3, None, IncidentStatus::Verifying);
        later.casualties.deaths = 10;
        board.apply(later, NOW);
        assert_eq!(board.incidents.len(), 1);
        let counts = board.counts(NOW);
        assert_eq!((counts.received_today, counts.deaths_today), (1, 10));
        // A replayed older state does not undo the newer one.
        board.apply(incident(3, None, IncidentStatus::Received), NOW);
        assert_eq!(board.incidents[0].status, IncidentStatus::Verifying);
        board.apply(incident(3, None, IncidentStatus::Closed), NOW);
        assert!(board.incidents.is_empty());
        // Closed today still counts as received today.
        assert_eq!(board.counts(NOW).received_today, 1);
    }
}

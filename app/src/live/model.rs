use serde::{Deserialize, Serialize};

use crate::incidents::IncidentSummary;

/// What changed. Each event carries the whole new state of its record, so a client applies it
/// without asking the server again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// An incident was recorded or changed (follow-up, status, receipt, note).
    Incident { incident: IncidentSummary },
    /// A resource was dispatched, moved on in its lifecycle or reported its position.
    Dispatch {
        dispatch: crate::dispatch::DispatchCard,
    },
    /// A command-hall device answered differently from before (link, power, input, ties…).
    HallDevice {
        id: String,
        status: crate::hall::DeviceStatus,
    },
}

/// The path of the event stream.
pub const EVENTS_PATH: &str = "/events";

/// The SSE event name that tells a client its gap cannot be replayed: reload the lists.
pub const RESYNC_EVENT: &str = "resync";

/// The meta tag in which the server names the last event before the page was rendered, so the
/// tab's first connection replays whatever happened while the page loaded.
pub const AFTER_META: &str = "yingji-live-after";

/// The state of a tab's live link.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConnState {
    #[default]
    Connecting,
    Live,
    Lost,
}

/// An SSE event id: the bus's epoch (one per process start) and the event's sequence number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventId {
    pub epoch: u32,
    pub seq: u64,
}

impl EventId {
    pub fn parse(text: &str) -> Option<EventId> {
        let (epoch, seq) = text.trim().split_once('-')?;
        Some(EventId {
            epoch: u32::from_str_radix(epoch, 16).ok()?,
            seq: seq.parse().ok()?,
        })
    }
}

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:08x}-{}", self.epoch, self.seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_round_trip_and_reject_junk() {
        let id = EventId {
            epoch: 0xdead_beef,
            seq: 42,
        };
        assert_eq!(EventId::parse(&id.to_string()), Some(id));
        assert_eq!(EventId::parse("42"), None);
        assert_eq!(EventId::parse("zz-1"), None);
    }
}

//! ssr: the node's event bus. Services publish after their transaction commits; each stream
//! subscribes with the id of the last event it saw and gets exactly what it missed, or a resync
//! when that has left the replay window.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use tokio::sync::broadcast;
use uuid::Uuid;

use super::{EventId, LiveEvent};
use crate::identity::region_covers;

/// Events kept for replay to reconnecting tabs.
const REPLAY: usize = 4096;

/// Who may see an event: the record's region, and the units it was shared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audience {
    pub region: String,
    pub shared_with: Vec<Uuid>,
}

impl Audience {
    pub fn admits(&self, unit_region: &str, unit_id: Uuid) -> bool {
        region_covers(unit_region, &self.region) || self.shared_with.contains(&unit_id)
    }
}

/// One published event, serialised once for every stream.
#[derive(Debug)]
pub struct Published {
    pub id: EventId,
    pub audience: Audience,
    pub json: String,
}

/// Carries published events between the server processes of one node (NATS in the server);
/// every process, the publisher included, delivers what arrives to its own tabs.
pub trait Relay: Send + Sync + std::fmt::Debug {
    fn send(&self, event: RelayedEvent);
}

/// An event between processes: its audience and its serialised form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelayedEvent {
    pub region: String,
    pub shared_with: Vec<Uuid>,
    pub json: String,
}

#[derive(Debug)]
struct Log {
    next: u64,
    recent: VecDeque<Arc<Published>>,
}

#[derive(Clone, Debug)]
pub struct Bus {
    epoch: u32,
    log: Arc<Mutex<Log>>,
    sender: broadcast::Sender<Arc<Published>>,
    relay: Arc<OnceLock<Arc<dyn Relay>>>,
}

/// What a new subscriber starts from.
pub struct Subscription {
    /// Events after the subscriber's last one, or `None` when they can no longer be replayed.
    pub missed: Option<Vec<Arc<Published>>>,
    pub receiver: broadcast::Receiver<Arc<Published>>,
}

impl Default for Bus {
    fn default() -> Self {
        Bus::new()
    }
}

impl Bus {
    pub fn new() -> Bus {
        let (sender, _) = broadcast::channel(REPLAY);
        Bus {
            // A new epoch per process (UUIDv7's random tail): ids from before a restart are never
            // mistaken for ours.
            epoch: (Uuid::now_v7().as_u128() & 0xffff_ffff) as u32,
            log: Arc::new(Mutex::new(Log {
                next: 1,
                recent: VecDeque::with_capacity(REPLAY),
            })),
            sender,
            relay: Arc::new(OnceLock::new()),
        }
    }

    /// Shares this bus with the node's other processes from now on (set once, at start-up).
    pub fn set_relay(&self, relay: Arc<dyn Relay>) {
        if self.relay.set(relay).is_err() {
            tracing::warn!("the live bus already has a relay");
        }
    }

    /// Publishes one event. Call it after the change's transaction has committed.
    pub fn publish(&self, audience: Audience, event: &LiveEvent) {
        let json = match serde_json::to_string(event) {
            Ok(json) => json,
            Err(err) => {
                tracing::error!(%err, "live event does not serialise");
                return;
            }
        };
        match self.relay.get() {
            // Every process, this one too, delivers it when it comes back from the relay.
            Some(relay) => relay.send(RelayedEvent {
                region: audience.region,
                shared_with: audience.shared_with,
                json,
            }),
            None => self.deliver(audience, json),
        }
    }

    /// Hands an event to this process's tabs: numbered, kept for replay, broadcast.
    pub fn deliver(&self, audience: Audience, json: String) {
        let mut log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let published = Arc::new(Published {
            id: EventId {
                epoch: self.epoch,
                seq: log.next,
            },
            audience,
            json,
        });
        log.next += 1;
        if log.recent.len() == REPLAY {
            log.recent.pop_front();
        }
        log.recent.push_back(published.clone());
        // Sent under the lock, so a subscriber never sees an event both replayed and live.
        let _ = self.sender.send(published);
    }

    /// Subscribes a stream that last saw `last` (none for a fresh tab).
    pub fn subscribe(&self, last: Option<EventId>) -> Subscription {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        let receiver = self.sender.subscribe();
        let missed = match last {
            None => Some(Vec::new()),
            Some(id) if id.epoch != self.epoch || id.seq >= log.next => None,
            Some(id) => {
                let oldest = log.recent.front().map_or(log.next, |p| p.id.seq);
                (id.seq + 1 >= oldest).then(|| {
                    log.recent
                        .iter()
                        .filter(|p| p.id.seq > id.seq)
                        .cloned()
                        .collect()
                })
            }
        };
        Subscription { missed, receiver }
    }

    /// The id of the latest event (for a fresh stream to start from).
    pub fn head(&self) -> EventId {
        let log = self.log.lock().unwrap_or_else(|e| e.into_inner());
        EventId {
            epoch: self.epoch,
            seq: log.next - 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incidents::IncidentSummary;

    fn audience(region: &str) -> Audience {
        Audience {
            region: region.into(),
            shared_with: vec![],
        }
    }

    fn event() -> LiveEvent {
        LiveEvent::Incident {
            incident: IncidentSummary {
                id: Uuid::nil(),
                title: "t".into(),
                accident_type: 1,
                industry: "coal".into(),
                grade: crate::incidents::Grade::General,
                status: crate::incidents::IncidentStatus::Received,
                occurred_at: 0,
                received_at: 0,
                region_code: "140105".into(),
                lon: 112.0,
                lat: 37.0,
                casualties: Default::default(),
                duties: vec![],
                version: 1,
                revision: 1,
                demo: false,
                origin: None,
            },
        }
    }

    #[tokio::test]
    async fn a_reconnecting_stream_gets_exactly_what_it_missed() {
        let bus = Bus::new();
        bus.publish(audience("140105"), &event());
        let seen = bus.head();
        bus.publish(audience("140105"), &event());
        bus.publish(audience("140105"), &event());
        let sub = bus.subscribe(Some(seen));
        let missed: Vec<u64> = sub.missed.unwrap().iter().map(|p| p.id.seq).collect();
        assert_eq!(missed, vec![seen.seq + 1, seen.seq + 2]);
        // Live events follow, without a repeat.
        let mut rx = sub.receiver;
        bus.publish(audience("140105"), &event());
        assert_eq!(rx.recv().await.unwrap().id.seq, seen.seq + 3);
    }

    #[test]
    fn ids_from_another_process_or_beyond_the_window_ask_for_a_resync() {
        let bus = Bus::new();
        for _ in 0..REPLAY + 5 {
            bus.publish(audience("140105"), &event());
        }
        let stale = EventId {
            epoch: bus.head().epoch,
            seq: 2,
        };
        assert!(bus.subscribe(Some(stale)).missed.is_none());
        let foreign = EventId {
            epoch: bus.head().epoch ^ 1,
            seq: 1,
        };
        assert!(bus.subscribe(Some(foreign)).missed.is_none());
        assert_eq!(
            bus.subscribe(Some(bus.head())).missed.map(|m| m.len()),
            Some(0)
        );
        assert_eq!(bus.subscribe(None).missed.map(|m| m.len()), Some(0));
    }

    #[test]
    fn audiences_follow_jurisdiction_and_shares() {
        let unit = Uuid::now_v7();
        let mut a = audience("140105");
        assert!(a.admits("140000", Uuid::nil()));
        assert!(a.admits("100000", Uuid::nil()));
        assert!(!a.admits("440100", unit));
        a.shared_with.push(unit);
        assert!(a.admits("440100", unit));
    }
}

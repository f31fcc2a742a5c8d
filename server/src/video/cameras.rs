//! The cameras the node pulls: one task per camera that connects, forwards frames to the SFU
//! and, when the camera fails, says so and tries again (2 s, doubling to 30 s; back to 2 s
//! after a minute of good video). Their health is what the registry page shows. An own camera
//! is pulled over RTSP; a camera a lower node's report attached, through that node
//! ([`super::relay`]). Each camera's frames can be tapped, for the nodes above.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::cameras::service::Source;
use app::cameras::{CameraHealth, LinkState};
use app::video::{RoomRef, RoomSummary};
use tokio::sync::broadcast;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::rtsp::PullFailed;
use super::{FeedSink, Frame};

const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(30);
/// A pull that lasted this long was a good one: the next failure retries quickly again.
const STABLE: Duration = Duration::from_secs(60);

/// Frames a tap may fall behind by before it skips ahead (and its viewers wait for a keyframe).
const TAP_FRAMES: usize = 64;

type Health = Arc<Mutex<HashMap<Uuid, CameraHealth>>>;

/// The way to lower nodes' cameras, and who watches here (frames are fetched only then).
#[derive(Clone)]
pub struct RelayLink {
    pub client: async_nats::Client,
    pub rooms: Arc<Mutex<Vec<RoomSummary>>>,
}

impl RelayLink {
    fn watched(&self, camera: Uuid) -> bool {
        let room = RoomRef::Camera { id: camera };
        lock(&self.rooms)
            .iter()
            .any(|r| r.room == room && !r.participants.is_empty())
    }
}

#[derive(Default)]
pub struct Cameras {
    tasks: Mutex<HashMap<Uuid, JoinHandle<()>>>,
    taps: Mutex<HashMap<Uuid, broadcast::Sender<Frame>>>,
    health: Health,
    relay: Option<RelayLink>,
}

impl Cameras {
    pub fn relayed_through(relay: Option<RelayLink>) -> Cameras {
        Cameras {
            tasks: Mutex::default(),
            taps: Mutex::default(),
            health: Health::default(),
            relay,
        }
    }

    /// Starts pulling, replacing any earlier pull of the same camera.
    pub fn watch(&self, source: Source, sink: FeedSink) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            tracing::error!(camera = %source.id, "no runtime to pull a camera on");
            return;
        };
        set(&self.health, source.id, LinkState::Connecting, None);
        let (tap, _) = broadcast::channel(TAP_FRAMES);
        lock(&self.taps).insert(source.id, tap.clone());
        let outlet = Outlet { sink, tap };
        let pull = Pull {
            source: source.clone(),
            health: self.health.clone(),
            relay: self.relay.clone(),
        };
        let task = runtime.spawn(pull.supervise(outlet));
        if let Some(old) = lock(&self.tasks).insert(source.id, task) {
            old.abort();
        }
    }

    pub fn forget(&self, camera: Uuid) {
        if let Some(task) = lock(&self.tasks).remove(&camera) {
            task.abort();
        }
        lock(&self.taps).remove(&camera);
        lock(&self.health).remove(&camera);
    }

    /// The camera's frames from now on; `None` for a camera not pulled here.
    pub fn tap(&self, camera: Uuid) -> Option<broadcast::Receiver<Frame>> {
        lock(&self.taps)
            .get(&camera)
            .map(broadcast::Sender::subscribe)
    }

    /// The cameras pulled now.
    pub fn pulled(&self) -> Vec<Uuid> {
        lock(&self.tasks).keys().copied().collect()
    }

    pub fn health(&self, camera: Uuid) -> CameraHealth {
        lock(&self.health).get(&camera).cloned().unwrap_or_default()
    }
}

impl Drop for Cameras {
    fn drop(&mut self) {
        for task in lock(&self.tasks).values() {
            task.abort();
        }
    }
}

/// Where a camera's frames go: its SFU feed and its tap.
struct Outlet {
    sink: FeedSink,
    tap: broadcast::Sender<Frame>,
}

impl Outlet {
    fn frame(&self, frame: Frame) {
        // No receiver (nobody above asked) is the usual case, not an error.
        let _ = self.tap.send(frame.clone());
        self.sink.frame(frame);
    }
}

struct Pull {
    source: Source,
    health: Health,
    relay: Option<RelayLink>,
}

impl Pull {
    async fn supervise(self, outlet: Outlet) {
        let id = self.source.id;
        let mut retry = RETRY_FIRST;
        loop {
            let started = Instant::now();
            let playing = || {
                set(&self.health, id, LinkState::Online, None);
                outlet.sink.live(true);
            };
            let failed = match (&self.source.origin, &self.relay) {
                (None, _) => {
                    super::rtsp::pull(&self.source.url, playing, |f| outlet.frame(f)).await
                }
                (Some(origin), Some(relay)) => {
                    let watched = || relay.watched(id);
                    let frame = |f| outlet.frame(f);
                    super::relay::pull(&relay.client, origin, id, watched, playing, frame).await
                }
                (Some(_), None) => Err(PullFailed::new(
                    "this node has no link to the reporting node (NATS is not configured)",
                )),
            };
            outlet.sink.live(false);
            let reason = match failed {
                Err(failed) => failed.0,
                Ok(never) => match never {},
            };
            tracing::info!(camera = %id, name = %self.source.name, %reason, "camera offline");
            set(&self.health, id, LinkState::Offline, Some(reason));
            let wait = if started.elapsed() >= STABLE {
                RETRY_FIRST
            } else {
                retry
            };
            retry = (wait * 2).min(RETRY_MAX);
            tokio::time::sleep(wait).await;
        }
    }
}

/// Records a state; `since` moves only when the state changes (a camera failing again and
/// again stays offline since its first failure).
fn set(health: &Health, camera: Uuid, state: LinkState, error: Option<String>) {
    let mut all = lock(health);
    let entry = all.entry(camera).or_default();
    if entry.state != state || entry.since == 0 {
        entry.since = app::ui::time::now_unix();
    }
    entry.state = state;
    entry.error = error;
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

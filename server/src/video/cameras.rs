//! The cameras the node pulls: one task per camera that connects, forwards frames to the SFU
//! and, when the camera fails, says so and tries again (2 s, doubling to 30 s; back to 2 s
//! after a minute of good video). Their health is what the registry page shows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::cameras::service::Source;
use app::cameras::{CameraHealth, LinkState};
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::FeedSink;

const RETRY_FIRST: Duration = Duration::from_secs(2);
const RETRY_MAX: Duration = Duration::from_secs(30);
/// A pull that lasted this long was a good one: the next failure retries quickly again.
const STABLE: Duration = Duration::from_secs(60);

type Health = Arc<Mutex<HashMap<Uuid, CameraHealth>>>;

#[derive(Default)]
pub struct Cameras {
    tasks: Mutex<HashMap<Uuid, JoinHandle<()>>>,
    health: Health,
}

impl Cameras {
    /// Starts pulling, replacing any earlier pull of the same camera.
    pub fn watch(&self, source: Source, sink: FeedSink) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            tracing::error!(camera = %source.id, "no runtime to pull a camera on");
            return;
        };
        set(&self.health, source.id, LinkState::Connecting, None);
        let task = runtime.spawn(supervise(source.clone(), sink, self.health.clone()));
        if let Some(old) = lock(&self.tasks).insert(source.id, task) {
            old.abort();
        }
    }

    pub fn forget(&self, camera: Uuid) {
        if let Some(task) = lock(&self.tasks).remove(&camera) {
            task.abort();
        }
        lock(&self.health).remove(&camera);
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

async fn supervise(source: Source, sink: FeedSink, health: Health) {
    let mut retry = RETRY_FIRST;
    loop {
        let started = Instant::now();
        let failed = super::rtsp::pull(
            &source.url,
            || {
                set(&health, source.id, LinkState::Online, None);
                sink.live(true);
            },
            |frame| sink.frame(frame),
        )
        .await;
        sink.live(false);
        let reason = match failed {
            Err(failed) => failed.0,
            Ok(never) => match never {},
        };
        tracing::info!(camera = %source.id, name = %source.name, %reason, "camera offline");
        set(&health, source.id, LinkState::Offline, Some(reason));
        let wait = if started.elapsed() >= STABLE {
            RETRY_FIRST
        } else {
            retry
        };
        retry = (wait * 2).min(RETRY_MAX);
        tokio::time::sleep(wait).await;
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

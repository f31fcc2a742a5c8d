//! ssr: the port through which the signalling socket reaches the media service (the SFU the
//! server runs, and the cameras it pulls). Without one, joining answers that video is not
//! available on this node and every camera is offline.

use std::sync::Arc;

use tokio::sync::mpsc::UnboundedReceiver;
use uuid::Uuid;

use super::room::{RoomRef, RoomSummary};
use super::signal::{ClientSignal, ParticipantId, ServerSignal, SignalProblem};
use crate::cameras::service::Source;
use crate::cameras::{CameraHealth, LinkState};

/// Who joins which room, once the socket has checked they may.
#[derive(Clone, Debug)]
pub struct Admission {
    pub room: RoomRef,
    /// The room's title as participants see it (the incident's title, or the ad-hoc name).
    pub title: String,
    pub name: String,
    pub unit: String,
}

/// A participant admitted to a room: their number and the signals the room sends them.
pub struct Joined {
    pub id: ParticipantId,
    pub signals: UnboundedReceiver<ServerSignal>,
}

pub trait MediaPort: Send + Sync {
    fn join(&self, admission: Admission) -> Result<Joined, SignalProblem>;
    /// A message of a joined participant (never `Join`).
    fn signal(&self, from: ParticipantId, signal: ClientSignal);
    fn leave(&self, from: ParticipantId);
    /// The rooms that have participants now.
    fn rooms(&self) -> Vec<RoomSummary>;
    /// Starts pulling a camera (or restarts it with a new address) for its viewers.
    fn watch_camera(&self, source: Source);
    fn forget_camera(&self, camera: Uuid);
    fn camera_health(&self, camera: Uuid) -> CameraHealth;
    /// The cameras being pulled now.
    fn cameras_pulled(&self) -> Vec<Uuid>;
}

struct NoMedia;

impl MediaPort for NoMedia {
    fn join(&self, _admission: Admission) -> Result<Joined, SignalProblem> {
        Err(SignalProblem::MediaUnavailable)
    }
    fn signal(&self, _from: ParticipantId, _signal: ClientSignal) {}
    fn leave(&self, _from: ParticipantId) {}
    fn rooms(&self) -> Vec<RoomSummary> {
        Vec::new()
    }
    fn watch_camera(&self, _source: Source) {}
    fn forget_camera(&self, _camera: Uuid) {}
    fn cameras_pulled(&self) -> Vec<Uuid> {
        Vec::new()
    }
    fn camera_health(&self, _camera: Uuid) -> CameraHealth {
        CameraHealth {
            state: LinkState::Offline,
            ..CameraHealth::default()
        }
    }
}

/// The media port in the app state.
#[derive(Clone)]
pub struct MediaLink(pub Arc<dyn MediaPort>);

impl Default for MediaLink {
    fn default() -> MediaLink {
        MediaLink(Arc::new(NoMedia))
    }
}

impl std::fmt::Debug for MediaLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MediaLink")
    }
}

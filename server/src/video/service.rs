//! The media service as the app sees it (its `MediaPort`): a handle on the SFU thread.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use app::cameras::CameraHealth;
use app::cameras::service::Source;
use app::video::{
    Admission, ClientSignal, Joined, MediaPort, ParticipantId, RoomSummary, SignalProblem,
};
use tokio::sync::mpsc::{self, UnboundedSender};
use uuid::Uuid;

use super::cameras::{Cameras, RelayLink};
use super::sfu::{Command, Sfu};
use super::{FeedSink, Frame, MediaConfig};

/// Camera frames waiting for the SFU: about a second of a few cameras. Beyond it frames are
/// dropped rather than delayed.
const FRAME_QUEUE: usize = 256;

pub struct MediaService {
    commands: UnboundedSender<Command>,
    frames: mpsc::Sender<(ParticipantId, Frame)>,
    cameras: Arc<Cameras>,
    next_participant: AtomicU64,
    summary: Arc<Mutex<Vec<RoomSummary>>>,
    /// The address browsers send media to.
    pub address: SocketAddr,
}

impl MediaService {
    /// Binds the media socket and starts the SFU on a thread of its own, so forwarding media
    /// never waits behind page rendering (and the reverse).
    pub fn start(config: MediaConfig) -> std::io::Result<MediaService> {
        let socket = std::net::UdpSocket::bind(config.bind)?;
        socket.set_nonblocking(true)?;
        let address = SocketAddr::new(config.announced, socket.local_addr()?.port());
        let summary = Arc::new(Mutex::new(Vec::new()));
        let (commands, receiver) = mpsc::unbounded_channel();
        let (frames, frame_receiver) = mpsc::channel(FRAME_QUEUE);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let shared = summary.clone();
        std::thread::Builder::new()
            .name("media-sfu".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let sfu = tokio::net::UdpSocket::from_std(socket)
                        .and_then(|socket| Sfu::new(socket, address, shared));
                    match sfu {
                        Ok(sfu) => sfu.run(receiver, frame_receiver).await,
                        Err(err) => tracing::error!(%err, "the media service did not start"),
                    }
                });
            })?;
        tracing::info!(%address, "media service (SFU) listening on UDP");
        Ok(MediaService {
            commands,
            frames,
            cameras: Arc::default(),
            next_participant: AtomicU64::new(1),
            summary,
            address,
        })
    }

    /// Links the service to the other nodes through NATS (before any camera is pulled): the
    /// cameras of lower nodes' reports are pulled through their origin, and this node's own
    /// scene cameras are forwarded to the nodes above that ask.
    pub fn relay(
        mut self,
        client: async_nats::Client,
        me: String,
        db: sea_orm::DatabaseConnection,
    ) -> MediaService {
        let link = RelayLink {
            client: client.clone(),
            rooms: self.summary.clone(),
        };
        self.cameras = Arc::new(Cameras::relayed_through(Some(link)));
        tokio::spawn(super::relay::serve(client, me, db, self.cameras.clone()));
        self
    }

    fn send(&self, command: Command) -> bool {
        self.commands.send(command).is_ok()
    }

    fn participant(&self) -> ParticipantId {
        ParticipantId(self.next_participant.fetch_add(1, Ordering::Relaxed))
    }
}

impl MediaPort for MediaService {
    fn join(&self, admission: Admission) -> Result<Joined, SignalProblem> {
        let id = self.participant();
        let (signals, receiver) = mpsc::unbounded_channel();
        let sent = self.send(Command::Join {
            id,
            admission,
            signals,
        });
        if sent {
            Ok(Joined {
                id,
                signals: receiver,
            })
        } else {
            Err(SignalProblem::MediaUnavailable)
        }
    }

    fn signal(&self, from: ParticipantId, signal: ClientSignal) {
        self.send(Command::Signal { from, signal });
    }

    fn leave(&self, from: ParticipantId) {
        self.send(Command::Leave { from });
    }

    fn rooms(&self) -> Vec<RoomSummary> {
        self.summary
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn watch_camera(&self, source: Source) {
        let participant = self.participant();
        self.send(Command::FeedOpen {
            camera: source.id,
            participant,
            name: source.name.clone(),
        });
        let sink = FeedSink {
            participant,
            commands: self.commands.clone(),
            frames: self.frames.clone(),
            dropped: Default::default(),
        };
        self.cameras.watch(source, sink);
    }

    fn forget_camera(&self, camera: Uuid) {
        self.cameras.forget(camera);
    }

    fn camera_health(&self, camera: Uuid) -> CameraHealth {
        self.cameras.health(camera)
    }

    fn cameras_pulled(&self) -> Vec<Uuid> {
        self.cameras.pulled()
    }
}

//! 视频会商 and 现场视频: the media service. One SFU per node on one UDP port (ICE-lite, str0m):
//! each participant sends their camera and microphone once, and the SFU forwards them,
//! untouched, to every other participant of the room. Registered RTSP cameras are pulled
//! ([`rtsp`]) and forwarded the same way to their viewers, as H.264 without transcoding.
//! Signalling arrives on the app's WebSocket ([`socket::signal`]); the app reaches the service
//! through its `MediaPort`.

mod cameras;
mod peer;
pub mod probe;
mod relay;
pub mod rtsp;
mod service;
mod sfu;
pub mod socket;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use app::video::ParticipantId;
use tokio::sync::mpsc;

use str0m::Input;
use str0m::net::{Protocol, Receive};

pub use service::MediaService;

/// Where the media socket listens, and the address browsers are told to send to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaConfig {
    pub bind: SocketAddr,
    pub announced: IpAddr,
}

/// A UDP datagram as str0m's input; `None` for bytes that are no WebRTC protocol at all.
fn datagram(bytes: &[u8], source: SocketAddr, destination: SocketAddr) -> Option<Input<'_>> {
    let contents = bytes.try_into().ok()?;
    Some(Input::Receive(
        Instant::now(),
        Receive {
            proto: Protocol::Udp,
            source,
            destination,
            contents,
        },
    ))
}

/// One H.264 access unit of a camera: Annex B, parameter sets before each keyframe.
#[derive(Clone, Debug)]
pub struct Frame {
    pub data: Arc<[u8]>,
    /// 90 kHz, from the start of the pull.
    pub rtp_time: u64,
    pub keyframe: bool,
    /// Frames before this one were lost: viewers must wait for a keyframe.
    pub after_gap: bool,
}

/// A camera's way into the SFU, as the camera's own participant of its room. Dropping it (the
/// camera removed, or pulled anew) closes the feed.
pub struct FeedSink {
    participant: ParticipantId,
    commands: mpsc::UnboundedSender<sfu::Command>,
    frames: mpsc::Sender<(ParticipantId, Frame)>,
    dropped: AtomicBool,
}

impl FeedSink {
    pub fn live(&self, live: bool) {
        let _ = self.commands.send(sfu::Command::FeedLive {
            participant: self.participant,
            live,
        });
    }

    /// A frame the SFU has no room for is dropped (its viewers wait for the next keyframe)
    /// rather than queued behind.
    pub fn frame(&self, mut frame: Frame) {
        frame.after_gap |= self.dropped.swap(false, Ordering::Relaxed);
        if self.frames.try_send((self.participant, frame)).is_err() {
            self.dropped.store(true, Ordering::Relaxed);
            tracing::trace!(participant = %self.participant, "camera frame dropped");
        }
    }
}

impl Drop for FeedSink {
    fn drop(&mut self) {
        let _ = self.commands.send(sfu::Command::FeedClose {
            participant: self.participant,
        });
    }
}

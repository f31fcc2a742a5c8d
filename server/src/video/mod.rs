//! 视频会商: the media service. One SFU per node on one UDP port (ICE-lite, str0m): each
//! participant sends their camera and microphone once, and the SFU forwards them, untouched,
//! to every other participant of the room. Signalling arrives on the app's WebSocket
//! ([`socket::signal`]); the app reaches the service through its `MediaPort`.

mod peer;
pub mod probe;
mod service;
mod sfu;
pub mod socket;

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

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

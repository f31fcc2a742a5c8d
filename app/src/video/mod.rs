//! 视频会商: expert video consultation. A room per incident and ad-hoc rooms; each participant
//! sends camera and microphone to the node's SFU once and receives every other participant's.
//! The signalling types are shared here; the SFU lives in the server, reached through
//! [`port::MediaPort`]; the browser side is in `client` (hydrate).

mod api;
mod call;
mod components;
mod invitation;
mod invite_api;
mod room;
mod signal;

#[cfg(feature = "ssr")]
pub mod admission;
#[cfg(feature = "hydrate")]
mod client;
#[cfg(feature = "ssr")]
pub mod invitation_store;
#[cfg(feature = "ssr")]
mod port;
#[cfg(feature = "hydrate")]
pub(crate) mod rtc;

pub use api::*;
pub use call::*;
pub use components::{ConsultLobbyPage, ConsultRoomPage, GuestCallPage};
pub use invitation::*;
pub use invite_api::*;
pub use room::*;
pub use signal::*;

#[cfg(feature = "ssr")]
pub use port::*;

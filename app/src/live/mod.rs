//! 实时: every committed change, published once on the node's bus and streamed to each browser
//! tab that may see it (SSE, resumable by event id). Typed events are shared by both sides.

mod model;

#[cfg(feature = "ssr")]
mod bus;
#[cfg(feature = "hydrate")]
mod client;
mod context;

#[cfg(feature = "ssr")]
pub use bus::*;
pub use context::{LiveContext, provide_live, use_live_events};
pub use model::*;

/// The id of the bus's latest event, for the page being rendered (see [`AFTER_META`]).
#[cfg(feature = "ssr")]
pub fn rendered_head() -> String {
    crate::state::bus()
        .map(|bus| bus.head().to_string())
        .unwrap_or_default()
}

/// Only the server renders the shell.
#[cfg(not(feature = "ssr"))]
pub fn rendered_head() -> String {
    String::new()
}

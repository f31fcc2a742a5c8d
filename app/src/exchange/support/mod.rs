//! 跨区域支援: a centre asks its parent or one of its children for resources, and the answer
//! comes back — both as exchange messages, both checked by the same rules on either side.

mod api;
mod model;

pub use api::*;
pub use model::*;

#[cfg(feature = "ssr")]
pub mod service;

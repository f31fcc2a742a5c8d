//! 调度: dispatch orders that send resources to an incident, their lifecycle from the order to
//! withdrawal, and the boards and field page that follow them live. Every step is written into
//! the incident's timeline by the server (自动记录救援过程).

mod api;
mod components;
mod evaluation;
mod model;

pub use api::*;
pub use components::*;
pub use evaluation::*;
pub use model::*;

#[cfg(feature = "hydrate")]
mod geolocation;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;

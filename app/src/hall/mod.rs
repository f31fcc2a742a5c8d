//! 指挥大厅: the command hall — displays and projectors, the video wall and its matrix
//! switcher, PTZ cameras, and scenes that set them all at once. The types and rules are here;
//! the protocols live in the server, reached through [`port::HallPort`].

mod api;
mod components;
pub mod device;
pub mod editor;
pub mod model;
pub mod scene;
pub mod wall;

pub use api::*;
pub use components::HallPage;
pub use device::*;
pub use editor::*;
pub use model::*;
pub use scene::*;
pub use wall::*;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod port;
#[cfg(feature = "ssr")]
pub mod service;

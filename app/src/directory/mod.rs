//! 基础名录 (directory): platform nodes, enterprises and rescue bases with their locations.
//!
//! The foundation's first shared records; identity, resources and the tier exchange build on it.

mod api;
mod model;

#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod service;

pub use api::{get_directory_summary, list_map_entries};
pub use model::*;

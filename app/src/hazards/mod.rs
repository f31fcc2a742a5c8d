//! 重大危险源: the registry of installations holding hazardous chemicals, each identified and
//! graded after GB 18218-2018 by [`crate::models::hazard`] when it is saved, shown on a map.

mod api;
mod components;
mod model;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;

pub use api::*;
pub use components::HazardsPage;
pub use model::{HazardForm, MajorHazard, NewHazard, ROWS};

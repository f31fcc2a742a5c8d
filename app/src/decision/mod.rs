//! 辅助决策 for one incident: a scenario's threat zones on the map, what lies inside them, a
//! suggested evacuation distance, and the assessment saved to the incident's timeline.
//!
//! The zones come from [`crate::models`] and are computed in the browser (the same code the
//! server runs when it records an assessment), so the page keeps answering when the link drops.

mod affected;
mod api;
mod components;
mod model;
mod population;

pub use affected::{Affected, ZoneContents, affected};
pub use api::*;
pub use components::DecisionPage;
pub use model::{AssessmentMark, DecisionContext, ZoneMark};
pub use population::{Cell, demo_population};

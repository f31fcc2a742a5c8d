//! 事故 (incidents): the duty desk's records and the rules of State Council Decree 493 they
//! follow — the grade of an accident and the reporting clock. The rules are pure and
//! isomorphic: the browser shows the same countdowns the server enforces.

mod api;
mod attachment;
mod board;
mod components;
mod draft;
mod filter;
mod grade;
mod model;
mod quick_report;
mod reporting;

pub use api::*;
pub use attachment::*;
pub use board::*;
pub use components::*;
pub use draft::*;
pub use filter::*;
pub use grade::*;
pub use model::*;
pub use quick_report::*;
pub use reporting::*;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod service;

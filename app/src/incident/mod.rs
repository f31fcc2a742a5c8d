//! 事故 (incidents): the rules of State Council Decree 493 that the duty desk, decision support
//! and the tier exchange all apply — the grade of an accident and the reporting clock. Pure and
//! isomorphic: the browser shows the same countdowns the server enforces.

mod grade;
mod reporting;

pub use grade::*;
pub use reporting::*;

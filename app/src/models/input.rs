//! Checking model inputs: every field out of its physical range is named, all at once, so an
//! API caller gets one 422 with each field error and the decision form marks each field.

use serde::{Deserialize, Serialize};

/// What is wrong with one field; the text is chosen per language at the edge.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    Required,
    /// Outside `[min, max]` (either bound may be open: `None`).
    OutOfRange {
        min: Option<f64>,
        max: Option<f64>,
    },
    /// Not a known value of a list (chemical, σ set, method...).
    Unknown,
    /// Too many entries.
    TooMany {
        max: usize,
    },
    /// Conflicts with another field, named here.
    Inconsistent {
        with: String,
    },
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Problems(pub Vec<(String, Problem)>);

impl Problems {
    pub fn add(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push((field.into(), problem));
    }

    /// Checks `min <= value <= max` and that the value is a real number.
    pub fn range(&mut self, field: &str, value: f64, min: f64, max: f64) {
        if !(value.is_finite() && (min..=max).contains(&value)) {
            self.add(
                field,
                Problem::OutOfRange {
                    min: Some(min),
                    max: Some(max),
                },
            );
        }
    }

    /// Checks `0 < value <= max`.
    pub fn positive(&mut self, field: &str, value: f64, max: f64) {
        if !(value.is_finite() && value > 0.0 && value <= max) {
            self.add(
                field,
                Problem::OutOfRange {
                    min: Some(0.0),
                    max: Some(max),
                },
            );
        }
    }

    /// [`range`](Self::range) for an optional input.
    pub fn optional(&mut self, field: &str, value: Option<f64>, min: f64, max: f64) {
        if let Some(value) = value {
            self.range(field, value, min, max);
        }
    }

    /// A required value, checked with `check` when present.
    pub fn required<T: Copy>(&mut self, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.add(field, Problem::Required);
        }
        value
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was wrong.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Problems> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

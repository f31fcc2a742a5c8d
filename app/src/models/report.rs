//! What every model answers besides its numbers: the assumptions it used (each input that
//! changes a result, with whether the caller gave it or the default applied) and warnings.

use serde::{Deserialize, Serialize};

/// A result with its assumptions and warnings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report<T> {
    pub result: T,
    pub assumptions: Vec<Assumption>,
    pub warnings: Vec<Warning>,
}

/// One input that shaped the result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assumption {
    /// The input's field name, as in the API.
    pub key: String,
    /// Its value as used, with unit where it has one.
    pub value: String,
    /// True when the caller left it out and the documented default applied.
    pub defaulted: bool,
}

/// Why a result should be read with care. Serialized with a stable `code` for programs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Warning {
    /// A distance beyond 10 km: the dispersion curves were fitted to about 10 km.
    BeyondTenKilometres { distance_m: f64 },
    /// Travel time beyond 60 min: wind and stability will not hold that long.
    BeyondOneHour { minutes: f64 },
    /// Below 1 m/s the plume meanders; Gaussian and workbook models are not valid.
    LowWind { wind_speed: f64 },
    /// The release is denser than air by the workbook criterion, yet a neutral model was asked.
    DenseGasCriterionMet { criterion: f64, limit: f64 },
    /// A dense-gas model was asked for a release that is not dense by the workbook criterion.
    NotDense { criterion: f64, limit: f64 },
    /// The workbook's correlation parameter α lies outside the range its curves cover.
    OutsideCorrelation { alpha: f64, min: f64, max: f64 },
    /// The level lies beyond the workbook's lowest curve: the distance is extrapolated.
    Extrapolated { level: String },
    /// A level is still exceeded at the largest distance the model computes.
    LevelBeyondRange { level: String, range_m: f64 },
    /// The release lasts too short (or too long) for the chosen continuous/instantaneous model.
    DurationMismatch { expected: String },
    /// A scaled distance outside the fitted range of a blast curve.
    OutsideBlastCurve { level: String },
    /// The solid-flame model is asked for a target inside the flame base.
    InsideFlame { level: String },
    /// The substance quantity table value is the standard's category default, not a named entry.
    CategoryCriticalQuantity { substance: String },
}

/// Builds the assumption list as a model reads its inputs.
#[derive(Default)]
pub struct Assumptions(Vec<Assumption>);

impl Assumptions {
    /// Records `key`: `given` when the caller set it, else `default`; answers the value used.
    pub fn take<T: Copy + std::fmt::Display>(
        &mut self,
        key: &str,
        given: Option<T>,
        default: T,
        unit: &str,
    ) -> T {
        let value = given.unwrap_or(default);
        self.note(key, format!("{value}{unit}"), given.is_none());
        value
    }

    /// Records an input whose value is already decided.
    pub fn note(&mut self, key: &str, value: impl Into<String>, defaulted: bool) {
        self.0.push(Assumption {
            key: key.into(),
            value: value.into(),
            defaulted,
        });
    }

    pub fn finish<T>(self, result: T, warnings: Vec<Warning>) -> Report<T> {
        Report {
            result,
            assumptions: self.0,
            warnings,
        }
    }
}

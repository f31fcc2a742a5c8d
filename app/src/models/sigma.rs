//! Dispersion coefficients σy, σz (m) at a downwind distance x (m) for each stability class.
//!
//! Plume sets (choose with [`SigmaSet`]):
//! - Briggs (1973) open-country and urban fits, as tabulated in CCPS (1999) *Guidelines for
//!   Consequence Analysis of Chemical Releases*, Table 2.12 — the default, rural.
//! - Pasquill–Gifford curves in Martin's (1976) power-law fit (σy = a·x^0.894,
//!   σz = c·x^d + f with x in km), as used by US EPA screening models.
//!
//! Puffs: CCPS (1999) Table 2.13 (after Slade 1968), σx = σy.

use serde::{Deserialize, Serialize};

use super::StabilityClass;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigmaSet {
    #[default]
    BriggsRural,
    BriggsUrban,
    PasquillGifford,
}

impl SigmaSet {
    pub const ALL: [SigmaSet; 3] = [Self::BriggsRural, Self::BriggsUrban, Self::PasquillGifford];

    pub fn key(self) -> &'static str {
        match self {
            Self::BriggsRural => "briggs_rural",
            Self::BriggsUrban => "briggs_urban",
            Self::PasquillGifford => "pasquill_gifford",
        }
    }

    /// σy and σz of a continuous plume.
    pub fn plume(self, class: StabilityClass, x: f64) -> (f64, f64) {
        match self {
            Self::BriggsRural => briggs_rural(class, x),
            Self::BriggsUrban => briggs_urban(class, x),
            Self::PasquillGifford => martin(class, x),
        }
    }
}

fn briggs_rural(class: StabilityClass, x: f64) -> (f64, f64) {
    use StabilityClass::*;
    let lateral = |a: f64| a * x / (1.0 + 0.0001 * x).sqrt();
    match class {
        A => (lateral(0.22), 0.20 * x),
        B => (lateral(0.16), 0.12 * x),
        C => (lateral(0.11), 0.08 * x / (1.0 + 0.0002 * x).sqrt()),
        D => (lateral(0.08), 0.06 * x / (1.0 + 0.0015 * x).sqrt()),
        E => (lateral(0.06), 0.03 * x / (1.0 + 0.0003 * x)),
        F => (lateral(0.04), 0.016 * x / (1.0 + 0.0003 * x)),
    }
}

/// Briggs urban has four columns: A–B, C, D, E–F.
fn briggs_urban(class: StabilityClass, x: f64) -> (f64, f64) {
    use StabilityClass::*;
    let lateral = |a: f64| a * x / (1.0 + 0.0004 * x).sqrt();
    match class {
        A | B => (lateral(0.32), 0.24 * x * (1.0 + 0.001 * x).sqrt()),
        C => (lateral(0.22), 0.20 * x),
        D => (lateral(0.16), 0.14 * x / (1.0 + 0.0003 * x).sqrt()),
        E | F => (lateral(0.11), 0.08 * x / (1.0 + 0.0015 * x).sqrt()),
    }
}

/// Martin (1976): σy = a·x^0.894; σz = c·x^d + f, coefficients for x below and above 1 km.
fn martin(class: StabilityClass, x: f64) -> (f64, f64) {
    use StabilityClass::*;
    let km = x / 1000.0;
    let a = match class {
        A => 213.0,
        B => 156.0,
        C => 104.0,
        D => 68.0,
        E => 50.5,
        F => 34.0,
    };
    let (c, d, f) = match (class, km < 1.0) {
        (A, true) => (440.8, 1.941, 9.27),
        (A, false) => (459.7, 2.094, -9.6),
        (B, true) => (106.6, 1.149, 3.3),
        (B, false) => (108.2, 1.098, 2.0),
        (C, _) => (61.0, 0.911, 0.0),
        (D, true) => (33.2, 0.725, -1.7),
        (D, false) => (44.5, 0.516, -13.0),
        (E, true) => (22.8, 0.678, -1.3),
        (E, false) => (55.4, 0.305, -34.0),
        (F, true) => (14.35, 0.740, -0.35),
        (F, false) => (62.6, 0.180, -48.6),
    };
    // The additive term makes σz negative very close in; a plume is never thinner than 0.1 m.
    (a * km.powf(0.894), (c * km.powf(d) + f).max(0.1))
}

/// σx = σy and σz of an instantaneous puff (CCPS 1999, Table 2.13).
pub fn puff(class: StabilityClass, x: f64) -> (f64, f64) {
    use StabilityClass::*;
    let (a, b, c, d) = match class {
        A => (0.18, 0.92, 0.60, 0.75),
        B => (0.14, 0.92, 0.53, 0.73),
        C => (0.10, 0.92, 0.34, 0.71),
        D => (0.06, 0.92, 0.15, 0.70),
        E => (0.04, 0.92, 0.10, 0.65),
        F => (0.02, 0.89, 0.05, 0.61),
    };
    (a * x.powf(b), c * x.powf(d))
}

#[cfg(test)]
mod tests {
    use super::StabilityClass::*;
    use super::*;

    #[test]
    fn briggs_rural_d_at_one_kilometre() {
        // CCPS (1999) Table 2.12, class D: σy = 0.08x(1+0.0001x)^-½, σz = 0.06x(1+0.0015x)^-½.
        let (y, z) = SigmaSet::BriggsRural.plume(D, 1000.0);
        assert!((y - 80.0 / 1.1_f64.sqrt()).abs() < 1e-9);
        assert!((z - 60.0 / 2.5_f64.sqrt()).abs() < 1e-9);
    }

    #[test]
    fn pasquill_gifford_curves_at_one_kilometre() {
        // Turner (1970) Fig. 3-2/3-3 read at 1 km, class D: σy ≈ 68 m, σz ≈ 32 m.
        let (y, z) = SigmaSet::PasquillGifford.plume(D, 1000.0);
        assert!((y - 68.0).abs() < 1.0, "{y}");
        assert!((z - 31.5).abs() < 2.0, "{z}");
        // Class F: σy ≈ 34 m, σz ≈ 14 m.
        let (y, z) = SigmaSet::PasquillGifford.plume(F, 1000.0);
        assert!((y - 34.0).abs() < 1.0 && (z - 14.0).abs() < 1.0, "{y} {z}");
    }

    #[test]
    fn more_stable_air_spreads_less_in_every_set() {
        for set in SigmaSet::ALL {
            for x in [100.0, 1_000.0, 10_000.0] {
                for pair in StabilityClass::ALL.windows(2) {
                    let (y0, z0) = set.plume(pair[0], x);
                    let (y1, z1) = set.plume(pair[1], x);
                    assert!(y1 <= y0 && z1 <= z0, "{set:?} {pair:?} at {x}");
                }
            }
        }
    }
}

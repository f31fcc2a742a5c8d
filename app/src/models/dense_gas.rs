//! Dense gas after Britter & McQuaid (1988), *Workbook on the Dispersion of Dense Gases*, HSE
//! Contract Research Report 17/1988: the correlations of its nomograms as tabulated in CCPS
//! (1999) *Guidelines for Consequence Analysis*, Tables 2.18 (continuous) and 2.19
//! (instantaneous) — for each concentration ratio C/C₀, β as a piecewise-linear function of α.
//!
//! Continuous: α = ⅕·log₁₀(g₀′² q₀ / u⁵), x = 10^β · (q₀/u)^½.
//! Instantaneous: α = ½·log₁₀(g₀′ V₀^⅓ / u²), x = 10^β · V₀^⅓.
//! g₀′ = g(ρ₀ − ρₐ)/ρₐ; q₀, V₀ the released volume rate / volume; u the wind at 10 m.

use serde::{Deserialize, Serialize};

use super::gaussian::{Level, check_levels};
use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};
use super::{G, T_AMBIENT, gas_density};

/// Air at 20 °C, kg/m³.
pub const AIR_DENSITY: f64 = 1.204;
/// Dense if (g₀′ q₀ / (u³ D))^⅓ ≥ 0.15 (continuous) ...
pub const CONTINUOUS_LIMIT: f64 = 0.15;
/// ... or (g₀′ V₀^⅓)^½ / u ≥ 0.20 (instantaneous).
pub const INSTANTANEOUS_LIMIT: f64 = 0.20;

/// One curve: C/C₀ and the (α, β) corners of its broken line, α ascending.
struct Curve {
    ratio: f64,
    corners: &'static [(f64, f64)],
}

/// CCPS Table 2.18 (continuous plumes); outside the corners β continues flat on the left.
const CONTINUOUS: [Curve; 6] = [
    Curve {
        ratio: 0.1,
        corners: &[(-0.55, 1.75), (-0.14, 1.85), (1.0, 1.28)],
    },
    Curve {
        ratio: 0.05,
        corners: &[(-0.68, 1.92), (-0.29, 2.06), (-0.18, 2.06), (1.0, 1.40)],
    },
    Curve {
        ratio: 0.02,
        corners: &[(-0.69, 2.08), (-0.31, 2.25), (-0.16, 2.25), (1.0, 1.62)],
    },
    Curve {
        ratio: 0.01,
        corners: &[(-0.70, 2.25), (-0.29, 2.45), (-0.20, 2.45), (1.0, 1.83)],
    },
    Curve {
        ratio: 0.005,
        corners: &[(-0.67, 2.40), (-0.28, 2.63), (-0.15, 2.63), (1.0, 2.07)],
    },
    Curve {
        ratio: 0.002,
        corners: &[(-0.69, 2.60), (-0.25, 2.77), (-0.13, 2.77), (1.0, 2.21)],
    },
];

/// CCPS Table 2.19 (instantaneous clouds).
const INSTANTANEOUS: [Curve; 7] = [
    Curve {
        ratio: 0.1,
        corners: &[(-0.44, 0.70), (0.43, 0.93), (1.0, 0.93)],
    },
    Curve {
        ratio: 0.05,
        corners: &[(-0.56, 0.85), (0.31, 1.08), (1.0, 1.00)],
    },
    Curve {
        ratio: 0.02,
        corners: &[(-0.66, 0.95), (0.32, 1.30), (1.0, 1.12)],
    },
    Curve {
        ratio: 0.01,
        corners: &[(-0.71, 1.15), (0.37, 1.52), (1.0, 1.28)],
    },
    Curve {
        ratio: 0.005,
        corners: &[(-0.52, 1.48), (0.24, 1.68), (1.0, 1.45)],
    },
    Curve {
        ratio: 0.002,
        corners: &[(0.27, 1.83), (1.0, 1.60)],
    },
    Curve {
        ratio: 0.001,
        corners: &[(-0.10, 2.075), (1.0, 1.78)],
    },
];

/// α beyond which the curves are extrapolated (the nomograms end at 1).
const ALPHA_MAX: f64 = 1.0;

impl Curve {
    fn beta(&self, alpha: f64) -> f64 {
        let c = self.corners;
        if alpha <= c[0].0 {
            return c[0].1;
        }
        let i = c
            .windows(2)
            .position(|w| alpha <= w[1].0)
            .unwrap_or(c.len() - 2);
        let ((a0, b0), (a1, b1)) = (c[i], c[i + 1]);
        b0 + (b1 - b0) * (alpha - a0) / (a1 - a0)
    }
}

/// β for a ratio between (or beyond) the curves, interpolated in ln(C/C₀); `true` when outside.
fn beta(curves: &[Curve], alpha: f64, ratio: f64) -> (f64, bool) {
    let last = curves.len() - 1;
    let i = curves
        .windows(2)
        .position(|w| ratio >= w[1].ratio)
        .unwrap_or(last - 1);
    let (hi, lo) = (&curves[i], &curves[i + 1]);
    let t = (ratio.ln() - hi.ratio.ln()) / (lo.ratio.ln() - hi.ratio.ln());
    let outside = ratio > curves[0].ratio || ratio < curves[last].ratio;
    (
        hi.beta(alpha) + t * (lo.beta(alpha) - hi.beta(alpha)),
        outside,
    )
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReleaseMode {
    #[default]
    Continuous,
    Instantaneous,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct DenseGasInput {
    pub mode: Option<ReleaseMode>,
    /// kg/s, continuous.
    pub release_rate: Option<f64>,
    /// kg, instantaneous.
    pub mass: Option<f64>,
    /// How long the release lasts, s (checks the continuous/instantaneous choice).
    pub duration: Option<f64>,
    /// Density of the released gas as it leaves the source, kg/m³; or give the molar mass.
    pub release_density: Option<f64>,
    pub molar_mass: Option<f64>,
    /// K; default ambient. A cold release is denser and its concentrations are corrected.
    pub release_temperature: Option<f64>,
    pub ambient_temperature: Option<f64>,
    pub ambient_density: Option<f64>,
    /// Wind at 10 m, m/s.
    pub wind_speed: Option<f64>,
    pub levels: Vec<Level>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DenseReach {
    pub name: String,
    pub mg_m3: f64,
    /// Volume fraction of the level.
    pub fraction: f64,
    pub distance_m: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DenseGas {
    pub alpha: f64,
    /// The workbook's density criterion and the value above which the release is dense.
    pub criterion: f64,
    pub limit: f64,
    pub dense: bool,
    pub reaches: Vec<DenseReach>,
}

pub fn continuous_criterion(rate: f64, density: f64, air: f64, u: f64) -> f64 {
    let g0 = G * (density - air) / air;
    let q0 = rate / density;
    let d = (q0 / u).sqrt();
    (g0.max(0.0) * q0 / (u.powi(3) * d)).cbrt()
}

pub fn instantaneous_criterion(mass: f64, density: f64, air: f64, u: f64) -> f64 {
    let g0 = G * (density - air) / air;
    (g0.max(0.0) * (mass / density).cbrt()).sqrt() / u
}

pub fn dense_gas(input: &DenseGasInput) -> Result<Report<DenseGas>, Problems> {
    let mut problems = Problems::default();
    let mode = input.mode.unwrap_or_default();
    match mode {
        ReleaseMode::Continuous => {
            if let Some(rate) = problems.required("release_rate", input.release_rate) {
                problems.positive("release_rate", rate, 100_000.0);
            }
        }
        ReleaseMode::Instantaneous => {
            if let Some(mass) = problems.required("mass", input.mass) {
                problems.positive("mass", mass, 1e8);
            }
        }
    }
    if input.release_density.is_none() && input.molar_mass.is_none() {
        problems.add("release_density", Problem::Required);
    }
    problems.optional("release_density", input.release_density, 0.01, 2000.0);
    problems.optional("molar_mass", input.molar_mass, 1.0, 1000.0);
    problems.optional(
        "release_temperature",
        input.release_temperature,
        20.0,
        1500.0,
    );
    problems.optional(
        "ambient_temperature",
        input.ambient_temperature,
        220.0,
        330.0,
    );
    problems.optional("ambient_density", input.ambient_density, 0.5, 2.0);
    problems.optional("duration", input.duration, 0.0, 86_400.0);
    if let Some(u) = problems.required("wind_speed", input.wind_speed) {
        problems.range("wind_speed", u, 0.1, 50.0);
    }
    check_levels(&input.levels, &mut problems);
    problems.finish(|| ())?;

    let mut a = Assumptions::default();
    a.note(
        "mode",
        match mode {
            ReleaseMode::Continuous => "continuous",
            ReleaseMode::Instantaneous => "instantaneous",
        },
        input.mode.is_none(),
    );
    let ta = a.take(
        "ambient_temperature",
        input.ambient_temperature,
        T_AMBIENT,
        " K",
    );
    let air = a.take(
        "ambient_density",
        input.ambient_density,
        AIR_DENSITY,
        " kg/m³",
    );
    let tr = a.take("release_temperature", input.release_temperature, ta, " K");
    let u = input.wind_speed.unwrap_or(1.0);
    a.note("wind_speed", format!("{u} m/s"), false);
    // Density at the source, and of the pure gas warmed to ambient (to read levels as fractions).
    let (rho0, rho_ambient) = match (input.release_density, input.molar_mass) {
        (Some(rho), _) => (rho, rho * tr / ta),
        (None, Some(m)) => (gas_density(m, tr), gas_density(m, ta)),
        (None, None) => unreachable!("checked above"),
    };
    a.note("release_density", format!("{rho0:.3} kg/m³"), false);
    let g0 = G * (rho0 - air) / air;
    let mut warnings = Vec::new();
    let (alpha, length, criterion, limit, curves): (f64, f64, f64, f64, &[Curve]) = match mode {
        ReleaseMode::Continuous => {
            let rate = input.release_rate.unwrap_or_default();
            let q0 = rate / rho0;
            let alpha = 0.2 * (g0.max(1e-12).powi(2) * q0 / u.powi(5)).log10();
            let criterion = continuous_criterion(rate, rho0, air, u);
            (
                alpha,
                (q0 / u).sqrt(),
                criterion,
                CONTINUOUS_LIMIT,
                &CONTINUOUS,
            )
        }
        ReleaseMode::Instantaneous => {
            let mass = input.mass.unwrap_or_default();
            let v0 = mass / rho0;
            let alpha = 0.5 * (g0.max(1e-12) * v0.cbrt() / (u * u)).log10();
            let criterion = instantaneous_criterion(mass, rho0, air, u);
            (
                alpha,
                v0.cbrt(),
                criterion,
                INSTANTANEOUS_LIMIT,
                &INSTANTANEOUS,
            )
        }
    };
    let dense = criterion >= limit;
    if !dense {
        warnings.push(Warning::NotDense { criterion, limit });
    }
    if alpha > ALPHA_MAX {
        warnings.push(Warning::OutsideCorrelation {
            alpha,
            min: -1.0,
            max: ALPHA_MAX,
        });
    }
    if u < 1.0 {
        warnings.push(Warning::LowWind { wind_speed: u });
    }
    let t_ratio = tr / ta;
    let reaches: Vec<DenseReach> = input
        .levels
        .iter()
        .map(|level| {
            let fraction = level.mg_m3 * 1e-6 / rho_ambient;
            // The curves are isothermal; a cold cloud's concentration reads lower once warmed.
            let isothermal = fraction * t_ratio / (1.0 - fraction + fraction * t_ratio);
            let (beta, outside) = beta(curves, alpha, isothermal);
            if outside {
                warnings.push(Warning::Extrapolated {
                    level: level.name.clone(),
                });
            }
            DenseReach {
                name: level.name.clone(),
                mg_m3: level.mg_m3,
                fraction,
                distance_m: 10f64.powf(beta) * length,
            }
        })
        .collect();
    let farthest = reaches.iter().map(|r| r.distance_m).fold(0.0, f64::max);
    if let (Some(duration), true) = (input.duration, farthest > 0.0) {
        let ratio = u * duration / farthest;
        match mode {
            ReleaseMode::Continuous if ratio < 2.5 => warnings.push(Warning::DurationMismatch {
                expected: "instantaneous".into(),
            }),
            ReleaseMode::Instantaneous if ratio > 0.6 => warnings.push(Warning::DurationMismatch {
                expected: "continuous".into(),
            }),
            _ => {}
        }
    }
    if farthest > 10_000.0 {
        warnings.push(Warning::BeyondTenKilometres {
            distance_m: farthest,
        });
    }
    Ok(a.finish(
        DenseGas {
            alpha,
            criterion,
            limit,
            dense,
            reaches,
        },
        warnings,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_curve_is_continuous_at_its_corners() {
        // The table's own consistency: each line of Table 2.18/2.19 meets the next.
        for curve in CONTINUOUS.iter().chain(INSTANTANEOUS.iter()) {
            for corner in curve.corners {
                assert!((curve.beta(corner.0) - corner.1).abs() < 1e-9);
            }
        }
        // CCPS Table 2.18, C/C₀ = 0.1: β = 0.24α + 1.88 on −0.55 < α ≤ −0.14.
        assert!((CONTINUOUS[0].beta(-0.3) - (0.24 * -0.3 + 1.88)).abs() < 0.01);
        // Table 2.19, C/C₀ = 0.01: β = 0.34α + 1.39 on −0.71 < α ≤ 0.37.
        assert!((INSTANTANEOUS[3].beta(0.0) - 1.39).abs() < 0.01);
    }

    fn lng_like() -> DenseGasInput {
        // An LNG vapour spill of the Burro/Maplin kind as the workbook discusses it: vapour at its
        // boiling point (111 K, 1.76 kg/m³), 5 % by volume (the lower flammability limit).
        DenseGasInput {
            mode: Some(ReleaseMode::Continuous),
            release_rate: Some(97.9),
            release_density: Some(1.76),
            release_temperature: Some(111.7),
            ambient_temperature: Some(313.0),
            wind_speed: Some(10.9),
            levels: vec![Level {
                name: "LFL".into(),
                mg_m3: 0.05 * 1e6 * 1.76 * 111.7 / 313.0,
            }],
            ..DenseGasInput::default()
        }
    }

    #[test]
    fn a_continuous_lng_vapour_plume_by_hand() {
        let report = dense_gas(&lng_like()).unwrap();
        let r = &report.result;
        // g₀′ = 9.807·(1.76 − 1.204)/1.204 = 4.53; q₀ = 97.9/1.76 = 55.6 m³/s;
        // α = 0.2·log₁₀(4.53²·55.6/10.9⁵) = −0.426; D = (55.6/10.9)^½ = 2.26 m.
        assert!((r.alpha + 0.426).abs() < 0.005, "{}", r.alpha);
        // Isothermal-equivalent ratio 0.05·0.357/(0.95 + 0.05·0.357) = 0.0184, between the
        // 0.02 (β 2.198) and 0.01 (β 2.384) curves at α −0.426: β = 2.220, x = 166·2.26 = 375 m.
        let x = r.reaches[0].distance_m;
        assert!((x - 375.0).abs() < 3.0, "{x}");
        assert!(r.dense);
    }

    #[test]
    fn lower_levels_reach_farther_and_more_mass_never_less_far() {
        let mut input = lng_like();
        input.levels = vec![
            Level {
                name: "a".into(),
                mg_m3: 50_000.0,
            },
            Level {
                name: "b".into(),
                mg_m3: 5_000.0,
            },
        ];
        let small = dense_gas(&input).unwrap().result;
        assert!(small.reaches[1].distance_m > small.reaches[0].distance_m);
        input.release_rate = Some(300.0);
        let large = dense_gas(&input).unwrap().result;
        for (s, l) in small.reaches.iter().zip(&large.reaches) {
            assert!(l.distance_m >= s.distance_m);
        }
    }

    #[test]
    fn a_light_gas_is_flagged_not_dense() {
        let input = DenseGasInput {
            mode: Some(ReleaseMode::Instantaneous),
            mass: Some(100.0),
            molar_mass: Some(16.04),
            wind_speed: Some(5.0),
            levels: vec![Level {
                name: "x".into(),
                mg_m3: 1000.0,
            }],
            ..DenseGasInput::default()
        };
        let report = dense_gas(&input).unwrap();
        assert!(!report.result.dense);
        assert!(
            report
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::NotDense { .. }))
        );
    }

    #[test]
    fn a_short_release_asked_as_continuous_is_warned() {
        let mut input = lng_like();
        input.duration = Some(20.0);
        let warnings = dense_gas(&input).unwrap().warnings;
        assert!(
            warnings
                .iter()
                .any(|w| matches!(w, Warning::DurationMismatch { .. })),
            "{warnings:?}"
        );
    }

    #[test]
    fn density_is_required() {
        let mut input = lng_like();
        input.release_density = None;
        let problems = dense_gas(&input).unwrap_err();
        assert_eq!(problems.0[0].0, "release_density");
    }
}

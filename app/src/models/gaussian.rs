//! Gaussian plume (continuous release) and puff (instantaneous release) of a passive gas, with
//! reflection at the ground (CCPS 1999 §2.1.3, Eqs. 2.1.55 and 2.1.58; Turner 1970 Ch. 3).
//!
//! A plume at (x, y, z) from a source at height H:
//! C = Q / (2π u σy σz) · e^(−y²/2σy²) · [e^(−(z−H)²/2σz²) + e^(−(z+H)²/2σz²)].
//! A puff's peak as its centre passes x is the same with Q/u replaced by
//! M / (√(2π) σx), σ from the puff table.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

use super::dense_gas;
use super::geo::{PlumeFrame, Position, Ring};
use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};
use super::sigma::{self, SigmaSet};
use super::solve::{bisect_log, farthest_above};
use super::{StabilityClass, T_AMBIENT, gas_density};

/// Models compute out to 50 km; σ curves are fitted to 10 km (warned beyond).
pub const RANGE_M: f64 = 50_000.0;
const NEAREST_M: f64 = 1.0;
pub const MAX_LEVELS: usize = 3;

/// A level of concern: a named concentration (AEGL-3, ERPG-2, IDLH...).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Level {
    pub name: String,
    /// mg/m³.
    pub mg_m3: f64,
}

/// How far one level reaches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reach {
    pub name: String,
    pub mg_m3: f64,
    /// Farthest downwind distance where the level is met, m; `None` when never met.
    pub distance_m: Option<f64>,
    /// Widest half-width of the footprint, m.
    pub half_width_m: f64,
    /// The footprint in metres (downwind x, crosswind y).
    pub outline_m: Vec<[f64; 2]>,
    /// The footprint in WGS-84 `[lon, lat]` when the source and wind direction were given.
    pub footprint: Option<Ring>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dispersion {
    pub reaches: Vec<Reach>,
    /// Concentration at the requested point, mg/m³.
    pub point_mg_m3: Option<f64>,
}

/// A receptor in the plume's frame, m.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

/// The input of both Gaussian models: a plume takes a `release_rate`, a puff a `mass`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct GaussianInput {
    /// Release rate, kg/s (plume).
    pub release_rate: Option<f64>,
    /// Mass released at once, kg (puff).
    pub mass: Option<f64>,
    /// Plume σ set (default briggs_rural); puffs have one set.
    pub sigma_set: Option<SigmaSet>,
    /// Mean wind speed, m/s.
    pub wind_speed: Option<f64>,
    pub stability: Option<StabilityClass>,
    /// Height of the release, m (default 0: ground level).
    pub source_height: Option<f64>,
    /// Height at which concentrations are read, m (default 0: ground level).
    pub receptor_height: Option<f64>,
    /// Reflection at the ground (default true).
    pub ground_reflection: Option<bool>,
    /// Up to three levels of concern, most severe first.
    pub levels: Vec<Level>,
    pub point: Option<Point>,
    /// Density of the released gas, kg/m³, to check whether it is dense; or its molar mass.
    pub release_density: Option<f64>,
    pub molar_mass: Option<f64>,
    /// Where the release is, and where the wind comes from (degrees from north), to place the
    /// footprint on the map.
    pub source: Option<Position>,
    pub wind_from: Option<f64>,
}

/// What the checks of [`Common`] found usable.
struct Settled {
    u: f64,
    class: StabilityClass,
    h: f64,
    z: f64,
    reflect: bool,
}

impl GaussianInput {
    fn check(&self, problems: &mut Problems) {
        problems.required("wind_speed", self.wind_speed);
        problems.optional("wind_speed", self.wind_speed, 0.1, 50.0);
        problems.required("stability", self.stability);
        problems.optional("source_height", self.source_height, 0.0, 500.0);
        problems.optional("receptor_height", self.receptor_height, 0.0, 500.0);
        check_levels(&self.levels, problems);
        problems.optional("release_density", self.release_density, 0.01, 2000.0);
        problems.optional("molar_mass", self.molar_mass, 1.0, 1000.0);
        if let Some(source) = &self.source {
            source.check("source", problems);
            if self.wind_from.is_none() {
                problems.add("wind_from", Problem::Required);
            }
        }
        problems.optional("wind_from", self.wind_from, 0.0, 360.0);
        if let Some(p) = &self.point {
            problems.range("point.x", p.x, 0.0, RANGE_M);
            problems.range("point.y", p.y, -RANGE_M, RANGE_M);
            problems.range("point.z", p.z, 0.0, 500.0);
        }
    }

    fn settle(&self, a: &mut Assumptions) -> Settled {
        let u = self.wind_speed.unwrap_or(1.0);
        let class = self.stability.unwrap_or(StabilityClass::D);
        a.note("wind_speed", format!("{u} m/s"), false);
        a.note("stability", class.letter(), false);
        Settled {
            u,
            class,
            h: a.take("source_height", self.source_height, 0.0, " m"),
            z: a.take("receptor_height", self.receptor_height, 0.0, " m"),
            reflect: a.take("ground_reflection", self.ground_reflection, true, ""),
        }
    }

    fn release_density(&self) -> Option<f64> {
        self.release_density
            .or_else(|| self.molar_mass.map(|m| gas_density(m, T_AMBIENT)))
    }

    fn frame(&self) -> Option<PlumeFrame> {
        Some(PlumeFrame {
            source: self.source?,
            wind_from: self.wind_from?,
        })
    }
}

pub fn check_levels(levels: &[Level], problems: &mut Problems) {
    if levels.len() > MAX_LEVELS {
        problems.add("levels", Problem::TooMany { max: MAX_LEVELS });
    }
    for (i, level) in levels.iter().enumerate() {
        problems.positive(&format!("levels[{i}].mg_m3"), level.mg_m3, 1e7);
        if level.name.chars().count() > 40 {
            problems.add(format!("levels[{i}].name"), Problem::TooMany { max: 40 });
        }
    }
}

fn vertical(z: f64, h: f64, sz: f64, reflect: bool) -> f64 {
    let term = |d: f64| (-d * d / (2.0 * sz * sz)).exp();
    term(z - h) + if reflect { term(z + h) } else { 0.0 }
}

/// A cloud seen from above: its concentration on the axis and its lateral spread at x.
trait Cloud {
    fn axis(&self, x: f64) -> f64;
    fn sigma_y(&self, x: f64) -> f64;

    fn at(&self, p: Point) -> f64;
}

struct Plume {
    /// mg/s
    q: f64,
    set: SigmaSet,
    s: Settled,
}

impl Cloud for Plume {
    fn axis(&self, x: f64) -> f64 {
        self.at(Point {
            x,
            y: 0.0,
            z: self.s.z,
        })
    }

    fn sigma_y(&self, x: f64) -> f64 {
        self.set.plume(self.s.class, x).0
    }

    fn at(&self, p: Point) -> f64 {
        if p.x <= 0.0 {
            return 0.0;
        }
        let (sy, sz) = self.set.plume(self.s.class, p.x);
        let lateral = (-p.y * p.y / (2.0 * sy * sy)).exp();
        self.q / (2.0 * PI * self.s.u * sy * sz)
            * lateral
            * vertical(p.z, self.s.h, sz, self.s.reflect)
    }
}

struct Puff {
    /// mg
    m: f64,
    s: Settled,
}

impl Cloud for Puff {
    fn axis(&self, x: f64) -> f64 {
        self.at(Point {
            x,
            y: 0.0,
            z: self.s.z,
        })
    }

    fn sigma_y(&self, x: f64) -> f64 {
        sigma::puff(self.s.class, x).0
    }

    /// The peak as the centre passes (x, y, z).
    fn at(&self, p: Point) -> f64 {
        if p.x <= 0.0 {
            return 0.0;
        }
        let (sy, sz) = sigma::puff(self.s.class, p.x);
        let lateral = (-p.y * p.y / (2.0 * sy * sy)).exp();
        self.m / ((2.0 * PI).powf(1.5) * sy * sy * sz)
            * lateral
            * vertical(p.z, self.s.h, sz, self.s.reflect)
    }
}

/// Samples along the footprint; more near its ends where the width changes fastest.
const OUTLINE_STEPS: usize = 40;

fn reach(
    cloud: &impl Cloud,
    level: &Level,
    frame: Option<PlumeFrame>,
    warnings: &mut Vec<Warning>,
) -> Reach {
    let mut reach = Reach {
        name: level.name.clone(),
        mg_m3: level.mg_m3,
        ..Reach::default()
    };
    let far = match farthest_above(NEAREST_M, RANGE_M, level.mg_m3, |x| cloud.axis(x)) {
        Ok(Some(far)) => far,
        Ok(None) => return reach,
        Err(range) => {
            warnings.push(Warning::LevelBeyondRange {
                level: level.name.clone(),
                range_m: range,
            });
            range
        }
    };
    // An elevated source meets the level only from some distance on: find that near edge.
    let near = if cloud.axis(NEAREST_M) >= level.mg_m3 {
        NEAREST_M
    } else {
        let peak = super::solve::log_grid(NEAREST_M, far, 200)
            .find(|x| cloud.axis(*x) >= level.mg_m3)
            .unwrap_or(far);
        bisect_log(NEAREST_M, peak, |x| cloud.axis(x) - level.mg_m3)
    };
    let half_width = |x: f64| {
        let ratio = cloud.axis(x) / level.mg_m3;
        if ratio > 1.0 {
            cloud.sigma_y(x) * (2.0 * ratio.ln()).sqrt()
        } else {
            0.0
        }
    };
    let xs: Vec<f64> = (0..=OUTLINE_STEPS)
        .map(|i| {
            let t = (1.0 - (PI * i as f64 / OUTLINE_STEPS as f64).cos()) / 2.0;
            near + (far - near) * t
        })
        .collect();
    let side: Vec<[f64; 2]> = xs.iter().map(|x| [*x, half_width(*x)]).collect();
    reach.half_width_m = side.iter().map(|p| p[1]).fold(0.0, f64::max);
    reach.outline_m = side
        .iter()
        .map(|p| [p[0], -p[1]])
        .chain(side.iter().rev().skip(1).take(side.len() - 2).copied())
        .collect();
    reach.footprint = frame.map(|f| {
        reach
            .outline_m
            .iter()
            .map(|p| {
                let at = f.to_position(p[0], p[1]);
                [at.lon, at.lat]
            })
            .collect()
    });
    reach.distance_m = Some(far);
    reach
}

fn distance_warnings(reaches: &[Reach], u: f64, warnings: &mut Vec<Warning>) {
    let farthest = reaches
        .iter()
        .filter_map(|r| r.distance_m)
        .fold(0.0, f64::max);
    if farthest > 10_000.0 {
        warnings.push(Warning::BeyondTenKilometres {
            distance_m: farthest,
        });
    }
    let minutes = farthest / u / 60.0;
    if minutes > 60.0 {
        warnings.push(Warning::BeyondOneHour { minutes });
    }
    if u < 1.0 {
        warnings.push(Warning::LowWind { wind_speed: u });
    }
}

fn disperse(
    cloud: &impl Cloud,
    common: &GaussianInput,
    u: f64,
    mut warnings: Vec<Warning>,
) -> (Dispersion, Vec<Warning>) {
    let frame = common.frame();
    let reaches: Vec<Reach> = common
        .levels
        .iter()
        .map(|l| reach(cloud, l, frame, &mut warnings))
        .collect();
    distance_warnings(&reaches, u, &mut warnings);
    let point_mg_m3 = common.point.map(|p| cloud.at(p));
    (
        Dispersion {
            reaches,
            point_mg_m3,
        },
        warnings,
    )
}

pub fn plume(input: &GaussianInput) -> Result<Report<Dispersion>, Problems> {
    let mut problems = Problems::default();
    if let Some(rate) = problems.required("release_rate", input.release_rate) {
        problems.positive("release_rate", rate, 100_000.0);
    }
    if input.mass.is_some() {
        problems.add(
            "mass",
            Problem::Inconsistent {
                with: "release_rate".into(),
            },
        );
    }
    input.check(&mut problems);
    problems.finish(|| ())?;
    let rate = input.release_rate.unwrap_or_default();
    let mut a = Assumptions::default();
    a.note("release_rate", format!("{rate} kg/s"), false);
    let set = input.sigma_set.unwrap_or_default();
    a.note("sigma_set", set.key(), input.sigma_set.is_none());
    let s = input.settle(&mut a);
    let u = s.u;
    let mut warnings = Vec::new();
    if let Some(density) = input.release_density() {
        let criterion = dense_gas::continuous_criterion(rate, density, dense_gas::AIR_DENSITY, u);
        if criterion >= dense_gas::CONTINUOUS_LIMIT {
            warnings.push(Warning::DenseGasCriterionMet {
                criterion,
                limit: dense_gas::CONTINUOUS_LIMIT,
            });
        }
    }
    let cloud = Plume {
        q: rate * 1e6,
        set,
        s,
    };
    let (result, warnings) = disperse(&cloud, input, u, warnings);
    Ok(a.finish(result, warnings))
}

pub fn puff(input: &GaussianInput) -> Result<Report<Dispersion>, Problems> {
    let mut problems = Problems::default();
    if let Some(mass) = problems.required("mass", input.mass) {
        problems.positive("mass", mass, 1e8);
    }
    if input.release_rate.is_some() {
        problems.add(
            "release_rate",
            Problem::Inconsistent {
                with: "mass".into(),
            },
        );
    }
    if input.sigma_set.is_some() {
        problems.add(
            "sigma_set",
            Problem::Inconsistent {
                with: "mass".into(),
            },
        );
    }
    input.check(&mut problems);
    problems.finish(|| ())?;
    let mass = input.mass.unwrap_or_default();
    let mut a = Assumptions::default();
    a.note("mass", format!("{mass} kg"), false);
    a.note("sigma_set", "ccps_puff", true);
    let s = input.settle(&mut a);
    let u = s.u;
    let mut warnings = Vec::new();
    if let Some(density) = input.release_density() {
        let criterion =
            dense_gas::instantaneous_criterion(mass, density, dense_gas::AIR_DENSITY, u);
        if criterion >= dense_gas::INSTANTANEOUS_LIMIT {
            warnings.push(Warning::DenseGasCriterionMet {
                criterion,
                limit: dense_gas::INSTANTANEOUS_LIMIT,
            });
        }
    }
    let cloud = Puff { m: mass * 1e6, s };
    let (result, warnings) = disperse(&cloud, input, u, warnings);
    Ok(a.finish(result, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;
    use StabilityClass::*;

    fn plume_input(rate: f64, class: StabilityClass, level: f64) -> GaussianInput {
        GaussianInput {
            release_rate: Some(rate),
            wind_speed: Some(3.0),
            stability: Some(class),
            levels: vec![Level {
                name: "L".into(),
                mg_m3: level,
            }],
            ..GaussianInput::default()
        }
    }

    #[test]
    fn ground_release_on_the_axis_is_q_over_pi_u_sigma_y_sigma_z() {
        // CCPS (1999) Eq. 2.1.56: ground source, ground receptor, on the axis.
        let mut input = plume_input(1.0, D, 1.0);
        input.point = Some(Point {
            x: 500.0,
            y: 0.0,
            z: 0.0,
        });
        let got = plume(&input).unwrap().result.point_mg_m3.unwrap();
        let (sy, sz) = SigmaSet::BriggsRural.plume(D, 500.0);
        let expected = 1e6 / (PI * 3.0 * sy * sz);
        assert!((got / expected - 1.0).abs() < 1e-12, "{got} {expected}");
    }

    #[test]
    fn the_distance_found_meets_the_level() {
        let input = plume_input(2.0, D, 100.0);
        let report = plume(&input).unwrap();
        let reach = &report.result.reaches[0];
        let x = reach.distance_m.unwrap();
        let (sy, sz) = SigmaSet::BriggsRural.plume(D, x);
        let c = 2e6 / (PI * 3.0 * sy * sz);
        assert!((c / 100.0 - 1.0).abs() < 1e-4, "{c} at {x}");
        assert!(reach.half_width_m > 0.0 && reach.half_width_m < x);
    }

    #[test]
    fn the_footprint_lies_downwind_on_the_map() {
        let mut input = plume_input(2.0, D, 100.0);
        let source = Position {
            lon: 112.55,
            lat: 37.87,
        };
        input.source = Some(source);
        input.wind_from = Some(270.0); // west wind: the plume goes east
        let reach = plume(&input).unwrap().result.reaches.remove(0);
        let ring = reach.footprint.unwrap();
        assert!(ring.iter().all(|p| p[0] >= source.lon));
        assert_eq!(ring.len(), reach.outline_m.len());
    }

    #[test]
    fn an_elevated_source_is_zero_at_the_stack_foot_and_reflection_doubles_the_ground_level() {
        let mut input = plume_input(1.0, D, 1.0);
        input.source_height = Some(50.0);
        input.point = Some(Point {
            x: 1.0,
            y: 0.0,
            z: 0.0,
        });
        assert!(plume(&input).unwrap().result.point_mg_m3.unwrap() < 1e-30);
        input.source_height = Some(0.0);
        input.point = Some(Point {
            x: 800.0,
            y: 0.0,
            z: 0.0,
        });
        let reflected = plume(&input).unwrap().result.point_mg_m3.unwrap();
        input.ground_reflection = Some(false);
        let absorbed = plume(&input).unwrap().result.point_mg_m3.unwrap();
        assert!((reflected / absorbed - 2.0).abs() < 1e-12);
    }

    #[test]
    fn puff_peak_matches_the_closed_form() {
        // CCPS (1999) Eq. 2.1.58 at the puff centre, ground release and receptor.
        let input = GaussianInput {
            mass: Some(100.0),
            wind_speed: Some(2.0),
            stability: Some(F),
            point: Some(Point {
                x: 1000.0,
                y: 0.0,
                z: 0.0,
            }),
            ..GaussianInput::default()
        };
        let got = puff(&input).unwrap().result.point_mg_m3.unwrap();
        let (sy, sz) = sigma::puff(F, 1000.0);
        let expected = 2.0 * 1e8 / ((2.0 * PI).powf(1.5) * sy * sy * sz);
        assert!((got / expected - 1.0).abs() < 1e-12);
    }

    #[test]
    fn dense_release_in_a_neutral_model_is_warned() {
        let mut input = plume_input(20.0, F, 10.0);
        input.wind_speed = Some(1.5);
        input.molar_mass = Some(70.9); // chlorine
        let report = plume(&input).unwrap();
        assert!(
            report
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::DenseGasCriterionMet { .. })),
            "{:?}",
            report.warnings
        );
    }

    #[test]
    fn far_levels_and_calm_wind_are_warned() {
        let mut input = plume_input(50.0, F, 1.0);
        input.wind_speed = Some(0.8);
        let warnings = plume(&input).unwrap().warnings;
        assert!(
            warnings
                .iter()
                .any(|w| matches!(w, Warning::BeyondTenKilometres { .. })),
            "{warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|w| matches!(w, Warning::LowWind { .. }))
        );
    }

    #[test]
    fn bad_inputs_are_each_named() {
        let input = GaussianInput {
            release_rate: Some(-1.0),
            wind_speed: Some(0.0),
            levels: vec![Level {
                name: "x".into(),
                mg_m3: -3.0,
            }],
            source: Some(Position {
                lon: 112.0,
                lat: 37.0,
            }),
            ..GaussianInput::default()
        };
        let fields: Vec<String> = plume(&input)
            .unwrap_err()
            .0
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        for field in [
            "release_rate",
            "wind_speed",
            "stability",
            "levels[0].mg_m3",
            "wind_from",
        ] {
            assert!(
                fields.iter().any(|f| f == field),
                "{field} missing from {fields:?}"
            );
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn more_release_never_shortens_the_distance(rate in 0.01f64..50.0, more in 1.0f64..10.0, level in 1.0f64..1000.0) {
                let less = plume(&plume_input(rate, D, level)).unwrap().result.reaches[0].distance_m;
                let more = plume(&plume_input(rate * more, D, level)).unwrap().result.reaches[0].distance_m;
                prop_assert!(more.unwrap_or(0.0) >= less.unwrap_or(0.0) * (1.0 - 1e-6));
            }

            #[test]
            fn more_stable_air_carries_a_ground_plume_farther(rate in 0.1f64..20.0, level in 5.0f64..500.0) {
                let mut last = 0.0;
                for class in StabilityClass::ALL {
                    let d = plume(&plume_input(rate, class, level)).unwrap().result.reaches[0].distance_m.unwrap_or(0.0);
                    prop_assert!(d >= last * (1.0 - 1e-6), "{class:?}: {d} < {last}");
                    last = d;
                }
            }
        }
    }
}

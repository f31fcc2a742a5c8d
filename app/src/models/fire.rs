//! Fires: pool fire, jet fire and BLEVE fireball, and how far each heat-flux threshold reaches.
//!
//! Sources: CCPS (1999) *Guidelines for Consequence Analysis of Chemical Releases* §2.2
//! (Burgess burning rate, Eq. 2.2.x; Thomas flame height; Mudan's solid-flame emissive power;
//! the CCPS/Roberts fireball). The Chinese safety-assessment fireball (R = 2.665·M^0.327,
//! t = 1.089·M^0.327, q(r) = q₀R²r(1 − 0.058 ln r)/(R² + r²)^{3/2}) is a separate
//! [`FireballMethod`], never mixed with the CCPS one.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

use super::chemicals::{self, Chemical};
use super::dense_gas::AIR_DENSITY;
use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};
use super::solve::farthest_above;
use super::{G, T_AMBIENT};

/// kW/m²: equipment damage; 1 % lethality in 10 s; pain in 10–20 s; no harm however long.
pub const THERMAL_THRESHOLDS: [f64; 4] = [37.5, 12.5, 5.0, 1.6];
const MAX_THRESHOLDS: usize = 4;
const RANGE_M: f64 = 20_000.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ThermalReach {
    /// kW/m².
    pub kw_m2: f64,
    /// Farthest ground distance from the fire's centre at which the flux is met, m.
    pub distance_m: Option<f64>,
}

/// Thresholds given, or the defaults; checked.
fn thresholds(given: &[f64], problems: &mut Problems) -> Vec<f64> {
    if given.len() > MAX_THRESHOLDS {
        problems.add(
            "thresholds",
            Problem::TooMany {
                max: MAX_THRESHOLDS,
            },
        );
    }
    for (i, t) in given.iter().enumerate() {
        problems.positive(&format!("thresholds[{i}]"), *t, 1000.0);
    }
    if given.is_empty() {
        THERMAL_THRESHOLDS.to_vec()
    } else {
        given.to_vec()
    }
}

fn note_thresholds(a: &mut Assumptions, given: &[f64], used: &[f64]) {
    let text: Vec<String> = used.iter().map(|t| t.to_string()).collect();
    a.note(
        "thresholds",
        format!("{} kW/m²", text.join(" / ")),
        given.is_empty(),
    );
}

/// The chemical named by `key`, or a field error.
fn chemical(key: &Option<String>, problems: &mut Problems) -> Option<&'static Chemical> {
    let key = key.as_deref()?;
    let found = chemicals::find(key);
    if found.is_none() {
        problems.add("chemical", Problem::Unknown);
    }
    found
}

/// How the reaches of a flux curve `flux(x)` (kW/m², x ground distance m) come out.
fn reaches(
    thresholds: &[f64],
    from: f64,
    flux: impl Fn(f64) -> f64,
    warnings: &mut Vec<Warning>,
) -> Vec<ThermalReach> {
    thresholds
        .iter()
        .map(|t| {
            let distance_m = match farthest_above(from, RANGE_M, *t, &flux) {
                Ok(d) => d,
                Err(range) => {
                    warnings.push(Warning::LevelBeyondRange {
                        level: format!("{t} kW/m²"),
                        range_m: range,
                    });
                    Some(range)
                }
            };
            ThermalReach {
                kw_m2: *t,
                distance_m,
            }
        })
        .collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PoolFireMethod {
    /// Cylinder of Thomas height with a uniform emissive power and its view factor. Default.
    #[default]
    SolidFlame,
    /// All radiated power from one point at half the flame height.
    PointSource,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PoolFireInput {
    /// Pool diameter, m.
    pub diameter: Option<f64>,
    /// A chemical of the table, to fill the properties below that are left out.
    pub chemical: Option<String>,
    /// kg/(m²·s); default from the Burgess correlation.
    pub burning_rate: Option<f64>,
    /// Lower heat of combustion, kJ/kg.
    pub heat_of_combustion: Option<f64>,
    /// kJ/kg, at the boiling point.
    pub heat_of_vaporization: Option<f64>,
    /// Liquid heat capacity, kJ/(kg·K).
    pub liquid_heat_capacity: Option<f64>,
    pub boiling_point: Option<f64>,
    pub ambient_temperature: Option<f64>,
    /// Fraction of the combustion energy radiated (default 0.35).
    pub radiative_fraction: Option<f64>,
    /// Atmospheric transmissivity (default 1: no absorption, the conservative value).
    pub transmissivity: Option<f64>,
    pub method: Option<PoolFireMethod>,
    /// kW/m² (default 37.5, 12.5, 5, 1.6).
    pub thresholds: Vec<f64>,
    /// Ground distance from the pool centre at which to report the flux, m.
    pub distance: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PoolFire {
    pub burning_rate: f64,
    pub flame_height_m: f64,
    /// kW/m² (solid flame); total radiated power, kW (both methods).
    pub emissive_power: f64,
    pub radiated_kw: f64,
    pub reaches: Vec<ThermalReach>,
    pub flux_at_distance: Option<f64>,
}

/// Burning rate after Burgess et al., CCPS (1999) Eq. 2.2.1/2.2.2: 10⁻³·ΔHc/ΔH*, with
/// ΔH* = ΔHv + Cp(Tb − Ta) for liquids boiling above ambient, ΔHv alone for liquefied gases.
pub fn burning_rate(
    heat_of_combustion: f64,
    heat_of_vaporization: f64,
    cp: f64,
    boiling: f64,
    ambient: f64,
) -> f64 {
    let sensible = if boiling > ambient {
        cp * (boiling - ambient)
    } else {
        0.0
    };
    1e-3 * heat_of_combustion / (heat_of_vaporization + sensible)
}

/// Thomas (1963): H/D = 42·(m″ / (ρa √(gD)))^0.61.
pub fn thomas_flame_height(diameter: f64, burning_rate: f64) -> f64 {
    42.0 * diameter * (burning_rate / (AIR_DENSITY * (G * diameter).sqrt())).powf(0.61)
}

/// Largest view factor (best-oriented target) from a vertical cylinder of radius `r` and
/// height `h` standing on the ground, to a target on the ground `l` from its axis. Integrated
/// over the visible side (midpoint rule) rather than from the closed forms, whose printed
/// versions differ between editions; the far-field test checks it.
pub fn cylinder_view_factor(r: f64, h: f64, l: f64) -> f64 {
    if l <= r {
        return 1.0;
    }
    const N: usize = 48;
    let phi0 = (r / l).acos();
    let dphi = 2.0 * phi0 / N as f64;
    let (mut vertical, mut horizontal) = (0.0, 0.0);
    for i in 0..N {
        let phi = -phi0 + (i as f64 + 0.5) * dphi;
        let (c, s) = (phi.cos(), phi.sin());
        let (dx, dy) = (r * c - l, r * s);
        let ground = (dx * dx + dy * dy).sqrt();
        // Height by its elevation angle seen from the target: even steps in angle put the
        // points where the integrand changes, however close the target stands.
        let top = (h / ground).atan();
        let dtheta = top / N as f64;
        for j in 0..N {
            let theta = (j as f64 + 0.5) * dtheta;
            let z = ground * theta.tan();
            let dz = ground / theta.cos().powi(2) * dtheta;
            let d2 = ground * ground + z * z;
            // cos at the flame (its outward normal towards the target) times area.
            let emitter = (l * c - r) / d2.sqrt() * r * dphi * dz;
            vertical += emitter * (l - r * c) / d2.sqrt() / (PI * d2);
            horizontal += emitter * z / d2.sqrt() / (PI * d2);
        }
    }
    (vertical * vertical + horizontal * horizontal).sqrt()
}

pub fn pool_fire(input: &PoolFireInput) -> Result<Report<PoolFire>, Problems> {
    let mut p = Problems::default();
    if let Some(d) = p.required("diameter", input.diameter) {
        p.positive("diameter", d, 500.0);
    }
    let known = chemical(&input.chemical, &mut p);
    let hc = input
        .heat_of_combustion
        .or(known.and_then(|c| c.heat_of_combustion));
    if input.burning_rate.is_none() || hc.is_none() {
        p.required("heat_of_combustion", hc);
    }
    p.optional("heat_of_combustion", hc, 1000.0, 150_000.0);
    p.optional("burning_rate", input.burning_rate, 0.001, 1.0);
    p.optional("radiative_fraction", input.radiative_fraction, 0.05, 0.6);
    p.optional("transmissivity", input.transmissivity, 0.1, 1.0);
    p.optional(
        "ambient_temperature",
        input.ambient_temperature,
        220.0,
        330.0,
    );
    p.optional("distance", input.distance, 0.0, RANGE_M);
    let hv = input
        .heat_of_vaporization
        .or(known.and_then(|c| c.heat_of_vaporization));
    if input.burning_rate.is_none() {
        p.required("heat_of_vaporization", hv);
    }
    p.optional("heat_of_vaporization", hv, 1.0, 5000.0);
    let used = thresholds(&input.thresholds, &mut p);
    p.finish(|| ())?;

    let mut a = Assumptions::default();
    let d = input.diameter.unwrap_or(1.0);
    a.note("diameter", format!("{d} m"), false);
    if let Some(c) = known {
        a.note("chemical", c.key.as_str(), false);
    }
    let hc = hc.unwrap_or_default();
    a.note("heat_of_combustion", format!("{hc} kJ/kg"), false);
    let ta = a.take(
        "ambient_temperature",
        input.ambient_temperature,
        T_AMBIENT,
        " K",
    );
    let rate = match input.burning_rate {
        Some(rate) => {
            a.note("burning_rate", format!("{rate} kg/(m²·s)"), false);
            rate
        }
        None => {
            let cp = input
                .liquid_heat_capacity
                .or(known.and_then(|c| c.liquid_heat_capacity))
                .unwrap_or(2.0);
            let tb = input
                .boiling_point
                .or(known.map(|c| c.boiling_point))
                .unwrap_or(ta);
            let rate = burning_rate(hc, hv.unwrap_or(1.0), cp, tb, ta);
            a.note(
                "burning_rate",
                format!("{rate:.4} kg/(m²·s) (Burgess)"),
                true,
            );
            rate
        }
    };
    let eta = a.take("radiative_fraction", input.radiative_fraction, 0.35, "");
    let tau = a.take("transmissivity", input.transmissivity, 1.0, "");
    let method = input.method.unwrap_or_default();
    a.note(
        "method",
        match method {
            PoolFireMethod::SolidFlame => "solid_flame",
            PoolFireMethod::PointSource => "point_source",
        },
        input.method.is_none(),
    );
    note_thresholds(&mut a, &input.thresholds, &used);

    let height = thomas_flame_height(d, rate);
    let area = PI * d * d / 4.0;
    let radiated = eta * rate * area * hc;
    let emissive = eta * rate * hc / (1.0 + 4.0 * height / d);
    let radius = d / 2.0;
    let flux = |x: f64| match method {
        PoolFireMethod::SolidFlame => tau * emissive * cylinder_view_factor(radius, height, x),
        PoolFireMethod::PointSource => {
            tau * radiated / (4.0 * PI * (x * x + height * height / 4.0))
        }
    };
    let mut warnings = Vec::new();
    let from = match method {
        PoolFireMethod::SolidFlame => radius * 1.0001,
        PoolFireMethod::PointSource => 0.1,
    };
    let mut reaches = reaches(&used, from, flux, &mut warnings);
    for reach in &mut reaches {
        // A threshold above what the flame surface emits is met only inside the flame.
        if method == PoolFireMethod::SolidFlame
            && reach.distance_m.is_none()
            && reach.kw_m2 <= tau * emissive
        {
            reach.distance_m = Some(radius);
            warnings.push(Warning::InsideFlame {
                level: format!("{} kW/m²", reach.kw_m2),
            });
        }
    }
    let flux_at_distance = input.distance.map(|x| {
        if method == PoolFireMethod::SolidFlame && x <= radius {
            tau * emissive
        } else {
            flux(x.max(0.1))
        }
    });
    Ok(a.finish(
        PoolFire {
            burning_rate: rate,
            flame_height_m: height,
            emissive_power: emissive,
            radiated_kw: radiated,
            reaches,
            flux_at_distance,
        },
        warnings,
    ))
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct JetFireInput {
    /// Release rate of the burning jet, kg/s.
    pub release_rate: Option<f64>,
    pub chemical: Option<String>,
    /// kJ/kg.
    pub heat_of_combustion: Option<f64>,
    /// Default 0.2, typical of hydrocarbon jets (CCPS 1999 §2.2.6).
    pub radiative_fraction: Option<f64>,
    pub transmissivity: Option<f64>,
    /// Height of the release, m (default 0).
    pub source_height: Option<f64>,
    pub thresholds: Vec<f64>,
    pub distance: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JetFire {
    pub radiated_kw: f64,
    pub reaches: Vec<ThermalReach>,
    pub flux_at_distance: Option<f64>,
}

/// Point-source jet fire: q = τ·η·ṁ·ΔHc / (4π d²), the point at the release.
pub fn jet_fire(input: &JetFireInput) -> Result<Report<JetFire>, Problems> {
    let mut p = Problems::default();
    if let Some(m) = p.required("release_rate", input.release_rate) {
        p.positive("release_rate", m, 10_000.0);
    }
    let known = chemical(&input.chemical, &mut p);
    let hc = p.required(
        "heat_of_combustion",
        input
            .heat_of_combustion
            .or(known.and_then(|c| c.heat_of_combustion)),
    );
    p.optional("heat_of_combustion", hc, 1000.0, 150_000.0);
    p.optional("radiative_fraction", input.radiative_fraction, 0.05, 0.6);
    p.optional("transmissivity", input.transmissivity, 0.1, 1.0);
    p.optional("source_height", input.source_height, 0.0, 500.0);
    p.optional("distance", input.distance, 0.0, RANGE_M);
    let used = thresholds(&input.thresholds, &mut p);
    p.finish(|| ())?;
    let mut a = Assumptions::default();
    let m = input.release_rate.unwrap_or_default();
    let hc = hc.unwrap_or_default();
    a.note("release_rate", format!("{m} kg/s"), false);
    a.note("heat_of_combustion", format!("{hc} kJ/kg"), false);
    let eta = a.take("radiative_fraction", input.radiative_fraction, 0.2, "");
    let tau = a.take("transmissivity", input.transmissivity, 1.0, "");
    let h = a.take("source_height", input.source_height, 0.0, " m");
    a.note("flame_model", "point_source_at_release", true);
    note_thresholds(&mut a, &input.thresholds, &used);
    let radiated = eta * m * hc;
    let flux = |x: f64| tau * radiated / (4.0 * PI * (x * x + h * h));
    let mut warnings = Vec::new();
    let reaches = reaches(&used, 0.1, flux, &mut warnings);
    let flux_at_distance = input.distance.map(|x| flux(x.max(0.1)));
    Ok(a.finish(
        JetFire {
            radiated_kw: radiated,
            reaches,
            flux_at_distance,
        },
        warnings,
    ))
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FireballMethod {
    /// CCPS (1999) §2.2.5: D = 5.8·M^⅓, t = 0.45·M^⅓ (M < 30 t) or 2.6·M^⅙, centre at 0.75·D,
    /// E = F·M·ΔHc / (πD²t), sphere view factor. Default.
    #[default]
    Ccps,
    /// 中国安全评价 practice: R = 2.665·M^0.327, t = 1.089·M^0.327, q(r) as in the module docs.
    CnSafetyAssessment,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TankShape {
    /// 柱形罐: q₀ = 270 kW/m². Default.
    #[default]
    Cylindrical,
    /// 球形罐: q₀ = 200 kW/m².
    Spherical,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct FireballInput {
    /// Flammable mass in the fireball, kg.
    pub mass: Option<f64>,
    pub chemical: Option<String>,
    /// kJ/kg (CCPS method).
    pub heat_of_combustion: Option<f64>,
    pub method: Option<FireballMethod>,
    /// CCPS: radiated fraction (default 0.25, Roberts 1982 range 0.25–0.4).
    pub radiative_fraction: Option<f64>,
    pub transmissivity: Option<f64>,
    /// Chinese method: the tank shape fixes q₀.
    pub tank: Option<TankShape>,
    pub thresholds: Vec<f64>,
    pub distance: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fireball {
    pub diameter_m: f64,
    pub duration_s: f64,
    /// Height of the centre, m (0 in the Chinese method, which works in ground distance).
    pub centre_height_m: f64,
    /// kW/m² at the surface (CCPS) or q₀ (Chinese method).
    pub emissive_power: f64,
    pub reaches: Vec<ThermalReach>,
    pub flux_at_distance: Option<f64>,
}

pub fn fireball(input: &FireballInput) -> Result<Report<Fireball>, Problems> {
    let mut p = Problems::default();
    if let Some(m) = p.required("mass", input.mass) {
        p.positive("mass", m, 1e7);
    }
    let method = input.method.unwrap_or_default();
    let known = chemical(&input.chemical, &mut p);
    let hc = input
        .heat_of_combustion
        .or(known.and_then(|c| c.heat_of_combustion));
    if method == FireballMethod::Ccps {
        p.required("heat_of_combustion", hc);
    }
    p.optional("heat_of_combustion", hc, 1000.0, 150_000.0);
    p.optional("radiative_fraction", input.radiative_fraction, 0.1, 0.6);
    p.optional("transmissivity", input.transmissivity, 0.1, 1.0);
    p.optional("distance", input.distance, 0.0, RANGE_M);
    if method == FireballMethod::Ccps && input.tank.is_some() {
        p.add(
            "tank",
            Problem::Inconsistent {
                with: "method".into(),
            },
        );
    }
    let used = thresholds(&input.thresholds, &mut p);
    p.finish(|| ())?;
    let mut a = Assumptions::default();
    let m = input.mass.unwrap_or_default();
    a.note("mass", format!("{m} kg"), false);
    a.note(
        "method",
        match method {
            FireballMethod::Ccps => "ccps",
            FireballMethod::CnSafetyAssessment => "cn_safety_assessment",
        },
        input.method.is_none(),
    );
    let tau = a.take("transmissivity", input.transmissivity, 1.0, "");
    note_thresholds(&mut a, &input.thresholds, &used);
    let mut warnings = Vec::new();
    let ball = match method {
        FireballMethod::Ccps => {
            let hc = hc.unwrap_or_default();
            a.note("heat_of_combustion", format!("{hc} kJ/kg"), false);
            let f = a.take("radiative_fraction", input.radiative_fraction, 0.25, "");
            let d = 5.8 * m.cbrt();
            let t = if m < 30_000.0 {
                0.45 * m.cbrt()
            } else {
                2.6 * m.powf(1.0 / 6.0)
            };
            let h = 0.75 * d;
            let e = f * m * hc / (PI * d * d * t);
            let flux = |x: f64| tau * e * (d / 2.0).powi(2) / (x * x + h * h);
            let reaches = reaches(&used, 0.1, flux, &mut warnings);
            let flux_at_distance = input.distance.map(flux);
            Fireball {
                diameter_m: d,
                duration_s: t,
                centre_height_m: h,
                emissive_power: e,
                reaches,
                flux_at_distance,
            }
        }
        FireballMethod::CnSafetyAssessment => {
            let shape = input.tank.unwrap_or_default();
            let q0 = match shape {
                TankShape::Cylindrical => 270.0,
                TankShape::Spherical => 200.0,
            };
            a.note(
                "tank",
                format!(
                    "{} (q₀ {q0} kW/m²)",
                    match shape {
                        TankShape::Cylindrical => "cylindrical",
                        TankShape::Spherical => "spherical",
                    }
                ),
                input.tank.is_none(),
            );
            let r = 2.665 * m.powf(0.327);
            let t = 1.089 * m.powf(0.327);
            let flux = |x: f64| {
                let x = x.max(1.0);
                tau * q0 * r * r * x * (1.0 - 0.058 * x.ln()) / (r * r + x * x).powf(1.5)
            };
            let reaches = reaches(&used, 1.0, flux, &mut warnings);
            let flux_at_distance = input.distance.map(flux);
            Fireball {
                diameter_m: 2.0 * r,
                duration_s: t,
                centre_height_m: 0.0,
                emissive_power: q0,
                reaches,
                flux_at_distance,
            }
        }
    };
    Ok(a.finish(ball, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burgess_rate_for_hexane_and_for_a_liquefied_gas() {
        // Hexane: ΔHc 44 700, ΔHv 335 kJ/kg, Cp 2.24 kJ/(kg·K), Tb 342 K, Ta 293 K:
        // ΔH* = 335 + 2.24·49 = 444.8 → m″ = 44.7/444.8 = 0.1005 kg/(m²·s).
        assert!((burning_rate(44_700.0, 335.0, 2.24, 342.0, 293.0) - 0.1005).abs() < 1e-4);
        // Propane boils below ambient: ΔH* = ΔHv = 426 → 46 350/426·10⁻³ = 0.1088.
        assert!((burning_rate(46_350.0, 426.0, 2.5, 231.0, 293.0) - 0.1088).abs() < 1e-4);
    }

    #[test]
    fn thomas_height_of_a_ten_metre_gasoline_pool() {
        // m″ 0.055 (Babrauskas), D 10 m: 42·10·(0.055/(1.204·√98.07))^0.61 = 42·10·0.0376 = 15.8 m.
        let h = thomas_flame_height(10.0, 0.055);
        assert!((h - 15.8).abs() < 0.1, "{h}");
    }

    #[test]
    fn the_view_factor_tends_to_the_projected_area_far_away() {
        // Far away a cylinder looks like its D×H rectangle: F → D·H/(π L²).
        let (r, h, l) = (5.0, 15.0, 1000.0);
        let f = cylinder_view_factor(r, h, l);
        let far = 2.0 * r * h / (PI * l * l);
        assert!((f / far - 1.0).abs() < 0.02, "{f} {far}");
        // Close to a tall flame it approaches one half for a vertical target.
        assert!(cylinder_view_factor(5.0, 500.0, 5.05) > 0.45);
    }

    fn pool(method: PoolFireMethod) -> PoolFireInput {
        PoolFireInput {
            diameter: Some(20.0),
            chemical: Some("gasoline".into()),
            burning_rate: Some(0.055),
            method: Some(method),
            ..PoolFireInput::default()
        }
    }

    #[test]
    fn pool_fire_reaches_shrink_as_the_threshold_grows() {
        for method in [PoolFireMethod::SolidFlame, PoolFireMethod::PointSource] {
            let fire = pool_fire(&pool(method)).unwrap().result;
            let d: Vec<f64> = fire.reaches.iter().map(|r| r.distance_m.unwrap()).collect();
            assert!(d.windows(2).all(|w| w[0] <= w[1]), "{method:?} {d:?}");
            assert!(d[3] > 20.0 && d[3] < 500.0, "{method:?} {d:?}");
        }
    }

    #[test]
    fn point_source_flux_is_the_inverse_square() {
        let mut input = pool(PoolFireMethod::PointSource);
        input.distance = Some(100.0);
        let fire = pool_fire(&input).unwrap().result;
        let expected =
            fire.radiated_kw / (4.0 * PI * (100.0_f64.powi(2) + fire.flame_height_m.powi(2) / 4.0));
        assert!((fire.flux_at_distance.unwrap() - expected).abs() < 1e-9);
    }

    #[test]
    fn ccps_fireball_of_fifty_tonnes_of_propane() {
        // D = 5.8·50 000^⅓ = 213.7 m; t = 2.6·50 000^⅙ = 15.79 s; H = 160.3 m;
        // E = 0.25·5·10⁴·46 350/(π·213.7²·15.79) = 255 kW/m².
        let input = FireballInput {
            mass: Some(50_000.0),
            heat_of_combustion: Some(46_350.0),
            ..FireballInput::default()
        };
        let ball = fireball(&input).unwrap().result;
        assert!((ball.diameter_m - 213.7).abs() < 0.1);
        assert!((ball.duration_s - 15.79).abs() < 0.01);
        assert!(
            (ball.emissive_power - 255.0).abs() < 1.0,
            "{}",
            ball.emissive_power
        );
        // 5 kW/m² where (D/2)²·E/X² = 5: X = 106.8·√(255/5) = 763 m; ground x = √(X² − H²) = 746 m.
        let five = ball.reaches[2].distance_m.unwrap();
        assert!((five - 746.0).abs() < 3.0, "{five}");
    }

    #[test]
    fn chinese_fireball_is_its_own_method() {
        // R = 2.665·50 000^0.327 = 91.7 m; q(200 m) = 270·R²·200·(1 − 0.058 ln 200)/(R² + 200²)^1.5 ≈ 29.5.
        let input = FireballInput {
            mass: Some(50_000.0),
            method: Some(FireballMethod::CnSafetyAssessment),
            distance: Some(200.0),
            ..FireballInput::default()
        };
        let report = fireball(&input).unwrap();
        assert!((report.result.diameter_m / 2.0 - 91.7).abs() < 0.2);
        assert!((report.result.flux_at_distance.unwrap() - 29.5).abs() < 0.3);
        assert!(
            report
                .assumptions
                .iter()
                .any(|a| a.key == "tank" && a.defaulted)
        );
        // The CCPS heat of combustion is not asked of it; a tank shape is refused for CCPS.
        let wrong = FireballInput {
            mass: Some(10.0),
            heat_of_combustion: Some(46_000.0),
            tank: Some(TankShape::Spherical),
            ..FireballInput::default()
        };
        assert_eq!(fireball(&wrong).unwrap_err().0[0].0, "tank");
    }

    #[test]
    fn jet_fire_point_source() {
        let input = JetFireInput {
            release_rate: Some(2.0),
            heat_of_combustion: Some(50_000.0),
            distance: Some(30.0),
            ..JetFireInput::default()
        };
        let jet = jet_fire(&input).unwrap().result;
        assert!((jet.radiated_kw - 20_000.0).abs() < 1e-9);
        assert!((jet.flux_at_distance.unwrap() - 20_000.0 / (4.0 * PI * 900.0)).abs() < 1e-9);
        // 5 kW/m² at √(20 000/(4π·5)) = 17.8 m.
        assert!((jet.reaches[2].distance_m.unwrap() - 17.84).abs() < 0.05);
    }
}

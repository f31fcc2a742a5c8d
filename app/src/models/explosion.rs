//! Vapour cloud explosion by TNT equivalence, and how far each overpressure reaches.
//!
//! Two method sets, never mixed:
//! - [`VceMethod::Tnt`]: W_TNT = η·M·ΔHc / E_TNT (CCPS 1999 §2.2.1, Eq. 2.2.2; η 1–10 %, default
//!   3 %; E_TNT default 4 680 kJ/kg), overpressure from the Kingery–Bulmash surface-burst curve
//!   in the polynomial fit of Crowl & Louvar, *Chemical Process Safety* (2nd ed., Eq. 6-25,
//!   kPa against z in m/kg^⅓, valid 0.0674 ≤ z ≤ 40).
//! - [`VceMethod::CnSafetyAssessment`] (中国安全评价 practice): W_TNT = 1.8·α·W_f·Q_f / Q_TNT
//!   (α 4 %, Q_TNT 4 520 kJ/kg, 1.8 the ground-burst factor); 死亡半径 R₀.₅ = 13.6·(W_TNT/1000)^0.37;
//!   重伤/轻伤 radii where ΔP/P₀ = 0.137Z⁻³ + 0.119Z⁻² + 0.269Z⁻¹ − 0.019 (Z = R/(E/P₀)^⅓)
//!   reaches 44 000 Pa / 17 000 Pa; 财产损失半径 R = 4.6·W^⅓ / [1 + (3175/W)²]^⅙.
//!
//! TNO multi-energy needs the blast-strength class of each congested region; it is not offered
//! until the plant data to choose it is in the registry.

use serde::{Deserialize, Serialize};

use super::P_ATM;
use super::chemicals;
use super::input::{Problem, Problems};
use super::report::{Assumptions, Report, Warning};
use super::solve::bisect_log;

/// kPa: 8 psi (buildings destroyed), 3.5 psi (serious injury likely), 1 psi (glass shatters).
pub const OVERPRESSURE_THRESHOLDS: [f64; 3] = [55.2, 24.1, 6.9];
const Z_MIN: f64 = 0.0674;
const Z_MAX: f64 = 40.0;

/// Crowl & Louvar Eq. 6-25 coefficients: log₁₀ p = Σ cᵢ·(a + b·log₁₀ z)ⁱ.
const KB_A: f64 = -0.214_362_789_151;
const KB_B: f64 = 1.350_342_499_93;
const KB_C: [f64; 12] = [
    2.780_769_165_77,
    -1.695_898_874_1,
    -0.154_159_376_846,
    0.514_060_730_593,
    0.098_855_436_527_4,
    -0.293_912_623_038,
    -0.026_811_234_501_9,
    0.109_097_496_421,
    0.001_628_467_563_11,
    -0.021_463_103_024_2,
    0.000_145_672_338_2,
    0.001_678_477_522_66,
];

/// Side-on overpressure, kPa, at scaled distance z (m/kg^⅓) of a TNT surface burst.
pub fn tnt_overpressure(z: f64) -> f64 {
    let t = KB_A + KB_B * z.log10();
    let log = KB_C.iter().rev().fold(0.0, |acc, c| acc * t + c);
    10f64.powf(log)
}

/// The Chinese method's ΔP/P₀ at Z.
fn cn_overpressure_ratio(z: f64) -> f64 {
    0.137 / z.powi(3) + 0.119 / z.powi(2) + 0.269 / z - 0.019
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VceMethod {
    #[default]
    Tnt,
    CnSafetyAssessment,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct VceInput {
    /// Flammable mass in the cloud, kg.
    pub mass: Option<f64>,
    pub chemical: Option<String>,
    /// kJ/kg.
    pub heat_of_combustion: Option<f64>,
    pub method: Option<VceMethod>,
    /// Explosion yield η (TNT default 0.03) or α (Chinese method default 0.04).
    pub yield_factor: Option<f64>,
    /// kJ/kg (TNT default 4 680; Chinese method 4 520).
    pub tnt_energy: Option<f64>,
    /// Multiplies the TNT mass (TNT method; default 1: the curve is already a surface burst).
    pub ground_factor: Option<f64>,
    /// kPa (TNT method; default 55.2, 24.1, 6.9).
    pub thresholds: Vec<f64>,
    /// Ground distance at which to report the overpressure, m.
    pub distance: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BlastReach {
    /// `death`, `serious_injury`, `light_injury`, `property` (Chinese method) or the kPa value.
    pub label: String,
    pub overpressure_kpa: Option<f64>,
    pub distance_m: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vce {
    pub tnt_kg: f64,
    pub reaches: Vec<BlastReach>,
    pub overpressure_at_distance_kpa: Option<f64>,
}

pub fn vce(input: &VceInput) -> Result<Report<Vce>, Problems> {
    let mut p = Problems::default();
    if let Some(m) = p.required("mass", input.mass) {
        p.positive("mass", m, 1e8);
    }
    let known = match input.chemical.as_deref() {
        Some(key) => {
            let found = chemicals::find(key);
            if found.is_none() {
                p.add("chemical", Problem::Unknown);
            }
            found
        }
        None => None,
    };
    let hc = p.required(
        "heat_of_combustion",
        input
            .heat_of_combustion
            .or(known.and_then(|c| c.heat_of_combustion)),
    );
    p.optional("heat_of_combustion", hc, 1000.0, 150_000.0);
    p.optional("yield_factor", input.yield_factor, 0.001, 1.0);
    p.optional("tnt_energy", input.tnt_energy, 4000.0, 5000.0);
    p.optional("ground_factor", input.ground_factor, 1.0, 2.0);
    p.optional("distance", input.distance, 0.0, 50_000.0);
    let method = input.method.unwrap_or_default();
    if method == VceMethod::CnSafetyAssessment {
        if !input.thresholds.is_empty() {
            p.add(
                "thresholds",
                Problem::Inconsistent {
                    with: "method".into(),
                },
            );
        }
        if input.ground_factor.is_some() {
            p.add(
                "ground_factor",
                Problem::Inconsistent {
                    with: "method".into(),
                },
            );
        }
    }
    if input.thresholds.len() > 4 {
        p.add("thresholds", Problem::TooMany { max: 4 });
    }
    for (i, t) in input.thresholds.iter().enumerate() {
        p.positive(&format!("thresholds[{i}]"), *t, 10_000.0);
    }
    p.finish(|| ())?;

    let mut a = Assumptions::default();
    let m = input.mass.unwrap_or_default();
    let hc = hc.unwrap_or_default();
    a.note("mass", format!("{m} kg"), false);
    a.note("heat_of_combustion", format!("{hc} kJ/kg"), false);
    a.note(
        "method",
        match method {
            VceMethod::Tnt => "tnt",
            VceMethod::CnSafetyAssessment => "cn_safety_assessment",
        },
        input.method.is_none(),
    );
    let mut warnings = Vec::new();
    let result = match method {
        VceMethod::Tnt => {
            let eta = a.take("yield_factor", input.yield_factor, 0.03, "");
            let e_tnt = a.take("tnt_energy", input.tnt_energy, 4680.0, " kJ/kg");
            let ground = a.take("ground_factor", input.ground_factor, 1.0, "");
            let tnt = ground * eta * m * hc / e_tnt;
            let used = if input.thresholds.is_empty() {
                OVERPRESSURE_THRESHOLDS.to_vec()
            } else {
                input.thresholds.clone()
            };
            let text: Vec<String> = used.iter().map(|t| t.to_string()).collect();
            a.note(
                "thresholds",
                format!("{} kPa", text.join(" / ")),
                input.thresholds.is_empty(),
            );
            let scale = tnt.cbrt();
            let reaches = used
                .iter()
                .map(|kpa| {
                    let label = format!("{kpa} kPa");
                    let z = if *kpa > tnt_overpressure(Z_MIN) || *kpa < tnt_overpressure(Z_MAX) {
                        warnings.push(Warning::OutsideBlastCurve {
                            level: label.clone(),
                        });
                        None
                    } else {
                        Some(bisect_log(Z_MIN, Z_MAX, |z| tnt_overpressure(z) - kpa))
                    };
                    BlastReach {
                        label,
                        overpressure_kpa: Some(*kpa),
                        distance_m: z.map(|z| z * scale),
                    }
                })
                .collect();
            let at = input
                .distance
                .map(|d| tnt_overpressure((d / scale).clamp(Z_MIN, Z_MAX)));
            Vce {
                tnt_kg: tnt,
                reaches,
                overpressure_at_distance_kpa: at,
            }
        }
        VceMethod::CnSafetyAssessment => {
            let alpha = a.take("yield_factor", input.yield_factor, 0.04, "");
            let q_tnt = a.take("tnt_energy", input.tnt_energy, 4520.0, " kJ/kg");
            a.note("ground_factor", "1.8", true);
            let tnt = 1.8 * alpha * m * hc / q_tnt;
            let energy = tnt * q_tnt * 1000.0;
            let scale = (energy / P_ATM).cbrt();
            let radius_at =
                |pa: f64| scale * bisect_log(0.05, 50.0, |z| cn_overpressure_ratio(z) - pa / P_ATM);
            let reaches = vec![
                BlastReach {
                    label: "death".into(),
                    overpressure_kpa: None,
                    distance_m: Some(13.6 * (tnt / 1000.0).powf(0.37)),
                },
                BlastReach {
                    label: "serious_injury".into(),
                    overpressure_kpa: Some(44.0),
                    distance_m: Some(radius_at(44_000.0)),
                },
                BlastReach {
                    label: "light_injury".into(),
                    overpressure_kpa: Some(17.0),
                    distance_m: Some(radius_at(17_000.0)),
                },
                BlastReach {
                    label: "property".into(),
                    overpressure_kpa: None,
                    distance_m: Some(
                        4.6 * tnt.cbrt() / (1.0 + (3175.0 / tnt).powi(2)).powf(1.0 / 6.0),
                    ),
                },
            ];
            let at = input
                .distance
                .map(|d| (cn_overpressure_ratio((d / scale).max(0.05)) * P_ATM / 1000.0).max(0.0));
            Vce {
                tnt_kg: tnt,
                reaches,
                overpressure_at_distance_kpa: at,
            }
        }
    };
    Ok(a.finish(result, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blast_curve_falls_everywhere_in_its_range() {
        let mut last = f64::INFINITY;
        for z in super::super::solve::log_grid(Z_MIN, Z_MAX, 400) {
            let p = tnt_overpressure(z);
            assert!(p < last, "not falling at z = {z}: {p} ≥ {last}");
            last = p;
        }
    }

    #[test]
    fn the_blast_curve_at_z_10() {
        // Eq. 6-25 by hand at z = 10: t = a + b = 1.13598, Σ cᵢtⁱ = 1.1705 → 14.8 kPa.
        assert!(
            (tnt_overpressure(10.0) - 14.8).abs() < 0.1,
            "{}",
            tnt_overpressure(10.0)
        );
    }

    #[test]
    fn one_tonne_of_propane_by_tnt_equivalence() {
        // W_TNT = 0.03·1000·46 350/4680 = 297.1 kg; 6.9 kPa where z ≈ 17 → R ≈ 17·6.67 ≈ 113 m.
        let input = VceInput {
            mass: Some(1000.0),
            heat_of_combustion: Some(46_350.0),
            ..VceInput::default()
        };
        let report = vce(&input).unwrap();
        let vce = report.result;
        assert!((vce.tnt_kg - 297.1).abs() < 0.1);
        let d: Vec<f64> = vce.reaches.iter().map(|r| r.distance_m.unwrap()).collect();
        assert!(d.windows(2).all(|w| w[0] < w[1]), "{d:?}");
        let z = d[2] / vce.tnt_kg.cbrt();
        assert!((tnt_overpressure(z) - 6.9).abs() < 1e-3);
        assert!(
            report
                .assumptions
                .iter()
                .any(|a| a.key == "yield_factor" && a.defaulted)
        );
    }

    #[test]
    fn the_chinese_method_is_its_own_set() {
        // 1 t of propane: W_TNT = 1.8·0.04·1000·46 350/4520 = 738.3 kg;
        // R₀.₅ = 13.6·0.7383^0.37 = 12.2 m.
        let input = VceInput {
            mass: Some(1000.0),
            heat_of_combustion: Some(46_350.0),
            method: Some(VceMethod::CnSafetyAssessment),
            ..VceInput::default()
        };
        let vce = vce(&input).unwrap().result;
        assert!((vce.tnt_kg - 738.3).abs() < 0.1);
        assert!((vce.reaches[0].distance_m.unwrap() - 12.2).abs() < 0.1);
        let serious = vce.reaches[1].distance_m.unwrap();
        let light = vce.reaches[2].distance_m.unwrap();
        assert!(serious < light);
        // The ratio at the serious-injury radius is 44 000/101 325.
        let scale = (vce.tnt_kg * 4520.0 * 1000.0 / P_ATM).cbrt();
        assert!((cn_overpressure_ratio(serious / scale) - 44_000.0 / P_ATM).abs() < 1e-6);
        // Thresholds are the method's own; asking for others is refused.
        let mixed = VceInput {
            thresholds: vec![10.0],
            ..input
        };
        assert_eq!(super::vce(&mixed).unwrap_err().0[0].0, "thresholds");
    }

    #[test]
    fn more_fuel_never_reaches_less_far() {
        let at = |m: f64| {
            let input = VceInput {
                mass: Some(m),
                chemical: Some("propane".into()),
                ..VceInput::default()
            };
            vce(&input).unwrap().result.reaches[1].distance_m.unwrap()
        };
        assert!(at(2000.0) > at(1000.0));
    }
}

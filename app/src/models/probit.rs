//! Probit functions: Y = a + b·ln V, probability = Φ(Y − 5). Each coefficient set carries its
//! causative variable V and the units it was fitted in; a set is used only with those units.
//!
//! Sources: Eisenberg, Lynch & Breeding (1975), *Vulnerability Model*, US Coast Guard, and
//! CCPS (2000) *Guidelines for Chemical Process Quantitative Risk Analysis* — as collected in Crowl & Louvar, *Chemical Process Safety* (2nd ed.), Table 2-5. Toxic sets come
//! with the chemicals ([`super::chemicals`]).

use serde::{Deserialize, Serialize};

use super::chemicals;
use super::input::{Problem, Problems};
use super::report::{Assumptions, Report};

/// What a set's V is made of.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Dose {
    /// V = Cⁿ·t, C in ppm, t in minutes.
    Toxic { n: f64 },
    /// V = t·q^{4/3} / scale, t in seconds, q in W/m².
    Thermal { scale: f64 },
    /// V = p°, peak overpressure in Pa.
    Overpressure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProbitSet {
    pub id: String,
    pub a: f64,
    pub b: f64,
    pub dose: Dose,
    pub source: String,
}

/// The thermal and blast sets; toxic ones are `toxic:<chemical>`.
pub fn physical_sets() -> Vec<ProbitSet> {
    const EISENBERG: &str = "Eisenberg et al. 1975; Crowl & Louvar Table 2-5";
    let set = |id: &str, a: f64, b: f64, dose: Dose| ProbitSet {
        id: id.into(),
        a,
        b,
        dose,
        source: EISENBERG.into(),
    };
    vec![
        set("burn_fatality", -14.9, 2.56, Dose::Thermal { scale: 1e4 }),
        set(
            "burn_first_degree",
            -39.83,
            3.0186,
            Dose::Thermal { scale: 1.0 },
        ),
        set(
            "burn_second_degree",
            -43.14,
            3.0188,
            Dose::Thermal { scale: 1.0 },
        ),
        set("lung_haemorrhage_death", -77.1, 6.91, Dose::Overpressure),
        set("eardrum_rupture", -15.6, 1.93, Dose::Overpressure),
        set("structural_damage", -23.8, 2.92, Dose::Overpressure),
        set("glass_breakage", -18.1, 2.79, Dose::Overpressure),
    ]
}

/// A set by id: a physical one, or `toxic:<chemical key>`.
pub fn find(id: &str) -> Option<ProbitSet> {
    if let Some(key) = id.strip_prefix("toxic:") {
        let chemical = chemicals::find(key)?;
        let p = chemical.probit.as_ref()?;
        return Some(ProbitSet {
            id: id.into(),
            a: p.a,
            b: p.b,
            dose: Dose::Toxic { n: p.n },
            source: p.source.clone(),
        });
    }
    physical_sets().into_iter().find(|s| s.id == id)
}

/// Φ(Y − 5): the probability of the effect for a probit value.
pub fn probability(y: f64) -> f64 {
    0.5 * (1.0 + libm::erf((y - 5.0) / std::f64::consts::SQRT_2))
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ProbitInput {
    /// A set id (`burn_fatality`, `toxic:chlorine`, ...).
    pub set: Option<String>,
    /// ppm (toxic sets).
    pub concentration: Option<f64>,
    /// Exposure, minutes (toxic) or seconds (thermal).
    pub duration: Option<f64>,
    /// kW/m² (thermal sets).
    pub heat_flux: Option<f64>,
    /// kPa (overpressure sets).
    pub overpressure: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probit {
    pub set: ProbitSet,
    pub dose: f64,
    pub probit: f64,
    pub probability: f64,
}

pub fn probit(input: &ProbitInput) -> Result<Report<Probit>, Problems> {
    let mut p = Problems::default();
    let Some(id) = input.set.as_deref() else {
        p.add("set", Problem::Required);
        return Err(p);
    };
    let Some(set) = find(id) else {
        p.add("set", Problem::Unknown);
        return Err(p);
    };
    let mut a = Assumptions::default();
    a.note(
        "set",
        format!("{} (a {}, b {})", set.id, set.a, set.b),
        false,
    );
    let dose = match set.dose {
        Dose::Toxic { n } => {
            let c = p.required("concentration", input.concentration);
            let t = p.required("duration", input.duration);
            p.optional("concentration", c, 0.0, 1e6);
            p.optional("duration", t, 0.0, 1440.0);
            a.note("units", "ppm, min", false);
            c.unwrap_or_default().powf(n) * t.unwrap_or_default()
        }
        Dose::Thermal { scale } => {
            let q = p.required("heat_flux", input.heat_flux);
            let t = p.required("duration", input.duration);
            p.optional("heat_flux", q, 0.0, 1000.0);
            p.optional("duration", t, 0.0, 3600.0);
            a.note("units", "W/m², s", false);
            t.unwrap_or_default() * (q.unwrap_or_default() * 1000.0).powf(4.0 / 3.0) / scale
        }
        Dose::Overpressure => {
            let kpa = p.required("overpressure", input.overpressure);
            p.optional("overpressure", kpa, 0.0, 10_000.0);
            a.note("units", "Pa", false);
            kpa.unwrap_or_default() * 1000.0
        }
    };
    p.finish(|| ())?;
    // No dose, no effect (ln 0 would be −∞).
    let y = if dose > 0.0 {
        set.a + set.b * dose.ln()
    } else {
        f64::NEG_INFINITY
    };
    let result = Probit {
        probability: if dose > 0.0 { probability(y) } else { 0.0 },
        probit: y.max(-10.0),
        dose,
        set,
    };
    Ok(a.finish(result, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probit_to_probability() {
        // Finney's table: Y 5 → 50 %, 6.2816 → 90 %, 2.67 → 1 %.
        assert!((probability(5.0) - 0.5).abs() < 1e-12);
        assert!((probability(6.2816) - 0.90).abs() < 0.001);
        assert!((probability(2.67) - 0.01).abs() < 0.0005);
    }

    #[test]
    fn burn_fatality_at_a_known_dose() {
        // Eisenberg: 60 s at 12.5 kW/m² → V = 60·12 500^{4/3}/10⁴ = 1744, Y = −14.9 + 2.56·ln 1744
        // = 4.21 → about 21 %.
        let input = ProbitInput {
            set: Some("burn_fatality".into()),
            heat_flux: Some(12.5),
            duration: Some(60.0),
            ..ProbitInput::default()
        };
        let r = probit(&input).unwrap().result;
        assert!((r.probit - 4.21).abs() < 0.01, "{}", r.probit);
        assert!((r.probability - 0.214).abs() < 0.005, "{}", r.probability);
    }

    #[test]
    fn chlorine_uses_its_own_units() {
        // Chlorine (Crowl & Louvar Table 2-5): Y = −8.29 + 0.92·ln(C²·t), C ppm, t min.
        // 100 ppm for 30 min: Y = −8.29 + 0.92·ln(300 000) = 3.31.
        let input = ProbitInput {
            set: Some("toxic:chlorine".into()),
            concentration: Some(100.0),
            duration: Some(30.0),
            ..ProbitInput::default()
        };
        let r = probit(&input).unwrap().result;
        assert!((r.probit - 3.31).abs() < 0.01, "{}", r.probit);
        // A thermal input for a toxic set is missing its own.
        let wrong = ProbitInput {
            set: Some("toxic:chlorine".into()),
            heat_flux: Some(5.0),
            duration: Some(30.0),
            ..ProbitInput::default()
        };
        assert_eq!(probit(&wrong).unwrap_err().0[0].0, "concentration");
    }

    #[test]
    fn unknown_sets_are_refused() {
        let input = ProbitInput {
            set: Some("toxic:unobtainium".into()),
            ..ProbitInput::default()
        };
        assert_eq!(probit(&input).unwrap_err().0[0].1, Problem::Unknown);
    }
}

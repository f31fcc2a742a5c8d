//! 辅助决策: consequence models (dispersion, fire, explosion), effect probits, major-hazard
//! identification and grading, and the threat zones built from them.
//!
//! Everything here is pure arithmetic on explicit inputs — no I/O, no clock — and compiles for
//! wasm32, so a field tablet computes the same zones as the server when the link is gone. Every
//! parameter that changes a result is an input with a documented default; every result lists
//! the assumptions it used and the warnings that limit it ([`Report`]).

pub mod chemicals;
pub mod dense_gas;
pub mod explosion;
pub mod fire;
pub mod gaussian;
pub mod geo;
pub mod hazard;
pub mod input;
pub mod probit;
pub mod report;
pub mod run;
pub mod scenario;
pub mod sigma;
pub mod solve;
pub mod stability;

pub use input::{Problem, Problems};
pub use report::{Assumption, Report, Warning};
pub use stability::StabilityClass;

/// Standard gravity, m/s².
pub const G: f64 = 9.806_65;
/// Universal gas constant, J/(mol·K).
pub const R_GAS: f64 = 8.314_462;
/// Standard atmosphere, Pa.
pub const P_ATM: f64 = 101_325.0;
/// Default ambient temperature, 20 °C in K.
pub const T_AMBIENT: f64 = 293.15;

/// Density of an ideal gas, kg/m³, for a molar mass in g/mol.
pub fn gas_density(molar_mass: f64, temperature_k: f64) -> f64 {
    P_ATM * molar_mass / 1000.0 / (R_GAS * temperature_k)
}

/// mg/m³ of a gas given in ppm (by volume) at `temperature_k` and one atmosphere.
pub fn ppm_to_mg_m3(ppm: f64, molar_mass: f64, temperature_k: f64) -> f64 {
    ppm * gas_density(molar_mass, temperature_k)
}

/// ppm (by volume) of a gas given in mg/m³.
pub fn mg_m3_to_ppm(mg_m3: f64, molar_mass: f64, temperature_k: f64) -> f64 {
    mg_m3 / gas_density(molar_mass, temperature_k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ppm_conversion_matches_the_usual_24_45_rule_at_25_c() {
        // At 25 °C and 1 atm one mole occupies 24.45 L: mg/m³ = ppm × M / 24.45.
        let chlorine = ppm_to_mg_m3(20.0, 70.90, 298.15);
        assert!((chlorine - 20.0 * 70.90 / 24.45).abs() < 0.05, "{chlorine}");
        assert!((mg_m3_to_ppm(chlorine, 70.90, 298.15) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn air_density_at_20_c() {
        assert!((gas_density(28.96, T_AMBIENT) - 1.204).abs() < 0.001);
    }
}

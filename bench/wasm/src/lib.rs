//! `threat_zones` of the model library, exported to JavaScript for timing in a browser: the
//! same code the decision page runs, without the page around it.

use app::models::scenario::{Scenario, threat_zones};
use wasm_bindgen::prelude::*;

/// The zones of a scenario (JSON in, JSON out), to check the browser agrees with native code.
#[wasm_bindgen]
pub fn zones_json(scenario: &str) -> String {
    let answer = serde_json::from_str::<Scenario>(scenario)
        .map_err(|e| e.to_string())
        .and_then(|s| threat_zones(&s).map_err(|p| format!("{p:?}")));
    match answer {
        Ok(zones) => serde_json::to_string(&zones).unwrap_or_default(),
        Err(e) => e,
    }
}

/// Computes the zones once, returning the farthest distance (so nothing is optimized away).
#[wasm_bindgen]
pub struct Bench {
    scenario: Scenario,
}

#[wasm_bindgen]
impl Bench {
    #[wasm_bindgen(constructor)]
    pub fn new(scenario: &str) -> Result<Bench, JsError> {
        let scenario = serde_json::from_str(scenario).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Bench { scenario })
    }

    pub fn run(&self) -> f64 {
        threat_zones(&self.scenario)
            .map_or(f64::NAN, |z| z.zones.last().map_or(0.0, |z| z.distance_m))
    }
}

//! What the decision page loads, and what an assessment leaves in the timeline.

use serde::{Deserialize, Serialize};

use crate::incidents::IncidentSummary;
use crate::models::StabilityClass;
use crate::models::scenario::{Event, ModelUsed, Scenario, ThreatZones, Tier};
use crate::resources::Resource;

/// The incident and the registry entries around it: everything the page needs to compute
/// zones and their contents without asking the server again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionContext {
    pub incident: IncidentSummary,
    pub resources: Vec<Resource>,
    /// The chemical the incident names (matched in its hazmat text), to start from.
    pub chemical: Option<String>,
}

/// Resources are loaded this far around the incident, km.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub const CONTEXT_RADIUS_KM: f64 = 30.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ZoneMark {
    pub tier: Tier,
    pub level: String,
    pub distance_m: f64,
}

/// An assessment as the timeline keeps it: the scenario's key figures and the zones' reach.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssessmentMark {
    pub chemical: String,
    pub event: Event,
    pub amount: f64,
    pub wind_speed: f64,
    pub wind_from: f64,
    pub model: ModelUsed,
    pub stability: Option<StabilityClass>,
    pub zones: Vec<ZoneMark>,
    pub evacuation_m: Option<f64>,
}

impl AssessmentMark {
    pub fn of(scenario: &Scenario, zones: &ThreatZones) -> AssessmentMark {
        AssessmentMark {
            chemical: scenario.chemical.clone(),
            event: scenario.event,
            amount: scenario.amount,
            wind_speed: scenario.wind_speed,
            wind_from: scenario.wind_from,
            model: zones.model,
            stability: zones.stability,
            zones: zones
                .zones
                .iter()
                .map(|z| ZoneMark {
                    tier: z.tier,
                    level: z.level.clone(),
                    distance_m: z.distance_m,
                })
                .collect(),
            evacuation_m: zones.evacuation_m,
        }
    }
}

/// The chemical of the table whose name appears in free text ("液氯储罐泄漏" → chlorine),
/// longest name first so 二氧化硫 is not read as 硫.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
pub fn chemical_in(text: &str) -> Option<String> {
    let mut all: Vec<_> = crate::models::chemicals::all().iter().collect();
    all.sort_by_key(|c| std::cmp::Reverse(c.name_zh.chars().count()));
    all.into_iter()
        .find(|c| {
            let short = c
                .name_zh
                .split(['（', '、', '，'])
                .next()
                .unwrap_or(&c.name_zh);
            text.contains(short) || text.to_lowercase().contains(&c.name_en.to_lowercase())
        })
        .map(|c| c.key.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_chemical_is_found_in_free_text() {
        assert_eq!(chemical_in("液氯储罐泄漏").as_deref(), Some("chlorine"));
        assert_eq!(chemical_in("二氧化硫").as_deref(), Some("sulfur_dioxide"));
        assert_eq!(chemical_in("液化石油气槽车").as_deref(), Some("lpg"));
        assert_eq!(chemical_in("煤尘"), None);
    }
}

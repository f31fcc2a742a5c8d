//! What lies inside each threat zone: demo population, registry entries; and the shelters
//! outside the zones people can be sent to.

use serde::{Deserialize, Serialize};

use super::population::Cell;
use crate::models::geo::ring_contains;
use crate::models::scenario::{ThreatZones, Tier};
use crate::resources::{Resource, ResourceKind};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ZoneContents {
    pub tier: Tier,
    /// Demo grid cells whose centre lies in this zone and no more severe one.
    pub people: f64,
    pub resources: Vec<Resource>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Affected {
    pub zones: Vec<ZoneContents>,
    /// Open shelters outside every zone.
    pub shelters: Vec<Resource>,
}

/// Each point counted once, in the most severe zone that holds it.
pub fn affected(zones: &ThreatZones, cells: &[Cell], resources: &[Resource]) -> Affected {
    let tier_of = |lon: f64, lat: f64| {
        zones
            .zones
            .iter()
            .find(|z| ring_contains(&z.ring, [lon, lat]))
            .map(|z| z.tier)
    };
    let mut out: Vec<ZoneContents> = zones
        .zones
        .iter()
        .map(|z| ZoneContents {
            tier: z.tier,
            people: 0.0,
            resources: Vec::new(),
        })
        .collect();
    for cell in cells {
        let tier = tier_of(cell.centre.lon, cell.centre.lat);
        if let Some(zone) = out.iter_mut().find(|z| Some(z.tier) == tier) {
            zone.people += cell.people;
        }
    }
    let mut shelters = Vec::new();
    for r in resources {
        match tier_of(r.lon, r.lat) {
            Some(tier) => {
                if let Some(zone) = out.iter_mut().find(|z| z.tier == tier) {
                    zone.resources.push(r.clone());
                }
            }
            None if r.kind == ResourceKind::Shelter && r.ready() => shelters.push(r.clone()),
            None => {}
        }
    }
    Affected {
        zones: out,
        shelters,
    }
}

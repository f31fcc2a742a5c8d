//! 最近可用资源: who gets to the scene first. Until a road network is loaded the estimate is
//! the great-circle distance, lengthened by a detour factor for roads, over a typical speed per
//! kind, plus the time to muster.

use serde::{Deserialize, Serialize};

use super::{Capability, Resource, ResourceKind};

/// Mean radius of the earth (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6_371.008_8;
/// Roads are longer than the straight line: 1.3 is the usual ratio across Chinese road networks.
pub const ROAD_DETOUR: f64 = 1.3;
/// How many candidates the incident page offers per ability.
pub const CANDIDATES_PER_NEED: usize = 5;

/// Great-circle distance between two (lon, lat) points in degrees, km (haversine).
pub fn great_circle_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lon1, lat1) = (a.0.to_radians(), a.1.to_radians());
    let (lon2, lat2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2)
        + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Estimated minutes from the order to arrival.
pub fn eta_minutes(kind: ResourceKind, km: f64) -> f64 {
    kind.muster_minutes() + km * ROAD_DETOUR / kind.speed_kmh() * 60.0
}

/// The fastest any kind could cover `km`: a lower bound that lets a search stop early.
pub fn fastest_minutes(km: f64) -> f64 {
    ResourceKind::ALL
        .into_iter()
        .map(|k| eta_minutes(k, km))
        .fold(f64::INFINITY, f64::min)
}

/// One resource offered for an incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub resource: Resource,
    pub distance_km: f64,
    pub eta_minutes: f64,
}

/// The nearest ready resources with one ability the accident calls for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapabilityCandidates {
    pub capability: Capability,
    pub candidates: Vec<Candidate>,
}

/// Candidates in order of arrival (then distance, then name, so ties read the same each time).
pub fn by_arrival(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    a.eta_minutes
        .total_cmp(&b.eta_minutes)
        .then(a.distance_km.total_cmp(&b.distance_km))
        .then_with(|| a.resource.name.cmp(&b.resource.name))
}

/// The `k` first to arrive among `resources` that are ready and have `capability`, checked one
/// by one: the reference the spatial index is tested against.
pub fn rank_exhaustive(
    resources: &[Resource],
    scene: (f64, f64),
    capability: Capability,
    k: usize,
) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = resources
        .iter()
        .filter(|r| r.ready() && r.capabilities.contains(&capability))
        .map(|r| {
            let distance_km = great_circle_km(scene, (r.lon, r.lat));
            Candidate {
                resource: r.clone(),
                distance_km,
                eta_minutes: eta_minutes(r.kind, distance_km),
            }
        })
        .collect();
    found.sort_by(by_arrival);
    found.truncate(k);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_known_pairs() {
        // Taiyuan to Beijing: about 400 km as the crow flies.
        let km = great_circle_km((112.55, 37.87), (116.40, 39.90));
        assert!((km - 400.0).abs() < 15.0, "{km}");
        assert!(great_circle_km((10.0, 10.0), (10.0, 10.0)).abs() < 1e-9);
        // Antipodes: half the circumference, no NaN.
        let half = great_circle_km((0.0, 0.0), (180.0, 0.0));
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn a_slower_kind_arrives_later_over_the_same_road() {
        let team = eta_minutes(ResourceKind::Team, 60.0);
        let equipment = eta_minutes(ResourceKind::Equipment, 60.0);
        assert!((team - (10.0 + 78.0)).abs() < 1e-9);
        assert!(equipment > team);
        assert!(fastest_minutes(60.0) <= team);
    }
}

//! How entries look on the map: pure, so it is shared and tested without a browser.

use crate::directory::EntryClass;
use crate::site::NodeTier;

/// Centres are purple: red, orange, yellow and blue belong to the accident grades.
const NODE: &str = "#5b3f8c";

/// Marker colour and radius (px) for an entry.
pub fn marker_style(class: &EntryClass) -> (&'static str, f64) {
    match class {
        EntryClass::Node(NodeTier::National) => (NODE, 10.0),
        EntryClass::Node(NodeTier::Provincial) => (NODE, 7.0),
        EntryClass::Node(_) => (NODE, 5.0),
        EntryClass::Enterprise(_) => ("#1f5fae", 5.0),
        EntryClass::Base(_) => ("#14803c", 6.0),
    }
}

/// Marker colour of an incident: its grade's response colour (IV blue … I red).
pub fn grade_colour(grade: crate::incidents::Grade) -> &'static str {
    use crate::incidents::Grade;
    match grade {
        Grade::General => "#1f5fae",
        Grade::Larger => "#d4a106",
        Grade::Major => "#e8710a",
        Grade::ParticularlyMajor => "#c5221f",
    }
}

/// Marker colour of a registry entry by kind: none of the grade colours, so a resource is never
/// read as an accident.
pub fn resource_colour(kind: crate::resources::ResourceKind) -> &'static str {
    use crate::resources::ResourceKind as K;
    match kind {
        K::Team => "#0f766e",
        K::Expert => "#7c3aed",
        K::Stockpile => "#92400e",
        K::Equipment => "#475569",
        K::Medical => "#db2777",
        K::Shelter => "#15803d",
        K::Comms => "#0369a1",
    }
}

/// Initial view: the whole of China, mainland and islands.
pub const CHINA_BOUNDS: ((f64, f64), (f64, f64)) = ((17.5, 73.0), (53.6, 135.1));

/// Paths of the base-map data we serve (see `vendor/build-assets.mjs`).
pub const WORLD_GEOJSON: &str = "/geo/world.geojson";
pub const PROVINCES_GEOJSON: &str = "/geo/china-provinces.geojson";

/// Major hazards by grade: the most severe darkest red; not a major hazard grey.
pub fn hazard_colour(grade: Option<crate::models::hazard::HazardGrade>) -> &'static str {
    use crate::models::hazard::HazardGrade as G;
    match grade {
        Some(G::First) => "#7f1d1d",
        Some(G::Second) => "#c2410c",
        Some(G::Third) => "#ca8a04",
        Some(G::Fourth) => "#2563eb",
        None => "#64748b",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn higher_tiers_draw_larger() {
        let national = marker_style(&EntryClass::Node(NodeTier::National)).1;
        let provincial = marker_style(&EntryClass::Node(NodeTier::Provincial)).1;
        let city = marker_style(&EntryClass::Node(NodeTier::City)).1;
        assert!(national > provincial && provincial > city);
    }
}

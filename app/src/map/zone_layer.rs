//! hydrate: threat zones as polygons, yellow under orange under red.

use leaflet::{LatLng, LayerGroup, Polygon};
use wasm_bindgen::JsCast;

use super::leaflet_map::object;
use crate::models::scenario::{Tier, Zone};

pub fn tier_colour(tier: Tier) -> &'static str {
    match tier {
        Tier::Red => "#d32f2f",
        Tier::Orange => "#f57c00",
        Tier::Yellow => "#f9a825",
    }
}

/// Replaces what `group` shows with `zones`.
pub fn draw_zones(group: &LayerGroup, zones: &[Zone]) {
    group.clear_layers();
    for zone in zones.iter().rev() {
        let points: js_sys::Array = zone.ring.iter().map(|p| LatLng::new(p[1], p[0])).collect();
        let colour = tier_colour(zone.tier);
        let options = object(&[
            ("color", colour.into()),
            ("weight", 2.0.into()),
            ("fillColor", colour.into()),
            ("fillOpacity", 0.22.into()),
            ("interactive", false.into()),
            (
                "className",
                format!("threat-zone threat-zone--{}", zone.tier.key()).into(),
            ),
        ]);
        let polygon = Polygon::new_with_options(&points, options.unchecked_ref());
        group.add_layer(&polygon);
    }
}

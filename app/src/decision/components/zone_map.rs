//! The decision map: registry entries around the incident and the zones, redrawn on change.

use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::models::Problems;
use crate::models::scenario::ThreatZones;
use crate::resources::Resource;

#[component]
pub fn ZoneMap(
    centre: (f64, f64),
    resources: Vec<Resource>,
    zones: Memo<Result<ThreatZones, Problems>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    {
        use crate::map::leaflet_map::MapHandle;
        use crate::map::zone_layer::draw_zones;
        let map = StoredValue::new_local(None::<(MapHandle, leaflet::LayerGroup)>);
        Effect::new(move |_| {
            let locale = i18n.locale();
            let tiles = crate::site::site_info().and_then(|info| info.tiles);
            if let Some(el) = container.get() {
                map.set_value(None);
                map.set_value(MapHandle::decision(&el, centre, &resources, tiles, locale));
            }
        });
        Effect::new(move |_| {
            // Drawn again when the map is rebuilt for another language.
            i18n.locale();
            zones.with(|z| {
                map.with_value(|m| {
                    if let (Some((handle, group)), Ok(z)) = (m, z) {
                        draw_zones(group, &z.zones);
                        if let Some(outer) = z.zones.last() {
                            handle.fit_ring(&outer.ring);
                        }
                    }
                })
            })
        });
        on_cleanup(move || map.set_value(None));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (centre, resources, zones);
    view! {
        <div class="map map--decision" node_ref=container role="region"
            aria-label=move || i18n.t().models.zones data-testid="decision-map">
            <noscript>{move || i18n.t().map.needs_script}</noscript>
        </div>
    }
    .into_any()
}

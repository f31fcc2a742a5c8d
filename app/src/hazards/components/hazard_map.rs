//! The installations on a map, coloured by grade.

use leptos::html::Div;
use leptos::prelude::*;

use crate::hazards::MajorHazard;
use crate::i18n::use_i18n;

#[component]
pub fn HazardMap(items: Vec<MajorHazard>) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    {
        use crate::map::leaflet_map::MapHandle;
        let map = StoredValue::new_local(None::<MapHandle>);
        Effect::new(move |_| {
            let locale = i18n.locale();
            let tiles = crate::site::site_info().and_then(|info| info.tiles);
            if let Some(el) = container.get() {
                map.set_value(None);
                map.set_value(MapHandle::hazards(&el, &items, tiles, locale));
            }
        });
        on_cleanup(move || map.set_value(None));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = items;
    view! {
        <div class="map map--registry" node_ref=container role="region"
            aria-label=move || i18n.t().models.hazards_title data-testid="hazard-map">
            <noscript>{move || i18n.t().map.needs_script}</noscript>
        </div>
    }
    .into_any()
}

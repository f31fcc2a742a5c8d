//! A list's entries on a Leaflet map (the registry's and the hazard registry's map), drawn in the
//! browser and redrawn when the language changes.

use leptos::html::Div;
use leptos::prelude::*;

use crate::hazards::MajorHazard;
use crate::i18n::{Texts, use_i18n};
use crate::resources::Resource;

/// What a list map shows.
#[derive(Clone)]
pub enum ListLayer {
    Resources(Vec<Resource>),
    Hazards(Vec<MajorHazard>),
}

/// `label` names the map for screen readers, in the reader's language.
#[component]
pub fn ListMap(
    layer: ListLayer,
    label: fn(&'static Texts) -> &'static str,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    {
        use super::leaflet_map::MapHandle;
        let map = StoredValue::new_local(None::<MapHandle>);
        Effect::new(move |_| {
            let locale = i18n.locale();
            let tiles = crate::site::site_info().and_then(|info| info.tiles);
            if let Some(el) = container.get() {
                map.set_value(None);
                let drawn = match &layer {
                    ListLayer::Resources(items) => MapHandle::registry(&el, items, tiles, locale),
                    ListLayer::Hazards(items) => MapHandle::hazards(&el, items, tiles, locale),
                };
                map.set_value(drawn);
            }
        });
        on_cleanup(move || map.set_value(None));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = layer;
    view! {
        <div class="map map--registry" node_ref=container role="region"
            aria-label=move || label(i18n.t()) data-testid=testid>
            <noscript>{move || i18n.t().map.needs_script}</noscript>
        </div>
    }
    .into_any()
}

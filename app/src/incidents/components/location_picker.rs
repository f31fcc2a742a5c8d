//! A small map in the intake form: a click picks the accident's location. Typed coordinates
//! move the pin too.

use leptos::html::Div;
use leptos::prelude::*;

use crate::i18n::use_i18n;

#[component]
pub fn LocationPicker(
    on_pick: impl Fn(f64, f64) + Clone + Send + Sync + 'static,
    lon: RwSignal<String>,
    lat: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    {
        use crate::map::leaflet_map::MapHandle;
        let map = StoredValue::new_local(None::<(MapHandle, leaflet::CircleMarker)>);
        Effect::new(move |_| {
            let Some(el) = container.get() else { return };
            if map.with_value(Option::is_some) {
                return;
            }
            let tiles = crate::site::site_info().and_then(|info| info.tiles);
            let locale = i18n.locale_untracked();
            map.set_value(MapHandle::picker(&el, tiles, locale, on_pick.clone()));
        });
        Effect::new(move |_| {
            let (Ok(x), Ok(y)) = (lon.get().parse::<f64>(), lat.get().parse::<f64>()) else {
                return;
            };
            map.with_value(|m| {
                if let Some((handle, pin)) = m {
                    handle.show_pin(pin, x, y);
                }
            });
        });
        on_cleanup(move || map.set_value(None));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (on_pick, lon, lat);
    view! {
        <div
            class="map map--picker"
            node_ref=container
            role="region"
            aria-label=move || i18n.t().incidents.choose_on_map
            title=move || i18n.t().incidents.click_map_hint
            data-testid="location-picker"
        ></div>
        <p class="field__hint">{move || i18n.t().incidents.click_map_hint}</p>
    }
}

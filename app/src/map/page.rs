use leptos::html::Div;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::directory::{EntryKind, list_map_entries};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::site::is_demo_site;

#[component]
pub fn SituationMapPage() -> impl IntoView {
    let i18n = use_i18n();
    let entries = Resource::new(|| (), |_| list_map_entries());
    let container = NodeRef::<Div>::new();

    // Leaflet owns the container's content: build it once the entries and the site settings
    // are here (again on a language switch, for the layer names), and remove it on cleanup.
    #[cfg(feature = "hydrate")]
    {
        use super::incident_layer::IncidentLayer;
        use super::leaflet_map::MapHandle;
        let board = crate::incidents::use_browser_board();
        let filter = crate::incidents::use_filter();
        let map = StoredValue::new_local(None::<(MapHandle, IncidentLayer)>);
        let mounted = RwSignal::new(0_u32);
        Effect::new(move |_| {
            let locale = i18n.locale();
            let tiles = crate::site::site_info().and_then(|info| info.tiles);
            let (Some(el), Some(Ok(list))) = (container.get(), entries.get()) else {
                return;
            };
            map.set_value(None);
            map.set_value(MapHandle::mount(&el, &list, tiles, locale));
            mounted.update(|n| *n += 1);
        });
        // Incidents follow the live board: loaded once, then every change as it happens.
        Effect::new(move |_| {
            mounted.track();
            let Some(current) = board.get() else {
                return;
            };
            let filter = filter.get();
            let shown: Vec<_> = current
                .incidents
                .into_iter()
                .filter(|i| filter.admits(i))
                .collect();
            map.with_value(|m| {
                if let Some((_, layer)) = m {
                    layer.sync(&shown);
                }
            });
        });
        // A province filter brings that province into view.
        // (Again after a remount; not when only the grade changes.)
        Effect::new(move |previous: Option<(u32, Option<String>)>| {
            let key = (mounted.get(), filter.get().region);
            let region = key.1.clone();
            if previous.as_ref() != Some(&key) {
                let bounds = region
                    .as_deref()
                    .and_then(crate::reference::province_bounds);
                map.with_value(|m| {
                    if let Some((handle, _)) = m {
                        handle.show_region(bounds);
                    }
                });
            }
            key
        });
        on_cleanup(move || map.set_value(None));
    }

    let legend = move |kind: EntryKind| {
        let t = &i18n.t().map;
        let label = match kind {
            EntryKind::Node => t.layer_nodes,
            EntryKind::Enterprise => t.layer_enterprises,
            EntryKind::Base => t.layer_bases,
        };
        view! {
            <li class="legend__item">
                <span class=format!("legend__dot legend__dot--{}", kind.as_str())></span>
                {label}
            </li>
        }
    };

    view! {
        <Title text=move || i18n.t().map.title />
        <section class="page page--map" data-testid="map-page">
            <header class="page__header page__header--compact">
                <h1>{move || i18n.t().map.title}</h1>
                <crate::incidents::LiveStatus />
                <crate::incidents::FilterBar />
                <ul class="legend">
                    {move || EntryKind::ALL.into_iter().map(legend).collect_view()}
                {move || crate::incidents::Grade::ALL.into_iter().map(|grade| view! {
                    <li class="legend__item">
                        <span class="legend__dot" style=format!("background:{}", super::style::grade_colour(grade))></span>
                        {i18n.t().incidents.grade(grade)}
                    </li>
                }).collect_view()}
                </ul>
                <Transition fallback=|| ()>
                    {move || is_demo_site().then(|| view! { <crate::ui::DemoBadge /> })}
                </Transition>
            </header>
            <Transition fallback=|| ()>
                {move || entries.get().and_then(Result::err).map(|error| view! { <ErrorNotice error /> })}
            </Transition>
            <div
                class="map"
                node_ref=container
                role="region"
                aria-label=move || i18n.t().map.map_label
                data-testid="situation-map"
            >
                <noscript>{move || i18n.t().map.needs_script}</noscript>
            </div>
            <p class="map__note muted">{move || i18n.t().map.coordinates_note}</p>
        </section>
    }
}

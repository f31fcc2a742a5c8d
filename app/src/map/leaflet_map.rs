//! hydrate: the Leaflet map itself. Only this file touches `L`.

use std::cell::Cell;
use std::rc::Rc;

use leaflet::{
    CircleMarker, LatLng, LatLngBounds, Layer, LayerGroup, Map, MapOptions, TileLayer,
    TileLayerOptions,
};
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::incident_layer::IncidentLayer;
use super::style::{CHINA_BOUNDS, PROVINCES_GEOJSON, WORLD_GEOJSON, marker_style};
use crate::directory::{DirectoryEntry, EntryClass, EntryKind};
use crate::i18n::{Locale, Texts};
use crate::site::TileLayer as TileSettings;

#[wasm_bindgen]
extern "C" {
    // leaflet 0.5 binds neither factory in a usable form.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    fn geo_json(data: &JsValue, options: &JsValue) -> leaflet::GeoJson;

    #[wasm_bindgen(js_namespace = ["L", "control"], js_name = layers)]
    fn layers_control(base: &JsValue, overlays: &JsValue, options: &JsValue) -> leaflet::Control;
}

/// A live map; dropping it removes the map and stops late loads from touching it.
pub struct MapHandle {
    map: Map,
    alive: Rc<Cell<bool>>,
}

impl Drop for MapHandle {
    fn drop(&mut self) {
        self.alive.set(false);
        self.map.remove();
    }
}

impl MapHandle {
    /// A map of China with its base layers in `el`; `None` (logged) when Leaflet refuses the
    /// container. The overlays object collects layers for the layer switcher.
    fn base(
        el: &HtmlElement,
        tiles: Option<TileSettings>,
        t: &'static Texts,
    ) -> Option<(MapHandle, js_sys::Object)> {
        let options = MapOptions::new();
        // Quarter zoom steps let the whole country fill any screen shape, portrait tablets too.
        options.set_zoom_snap(0.25);
        // Marker clustering needs a bound: street level is as close as a command map goes.
        options.set_max_zoom(18.0);
        let map = Map::new_with_element(el, &options)
            .inspect_err(|err| leptos::logging::error!("Leaflet could not create the map: {err:?}"))
            .ok()?;
        let ((s, w), (n, e)) = CHINA_BOUNDS;
        map.fit_bounds(&LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e)));
        // Base geometry sits in its own pane under the markers, whatever order it loads in.
        map.create_pane_by_name("base")
            .style()
            .set_property("z-index", "350")
            .ok();

        let alive = Rc::new(Cell::new(true));
        let overlays = js_sys::Object::new();
        let add_overlay = |name: &str, layer: &Layer| {
            layer.add_to(&map);
            set(&overlays, name, layer);
        };
        if let Some(tiles) = tiles {
            let options = TileLayerOptions::new();
            options.set_attribution(tiles.attribution);
            add_overlay(
                t.map.layer_tiles,
                &TileLayer::new_options(&tiles.url, &options),
            );
        }
        let world = base_layer("#d9d4c7", "#f3f0e8", 0.5);
        add_overlay(t.map.layer_world, &world);
        let provinces = base_layer("#8a7f6a", "#fbf8f0", 0.9);
        add_overlay(t.map.layer_provinces, &provinces);
        load_geojson(WORLD_GEOJSON, world, alive.clone(), t);
        load_geojson(PROVINCES_GEOJSON, provinces, alive.clone(), t);
        Some((MapHandle { map, alive }, overlays))
    }

    /// The situation map: base layers, the directory's entries, and the incidents layer.
    pub fn mount(
        el: &HtmlElement,
        entries: &[DirectoryEntry],
        tiles: Option<TileSettings>,
        locale: Locale,
    ) -> Option<(MapHandle, IncidentLayer)> {
        let t = locale.texts();
        let (handle, overlays) = MapHandle::base(el, tiles, t)?;
        let map = &handle.map;
        let scale = ui_scale();
        for kind in EntryKind::ALL {
            let group = LayerGroup::new();
            for entry in entries.iter().filter(|e| e.class.kind() == kind) {
                if let Some(marker) = marker(entry, locale, scale) {
                    group.add_layer(&marker);
                }
            }
            let name = match kind {
                EntryKind::Node => t.map.layer_nodes,
                EntryKind::Enterprise => t.map.layer_enterprises,
                EntryKind::Base => t.map.layer_bases,
            };
            group.add_to(map);
            set(&overlays, name, &group);
        }
        let incidents = IncidentLayer::new(locale, scale);
        incidents.layer().add_to(map);
        set(&overlays, t.map.layer_incidents, incidents.layer());
        layers_control(
            &js_sys::Object::new(),
            &overlays,
            &object(&[("collapsed", JsValue::TRUE)]),
        )
        .add_to(map);
        Some((handle, incidents))
    }

    /// The registry's map: the listed entries, zoomed to hold them all.
    pub fn registry(
        el: &HtmlElement,
        resources: &[crate::resources::Resource],
        tiles: Option<TileSettings>,
        locale: Locale,
    ) -> Option<MapHandle> {
        let (handle, _) = MapHandle::base(el, tiles, locale.texts())?;
        let (layer, bounds) = super::resource_layer::resource_layer(resources, locale, ui_scale());
        layer.add_to(&handle.map);
        if let Some(bounds) = bounds {
            // A few entries close together would zoom to the street: keep the province's outline
            // (the base map has no streets without a tile layer) in view.
            handle.map.fit_bounds(&bounds);
            if handle.map.get_zoom() > 8.0 {
                handle.map.set_zoom(8.0);
            }
        }
        Some(handle)
    }

    /// The decision map: the registry entries around an incident, its position, and a group
    /// the threat zones are drawn into, centred on the incident.
    pub fn decision(
        el: &HtmlElement,
        (lon, lat): (f64, f64),
        resources: &[crate::resources::Resource],
        tiles: Option<TileSettings>,
        locale: Locale,
    ) -> Option<(MapHandle, LayerGroup)> {
        let (handle, _) = MapHandle::base(el, tiles, locale.texts())?;
        let zones = LayerGroup::new();
        zones.add_to(&handle.map);
        let (layer, _) = super::resource_layer::resource_layer(resources, locale, ui_scale());
        layer.add_to(&handle.map);
        let scene = CircleMarker::new_with_options(
            &LatLng::new(lat, lon),
            &object(&[
                ("radius", (8.0 * ui_scale()).into()),
                ("color", "#ffffff".into()),
                ("weight", 2.0.into()),
                ("fillColor", "#1a1a1a".into()),
                ("fillOpacity", 1.0.into()),
            ]),
        );
        scene.add_to(&handle.map);
        handle.map.set_view(&LatLng::new(lat, lon), 11.0);
        Some((handle, zones))
    }

    /// Zooms to hold `ring` (the largest zone) when it leaves the view or shrinks to a small
    /// part of it; otherwise leaves the commander's view alone.
    pub fn fit_ring(&self, ring: &[[f64; 2]]) {
        let Some(first) = ring.first() else { return };
        let bounds = LatLngBounds::new(
            &LatLng::new(first[1], first[0]),
            &LatLng::new(first[1], first[0]),
        );
        for p in ring {
            bounds.extend(&LatLng::new(p[1], p[0]));
        }
        let view = self.map.get_bounds();
        let span = |b: &LatLngBounds| b.get_north_east().lat() - b.get_south_west().lat();
        let outside =
            !(view.contains(&bounds.get_north_east()) && view.contains(&bounds.get_south_west()));
        if outside || span(&bounds) < 0.25 * span(&view) {
            self.map.fit_bounds(&bounds);
        }
    }

    /// The major-hazard registry's map: one marker per installation, coloured by its grade.
    pub fn hazards(
        el: &HtmlElement,
        items: &[crate::hazards::MajorHazard],
        tiles: Option<TileSettings>,
        locale: Locale,
    ) -> Option<MapHandle> {
        let (handle, _) = MapHandle::base(el, tiles, locale.texts())?;
        let t = &locale.texts().models;
        let mut bounds: Option<LatLngBounds> = None;
        for h in items {
            let at = LatLng::new(h.lat, h.lon);
            let colour = super::style::hazard_colour(h.grade);
            let marker = CircleMarker::new_with_options(
                &at,
                &object(&[
                    ("radius", (8.0 * ui_scale()).into()),
                    ("color", "#ffffff".into()),
                    ("weight", 2.0.into()),
                    ("fillColor", colour.into()),
                    ("fillOpacity", 0.95.into()),
                    ("className", "hazard-marker".into()),
                ]),
            );
            let label = format!(
                "{} · {} · {}",
                h.name,
                h.enterprise,
                t.hazard_grade(h.grade)
            );
            // A popup: leaflet 0.5 binds bindTooltip with content under a name Leaflet lacks.
            marker.bind_popup_with_options(&JsValue::from_str(&label), &JsValue::UNDEFINED);
            marker.add_to(&handle.map);
            match &bounds {
                Some(b) => {
                    b.extend(&at);
                }
                None => bounds = Some(LatLngBounds::new(&at, &at)),
            }
        }
        if let Some(bounds) = bounds {
            handle.map.fit_bounds(&bounds);
            if handle.map.get_zoom() > 8.0 {
                handle.map.set_zoom(8.0);
            }
        }
        Some(handle)
    }

    /// A small map to pick a point: `on_pick(lon, lat)` on every click, which also moves the
    /// pin there.
    pub fn picker(
        el: &HtmlElement,
        tiles: Option<TileSettings>,
        locale: Locale,
        on_pick: impl Fn(f64, f64) + 'static,
    ) -> Option<(MapHandle, CircleMarker)> {
        let (handle, _) = MapHandle::base(el, tiles, locale.texts())?;
        let pin = CircleMarker::new_with_options(
            &LatLng::new(0.0, 0.0),
            &object(&[
                ("radius", 8.0.into()),
                ("color", "#ffffff".into()),
                ("weight", 2.0.into()),
                ("fillColor", "#b3261e".into()),
                ("fillOpacity", 1.0.into()),
            ]),
        );
        let shown = pin.clone();
        let map = handle.map.clone();
        handle.map.on_mouse_click(Box::new(move |event| {
            let at = event.lat_lng();
            shown.set_lat_lng(&at);
            shown.add_to(&map);
            on_pick(at.lng(), at.lat());
        }));
        Some((handle, pin))
    }

    /// Shows a province (or, with `None`, the whole country).
    pub fn show_region(&self, bounds: Option<crate::reference::Bounds>) {
        let ((s, w), (n, e)) = match bounds {
            Some(b) => ((b.south, b.west), (b.north, b.east)),
            None => CHINA_BOUNDS,
        };
        self.map
            .fit_bounds(&LatLngBounds::new(&LatLng::new(s, w), &LatLng::new(n, e)));
    }

    /// Shows the pin at a point typed in by hand.
    pub fn show_pin(&self, pin: &CircleMarker, lon: f64, lat: f64) {
        pin.set_lat_lng(&LatLng::new(lat, lon));
        pin.add_to(&self.map);
    }
}

fn base_layer(stroke: &str, fill: &str, weight: f64) -> leaflet::GeoJson {
    let style = object(&[
        ("color", stroke.into()),
        ("weight", weight.into()),
        ("fillColor", fill.into()),
        ("fillOpacity", 1.0.into()),
    ]);
    let options = object(&[
        ("style", style.into()),
        ("interactive", false.into()),
        ("pane", "base".into()),
    ]);
    geo_json(&JsValue::NULL, &options)
}

/// Fetches one of our GeoJSON files and fills `layer` with it, if the map is still there.
fn load_geojson(
    url: &'static str,
    layer: leaflet::GeoJson,
    alive: Rc<Cell<bool>>,
    t: &'static Texts,
) {
    leptos::task::spawn_local(async move {
        let data = async {
            let text = gloo_net::http::Request::get(url)
                .send()
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            js_sys::JSON::parse(&text).ok()
        };
        match data.await {
            Some(data) if alive.get() => layer.add_data(&data),
            Some(_) => {}
            None => leptos::logging::error!("{} ({url})", t.map.base_map_failed),
        }
    });
}

/// How much larger than a 16 px root the UI is drawn (the video wall raises the root size).
fn ui_scale() -> f64 {
    web_sys::window()
        .and_then(|w| {
            let root = w.document()?.document_element()?;
            w.get_computed_style(&root).ok().flatten()
        })
        .and_then(|style| style.get_property_value("font-size").ok())
        .and_then(|size| size.trim_end_matches("px").parse::<f64>().ok())
        .map_or(1.0, |px| (px / 16.0).max(1.0))
}

fn marker(entry: &DirectoryEntry, locale: Locale, scale: f64) -> Option<CircleMarker> {
    let (lon, lat) = entry.point?;
    let (color, radius) = marker_style(&entry.class);
    let options = object(&[
        ("radius", (radius * scale).into()),
        ("color", "#ffffff".into()),
        ("weight", 1.5.into()),
        ("fillColor", color.into()),
        ("fillOpacity", 0.95.into()),
    ]);
    let marker = CircleMarker::new_with_options(&LatLng::new(lat, lon), &options);
    if let Some(popup) = popup(entry, locale) {
        marker.bind_popup_with_options(&popup, &JsValue::UNDEFINED);
    }
    Some(marker)
}

/// Popup content built as DOM text nodes, so names are never parsed as HTML.
fn popup(entry: &DirectoryEntry, locale: Locale) -> Option<HtmlElement> {
    let t = locale.texts();
    let document = web_sys::window()?.document()?;
    let root: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_class_name("popup");
    let line = |class: &str, text: &str| -> Option<()> {
        let el = document.create_element("div").ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        root.append_child(&el).ok()?;
        Some(())
    };
    line("popup__name", &entry.name)?;
    line("popup__class", &class_label(&entry.class, locale))?;
    let region = crate::reference::region(&entry.region_code).map_or("", |r| r.name);
    line(
        "popup__region",
        &format!("{} {region} {}", t.region, entry.region_code),
    )?;
    if entry.demo {
        line("badge badge--demo", t.demo_badge)?;
    }
    Some(root)
}

fn class_label(class: &EntryClass, locale: Locale) -> String {
    let t = locale.texts();
    match class {
        EntryClass::Node(tier) => format!("{} · {}", t.map.layer_nodes, t.tier(*tier)),
        EntryClass::Enterprise(code) => {
            let industry = crate::reference::industries()
                .iter()
                .find(|i| i.code == code.as_str());
            let name = industry.map_or(code.as_str(), |i| i.name(locale));
            format!("{} · {name}", t.map.layer_enterprises)
        }
        EntryClass::Base(kind) => format!("{} · {}", t.map.layer_bases, t.base_kind(*kind)),
    }
}

pub(super) fn object(pairs: &[(&str, JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for (key, value) in pairs {
        set(&obj, key, value);
    }
    obj
}

fn set(target: &js_sys::Object, key: &str, value: &JsValue) {
    // Setting a property on a plain object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

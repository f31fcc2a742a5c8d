//! hydrate: registry entries on a map, one colour per kind, each with a popup to call it.

use leaflet::{CircleMarker, LatLng, LatLngBounds, LayerGroup};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::leaflet_map::object;
use super::style::resource_colour;
use crate::i18n::Locale;
use crate::resources::{Resource, format_quantity};

/// The entries as markers, and the bounds that hold them all (none for an empty list).
pub fn resource_layer(
    resources: &[Resource],
    locale: Locale,
    scale: f64,
) -> (LayerGroup, Option<LatLngBounds>) {
    let group = LayerGroup::new();
    let mut bounds: Option<LatLngBounds> = None;
    for r in resources {
        let at = LatLng::new(r.lat, r.lon);
        let options = object(&[
            ("radius", (6.0 * scale).into()),
            ("color", "#ffffff".into()),
            ("weight", 1.5.into()),
            ("fillColor", resource_colour(r.kind).into()),
            ("fillOpacity", if r.ready() { 0.95 } else { 0.35 }.into()),
            ("className", "resource-marker".into()),
        ]);
        let marker = CircleMarker::new_with_options(&at, &options);
        if let Some(popup) = popup(r, locale) {
            marker.bind_popup_with_options(&popup, &JsValue::UNDEFINED);
        }
        group.add_layer(&marker);
        match &bounds {
            Some(b) => {
                b.extend(&at);
            }
            None => bounds = Some(LatLngBounds::new(&at, &at)),
        }
    }
    (group, bounds)
}

/// Name, kind, quantity and a telephone link, as DOM text (never parsed as HTML).
fn popup(r: &Resource, locale: Locale) -> Option<HtmlElement> {
    let t = &locale.texts().resources;
    let document = web_sys::window()?.document()?;
    let root: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_class_name("popup");
    let line = |class: &str, text: &str| -> Option<web_sys::Element> {
        let el = document.create_element("div").ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        root.append_child(&el).ok()?;
        Some(el)
    };
    line("popup__name", &r.name)?;
    line(
        "popup__class",
        &format!(
            "{} · {} {} · {}",
            t.kind(r.kind),
            format_quantity(r.quantity),
            r.unit,
            t.availability(r.availability)
        ),
    )?;
    if !r.contact_phone.is_empty() {
        let call = document.create_element("a").ok()?;
        call.set_attribute("href", &format!("tel:{}", r.contact_phone))
            .ok()?;
        call.set_text_content(Some(&format!("{} {}", r.contact_name, r.contact_phone)));
        root.append_child(&call).ok()?;
    }
    Some(root)
}

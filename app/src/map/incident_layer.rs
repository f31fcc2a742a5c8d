//! hydrate: incidents on the map, clustered (Leaflet.markercluster) so tens of thousands stay
//! smooth, kept in step with the live board marker by marker.

use std::cell::RefCell;
use std::collections::HashMap;

use leaflet::{CircleMarker, LatLng, Layer};
use uuid::Uuid;
use wasm_bindgen::prelude::*;

use super::leaflet_map::object;
use super::style::grade_colour;
use crate::i18n::Locale;
use crate::incidents::IncidentSummary;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = leaflet::FeatureGroup, extends = leaflet::LayerGroup, extends = Layer)]
    #[derive(Clone, Debug)]
    pub type ClusterGroup;

    #[wasm_bindgen(js_namespace = L, js_name = markerClusterGroup)]
    fn marker_cluster_group(options: &JsValue) -> ClusterGroup;

    #[wasm_bindgen(method, js_name = addLayers)]
    fn add_layers(this: &ClusterGroup, layers: &js_sys::Array);

    #[wasm_bindgen(method, js_name = removeLayers)]
    fn remove_layers(this: &ClusterGroup, layers: &js_sys::Array);
}

pub struct IncidentLayer {
    group: ClusterGroup,
    markers: RefCell<HashMap<Uuid, (u32, CircleMarker)>>,
    locale: Locale,
    scale: f64,
}

impl IncidentLayer {
    pub fn new(locale: Locale, scale: f64) -> IncidentLayer {
        let options = object(&[
            // Add in slices so 50 000 markers never freeze the page.
            ("chunkedLoading", JsValue::TRUE),
            ("showCoverageOnHover", JsValue::FALSE),
            ("maxClusterRadius", 50.into()),
        ]);
        IncidentLayer {
            group: marker_cluster_group(&options),
            markers: RefCell::new(HashMap::new()),
            locale,
            scale,
        }
    }

    pub fn layer(&self) -> &Layer {
        self.group.unchecked_ref()
    }

    /// Makes the layer show exactly `incidents`: new ones added, changed ones redrawn, the rest
    /// removed; unchanged markers are left alone.
    pub fn sync(&self, incidents: &[IncidentSummary]) {
        let mut markers = self.markers.borrow_mut();
        let (add, remove) = (js_sys::Array::new(), js_sys::Array::new());
        let wanted: HashMap<Uuid, &IncidentSummary> = incidents.iter().map(|i| (i.id, i)).collect();
        markers.retain(|id, (revision, marker)| match wanted.get(id) {
            Some(i) if i.revision == *revision => true,
            _ => {
                remove.push(marker);
                false
            }
        });
        for incident in incidents {
            if markers.contains_key(&incident.id) {
                continue;
            }
            let marker = self.marker(incident);
            add.push(&marker);
            markers.insert(incident.id, (incident.revision, marker));
        }
        if remove.length() > 0 {
            self.group.remove_layers(&remove);
        }
        if add.length() > 0 {
            self.group.add_layers(&add);
        }
    }

    fn marker(&self, incident: &IncidentSummary) -> CircleMarker {
        let radius = match incident.grade {
            crate::incidents::Grade::General => 7.0,
            _ => 9.0,
        };
        let options = object(&[
            ("radius", (radius * self.scale).into()),
            ("color", "#ffffff".into()),
            ("weight", 2.0.into()),
            ("fillColor", grade_colour(incident.grade).into()),
            ("fillOpacity", 1.0.into()),
            ("className", "incident-marker".into()),
        ]);
        let marker =
            CircleMarker::new_with_options(&LatLng::new(incident.lat, incident.lon), &options);
        if let Some(popup) = popup(incident, self.locale) {
            marker.bind_popup_with_options(&popup, &JsValue::UNDEFINED);
        }
        marker
    }
}

/// Name, grade and a link to the record, as DOM nodes (never parsed as HTML).
fn popup(incident: &IncidentSummary, locale: Locale) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let t = &locale.texts().incidents;
    let document = web_sys::window()?.document()?;
    let root: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    root.set_class_name("popup");
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &format!("/incidents/{}", incident.id))
        .ok()?;
    link.set_class_name("popup__name");
    link.set_text_content(Some(&incident.title));
    root.append_child(&link).ok()?;
    let line = document.create_element("div").ok()?;
    line.set_class_name("popup__class");
    line.set_text_content(Some(&format!(
        "{} · {} {} · {}",
        t.grade(incident.grade),
        t.deaths,
        incident.casualties.deaths,
        t.status(incident.status)
    )));
    root.append_child(&line).ok()?;
    Some(root)
}

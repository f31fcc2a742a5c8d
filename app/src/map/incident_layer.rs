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

    type MarkerCluster;

    #[wasm_bindgen(method, js_name = getChildCount)]
    fn child_count(this: &MarkerCluster) -> u32;

    #[wasm_bindgen(method, js_name = getAllChildMarkers)]
    fn all_child_markers(this: &MarkerCluster) -> js_sys::Array;

    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &JsValue) -> JsValue;

    #[wasm_bindgen(js_namespace = L, js_name = point)]
    fn point(x: f64, y: f64) -> JsValue;
}

/// The marker option that carries an incident's grade (0 一般 … 3 特别重大) to its cluster.
const GRADE_OPTION: &str = "yingjiGrade";

/// A cluster shows how many incidents it holds, in the colour of the gravest among them, so
/// a 重大 accident is never hidden inside a blue bubble.
fn cluster_icon(cluster: &MarkerCluster, scale: f64) -> JsValue {
    let worst = cluster
        .all_child_markers()
        .iter()
        .filter_map(|marker| {
            let options = js_sys::Reflect::get(&marker, &"options".into()).ok()?;
            js_sys::Reflect::get(&options, &GRADE_OPTION.into())
                .ok()?
                .as_f64()
        })
        .fold(0.0_f64, f64::max);
    let grade = crate::incidents::Grade::ALL[(worst as usize).min(3)];
    let count = cluster.child_count();
    let size = (if count < 100 { 34.0 } else { 44.0 }) * scale;
    div_icon(&object(&[
        ("html", format!("<span>{count}</span>").into()),
        (
            "className",
            format!(
                "marker-cluster incident-cluster incident-cluster--{}",
                grade.key()
            )
            .into(),
        ),
        ("iconSize", point(size, size)),
    ]))
}

pub struct IncidentLayer {
    group: ClusterGroup,
    /// Called by the cluster group; kept as long as the layer lives.
    _icon: Closure<dyn Fn(JsValue) -> JsValue>,
    markers: RefCell<HashMap<Uuid, (u32, CircleMarker)>>,
    locale: Locale,
    scale: f64,
}

impl IncidentLayer {
    pub fn new(locale: Locale, scale: f64) -> IncidentLayer {
        let icon = Closure::<dyn Fn(JsValue) -> JsValue>::new(move |cluster: JsValue| {
            cluster_icon(cluster.unchecked_ref(), scale)
        });
        let options = object(&[
            // Add in slices so 50 000 markers never freeze the page.
            ("chunkedLoading", JsValue::TRUE),
            ("showCoverageOnHover", JsValue::FALSE),
            ("maxClusterRadius", 50.into()),
            ("iconCreateFunction", icon.as_ref().clone()),
        ]);
        IncidentLayer {
            group: marker_cluster_group(&options),
            _icon: icon,
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
            (GRADE_OPTION, (incident.grade as u8).into()),
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
    if let Some(origin) = &incident.origin {
        let from = document.create_element("div").ok()?;
        from.set_class_name("popup__class");
        from.set_text_content(Some(&format!("{} · {origin}", t.origin_badge)));
        root.append_child(&from).ok()?;
    }
    Some(root)
}

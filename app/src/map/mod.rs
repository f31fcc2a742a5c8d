//! 态势地图: the situation map. Leaflet runs only in the browser, inside `leaflet_map`.

mod list_map;
mod page;
pub mod style;

#[cfg(feature = "hydrate")]
mod incident_layer;
#[cfg(feature = "hydrate")]
pub use incident_layer::IncidentLayer;
#[cfg(feature = "hydrate")]
pub(crate) mod leaflet_map;
#[cfg(feature = "hydrate")]
mod resource_layer;
#[cfg(feature = "hydrate")]
pub(crate) mod zone_layer;

pub use list_map::{ListLayer, ListMap};
pub use page::SituationMapPage;

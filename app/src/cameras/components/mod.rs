//! The cameras' pages and panels.

mod camera_page;
mod cameras_page;
mod incident_cameras;
mod panel;
mod picker;
mod wall_cameras;

pub use camera_page::CameraPage;
pub use cameras_page::CamerasPage;
pub use incident_cameras::IncidentCameras;
#[cfg(feature = "hydrate")]
pub(crate) use panel::Watch;
pub use panel::{CameraPanel, PanelKeeper};
pub use wall_cameras::WallCameras;

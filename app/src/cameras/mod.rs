//! 现场视频: the cameras of a scene — site cameras, drone feeds, command-vehicle cameras — each
//! registered by its RTSP address for an incident or a major-hazard installation. The node's
//! media service pulls them and forwards their H.264 to viewers over WebRTC, untranscoded;
//! panels on the incident page, the video wall and a camera's own page show them.

mod api;
mod components;
mod model;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod scene_video;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "hydrate")]
mod viewer;

pub use api::*;
pub use components::{
    CameraPage, CameraPanel, CamerasPage, IncidentCameras, PanelKeeper, WallCameras,
};
pub use model::*;

//! 预警发布: warnings to the public as CAP 1.2 alerts. Officers draft, a second person approves,
//! every published version is kept and linked by `references`; citizens read them on the public
//! portal (server-rendered, no JavaScript needed) and machines in the CAP and Atom feeds.

pub mod cap;
pub mod level;
pub mod model;
pub mod publication;
pub mod view;
pub mod workflow;

mod api;
mod components;

#[cfg(feature = "ssr")]
pub mod atom;
#[cfg(feature = "ssr")]
pub mod cap_xml;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod map_svg;
#[cfg(feature = "ssr")]
pub mod portal;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod xml;

pub use api::*;
pub use components::*;

use uuid::Uuid;

/// Where the public portal lives.
pub const PORTAL_PATH: &str = "/public";

/// The public page of an alert.
pub fn portal_path(alert: Uuid) -> String {
    format!("{PORTAL_PATH}/alerts/{alert}")
}

/// The CAP document of a published version.
pub fn cap_path(version: Uuid) -> String {
    format!("{PORTAL_PATH}/cap/{version}.xml")
}

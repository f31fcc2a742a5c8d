//! Yingji (应急): the isomorphic application, organised by domain feature.
// Leptos view types nest deeply; the hydrate build of the larger pages needs more room.
#![recursion_limit = "256"]

pub mod alerts;
pub mod app;
pub mod audit;
pub mod cameras;
pub mod decision;
pub mod directory;
pub mod dispatch;
pub mod error;
pub mod exchange;
pub mod hall;
pub mod hazards;
pub mod home;
pub mod i18n;
pub mod identity;
pub mod incidents;
pub mod live;
pub mod map;
pub mod models;
pub mod reference;
pub mod resources;
pub mod sections;
pub mod site;
pub mod ui;
pub mod video;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod state;

pub use app::{App, OUTPUT_NAME, shell};

//! The Yingji server process: configuration, start-up, the HTTP router and its adapters.

pub mod api;
pub mod config;
pub mod demo;
pub mod exchange;
pub mod files;
pub mod hall;
pub mod http;
pub mod portal;
pub mod realtime;
pub mod registry_files;
pub mod startup;
pub mod telemetry;
pub mod video;

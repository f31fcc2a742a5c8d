//! 应急救援资源: the registries (teams, experts, stockpiles, equipment, medical facilities,
//! shelters, communication support) and the rules that pick the nearest capable ones for an
//! accident. The rules are pure and isomorphic; the spatial index is the server's.

mod api;
mod capability;
pub mod columns;
mod components;
mod filter;
mod kind;
mod model;
mod ranking;
mod transfer;

pub use api::*;
pub use capability::*;
pub use components::*;
pub use filter::*;
pub use kind::*;
pub use model::*;
pub use ranking::*;
pub use transfer::*;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod index;
#[cfg(feature = "ssr")]
pub mod service;

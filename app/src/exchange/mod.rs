//! 互联互通: the messages nodes exchange between tiers — accident reports up, receipts and
//! directives down — as signed envelopes with typed payloads. The rules (addressing, schema
//! versions, routing by grade) are pure; the transport (NATS JetStream) lives in the server,
//! which reaches the database through the outbox and [`receive::accept`].

mod api;
mod components;
mod envelope;
mod model;
mod payload;
pub mod support;

pub use api::*;
pub use components::ExchangePage;
pub use envelope::*;
pub use model::*;
pub use payload::*;

#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod receive;
#[cfg(feature = "ssr")]
pub mod service;

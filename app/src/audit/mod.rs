//! 审计日志 (audit log): every write records who, where, when, what and the difference, in an
//! append-only hash chain whose integrity a command can verify.

mod api;
mod model;
mod page;

#[cfg(feature = "ssr")]
mod chain;
#[cfg(feature = "ssr")]
mod entity;
#[cfg(feature = "ssr")]
pub mod service;

pub use api::*;
pub use model::*;
pub use page::AuditPage;

//! 身份与权限 (identity): roles, the permission table and jurisdiction (属地) rules.
//!
//! Pure rules (roles, jurisdiction, password policy) compile for both sides; organisations,
//! users, sessions and the request guard every server function calls are ssr-only.

mod api_key;
mod jurisdiction;
mod model;
mod password;
mod role;

mod admin_api;
mod api;
mod components;
mod context;
#[cfg(feature = "ssr")]
pub(crate) mod entity;
#[cfg(feature = "ssr")]
pub mod guard;
#[cfg(feature = "ssr")]
pub mod service;

pub use admin_api::*;
pub use api::{ChangePassword, Login, Logout, change_password, get_current_user, login, logout};
pub use api_key::*;
pub use components::*;
pub use context::{provide_current_user, signed_in_can, signed_in_user};
pub use jurisdiction::{
    Decision, Grants, RecordRef, ShareReason, authorize, region_covers, region_prefix,
};
pub use model::*;
pub use password::{PasswordProblem, check_password};
pub use role::{Permission, Role};

//! 身份与权限 (identity): roles, the permission table and jurisdiction (属地) rules.
//!
//! Pure rules only so far; organisations, users, sessions and the request guard that every
//! server function calls build on them.

mod jurisdiction;
mod password;
mod role;

pub use jurisdiction::{Decision, authorize, region_covers};
pub use password::{
    MAX_LEN as PASSWORD_MAX_LEN, MIN_LEN as PASSWORD_MIN_LEN, PasswordProblem, check_password,
};
pub use role::{Permission, Role};

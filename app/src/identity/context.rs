use leptos::prelude::*;

use super::{CurrentUser, get_current_user};
use crate::error::AppError;

/// The signed-in user, loaded once per page with the shell.
#[derive(Clone, Copy)]
pub struct UserContext(Resource<Result<Option<CurrentUser>, AppError>>);

pub fn provide_current_user() {
    provide_context(UserContext(Resource::new_blocking(
        || (),
        |_| get_current_user(),
    )));
}

/// The signed-in user, `None` when signed out or still loading; reactive.
pub fn signed_in_user() -> Option<CurrentUser> {
    use_context::<UserContext>()?.0.get()?.ok()?
}

/// Whether the signed-in user's role grants `permission` (for showing controls; the server
/// checks again); reactive.
pub fn signed_in_can(permission: super::Permission) -> bool {
    signed_in_user().is_some_and(|u| u.role.can(permission))
}

/// Loads `path` afresh, so every resource of the page sees the new session.
pub fn reload_at(path: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = path;
}

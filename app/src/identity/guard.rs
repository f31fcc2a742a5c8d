//! ssr: who is asking. Every server function that reads or writes records starts here.

use leptos::prelude::*;

use super::model::CurrentUser;
use super::service::{session_user, token_from_cookies};
use super::{Decision, Permission, authorize};
use crate::error::AppError;

/// The session token of the request being served, if it carries one.
pub fn request_token() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|header| token_from_cookies(header).map(str::to_string))
}

/// The client's address as the socket saw it (`unknown` in tests without a socket).
pub fn client_address() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_string())
}

/// The signed-in user of this request, if any.
pub async fn current_user() -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = request_token() else {
        return Ok(None);
    };
    let db = crate::state::db()?;
    Ok(session_user(&db, &token).await?)
}

/// The signed-in user, if the role grants `permission`: 401 when nobody is signed in, 403 when
/// the role lacks it.
pub async fn require(permission: Permission) -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthorized)?;
    if user.role.can(permission) {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}

/// [`require`], plus the record's region within the user's jurisdiction (or shared with it);
/// outside it the record is answered as not found.
pub async fn require_in(
    permission: Permission,
    record_region: &str,
    shared: bool,
) -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthorized)?;
    match authorize(
        user.role,
        permission,
        &user.unit_region,
        record_region,
        shared,
    ) {
        Decision::Allow => Ok(user),
        Decision::Forbidden => Err(AppError::Forbidden),
        Decision::OutOfJurisdiction => Err(AppError::NotFound),
    }
}

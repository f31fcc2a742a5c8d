//! The signed-in user of a request handled outside the server functions (streams, sockets).

use app::identity::service::{session_user, token_from_headers};
use app::identity::{CurrentUser, Permission};
use app::state::AppState;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};

/// The user and their session token, if signed in (401) with a role granting `permission` (403).
pub async fn require(
    state: &AppState,
    headers: &HeaderMap,
    permission: Permission,
) -> Result<(CurrentUser, String), Response> {
    let Some(token) = token_from_headers(headers).map(str::to_string) else {
        return Err(StatusCode::UNAUTHORIZED.into_response());
    };
    let user = match session_user(&state.db, &token).await {
        Ok(Some(user)) => user,
        Ok(None) => return Err(StatusCode::UNAUTHORIZED.into_response()),
        Err(err) => {
            let error = app::error::AppError::from(err);
            return Err((StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response());
        }
    };
    if !user.role.can(permission) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    Ok((user, token))
}

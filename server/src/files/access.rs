//! The guard of the file routes: the signed-in user of the request, then the same record rule
//! as every server function (`guard::check_record`), for handlers outside the Leptos context.

use app::error::AppError;
use app::identity::guard::check_record;
use app::identity::service::{session_user, token_from_headers};
use app::identity::{CurrentUser, Permission};
use app::incidents::service;
use app::state::AppState;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use uuid::Uuid;

fn answer(error: AppError) -> Response {
    StatusCode::from_u16(error.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// The user whose session the request carries, or 401.
async fn signed_in(state: &AppState, headers: &HeaderMap) -> Result<CurrentUser, AppError> {
    let token = token_from_headers(headers).ok_or(AppError::Unauthorized)?;
    session_user(&state.db, token)
        .await?
        .ok_or(AppError::Unauthorized)
}

/// The signed-in user, if their role grants `permission`: 401 signed out, 403 otherwise.
pub async fn user_with(
    state: &AppState,
    headers: &HeaderMap,
    permission: Permission,
) -> Result<CurrentUser, Response> {
    let checked = async {
        let user = signed_in(state, headers).await?;
        if !user.role.can(permission) {
            return Err(AppError::Forbidden);
        }
        Ok::<_, AppError>(user)
    };
    checked.await.map_err(answer)
}

/// The signed-in user, if they may act on incident `id` with `permission`; otherwise the
/// answer: 401 signed out, 403 without the permission, 404 unknown or out of jurisdiction.
pub async fn incident_user(
    state: &AppState,
    headers: &HeaderMap,
    id: Uuid,
    permission: Permission,
) -> Result<CurrentUser, Response> {
    let checked = async {
        let user = signed_in(state, headers).await?;
        let record = service::record_ref(&state.db, id).await?;
        check_record(&state.db, &state.site.node.id, &user, permission, &record).await?;
        Ok::<_, AppError>(user)
    };
    checked.await.map_err(answer)
}

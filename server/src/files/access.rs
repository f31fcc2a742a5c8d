//! The guard of the file routes: the same rule as every server function (role, jurisdiction,
//! shares), with refusals audited, for handlers outside the Leptos context.

use app::audit::Actor;
use app::identity::guard::record_refusal;
use app::identity::service::{is_shared_with, session_user, token_from_cookies};
use app::identity::{CurrentUser, Decision, Permission, authorize};
use app::incidents::service;
use app::state::AppState;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};
use uuid::Uuid;

fn status(error: &app::error::AppError) -> Response {
    StatusCode::from_u16(error.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// The signed-in user, if they may act on incident `id` with `permission`; otherwise the
/// answer: 401 signed out, 403 without the permission, 404 unknown or out of jurisdiction.
pub async fn incident_user(
    state: &AppState,
    headers: &HeaderMap,
    id: Uuid,
    permission: Permission,
) -> Result<CurrentUser, Response> {
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(token_from_cookies);
    let Some(token) = token else {
        return Err(StatusCode::UNAUTHORIZED.into_response());
    };
    let user = match session_user(&state.db, token).await {
        Ok(Some(user)) => user,
        Ok(None) => return Err(StatusCode::UNAUTHORIZED.into_response()),
        Err(err) => return Err(status(&err.into())),
    };
    let record = match service::record_ref(&state.db, id).await {
        Ok(record) => record,
        Err(err) => return Err(status(&err.into())),
    };
    let mut decision = authorize(
        &user.role,
        permission,
        &user.unit_region,
        &record.region,
        false,
    );
    if decision == Decision::OutOfJurisdiction {
        match is_shared_with(&state.db, &record, user.unit_id).await {
            Ok(true) => decision = Decision::Allow,
            Ok(false) => {}
            Err(err) => return Err(status(&err.into())),
        }
    }
    if decision == Decision::Allow {
        return Ok(user);
    }
    let (db, node) = (&state.db, &state.site.node.id);
    let (actor, target) = (Actor::User(user.id), format!("{}:{id}", record.kind));
    let refused = record_refusal(db, node, &actor, permission, target, decision).await;
    Err(status(&refused))
}

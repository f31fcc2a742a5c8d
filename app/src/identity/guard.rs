//! ssr: who is asking, and may they. Every server function that reads or writes records
//! starts here; refusals are written to the audit log.

use leptos::prelude::*;

use super::model::CurrentUser;
use super::service::{is_shared_with, session_user, token_from_headers};
use super::{Decision, Permission, RecordRef, authorize};
use crate::audit::{Actor, NewAuditEntry};
use crate::error::AppError;

/// The session token of the request being served, if it carries one.
pub fn request_token() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    token_from_headers(&parts.headers).map(str::to_string)
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
        let path = use_context::<http::request::Parts>()
            .map_or_else(String::new, |p| p.uri.path().to_string());
        let target = format!("endpoint:{path}");
        refused(
            &Actor::User(user.id),
            permission,
            target,
            Decision::Forbidden,
        )
        .await
    }
}

/// [`require`], plus the record within the user's jurisdiction or shared with the user's unit;
/// outside both the record is answered as not found (its existence is not the reader's business).
pub async fn require_record(
    permission: Permission,
    record: &RecordRef,
) -> Result<CurrentUser, AppError> {
    let user = current_user().await?.ok_or(AppError::Unauthorized)?;
    let state = crate::state::app_state()?;
    check_record(&state.db, &state.site.node.id, &user, permission, record).await?;
    Ok(user)
}

/// The rule of [`require_record`] for a known user, for handlers outside a server function (file
/// routes): role, jurisdiction or share; a refusal is audited and answered 403 / 404.
pub async fn check_record(
    db: &sea_orm::DatabaseConnection,
    node: &str,
    user: &CurrentUser,
    permission: Permission,
    record: &RecordRef,
) -> Result<(), AppError> {
    let mut decision = authorize(
        &user.role,
        permission,
        &user.unit_region,
        &record.region,
        false,
    );
    if decision == Decision::OutOfJurisdiction && is_shared_with(db, record, user.unit_id).await? {
        decision = Decision::Allow;
    }
    if decision == Decision::Allow {
        return Ok(());
    }
    let (actor, target) = (
        Actor::User(user.id),
        format!("{}:{}", record.kind, record.id),
    );
    Err(record_refusal(db, node, &actor, permission, target, decision).await)
}

/// Records a refusal of this request and answers it.
async fn refused<T>(
    actor: &Actor,
    permission: Permission,
    target: String,
    decision: Decision,
) -> Result<T, AppError> {
    let state = crate::state::app_state()?;
    Err(record_refusal(
        &state.db,
        &state.site.node.id,
        actor,
        permission,
        target,
        decision,
    )
    .await)
}

/// Writes a refusal to the audit log and returns its answer: 403 for a missing permission or
/// scope, 404 outside the jurisdiction. For callers outside a server function (the JSON API).
pub async fn record_refusal(
    db: &sea_orm::DatabaseConnection,
    node: &str,
    actor: &Actor,
    permission: Permission,
    target: String,
    decision: Decision,
) -> AppError {
    let (error, outcome) = match decision {
        Decision::OutOfJurisdiction => (AppError::NotFound, "out_of_jurisdiction"),
        _ => (AppError::Forbidden, "forbidden"),
    };
    let entry = NewAuditEntry {
        actor: actor.clone(),
        action: "access.refused".into(),
        target,
        before: None,
        after: Some(serde_json::json!({ "permission": permission, "outcome": outcome })),
    };
    match crate::audit::service::append(db, node, entry).await {
        Ok(_) => error,
        Err(e) => AppError::internal(&e),
    }
}

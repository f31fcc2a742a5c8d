use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::SessionView;

/// Live sessions of the administrator's jurisdiction.
#[server(endpoint = "identity/sessions")]
pub async fn list_sessions() -> Result<Vec<SessionView>, AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::UserAdmin).await?;
    Ok(service::sessions_within(&crate::state::db()?, &admin.unit_region).await?)
}

/// Ends a session at once (a lost tablet, a shift handed over).
#[server(endpoint = "identity/sessions/revoke")]
pub async fn revoke_session(id: Uuid) -> Result<(), AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::UserAdmin).await?;
    let state = crate::state::app_state()?;
    let actor = crate::audit::Actor::User(admin.id);
    let node = &state.site.node.id;
    if service::revoke_session(&state.db, &actor, node, &admin.unit_region, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::{SessionView, UserView};

/// One user with its live sessions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserView,
    pub sessions: Vec<SessionView>,
}

/// Users of the administrator's jurisdiction.
#[server(endpoint = "identity/users")]
pub async fn list_users() -> Result<Vec<UserView>, AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::UserAdmin).await?;
    Ok(service::users_within(&crate::state::db()?, &admin.unit_region).await?)
}

/// One user, if within the administrator's jurisdiction (otherwise: not found).
#[server(endpoint = "identity/user")]
pub async fn get_user(id: Uuid) -> Result<UserDetail, AppError> {
    use crate::identity::{Permission, guard, service};
    let db = crate::state::db()?;
    let (user, record) = super::user_record(&db, id).await?;
    guard::require_record(Permission::UserAdmin, &record).await?;
    let sessions = service::sessions_within(&db, &record.region)
        .await?
        .into_iter()
        .filter(|s| s.user_id == id)
        .collect();
    Ok(UserDetail { user, sessions })
}

/// Creates a user in a unit within the administrator's jurisdiction.
#[server(endpoint = "identity/users/create")]
pub async fn create_user(
    username: String,
    display_name: String,
    unit_id: String,
    role: String,
    password: String,
) -> Result<Uuid, AppError> {
    use crate::error::FieldErrors;
    use crate::identity::service::NewUser;
    use crate::identity::{Permission, Role, check_username, guard};

    let admin = guard::require(Permission::UserAdmin).await?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().admin;
    let mut errors = FieldErrors::default();
    let username = username.trim().to_string();
    let display_name = display_name.trim().to_string();
    if !check_username(&username) {
        errors.add(t.username, t.username_rule);
    }
    if display_name.is_empty() || display_name.chars().count() > 100 {
        errors.add(t.display_name, t.display_name_rule);
    }
    let role = Role::parse(&role);
    if role.is_none() {
        errors.add(t.role, t.role_rule);
    }
    let unit = super::unit_within(&state.db, &admin.unit_region, &unit_id)
        .await?
        .map(|(id, _)| id);
    if unit.is_none() {
        errors.add(t.unit, t.unit_rule);
    }
    check_new_password(&mut errors, &password, &username);
    errors.finish()?;
    let (Some(role), Some(unit)) = (role, unit) else {
        return Err(AppError::Validation(vec![]));
    };
    let new = NewUser {
        username,
        display_name,
        org_unit_id: unit,
        role,
        password,
        demo: false,
    };
    let actor = crate::audit::Actor::User(admin.id);
    Ok(crate::identity::service::create_user(&state.db, &actor, &state.site.node.id, new).await?)
}

/// Switches an account on or off; an administrator cannot switch off its own.
#[server(endpoint = "identity/users/active")]
pub async fn set_user_active(id: Uuid, active: bool) -> Result<(), AppError> {
    use crate::error::FieldErrors;
    use crate::identity::{Permission, guard, service};
    let state = crate::state::app_state()?;
    let (_, record) = super::user_record(&state.db, id).await?;
    let admin = guard::require_record(Permission::UserAdmin, &record).await?;
    if admin.id == id && !active {
        let t = &crate::i18n::detect_locale().texts().admin;
        let mut errors = FieldErrors::default();
        errors.add(t.status, t.cannot_deactivate_self);
        errors.finish()?;
    }
    let actor = crate::audit::Actor::User(admin.id);
    Ok(service::set_user_active(&state.db, &actor, &state.site.node.id, id, active).await?)
}

/// Gives a user another role; an administrator cannot change its own.
#[server(endpoint = "identity/users/role")]
pub async fn set_user_role(id: Uuid, role: String) -> Result<(), AppError> {
    use crate::error::FieldErrors;
    use crate::identity::{Permission, Role, guard, service};
    let state = crate::state::app_state()?;
    let (_, record) = super::user_record(&state.db, id).await?;
    let admin = guard::require_record(Permission::UserAdmin, &record).await?;
    let t = &crate::i18n::detect_locale().texts().admin;
    let mut errors = FieldErrors::default();
    let role = Role::parse(&role);
    if role.is_none() {
        errors.add(t.role, t.role_rule);
    }
    if admin.id == id {
        errors.add(t.role, t.cannot_change_own_role);
    }
    errors.finish()?;
    let Some(role) = role else {
        return Err(AppError::Validation(vec![]));
    };
    let actor = crate::audit::Actor::User(admin.id);
    Ok(service::set_user_role(&state.db, &actor, &state.site.node.id, id, role).await?)
}

/// Sets a new password for a user (who must then sign in again).
#[server(endpoint = "identity/users/password")]
pub async fn reset_password(id: Uuid, password: String) -> Result<(), AppError> {
    use crate::error::FieldErrors;
    use crate::identity::{Permission, guard, service};
    let state = crate::state::app_state()?;
    let (user, record) = super::user_record(&state.db, id).await?;
    let admin = guard::require_record(Permission::UserAdmin, &record).await?;
    let mut errors = FieldErrors::default();
    check_new_password(&mut errors, &password, &user.username);
    errors.finish()?;
    let actor = crate::audit::Actor::User(admin.id);
    Ok(service::reset_password(&state.db, &actor, &state.site.node.id, id, password).await?)
}

#[cfg(feature = "ssr")]
fn check_new_password(errors: &mut crate::error::FieldErrors, password: &str, username: &str) {
    let t = &crate::i18n::detect_locale().texts().admin;
    let problems = crate::identity::check_password(password, username);
    if !problems.is_empty() {
        let words: Vec<&str> = problems.iter().map(|p| t.password_problem(*p)).collect();
        errors.add(t.password, words.join("；"));
    }
}

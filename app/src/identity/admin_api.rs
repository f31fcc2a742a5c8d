use leptos::prelude::*;
use uuid::Uuid;

use super::{OrgUnitView, UserView};
use crate::error::AppError;

/// Units an administrator may place users in: its own and those below it.
#[server(endpoint = "identity/units")]
pub async fn list_units() -> Result<Vec<OrgUnitView>, AppError> {
    let admin = super::guard::require(super::Permission::UserAdmin).await?;
    Ok(super::service::units_within(&crate::state::db()?, &admin.unit_region).await?)
}

/// Users of those units.
#[server(endpoint = "identity/users")]
pub async fn list_users() -> Result<Vec<UserView>, AppError> {
    let admin = super::guard::require(super::Permission::UserAdmin).await?;
    Ok(super::service::users_within(&crate::state::db()?, &admin.unit_region).await?)
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
    use super::service::{NewUser, unit_region};
    use super::{Permission, Role, check_password, check_username, region_covers};
    use crate::error::FieldError;

    let admin = super::guard::require(Permission::UserAdmin).await?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().admin;
    let mut errors = Vec::new();
    let mut fail = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.into(),
            message,
        })
    };
    let username = username.trim().to_string();
    let display_name = display_name.trim().to_string();
    if !check_username(&username) {
        fail(t.username, t.username_rule.into());
    }
    if display_name.is_empty() || display_name.chars().count() > 100 {
        fail(t.display_name, t.display_name_rule.into());
    }
    let role = Role::parse(&role);
    if role.is_none() {
        fail(t.role, t.role_rule.into());
    }
    let unit = match Uuid::parse_str(&unit_id) {
        Ok(id) => unit_region(&state.db, id)
            .await?
            .filter(|r| region_covers(&admin.unit_region, r))
            .map(|_| id),
        Err(_) => None,
    };
    if unit.is_none() {
        fail(t.unit, t.unit_rule.into());
    }
    let problems = check_password(&password, &username);
    if !problems.is_empty() {
        let words: Vec<&str> = problems.iter().map(|p| t.password_problem(*p)).collect();
        fail(t.password, words.join("；"));
    }
    let (Some(role), Some(unit), true) = (role, unit, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
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
    Ok(super::service::create_user(&state.db, &actor, &state.site.node.id, new).await?)
}

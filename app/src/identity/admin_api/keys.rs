use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::{ApiKeyView, IssuedKey};

/// API keys of the administrator's jurisdiction.
#[server(endpoint = "identity/keys")]
pub async fn list_api_keys() -> Result<Vec<ApiKeyView>, AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::ApiKeyAdmin).await?;
    Ok(service::keys_within(&crate::state::db()?, &admin.unit_region).await?)
}

/// Creates a key for a unit of the jurisdiction; its secret is in the answer and nowhere else.
#[server(endpoint = "identity/keys/create")]
pub async fn create_api_key(
    name: String,
    unit_id: String,
    #[server(default)] scopes: Vec<String>,
    valid_days: String,
) -> Result<IssuedKey, AppError> {
    use crate::error::FieldErrors;
    use crate::identity::service::NewApiKey;
    use crate::identity::{ApiScope, MAX_KEY_DAYS, Permission, guard};

    let admin = guard::require(Permission::ApiKeyAdmin).await?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().keys;
    let mut errors = FieldErrors::default();
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add(t.name, t.name_rule);
    }
    let unit = super::unit_within(&state.db, &admin.unit_region, &unit_id)
        .await?
        .map(|(id, _)| id);
    if unit.is_none() {
        errors.add(t.unit, t.unit_rule);
    }
    let parsed: Vec<Option<ApiScope>> = scopes.iter().map(|s| ApiScope::parse(s)).collect();
    if parsed.is_empty() || parsed.iter().any(Option::is_none) {
        errors.add(t.scopes, t.scopes_rule);
    }
    let valid_days = valid_days
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=MAX_KEY_DAYS).contains(d));
    if valid_days.is_none() {
        errors.add(t.valid_days, t.valid_days_rule);
    }
    errors.finish()?;
    let (Some(unit_id), Some(valid_days)) = (unit, valid_days) else {
        return Err(AppError::Validation(vec![]));
    };
    // In the documented order, each once.
    let scopes = ApiScope::ALL
        .into_iter()
        .filter(|s| parsed.contains(&Some(*s)))
        .collect();
    let new = NewApiKey {
        name,
        unit_id,
        scopes,
        valid_days,
    };
    let actor = crate::audit::Actor::User(admin.id);
    Ok(
        crate::identity::service::create_api_key(&state.db, &actor, &state.site.node.id, new)
            .await?,
    )
}

/// Revokes a key at once; a revoked key stays listed.
#[server(endpoint = "identity/keys/revoke")]
pub async fn revoke_api_key(id: Uuid) -> Result<(), AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::ApiKeyAdmin).await?;
    let state = crate::state::app_state()?;
    let actor = crate::audit::Actor::User(admin.id);
    let node = &state.site.node.id;
    if service::revoke_api_key(&state.db, &actor, node, &admin.unit_region, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

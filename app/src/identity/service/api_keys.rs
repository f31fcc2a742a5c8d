//! API keys: created with a secret shown once, stored hashed, scoped, expiring, revocable.

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use std::time::Duration;
use uuid::Uuid;

use super::{IdentityError, audit, new_secret, secret_hash};
use crate::audit::Actor;
use crate::identity::entity::{api_key, org_unit};
use crate::identity::{
    ApiClient, ApiKeyView, ApiScope, IssuedKey, KEY_PREFIX, join_scopes, parse_scopes,
    region_covers, well_formed_key,
};

pub struct NewApiKey {
    pub name: String,
    pub unit_id: Uuid,
    pub scopes: Vec<ApiScope>,
    pub valid_days: u32,
}

/// Characters of a key kept in clear to recognise it: the prefix and six of the secret.
const SHOWN: usize = KEY_PREFIX.len() + 6;

/// Creates a key; the returned secret is never stored nor shown again.
pub async fn create_api_key(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    new: NewApiKey,
) -> Result<IssuedKey, IdentityError> {
    if org_unit::Entity::find_by_id(new.unit_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(IdentityError::UnknownUnit);
    }
    let key = format!("{KEY_PREFIX}{}", new_secret());
    let id = Uuid::now_v7();
    let now = Time::now_utc();
    let expires_at = now + Duration::from_secs(u64::from(new.valid_days) * 86_400);
    let scopes = join_scopes(&new.scopes);
    let txn = db.begin().await?;
    api_key::ActiveModel {
        id: Set(id),
        name: Set(new.name.clone()),
        org_unit_id: Set(new.unit_id),
        scopes: Set(scopes.clone()),
        prefix: Set(key[..SHOWN].to_string()),
        secret_hash: Set(secret_hash(&key)),
        created_by: Set(match actor {
            Actor::User(id) => Some(*id),
            _ => None,
        }),
        created_at: Set(now),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
        last_used_at: Set(None),
    }
    .insert(&txn)
    .await?;
    let after = serde_json::json!({
        "name": new.name, "org_unit_id": new.unit_id, "scopes": scopes,
        "prefix": &key[..SHOWN], "expires_at": expires_at.unix_timestamp(),
    });
    audit(
        &txn,
        node,
        actor,
        "identity.api_key_create",
        format!("api_key:{id}"),
        None,
        Some(after),
    )
    .await?;
    txn.commit().await?;
    Ok(IssuedKey { id, key })
}

/// The keys of units within `region`, newest first (revoked and expired ones included, so the
/// list tells what once had access).
pub async fn keys_within(
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<ApiKeyView>, IdentityError> {
    let units: std::collections::HashMap<Uuid, org_unit::Model> = org_unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|u| region_covers(region, &u.region_code))
        .map(|u| (u.id, u))
        .collect();
    let keys = api_key::Entity::find()
        .order_by_desc(api_key::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(keys
        .into_iter()
        .filter_map(|k| {
            let unit = units.get(&k.org_unit_id)?;
            Some(ApiKeyView {
                id: k.id,
                name: k.name,
                unit_name: unit.name.clone(),
                scopes: parse_scopes(&k.scopes),
                prefix: k.prefix,
                created_at: k.created_at.unix_timestamp(),
                expires_at: k.expires_at.unix_timestamp(),
                revoked_at: k.revoked_at.map(|t| t.unix_timestamp()),
                last_used_at: k.last_used_at.map(|t| t.unix_timestamp()),
            })
        })
        .collect())
}

/// Revokes a key of a unit within `region`; `false` when there is no such key there.
pub async fn revoke_api_key(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    region: &str,
    id: Uuid,
) -> Result<bool, IdentityError> {
    let Some(found) = api_key::Entity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    let in_region = super::unit_region(db, found.org_unit_id)
        .await?
        .is_some_and(|r| region_covers(region, &r));
    if !in_region {
        return Ok(false);
    }
    if found.revoked_at.is_some() {
        return Ok(true);
    }
    let txn = db.begin().await?;
    let mut revoked: api_key::ActiveModel = found.into();
    revoked.revoked_at = Set(Some(Time::now_utc()));
    revoked.update(&txn).await?;
    audit(
        &txn,
        node,
        actor,
        "identity.api_key_revoke",
        format!("api_key:{id}"),
        Some(serde_json::json!({ "revoked": false })),
        Some(serde_json::json!({ "revoked": true })),
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// The client a key makes, if the key is ours, unrevoked and unexpired.
pub async fn authenticate_key(
    db: &DatabaseConnection,
    key: &str,
) -> Result<Option<ApiClient>, IdentityError> {
    if !well_formed_key(key) {
        return Ok(None);
    }
    let now = Time::now_utc();
    let Some(found) = api_key::Entity::find()
        .filter(api_key::Column::SecretHash.eq(secret_hash(key)))
        .one(db)
        .await?
        .filter(|k| k.revoked_at.is_none() && k.expires_at > now)
    else {
        return Ok(None);
    };
    let Some(unit) = org_unit::Entity::find_by_id(found.org_unit_id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let client = ApiClient {
        key_id: found.id,
        name: found.name.clone(),
        unit_id: unit.id,
        unit_name: unit.name,
        unit_region: unit.region_code,
        scopes: parse_scopes(&found.scopes),
        expires_at: found.expires_at.unix_timestamp(),
    };
    // Note use at most once a minute: a busy call centre should not write on every request.
    if found
        .last_used_at
        .is_none_or(|t| t + Duration::from_secs(60) <= now)
    {
        let mut used: api_key::ActiveModel = found.into();
        used.last_used_at = Set(Some(now));
        used.update(db).await?;
    }
    Ok(Some(client))
}

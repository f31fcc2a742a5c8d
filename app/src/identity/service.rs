//! ssr: organisations, users, password hashing, sessions and login throttling.

use password_hash::rand_core::{OsRng, RngCore};
use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, TransactionTrait,
};
use sha2::{Digest, Sha256};
use std::time::Duration;
use uuid::Uuid;

use super::entity::{org_unit, session, throttle, user};
use super::model::*;
use super::{PasswordProblem, Role, check_password};
use crate::audit::{Actor, NewAuditEntry};
use crate::error::AppError;
use crate::site::NodeTier;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "yingji_session";
/// A session ends after this long without a request…
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(2 * 3600);
/// …and in any case this long after login (a duty shift).
pub const ABSOLUTE_TIMEOUT: Duration = Duration::from_secs(12 * 3600);
/// Failures allowed per account name, and per client address, within the window.
pub const ACCOUNT_LIMIT: i32 = 5;
pub const ADDRESS_LIMIT: i32 = 20;
/// Counting window and lockout length.
pub const LOCKOUT: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(
        "the password does not meet the policy (12–128 characters, three of: lower case, upper \
         case, digits, other characters; not containing the user name or a common password): {0:?}"
    )]
    WeakPassword(Vec<PasswordProblem>),
    #[error("the user name is taken")]
    UsernameTaken,
    #[error("unknown organisation unit")]
    UnknownUnit,
    #[error("stored identity data is invalid: {0}")]
    Corrupt(String),
}

impl From<IdentityError> for AppError {
    fn from(err: IdentityError) -> Self {
        match err {
            IdentityError::UsernameTaken => AppError::Conflict,
            IdentityError::UnknownUnit => AppError::NotFound,
            other => AppError::internal(&other),
        }
    }
}

/// Argon2id with the crate's recommended parameters, off the async runtime.
pub async fn hash_password(password: String) -> Result<String, IdentityError> {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHasher, SaltString};
        let salt = SaltString::generate(&mut OsRng);
        argon2::Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| IdentityError::Hash(e.to_string()))
    })
    .await
    .map_err(|e| IdentityError::Hash(e.to_string()))?
}

async fn password_matches(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        use argon2::password_hash::{PasswordHash, PasswordVerifier};
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            argon2::Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

/// A hash nobody's password matches, so unknown accounts take as long as known ones.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Gk5lLQ2wZkQdQ6o6t8lqk3Q2m5cQp0m9bKjKXo6b8nU";

pub async fn username_exists(db: &DatabaseConnection, username: &str) -> Result<bool, DbErr> {
    Ok(user::Entity::find()
        .filter(user::Column::Username.eq(username))
        .one(db)
        .await?
        .is_some())
}

/// Whether an active administrator exists (a node without one cannot be managed).
pub async fn has_admin(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let admin = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Admin.key()))
        .filter(user::Column::Active.eq(true))
        .one(db)
        .await?;
    Ok(admin.is_some())
}

/// The node's own unit: the root of its organisation tree, if one exists.
pub async fn root_unit(db: &DatabaseConnection) -> Result<Option<Uuid>, DbErr> {
    let root = org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.is_null())
        .one(db)
        .await?;
    Ok(root.map(|u| u.id))
}

/// The units within the jurisdiction rooted at `region`.
pub async fn units_within(
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<OrgUnitView>, IdentityError> {
    org_unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|u| super::region_covers(region, &u.region_code))
        .map(|u| {
            let tier = u.tier.parse().map_err(IdentityError::Corrupt)?;
            Ok(OrgUnitView {
                id: u.id,
                name: u.name,
                tier,
                region_code: u.region_code,
                demo: u.demo,
            })
        })
        .collect()
}

/// The users of the units within the jurisdiction rooted at `region`, by user name.
pub async fn users_within(
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<UserView>, IdentityError> {
    let units: std::collections::HashMap<Uuid, OrgUnitView> = units_within(db, region)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut users: Vec<UserView> = user::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|u| {
            let unit = units.get(&u.org_unit_id)?;
            Some(UserView {
                id: u.id,
                role: Role::parse(&u.role)?,
                username: u.username,
                display_name: u.display_name,
                unit_name: unit.name.clone(),
                active: u.active,
                demo: u.demo,
            })
        })
        .collect();
    users.sort_by(|a, b| a.username.cmp(&b.username));
    Ok(users)
}

/// The region of a unit, if it exists.
pub async fn unit_region(db: &DatabaseConnection, id: Uuid) -> Result<Option<String>, DbErr> {
    Ok(org_unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|u| u.region_code))
}

pub struct NewOrgUnit {
    pub name: String,
    pub tier: NodeTier,
    pub kind: OrgKind,
    pub region_code: String,
    pub parent_id: Option<Uuid>,
    pub demo: bool,
}

pub async fn create_org_unit(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    unit: NewOrgUnit,
) -> Result<Uuid, IdentityError> {
    let id = Uuid::now_v7();
    let txn = db.begin().await?;
    org_unit::ActiveModel {
        id: Set(id),
        name: Set(unit.name.clone()),
        tier: Set(unit.tier.as_str().into()),
        kind: Set(unit.kind.key().into()),
        region_code: Set(unit.region_code.clone()),
        parent_id: Set(unit.parent_id),
        demo: Set(unit.demo),
        created_at: Set(Time::now_utc()),
    }
    .insert(&txn)
    .await?;
    let after = serde_json::json!({
        "name": unit.name, "tier": unit.tier.as_str(), "kind": unit.kind.key(),
        "region_code": unit.region_code, "parent_id": unit.parent_id, "demo": unit.demo,
    });
    audit(
        &txn,
        node,
        actor,
        "identity.org_create",
        format!("org_unit:{id}"),
        after,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub org_unit_id: Uuid,
    pub role: Role,
    pub password: String,
    pub demo: bool,
}

pub async fn create_user(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    new: NewUser,
) -> Result<Uuid, IdentityError> {
    let problems = check_password(&new.password, &new.username);
    if !problems.is_empty() {
        return Err(IdentityError::WeakPassword(problems));
    }
    if org_unit::Entity::find_by_id(new.org_unit_id)
        .one(db)
        .await?
        .is_none()
    {
        return Err(IdentityError::UnknownUnit);
    }
    let password_hash = hash_password(new.password).await?;
    let id = Uuid::now_v7();
    let txn = db.begin().await?;
    let inserted = user::ActiveModel {
        id: Set(id),
        username: Set(new.username.clone()),
        display_name: Set(new.display_name.clone()),
        org_unit_id: Set(new.org_unit_id),
        role: Set(new.role.key().into()),
        password_hash: Set(password_hash),
        active: Set(true),
        demo: Set(new.demo),
        created_at: Set(Time::now_utc()),
    }
    .insert(&txn)
    .await;
    if let Err(err) = inserted {
        return Err(match err.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => IdentityError::UsernameTaken,
            _ => err.into(),
        });
    }
    // The audit record never holds the password or its hash.
    let after = serde_json::json!({
        "username": new.username, "display_name": new.display_name,
        "org_unit_id": new.org_unit_id, "role": new.role.key(), "demo": new.demo,
    });
    audit(
        &txn,
        node,
        actor,
        "identity.user_create",
        format!("user:{id}"),
        after,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

async fn audit(
    db: &impl ConnectionTrait,
    node: &str,
    actor: &Actor,
    action: &str,
    target: String,
    after: serde_json::Value,
) -> Result<(), DbErr> {
    let entry = NewAuditEntry {
        actor: actor.clone(),
        action: action.into(),
        target,
        before: None,
        after: Some(after),
    };
    crate::audit::service::append(db, node, entry)
        .await
        .map(|_| ())
}

/// Checks a login; on success opens a new session (a fresh token: sessions rotate at login)
/// and returns its token, which only the cookie carries.
pub async fn login(
    db: &DatabaseConnection,
    node: &str,
    username: &str,
    password: &str,
    address: &str,
) -> Result<Result<(String, CurrentUser), LoginRefusal>, IdentityError> {
    let now = Time::now_utc();
    let keys = [
        (
            format!("account:{}", username.trim().to_lowercase()),
            ACCOUNT_LIMIT,
        ),
        (format!("address:{address}"), ADDRESS_LIMIT),
    ];
    for (key, _) in &keys {
        if let Some(until) = locked_until(db, key, now).await? {
            return Ok(Err(LoginRefusal::Locked {
                minutes: minutes_until(now, until),
            }));
        }
    }
    let found = user::Entity::find()
        .filter(user::Column::Username.eq(username.trim()))
        .one(db)
        .await?;
    let hash = found
        .as_ref()
        .map_or(DUMMY_HASH.to_string(), |u| u.password_hash.clone());
    let matches = password_matches(hash, password.to_string()).await;
    let account = match found {
        Some(u) if matches && u.active => u,
        _ => {
            for (key, limit) in &keys {
                record_failure(db, key, *limit, now).await?;
            }
            return Ok(Err(LoginRefusal::BadCredentials));
        }
    };
    throttle::Entity::delete_by_id(keys[0].0.clone())
        .exec(db)
        .await?;
    let current = current_user(db, account).await?;
    let token = new_token();
    let txn = db.begin().await?;
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(current.id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + ABSOLUTE_TIMEOUT),
        address: Set(address.chars().take(64).collect()),
    }
    .insert(&txn)
    .await?;
    let after = serde_json::json!({ "address": address });
    audit(
        &txn,
        node,
        &Actor::User(current.id),
        "identity.login",
        format!("user:{}", current.id),
        after,
    )
    .await?;
    txn.commit().await?;
    Ok(Ok((token, current)))
}

/// The user of a session token, if the session is still valid; refreshes its idle timer.
pub async fn session_user(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<CurrentUser>, IdentityError> {
    let now = Time::now_utc();
    let Some(found) = session::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if found.expires_at <= now || found.last_seen_at + IDLE_TIMEOUT <= now {
        session::Entity::delete_by_id(found.token_hash)
            .exec(db)
            .await?;
        return Ok(None);
    }
    let Some(account) = user::Entity::find_by_id(found.user_id)
        .one(db)
        .await?
        .filter(|u| u.active)
    else {
        return Ok(None);
    };
    // Touch at most once a minute: reads stay reads.
    if found.last_seen_at + Duration::from_secs(60) <= now {
        let mut touched: session::ActiveModel = found.into();
        touched.last_seen_at = Set(now);
        touched.update(db).await?;
    }
    Ok(Some(current_user(db, account).await?))
}

/// Ends the session of this token.
pub async fn logout(db: &DatabaseConnection, node: &str, token: &str) -> Result<(), IdentityError> {
    let Some(found) = session::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let txn = db.begin().await?;
    let user_id = found.user_id;
    session::Entity::delete_by_id(found.token_hash)
        .exec(&txn)
        .await?;
    audit(
        &txn,
        node,
        &Actor::User(user_id),
        "identity.logout",
        format!("user:{user_id}"),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

async fn current_user(
    db: &DatabaseConnection,
    account: user::Model,
) -> Result<CurrentUser, IdentityError> {
    let unit = org_unit::Entity::find_by_id(account.org_unit_id)
        .one(db)
        .await?
        .ok_or_else(|| IdentityError::Corrupt(format!("user {} has no unit", account.id)))?;
    let role = Role::parse(&account.role)
        .ok_or_else(|| IdentityError::Corrupt(format!("role {}", account.role)))?;
    let unit_tier = unit.tier.parse().map_err(IdentityError::Corrupt)?;
    Ok(CurrentUser {
        id: account.id,
        username: account.username,
        display_name: account.display_name,
        role,
        unit_id: unit.id,
        unit_name: unit.name,
        unit_tier,
        unit_region: unit.region_code,
    })
}

async fn locked_until(
    db: &DatabaseConnection,
    key: &str,
    now: Time,
) -> Result<Option<Time>, DbErr> {
    let row = throttle::Entity::find_by_id(key.to_string())
        .one(db)
        .await?;
    Ok(row
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now))
}

async fn record_failure(
    db: &DatabaseConnection,
    key: &str,
    limit: i32,
    now: Time,
) -> Result<(), DbErr> {
    let row = throttle::Entity::find_by_id(key.to_string())
        .one(db)
        .await?;
    let (failures, window_start) = match &row {
        Some(r) if r.window_start + LOCKOUT > now => (r.failures + 1, r.window_start),
        _ => (1, now),
    };
    let locked_until = (failures >= limit).then(|| now + LOCKOUT);
    let model = throttle::ActiveModel {
        key: Set(key.to_string()),
        failures: Set(failures),
        window_start: Set(window_start),
        locked_until: Set(locked_until),
    };
    if row.is_some() {
        model.update(db).await?;
    } else {
        model.insert(db).await?;
    }
    Ok(())
}

fn minutes_until(now: Time, until: Time) -> u32 {
    u32::try_from((until - now).whole_minutes() + 1)
        .unwrap_or(1)
        .max(1)
}

/// 32 random bytes, hex: the secret only the browser's cookie holds.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The `Set-Cookie` value for a new session, and the one that clears it.
pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}",
        ABSOLUTE_TIMEOUT.as_secs()
    )
}

pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// The session token in a `Cookie` header, if any.
pub fn token_from_cookies(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == SESSION_COOKIE && !value.is_empty())
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_token_is_read_among_other_cookies() {
        assert_eq!(
            token_from_cookies("a=1; yingji_session=abc; yingji_lang=en"),
            Some("abc")
        );
        assert_eq!(token_from_cookies("yingji_session="), None);
        assert_eq!(token_from_cookies("other=1"), None);
    }

    #[test]
    fn the_cookie_is_http_only_and_same_site() {
        let cookie = session_cookie("t");
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(clear_session_cookie().contains("Max-Age=0"));
    }

    #[test]
    fn the_dummy_hash_is_a_real_argon2id_hash() {
        // Otherwise unknown accounts would answer faster than known ones.
        let parsed = argon2::password_hash::PasswordHash::new(DUMMY_HASH);
        assert!(parsed.is_ok_and(|h| h.algorithm.as_str() == "argon2id"));
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_ne!(token_hash(&a), a);
    }
}

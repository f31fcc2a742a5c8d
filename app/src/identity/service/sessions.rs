//! Login, sessions and their timeouts, throttling of failed logins.

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use std::time::Duration;
use uuid::Uuid;

use super::passwords::{DUMMY_HASH, password_matches};
use super::users::load_current_user;
use super::{IdentityError, audit, new_secret, secret_hash};
use crate::audit::Actor;
use crate::identity::entity::{session, throttle, user};
use crate::identity::model::*;
use crate::identity::region_covers;

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
    let current = load_current_user(db, account).await?;
    let token = new_secret();
    let txn = db.begin().await?;
    session::ActiveModel {
        id: Set(Uuid::now_v7()),
        token_hash: Set(secret_hash(&token)),
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
        None,
        Some(after),
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
    let Some(found) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(secret_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if found.expires_at <= now || found.last_seen_at + IDLE_TIMEOUT <= now {
        session::Entity::delete_by_id(found.id).exec(db).await?;
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
    Ok(Some(load_current_user(db, account).await?))
}

/// Ends the session of this token.
pub async fn logout(db: &DatabaseConnection, node: &str, token: &str) -> Result<(), IdentityError> {
    let Some(found) = session::Entity::find()
        .filter(session::Column::TokenHash.eq(secret_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let txn = db.begin().await?;
    let user_id = found.user_id;
    session::Entity::delete_by_id(found.id).exec(&txn).await?;
    audit(
        &txn,
        node,
        &Actor::User(user_id),
        "identity.logout",
        format!("user:{user_id}"),
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(())
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

/// The live sessions of users whose units lie within `region`, newest first.
pub async fn sessions_within(
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<SessionView>, IdentityError> {
    let now = Time::now_utc();
    let users: std::collections::HashMap<Uuid, UserView> = super::users_within(db, region)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let rows = session::Entity::find()
        .order_by_desc(session::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|s| s.expires_at > now && s.last_seen_at + IDLE_TIMEOUT > now)
        .filter_map(|s| {
            let user = users.get(&s.user_id)?;
            Some(SessionView {
                id: s.id,
                user_id: s.user_id,
                username: user.username.clone(),
                display_name: user.display_name.clone(),
                address: s.address,
                created_at: s.created_at.unix_timestamp(),
                last_seen_at: s.last_seen_at.unix_timestamp(),
            })
        })
        .collect())
}

/// Ends one session, if it belongs to a user within `region`; `false` when there is no such
/// session there.
pub async fn revoke_session(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    region: &str,
    id: Uuid,
) -> Result<bool, IdentityError> {
    let Some(found) = session::Entity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    match super::user_view(db, found.user_id).await? {
        Some((_, user_region)) if region_covers(region, &user_region) => {}
        _ => return Ok(false),
    }
    let txn = db.begin().await?;
    session::Entity::delete_by_id(id).exec(&txn).await?;
    audit(
        &txn,
        node,
        actor,
        "identity.session_revoke",
        format!("user:{}", found.user_id),
        Some(serde_json::json!({ "session": id, "address": found.address })),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(true)
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
/// The session token among a request's `Cookie` headers, if it carries one.
pub fn token_from_headers(headers: &http::HeaderMap) -> Option<&str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(token_from_cookies)
}

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
}

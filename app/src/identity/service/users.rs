//! Organisation units and user accounts.

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use super::{IdentityError, audit, hash_password};
use crate::audit::Actor;
use crate::identity::entity::{org_unit, session, user};
use crate::identity::model::*;
use crate::identity::{Role, check_password, region_covers};
use crate::site::NodeTier;

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
        .filter(|u| region_covers(region, &u.region_code))
        .map(|u| {
            let tier = u.tier.parse().map_err(IdentityError::Corrupt)?;
            let kind = OrgKind::parse(&u.kind)
                .ok_or_else(|| IdentityError::Corrupt(format!("unit kind {}", u.kind)))?;
            Ok(OrgUnitView {
                id: u.id,
                name: u.name,
                tier,
                kind,
                region_code: u.region_code,
                parent_id: u.parent_id,
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
            to_view(u, &unit.name).ok()
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
        None,
        Some(after),
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
        None,
        Some(after),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Switches an account on or off. Switching off ends its sessions at once.
pub async fn set_user_active(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    id: Uuid,
    active: bool,
) -> Result<(), IdentityError> {
    let found = find_user(db, id).await?;
    if found.active == active {
        return Ok(());
    }
    let change = AccountChange {
        action: if active {
            "identity.user_activate"
        } else {
            "identity.user_deactivate"
        },
        before: Some(serde_json::json!({ "active": !active })),
        after: Some(serde_json::json!({ "active": active })),
        sessions: if active {
            Sessions::Keep
        } else {
            Sessions::EndAll
        },
    };
    apply(db, actor, node, found, |u| u.active = Set(active), change).await
}

/// Gives an account another role; its sessions end, so the new permissions apply at once.
pub async fn set_user_role(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    id: Uuid,
    role: Role,
) -> Result<(), IdentityError> {
    let found = find_user(db, id).await?;
    if found.role == role.key() {
        return Ok(());
    }
    let change = AccountChange {
        action: "identity.user_role",
        before: Some(serde_json::json!({ "role": found.role })),
        after: Some(serde_json::json!({ "role": role.key() })),
        sessions: Sessions::EndAll,
    };
    apply(
        db,
        actor,
        node,
        found,
        |u| u.role = Set(role.key().into()),
        change,
    )
    .await
}

/// Sets a new password (after the policy) and ends the account's sessions.
pub async fn reset_password(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    id: Uuid,
    password: String,
) -> Result<(), IdentityError> {
    let found = find_user(db, id).await?;
    let hash = new_password_hash(password, &found.username).await?;
    // Neither the password nor its hash enters the log: only that it changed.
    let change = AccountChange {
        action: "identity.password_reset",
        before: None,
        after: None,
        sessions: Sessions::EndAll,
    };
    apply(
        db,
        actor,
        node,
        found,
        |u| u.password_hash = Set(hash),
        change,
    )
    .await
}

/// A user changes its own password: the current one must match; the user's other sessions end
/// (a password changed for fear of theft should lock the thief out), this one stays.
/// `Ok(false)` when the current password is wrong.
pub async fn change_own_password(
    db: &DatabaseConnection,
    node: &str,
    id: Uuid,
    current: String,
    new: String,
    keep_token: &str,
) -> Result<bool, IdentityError> {
    let found = find_user(db, id).await?;
    if !super::passwords::password_matches(found.password_hash.clone(), current).await {
        return Ok(false);
    }
    let hash = new_password_hash(new, &found.username).await?;
    let change = AccountChange {
        action: "identity.password_change",
        before: None,
        after: None,
        sessions: Sessions::EndAllBut(super::secret_hash(keep_token)),
    };
    let actor = Actor::User(id);
    apply(
        db,
        &actor,
        node,
        found,
        |u| u.password_hash = Set(hash),
        change,
    )
    .await?;
    Ok(true)
}

async fn find_user(db: &DatabaseConnection, id: Uuid) -> Result<user::Model, IdentityError> {
    user::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(IdentityError::UnknownUser)
}

/// The hash of a new password, if it meets the policy.
async fn new_password_hash(password: String, username: &str) -> Result<String, IdentityError> {
    let problems = check_password(&password, username);
    if !problems.is_empty() {
        return Err(IdentityError::WeakPassword(problems));
    }
    hash_password(password).await
}

/// What a change to an account does to its sessions.
enum Sessions {
    Keep,
    EndAll,
    /// All but the one with this token hash (the user's own, changing its password).
    EndAllBut(String),
}

/// A change to an account as the audit log records it.
struct AccountChange {
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    sessions: Sessions,
}

/// Applies `edit` to the account, ends sessions as the change says and records it: one
/// transaction.
async fn apply(
    db: &DatabaseConnection,
    actor: &Actor,
    node: &str,
    found: user::Model,
    edit: impl FnOnce(&mut user::ActiveModel),
    change: AccountChange,
) -> Result<(), IdentityError> {
    let id = found.id;
    let txn = db.begin().await?;
    let mut changed: user::ActiveModel = found.into();
    edit(&mut changed);
    changed.update(&txn).await?;
    let sessions = session::Entity::delete_many().filter(session::Column::UserId.eq(id));
    match change.sessions {
        Sessions::Keep => {}
        Sessions::EndAll => {
            sessions.exec(&txn).await?;
        }
        Sessions::EndAllBut(token_hash) => {
            let others = sessions.filter(session::Column::TokenHash.ne(token_hash));
            others.exec(&txn).await?;
        }
    }
    let target = format!("user:{id}");
    audit(
        &txn,
        node,
        actor,
        change.action,
        target,
        change.before,
        change.after,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// One user as the administration shows it, with the region of its unit (for jurisdiction).
pub async fn user_view(
    db: &DatabaseConnection,
    id: Uuid,
) -> Result<Option<(UserView, String)>, IdentityError> {
    let Some(found) = user::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let unit = org_unit::Entity::find_by_id(found.org_unit_id)
        .one(db)
        .await?
        .ok_or_else(|| IdentityError::Corrupt(format!("user {id} has no unit")))?;
    let view = to_view(found, &unit.name)?;
    Ok(Some((view, unit.region_code)))
}

fn to_view(u: user::Model, unit_name: &str) -> Result<UserView, IdentityError> {
    Ok(UserView {
        id: u.id,
        role: Role::parse(&u.role)
            .ok_or_else(|| IdentityError::Corrupt(format!("role {}", u.role)))?,
        username: u.username,
        display_name: u.display_name,
        unit_id: u.org_unit_id,
        unit_name: unit_name.to_string(),
        active: u.active,
        demo: u.demo,
    })
}

/// The signed-in user an account becomes.
pub(super) async fn load_current_user(
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

//! ssr: queries and writes of the directory.

use std::collections::HashMap;

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use uuid::Uuid;

use super::entity::{self, Column, Entity};
use super::model::*;
use crate::audit::{Actor, NewAuditEntry};
use crate::error::AppError;
use crate::site::{NodeTier, RegionError, check_region};

#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("entry `{code}`: parent `{parent}` is not in the directory")]
    UnknownParent { code: String, parent: String },
    #[error("entry `{code}`: {source}")]
    Region { code: String, source: RegionError },
    #[error("entry `{code}`: the point is not a WGS-84 longitude/latitude")]
    Point { code: String },
    #[error("entry `{code}`: stored kind/class `{kind}/{class}` is unknown")]
    Corrupt {
        code: String,
        kind: String,
        class: String,
    },
}

impl From<DirectoryError> for AppError {
    fn from(err: DirectoryError) -> Self {
        AppError::internal(&err)
    }
}

/// Counts of what a unit whose region is `region` may see (see [`visible_in`]).
pub async fn summary(
    db: &DatabaseConnection,
    region: &str,
) -> Result<DirectorySummary, DirectoryError> {
    let entries = visible(Entity::find(), db, region).await?;
    let count = |kind: EntryKind| entries.iter().filter(|e| e.class.kind() == kind).count();
    let as_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(DirectorySummary {
        nodes: as_u32(count(EntryKind::Node)),
        enterprises: as_u32(count(EntryKind::Enterprise)),
        bases: as_u32(count(EntryKind::Base)),
        demo: as_u32(entries.iter().filter(|e| e.demo).count()),
    })
}

/// Every entry with a location that a unit of `region` may see, nodes first, for the map.
pub async fn list_located(
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<DirectoryEntry>, DirectoryError> {
    let located = Entity::find()
        .filter(Column::Lon.is_not_null())
        .filter(Column::Lat.is_not_null())
        .order_by_asc(Column::Kind)
        .order_by_asc(Column::Code);
    visible(located, db, region).await
}

async fn visible(
    select: sea_orm::Select<Entity>,
    db: &DatabaseConnection,
    region: &str,
) -> Result<Vec<DirectoryEntry>, DirectoryError> {
    let mut entries = Vec::new();
    for model in select.all(db).await? {
        let entry = to_entry(model)?;
        if visible_in(&entry, region) {
            entries.push(entry);
        }
    }
    Ok(entries)
}

/// The command centres are every node's address book (reports go up, directives down), so all
/// of them are visible; enterprises and rescue bases only within the reader's jurisdiction.
pub fn visible_in(entry: &DirectoryEntry, region: &str) -> bool {
    matches!(entry.class, EntryClass::Node(_))
        || crate::identity::region_covers(region, &entry.region_code)
}

fn to_entry(m: entity::Model) -> Result<DirectoryEntry, DirectoryError> {
    let class = EntryKind::parse(&m.kind)
        .and_then(|kind| EntryClass::parse(kind, &m.class))
        .ok_or_else(|| DirectoryError::Corrupt {
            code: m.code.clone(),
            kind: m.kind.clone(),
            class: m.class.clone(),
        })?;
    Ok(DirectoryEntry {
        id: m.id,
        name: m.name,
        class,
        region_code: m.region_code,
        point: m.lon.zip(m.lat),
        demo: m.demo,
    })
}

/// Checks an entry before it is stored.
pub fn validate(entry: &NewEntry) -> Result<(), DirectoryError> {
    let rule = match entry.class {
        EntryClass::Node(tier) => tier,
        EntryClass::Enterprise(_) => NodeTier::Enterprise,
        EntryClass::Base(_) => NodeTier::Base,
    };
    check_region(rule, &entry.region_code).map_err(|source| DirectoryError::Region {
        code: entry.code.clone(),
        source,
    })?;
    if entry.point.is_some_and(|p| !check_point(p)) {
        return Err(DirectoryError::Point {
            code: entry.code.clone(),
        });
    }
    Ok(())
}

/// Stores the entries whose codes are not in the directory yet, all or nothing, each with its
/// audit record, and returns how many were added. Parents must be stored already or come
/// earlier in `entries`.
pub async fn insert_missing(
    db: &DatabaseConnection,
    actor: &Actor,
    owner_node: &str,
    entries: &[NewEntry],
) -> Result<u32, DirectoryError> {
    entries.iter().try_for_each(validate)?;
    let txn = db.begin().await?;
    let mut ids: HashMap<String, Uuid> = Entity::find()
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| (m.code, m.id))
        .collect();
    let mut added = 0;
    for entry in entries {
        if ids.contains_key(&entry.code) {
            continue;
        }
        let parent_id = match &entry.parent_code {
            None => None,
            Some(parent) => {
                Some(
                    *ids.get(parent)
                        .ok_or_else(|| DirectoryError::UnknownParent {
                            code: entry.code.clone(),
                            parent: parent.clone(),
                        })?,
                )
            }
        };
        let id = Uuid::now_v7();
        insert(&txn, id, parent_id, owner_node, entry).await?;
        let audit = NewAuditEntry {
            actor: actor.clone(),
            action: "directory.create".into(),
            target: format!("directory_entry:{id}"),
            before: None,
            after: Some(audit_view(entry, parent_id, owner_node)),
        };
        crate::audit::service::append(&txn, owner_node, audit).await?;
        ids.insert(entry.code.clone(), id);
        added += 1;
    }
    txn.commit().await?;
    Ok(added)
}

async fn insert(
    db: &impl ConnectionTrait,
    id: Uuid,
    parent_id: Option<Uuid>,
    owner_node: &str,
    entry: &NewEntry,
) -> Result<(), DbErr> {
    let row = entity::ActiveModel {
        id: Set(id),
        code: Set(entry.code.clone()),
        kind: Set(entry.class.kind().as_str().to_string()),
        class: Set(entry.class.code().to_string()),
        name: Set(entry.name.clone()),
        region_code: Set(entry.region_code.clone()),
        parent_id: Set(parent_id),
        lon: Set(entry.point.map(|p| p.0)),
        lat: Set(entry.point.map(|p| p.1)),
        owner_node: Set(owner_node.to_string()),
        demo: Set(entry.demo),
        created_at: Set(sea_orm::prelude::TimeDateTimeWithTimeZone::now_utc()),
    };
    Entity::insert(row).exec_without_returning(db).await?;
    Ok(())
}

/// The fields of a new entry as the audit log records them.
fn audit_view(entry: &NewEntry, parent_id: Option<Uuid>, owner_node: &str) -> serde_json::Value {
    serde_json::json!({
        "code": entry.code,
        "kind": entry.class.kind().as_str(),
        "class": entry.class.code(),
        "name": entry.name,
        "region_code": entry.region_code,
        "parent_id": parent_id,
        "point": entry.point,
        "owner_node": owner_node,
        "demo": entry.demo,
    })
}

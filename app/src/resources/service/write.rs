//! Writes: an entry created or edited, with its audit record; the index follows the commit.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, EntityTrait, TransactionTrait,
    TryIntoModel,
};
use serde_json::json;
use uuid::Uuid;

use super::read::{find, indexed};
use super::{RECORD_KIND, ResourceError};
use crate::identity::region_covers;
use crate::incidents::service::Recorder;
use crate::resources::entity::resource;
use crate::resources::index::ResourceIndex;
use crate::resources::*;

fn snapshot(m: &resource::Model) -> serde_json::Value {
    json!({
        "kind": m.kind, "name": m.name, "category": m.category,
        "capabilities": m.capabilities, "quantity": m.quantity, "unit": m.unit,
        "lon": m.lon, "lat": m.lat, "region_code": m.region_code,
        "availability": m.availability, "expires_on": m.expires_on,
    })
}

fn fill(row: &mut resource::ActiveModel, new: NewResource) {
    row.kind = Set(new.kind.key().into());
    row.name = Set(new.name);
    row.category = Set(new.category);
    row.capabilities = Set(Capability::join(&new.capabilities));
    row.quantity = Set(new.quantity);
    row.unit = Set(new.unit);
    row.organisation = Set(new.organisation);
    row.details = Set(new.details);
    row.contact_name = Set(new.contact_name);
    row.contact_phone = Set(new.contact_phone);
    row.lon = Set(new.lon);
    row.lat = Set(new.lat);
    row.region_code = Set(new.region_code);
    row.address = Set(new.address);
    row.availability = Set(new.availability.key().into());
    row.expires_on = Set(new.expires_on);
}

/// The unit that keeps registry entries, and the region it may keep them in.
#[derive(Clone, Copy, Debug)]
pub struct Keeper<'a> {
    pub unit_id: Uuid,
    pub scope: &'a str,
}

/// Inserts entries kept by `keeper` in the open transaction `db`, unaudited: the caller audits
/// the whole (one entry, one import). Returns the rows for the index.
pub(super) async fn insert_rows(
    db: &impl ConnectionTrait,
    keeper: Keeper<'_>,
    entries: Vec<NewResource>,
    now: i64,
    demo: bool,
) -> Result<Vec<resource::Model>, ResourceError> {
    let at = crate::incidents::service::to_time(now);
    let mut rows = Vec::with_capacity(entries.len());
    for new in entries {
        if !region_covers(keeper.scope, &new.region_code) {
            return Err(ResourceError::OutsideJurisdiction);
        }
        let id = Uuid::now_v7();
        let mut row = resource::ActiveModel {
            id: Set(id),
            committed_to: Set(None),
            unit_id: Set(keeper.unit_id),
            demo: Set(demo),
            revision: Set(1),
            updated_at: Set(at),
            ..Default::default()
        };
        fill(&mut row, new);
        rows.push(row);
    }
    // In slices: every database caps the bind parameters of one statement.
    let mut stored = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(500) {
        resource::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await?;
    }
    for row in rows {
        let model = row
            .try_into_model()
            .map_err(|e| ResourceError::Corrupt(e.to_string()))?;
        stored.push(model);
    }
    Ok(stored)
}

/// Inserts entries with one audit record for them all (the form's one entry, the demo set).
pub async fn insert_all(
    db: &impl ConnectionTrait,
    by: &Recorder,
    keeper: Keeper<'_>,
    entries: Vec<NewResource>,
    now: i64,
    demo: bool,
) -> Result<Vec<resource::Model>, ResourceError> {
    let stored = insert_rows(db, keeper, entries, now, demo).await?;
    by.audit(
        db,
        "resource.create",
        format!(
            "{RECORD_KIND}:{}",
            stored.first().map_or(Uuid::nil(), |m| m.id)
        ),
        None,
        json!({ "count": stored.len(), "first": stored.first().map(snapshot) }),
    )
    .await?;
    Ok(stored)
}

/// Creates an entry, or edits one at the revision the edit started from.
pub async fn save(
    db: &DatabaseConnection,
    index: &ResourceIndex,
    by: &Recorder,
    keeper: Keeper<'_>,
    existing: Option<(Uuid, u32)>,
    new: NewResource,
    now: i64,
) -> Result<Uuid, ResourceError> {
    let txn = db.begin().await?;
    let model = match existing {
        None => {
            let mut rows = insert_all(&txn, by, keeper, vec![new], now, false).await?;
            rows.pop().ok_or(ResourceError::NotFound)?
        }
        Some((id, based_on)) => {
            let m = find(&txn, id).await?;
            let current = u32::try_from(m.revision).unwrap_or(0);
            if current != based_on {
                return Err(ResourceError::Stale { based_on, current });
            }
            if !region_covers(keeper.scope, &new.region_code) {
                return Err(ResourceError::OutsideJurisdiction);
            }
            let before = snapshot(&m);
            let mut row: resource::ActiveModel = m.into();
            fill(&mut row, new);
            row.revision = Set(i32::try_from(current + 1).unwrap_or(i32::MAX));
            row.updated_at = Set(crate::incidents::service::to_time(now));
            let model = row.update(&txn).await?;
            let target = format!("{RECORD_KIND}:{id}");
            by.audit(
                &txn,
                "resource.update",
                target,
                Some(before),
                snapshot(&model),
            )
            .await?;
            model
        }
    };
    txn.commit().await?;
    if let Some((at, data)) = indexed(&model) {
        index.put(at, data);
    }
    Ok(model.id)
}

//! Records opened to a unit beyond its jurisdiction: an upward report to the superior centre,
//! a directive to a lower one. Features share through here; the guard reads it.

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait,
    QueryFilter,
};
use uuid::Uuid;

use super::audit;
use crate::audit::Actor;
use crate::identity::entity::record_share;
use crate::identity::{RecordRef, ShareReason};

/// Opens `record` to `unit_id`, within the caller's transaction; sharing twice changes nothing.
pub async fn share_record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    node: &str,
    record: &RecordRef,
    unit_id: Uuid,
    reason: ShareReason,
) -> Result<(), DbErr> {
    if is_shared_with(db, record, unit_id).await? {
        return Ok(());
    }
    record_share::ActiveModel {
        id: Set(Uuid::now_v7()),
        record_kind: Set(record.kind.to_string()),
        record_id: Set(record.id),
        unit_id: Set(unit_id),
        reason: Set(reason.key().to_string()),
        created_at: Set(Time::now_utc()),
    }
    .insert(db)
    .await?;
    audit(
        db,
        node,
        actor,
        "identity.record_share",
        format!("{}:{}", record.kind, record.id),
        None,
        Some(serde_json::json!({ "unit_id": unit_id, "reason": reason.key() })),
    )
    .await
}

/// Whether `record` was shared with `unit_id`.
pub async fn is_shared_with(
    db: &impl ConnectionTrait,
    record: &RecordRef,
    unit_id: Uuid,
) -> Result<bool, DbErr> {
    Ok(record_share::Entity::find()
        .filter(record_share::Column::RecordKind.eq(record.kind))
        .filter(record_share::Column::RecordId.eq(record.id))
        .filter(record_share::Column::UnitId.eq(unit_id))
        .one(db)
        .await?
        .is_some())
}

//! Attachments: the row, its timeline entry and its audit record; the file itself is written
//! (and removed if this fails) by the server's files adapter.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::read::{EntryDetail, find, to_time};
use super::write::{add_entry, audit, publish, touched};
use super::{IncidentError, Recorder};
use crate::incidents::entity::attachment;
use crate::incidents::{AttachmentKind, AttachmentView, EntryKind};

/// A file already written to the files directory, to be recorded.
#[derive(Clone, Debug)]
pub struct StoredFile {
    pub id: Uuid,
    pub file_name: String,
    pub media_type: String,
    pub kind: AttachmentKind,
    pub size: u64,
    pub sha256: String,
}

fn kind_key(kind: AttachmentKind) -> &'static str {
    match kind {
        AttachmentKind::Photo => "photo",
        AttachmentKind::Video => "video",
        AttachmentKind::Document => "document",
    }
}

fn view(m: attachment::Model) -> AttachmentView {
    let kind = match m.kind.as_str() {
        "photo" => AttachmentKind::Photo,
        "video" => AttachmentKind::Video,
        _ => AttachmentKind::Document,
    };
    AttachmentView {
        id: m.id,
        file_name: m.file_name,
        media_type: m.media_type,
        kind,
        size: u64::try_from(m.size).unwrap_or(0),
        uploaded_by: m.uploaded_by,
        at: m.created_at.unix_timestamp(),
    }
}

/// Records an attachment of incident `id`.
pub async fn add_attachment(
    db: &DatabaseConnection,
    bus: &crate::live::Bus,
    by: &Recorder,
    id: Uuid,
    file: StoredFile,
    now: i64,
) -> Result<(), IncidentError> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    let at = to_time(now);
    touched(m, at).update(&txn).await?;
    attachment::ActiveModel {
        id: Set(file.id),
        incident_id: Set(id),
        file_name: Set(file.file_name.clone()),
        media_type: Set(file.media_type.clone()),
        kind: Set(kind_key(file.kind).into()),
        size: Set(i64::try_from(file.size).unwrap_or(i64::MAX)),
        sha256: Set(file.sha256.clone()),
        uploaded_by: Set(by.name.clone()),
        created_at: Set(at),
    }
    .insert(&txn)
    .await?;
    let text = file.file_name.clone();
    add_entry(
        &txn,
        by,
        id,
        EntryKind::Attachment,
        text,
        EntryDetail::default(),
        at,
    )
    .await?;
    let after = json!({
        "attachment": file.id,
        "file_name": file.file_name,
        "media_type": file.media_type,
        "size": file.size,
        "sha256": file.sha256,
    });
    audit(&txn, by, "incident.attachment", id, None, after).await?;
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(())
}

/// The attachments of an incident, oldest first.
pub async fn attachments_of(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<Vec<AttachmentView>, IncidentError> {
    Ok(attachment::Entity::find()
        .filter(attachment::Column::IncidentId.eq(id))
        .order_by_asc(attachment::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(view)
        .collect())
}

/// One attachment of incident `incident` (not found if it belongs to another).
pub async fn find_attachment(
    db: &impl ConnectionTrait,
    incident: Uuid,
    id: Uuid,
) -> Result<AttachmentView, IncidentError> {
    attachment::Entity::find_by_id(id)
        .filter(attachment::Column::IncidentId.eq(incident))
        .one(db)
        .await?
        .map(view)
        .ok_or(IncidentError::NotFound)
}

//! Writes: the first report, 续报, status, notes and receipts. Each commits its change, its
//! timeline entry and its audit record together, then publishes the new summary once.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::copies::report_up;
use super::read::{EntryDetail, facts_of, find, parse_grade, summary, summary_of, to_time};
use super::{IncidentError, RECORD_KIND, Recorder, shared_units};
use crate::identity::entity::org_unit;
use crate::identity::region_covers;
use crate::incidents::entity::{entry, incident, receipt, version};
use crate::incidents::*;
use crate::live::{Audience, Bus, LiveEvent};
use crate::site::NodeTier;

/// Whether a new report created a record or found the caller's earlier one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    Created(Uuid),
    /// The same external id was submitted before by this unit: that record.
    Existing(Uuid),
}

impl Recorded {
    pub fn id(self) -> Uuid {
        match self {
            Recorded::Created(id) | Recorded::Existing(id) => id,
        }
    }
}

pub(super) async fn audit(
    db: &impl ConnectionTrait,
    by: &Recorder,
    action: &str,
    id: Uuid,
    before: Option<serde_json::Value>,
    after: serde_json::Value,
) -> Result<(), IncidentError> {
    let target = format!("{RECORD_KIND}:{id}");
    Ok(by.audit(db, action, target, before, after).await?)
}

pub(super) async fn add_entry(
    db: &impl ConnectionTrait,
    by: &Recorder,
    id: Uuid,
    kind: EntryKind,
    text: String,
    detail: EntryDetail,
    at: Time,
) -> Result<(), IncidentError> {
    entry::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(id),
        kind: Set(kind.key().into()),
        text: Set(text),
        detail: Set(serde_json::to_string(&detail).unwrap_or_else(|_| "{}".into())),
        actor: Set(by.name.clone()),
        at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

pub(super) async fn add_version(
    db: &impl ConnectionTrait,
    by: &Recorder,
    id: Uuid,
    number: u32,
    facts: &IncidentFacts,
    changed: &[&str],
    at: Time,
) -> Result<(), IncidentError> {
    version::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(id),
        version: Set(i32::try_from(number).unwrap_or(i32::MAX)),
        grade: Set(facts.grade().key().into()),
        facts: Set(serde_json::to_string(facts).unwrap_or_default()),
        changed: Set(serde_json::to_string(changed).unwrap_or_else(|_| "[]".into())),
        actor: Set(by.name.clone()),
        created_at: Set(at),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Publishes the committed state of an incident. A failure here loses no data (the change is
/// committed); it is logged and the tabs catch up on their next load.
pub async fn publish(db: &DatabaseConnection, bus: &Bus, id: Uuid) {
    if let Err(err) = published(db, bus, id).await {
        tracing::error!(%err, %id, "incident committed but not published");
    }
}

/// Loads the committed summary, publishes it and returns it.
async fn published(
    db: &DatabaseConnection,
    bus: &Bus,
    id: Uuid,
) -> Result<IncidentSummary, IncidentError> {
    let incident = summary(db, id).await?;
    let audience = Audience {
        region: incident.region_code.clone(),
        shared_with: shared_units(db, id).await?,
    };
    bus.publish(
        audience,
        &LiveEvent::Incident {
            incident: incident.clone(),
        },
    );
    Ok(incident)
}

/// The record, marked changed: a new revision at `at`.
pub(super) fn touched(m: incident::Model, at: Time) -> incident::ActiveModel {
    let revision = m.revision.saturating_add(1);
    let mut row: incident::ActiveModel = m.into();
    row.revision = Set(revision);
    row.updated_at = Set(at);
    row
}

pub(super) fn counts(c: &Casualties) -> [i32; 5] {
    [
        c.deaths,
        c.missing,
        c.serious_injuries,
        c.minor_injuries,
        c.trapped,
    ]
    .map(|n| i32::try_from(n).unwrap_or(i32::MAX))
}

/// Records a new accident for `unit_id` (the recording unit: the reporting chain starts at its
/// tier). A repeated external id of the same unit returns the first record unchanged.
pub async fn create(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    unit_id: Uuid,
    new: NewIncident,
    now: i64,
    demo: bool,
) -> Result<Recorded, IncidentError> {
    if let Some(existing) = existing(db, unit_id, new.external_id.as_deref()).await? {
        return Ok(Recorded::Existing(existing));
    }
    let unit = org_unit::Entity::find_by_id(unit_id)
        .one(db)
        .await?
        .ok_or(IncidentError::NotFound)?;
    if !region_covers(&unit.region_code, &new.facts.region_code) {
        return Err(IncidentError::OutsideJurisdiction);
    }
    let tier = super::read::parse_tier(&unit.tier)?;
    let id = Uuid::now_v7();
    let at = to_time(now);
    let facts = &new.facts;
    let [deaths, missing, serious, minor, trapped] = counts(&facts.casualties);
    let txn = db.begin().await?;
    let inserted = incident::ActiveModel {
        id: Set(id),
        title: Set(facts.title.clone()),
        accident_type: Set(i16::from(facts.accident_type)),
        industry: Set(facts.industry.clone()),
        occurred_at: Set(to_time(facts.occurred_at)),
        received_at: Set(at),
        lon: Set(facts.lon),
        lat: Set(facts.lat),
        region_code: Set(facts.region_code.clone()),
        address: Set(facts.address.clone()),
        enterprise: Set(facts.enterprise.clone()),
        deaths: Set(deaths),
        missing: Set(missing),
        serious_injuries: Set(serious),
        minor_injuries: Set(minor),
        trapped: Set(trapped),
        direct_loss_cny: Set(i64::try_from(facts.direct_loss_cny).unwrap_or(i64::MAX)),
        hazmat: Set(facts.hazmat.clone()),
        description: Set(facts.description.clone()),
        source: Set(new.source.key().into()),
        reporter: Set(new.reporter.clone()),
        reporter_phone: Set(new.reporter_phone.clone()),
        grade: Set(facts.grade().key().into()),
        status: Set(IncidentStatus::Received.key().into()),
        version: Set(1),
        revision: Set(1),
        unit_id: Set(unit_id),
        entered_tier: Set(tier.as_str().into()),
        external_id: Set(new.external_id.clone()),
        demo: Set(demo),
        updated_at: Set(at),
        origin_node: Set(None),
        origin_name: Set(None),
    }
    .insert(&txn)
    .await;
    let inserted = match inserted {
        Ok(m) => m,
        Err(err) => {
            // Two retries of one call raced: the loser answers with the winner's record.
            if let Some(existing) = existing(db, unit_id, new.external_id.as_deref()).await? {
                return Ok(Recorded::Existing(existing));
            }
            return Err(err.into());
        }
    };
    add_version(&txn, by, id, 1, facts, &[], at).await?;
    let detail = EntryDetail {
        grade: Some(facts.grade()),
        ..EntryDetail::default()
    };
    add_entry(
        &txn,
        by,
        id,
        EntryKind::Reported,
        facts.description.clone(),
        detail,
        at,
    )
    .await?;
    audit(&txn, by, "incident.create", id, None, json!(new)).await?;
    report_up(&txn, by, &inserted, String::new(), now).await?;
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(Recorded::Created(id))
}

async fn existing(
    db: &impl ConnectionTrait,
    unit_id: Uuid,
    external_id: Option<&str>,
) -> Result<Option<Uuid>, IncidentError> {
    let Some(external_id) = external_id else {
        return Ok(None);
    };
    Ok(incident::Entity::find()
        .filter(incident::Column::UnitId.eq(unit_id))
        .filter(incident::Column::ExternalId.eq(external_id))
        .one(db)
        .await?
        .map(|m| m.id))
}

/// 续报: new figures against the version they were based on; the grade is recomputed and a
/// change of grade extends the reporting chain. A stale base is refused and changes nothing.
pub async fn follow_up(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    update: FollowUp,
    now: i64,
) -> Result<IncidentSummary, IncidentError> {
    let txn = db.begin().await?;
    let m = owned(find(&txn, id).await?)?;
    let current = u32::try_from(m.version).unwrap_or(0);
    if update.based_on != current {
        return Err(IncidentError::Stale {
            based_on: update.based_on,
            current,
        });
    }
    let before = facts_of(&m);
    let mut after = before.clone();
    after.casualties = update.casualties;
    after.direct_loss_cny = update.direct_loss_cny;
    let changed = before.changes(&after);
    let old_grade = parse_grade(&m.grade)?;
    let new_grade = after.grade();
    let number = current + 1;
    let at = to_time(now);
    let [deaths, missing, serious, minor, trapped] = counts(&after.casualties);
    let mut row = touched(m, at);
    row.deaths = Set(deaths);
    row.missing = Set(missing);
    row.serious_injuries = Set(serious);
    row.minor_injuries = Set(minor);
    row.trapped = Set(trapped);
    row.direct_loss_cny = Set(i64::try_from(after.direct_loss_cny).unwrap_or(i64::MAX));
    row.grade = Set(new_grade.key().into());
    row.version = Set(i32::try_from(number).unwrap_or(i32::MAX));
    let updated = row.update(&txn).await?;
    add_version(&txn, by, id, number, &after, &changed, at).await?;
    add_entry(
        &txn,
        by,
        id,
        EntryKind::FollowUp,
        update.note.clone(),
        EntryDetail::default(),
        at,
    )
    .await?;
    if new_grade != old_grade {
        let detail = EntryDetail {
            grade: Some(new_grade),
            ..EntryDetail::default()
        };
        add_entry(&txn, by, id, EntryKind::Regraded, String::new(), detail, at).await?;
    }
    audit(
        &txn,
        by,
        "incident.follow_up",
        id,
        Some(json!({ "version": current, "facts": before })),
        json!({ "version": number, "facts": after, "note": update.note }),
    )
    .await?;
    report_up(&txn, by, &updated, update.note, now).await?;
    txn.commit().await?;
    published(db, bus, id).await
}

/// A 续报 for a change of the scene's cameras (one registered or removed for an own incident,
/// in the caller's transaction): the facts stay, the version moves on, and the report carries
/// the cameras as they now are. Copies of other nodes' incidents are left alone (`false`).
pub async fn report_scene_video(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    id: Uuid,
    note: String,
    now: i64,
) -> Result<bool, IncidentError> {
    let m = find(txn, id).await?;
    if m.origin_node.is_some() {
        return Ok(false);
    }
    let number = u32::try_from(m.version).unwrap_or(0) + 1;
    let facts = facts_of(&m);
    let at = to_time(now);
    let mut row = touched(m, at);
    row.version = Set(i32::try_from(number).unwrap_or(i32::MAX));
    let updated = row.update(txn).await?;
    add_version(txn, by, id, number, &facts, &[], at).await?;
    let detail = EntryDetail::default();
    add_entry(txn, by, id, EntryKind::FollowUp, note.clone(), detail, at).await?;
    let after = json!({ "version": number, "note": note });
    audit(txn, by, "incident.scene_video", id, None, after).await?;
    report_up(txn, by, &updated, note, now).await?;
    Ok(true)
}

/// Moves an incident forward in its lifecycle.
pub async fn set_status(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    status: IncidentStatus,
    now: i64,
) -> Result<(), IncidentError> {
    let txn = db.begin().await?;
    let m = owned(find(&txn, id).await?)?;
    let from = IncidentStatus::parse(&m.status).unwrap_or(IncidentStatus::Received);
    if status <= from {
        return Err(IncidentError::StatusBackwards);
    }
    let at = to_time(now);
    let mut row = touched(m, at);
    row.status = Set(status.key().into());
    row.update(&txn).await?;
    let detail = EntryDetail {
        status: Some(status),
        ..EntryDetail::default()
    };
    add_entry(&txn, by, id, EntryKind::Status, String::new(), detail, at).await?;
    let (before, after) = (json!({ "status": from }), json!({ "status": status }));
    audit(&txn, by, "incident.status", id, Some(before), after).await?;
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(())
}

/// 跟踪反馈: a note on the timeline.
pub async fn add_note(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    text: String,
    now: i64,
) -> Result<(), IncidentError> {
    let audit = json!({ "text": text });
    let entry = (EntryKind::Note, text, EntryDetail::default());
    add_published(db, bus, by, id, entry, ("incident.note", audit), now).await
}

/// 后果研判: an assessment of threat zones on the timeline.
pub async fn add_assessment(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    mark: crate::decision::AssessmentMark,
    now: i64,
) -> Result<(), IncidentError> {
    let audit = serde_json::to_value(&mark).unwrap_or_default();
    let detail = EntryDetail {
        assessment: Some(mark),
        ..EntryDetail::default()
    };
    let entry = (EntryKind::Assessment, String::new(), detail);
    add_published(db, bus, by, id, entry, ("incident.assessment", audit), now).await
}

/// One timeline entry in its own transaction, audited, then published.
async fn add_published(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    (kind, text, detail): (EntryKind, String, EntryDetail),
    (action, after): (&str, serde_json::Value),
    now: i64,
) -> Result<(), IncidentError> {
    let txn = db.begin().await?;
    let m = find(&txn, id).await?;
    let at = to_time(now);
    touched(m, at).update(&txn).await?;
    add_entry(&txn, by, id, kind, text, detail, at).await?;
    audit(&txn, by, action, id, None, after).await?;
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(())
}

/// Records that `tier` has received the report (a duty officer's acknowledgement on the
/// record; between nodes the exchange writes it). Only a tier of the chain that has not yet
/// received may.
pub async fn record_receipt(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    tier: NodeTier,
    now: i64,
) -> Result<(), IncidentError> {
    let txn = db.begin().await?;
    let m = owned(find(&txn, id).await?)?;
    if !add_receipt(&txn, by, m, tier, now).await? {
        return Err(IncidentError::ReceiptNotDue);
    }
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(())
}

/// Adds the receipt of `tier` at `now` inside the caller's transaction, if that tier is due to
/// receive; `false` (and nothing written) if it is not in the chain or already received.
pub async fn add_receipt(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    m: incident::Model,
    tier: NodeTier,
    now: i64,
) -> Result<bool, IncidentError> {
    let id = m.id;
    let existing: Vec<(NodeTier, i64)> = receipt::Entity::find()
        .filter(receipt::Column::IncidentId.eq(id))
        .all(txn)
        .await?
        .into_iter()
        .filter_map(|r| Some((r.tier.parse().ok()?, r.received_at.unix_timestamp())))
        .collect();
    let due = summary_of(&m, &existing)?
        .duties
        .iter()
        .any(|d| d.to == tier && d.received.is_none());
    if !due {
        return Ok(false);
    }
    let at = to_time(now);
    touched(m, at).update(txn).await?;
    receipt::ActiveModel {
        id: Set(Uuid::now_v7()),
        incident_id: Set(id),
        tier: Set(tier.as_str().into()),
        received_at: Set(at),
        actor: Set(by.name.clone()),
    }
    .insert(txn)
    .await?;
    let detail = EntryDetail {
        tier: Some(tier),
        ..EntryDetail::default()
    };
    add_entry(txn, by, id, EntryKind::Receipt, String::new(), detail, at).await?;
    audit(
        txn,
        by,
        "incident.receipt",
        id,
        None,
        json!({ "tier": tier }),
    )
    .await?;
    Ok(true)
}

/// The record, if this node owns it: copies received from lower tiers change only at their
/// origin.
fn owned(m: incident::Model) -> Result<incident::Model, IncidentError> {
    match m.origin_node {
        None => Ok(m),
        Some(_) => Err(IncidentError::NotOwned),
    }
}

/// A timeline entry written by another feature inside its own transaction (a dispatch moving
/// on): the incident gets a new revision with it. The caller publishes after its commit.
pub async fn append_entry(
    db: &impl ConnectionTrait,
    by: &Recorder,
    m: incident::Model,
    kind: EntryKind,
    detail: EntryDetail,
    at: Time,
) -> Result<(), IncidentError> {
    let id = m.id;
    touched(m, at).update(db).await?;
    add_entry(db, by, id, kind, String::new(), detail, at).await
}

//! Incidents between tiers: the report this node owes upward after each change of its own
//! record, and the copies it keeps of what lower tiers reported (marked with their origin,
//! changed only by new versions from that origin).

use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use super::read::{facts_of, parse_grade, parse_tier, to_time};
use super::write::{add_entry, add_version, counts, touched};
use super::{EntryDetail, IncidentError, Recorder};
use crate::exchange::{IncidentReport, Payload, SceneCamera, Scope, outbox};
use crate::incidents::entity::incident;
use crate::incidents::{EntryKind, IncidentSource, IncidentStatus, highest_recipient};

/// The report of an own record as it stands, with the cameras registered for its scene.
pub fn report_of(
    m: &incident::Model,
    note: String,
    scene_video: Vec<SceneCamera>,
) -> Result<IncidentReport, IncidentError> {
    Ok(IncidentReport {
        incident: m.id,
        version: u32::try_from(m.version).unwrap_or(1),
        facts: facts_of(m),
        grade: parse_grade(&m.grade)?,
        status: IncidentStatus::parse(&m.status).unwrap_or(IncidentStatus::Received),
        source: IncidentSource::parse(&m.source).unwrap_or(IncidentSource::Phone),
        entered_tier: parse_tier(&m.entered_tier)?,
        entered_at: m.received_at.unix_timestamp(),
        note,
        scene_video,
    })
}

/// Queues the report of an own record's new version in the caller's transaction. It travels as
/// far up as its grade requires; the relay holds back what no tier above this node needs.
pub(super) async fn report_up(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    m: &incident::Model,
    note: String,
    now: i64,
) -> Result<(), IncidentError> {
    let cameras = crate::cameras::scene_video::of_incident(txn, m.id).await?;
    let report = report_of(m, note, cameras)?;
    let reach = highest_recipient(report.grade);
    let payload = Payload::Report(Box::new(report));
    outbox::send(
        txn,
        &by.node,
        Scope::Up,
        Some(m.id),
        &payload,
        Some(reach),
        now,
    )
    .await?;
    Ok(())
}

/// What a received report did to this node's records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    /// First heard of: a new copy.
    Created,
    /// A newer version: the copy follows it.
    Updated,
    /// A version the copy already has (or an older one): nothing changes.
    Unchanged,
    /// The id is one of this node's own records: a copy never overwrites an original.
    OwnRecord,
}

/// Applies a lower tier's report to the copy kept here, inside the caller's transaction.
/// `origin` is the reporting node (id, name); `unit_id` the unit the copy is filed under.
pub async fn apply_copy(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    report: &IncidentReport,
    origin: (&str, &str),
    unit_id: Uuid,
    now: i64,
) -> Result<CopyOutcome, IncidentError> {
    let at = to_time(now);
    let existing = incident::Entity::find_by_id(report.incident)
        .one(txn)
        .await?;
    let number = i32::try_from(report.version).unwrap_or(i32::MAX);
    let (mut row, outcome, old_grade) = match existing {
        Some(m) if m.origin_node.is_none() => return Ok(CopyOutcome::OwnRecord),
        Some(m) if m.version >= number => return Ok(CopyOutcome::Unchanged),
        Some(m) => {
            let old_grade = parse_grade(&m.grade)?;
            (touched(m, at), CopyOutcome::Updated, Some(old_grade))
        }
        None => {
            let row = incident::ActiveModel {
                id: Set(report.incident),
                source: Set(IncidentSource::LowerTier.key().into()),
                reporter: Set(origin.1.to_string()),
                reporter_phone: Set(String::new()),
                revision: Set(1),
                unit_id: Set(unit_id),
                external_id: Set(None),
                demo: Set(false),
                updated_at: Set(at),
                origin_node: Set(Some(origin.0.to_string())),
                origin_name: Set(Some(origin.1.to_string())),
                ..Default::default()
            };
            (row, CopyOutcome::Created, None)
        }
    };
    let facts = &report.facts;
    let [deaths, missing, serious, minor, trapped] = counts(&facts.casualties);
    row.title = Set(facts.title.clone());
    row.accident_type = Set(i16::from(facts.accident_type));
    row.industry = Set(facts.industry.clone());
    row.occurred_at = Set(to_time(facts.occurred_at));
    // The reporting clock runs from where and when the accident was first recorded.
    row.received_at = Set(to_time(report.entered_at));
    row.entered_tier = Set(report.entered_tier.as_str().into());
    row.lon = Set(facts.lon);
    row.lat = Set(facts.lat);
    row.region_code = Set(facts.region_code.clone());
    row.address = Set(facts.address.clone());
    row.enterprise = Set(facts.enterprise.clone());
    row.deaths = Set(deaths);
    row.missing = Set(missing);
    row.serious_injuries = Set(serious);
    row.minor_injuries = Set(minor);
    row.trapped = Set(trapped);
    row.direct_loss_cny = Set(i64::try_from(facts.direct_loss_cny).unwrap_or(i64::MAX));
    row.hazmat = Set(facts.hazmat.clone());
    row.description = Set(facts.description.clone());
    row.grade = Set(report.grade.key().into());
    row.status = Set(report.status.key().into());
    row.version = Set(number);
    if outcome == CopyOutcome::Created {
        row.insert(txn).await?;
    } else {
        row.update(txn).await?;
    }
    let id = report.incident;
    let scene = &report.scene_video;
    crate::cameras::scene_video::keep_copies(txn, id, &facts.region_code, origin, scene).await?;
    add_version(txn, by, id, report.version, facts, &[], at).await?;
    let kind = if outcome == CopyOutcome::Created {
        EntryKind::Reported
    } else {
        EntryKind::FollowUp
    };
    let detail = EntryDetail {
        grade: (outcome == CopyOutcome::Created).then_some(report.grade),
        ..EntryDetail::default()
    };
    add_entry(txn, by, id, kind, report.note.clone(), detail, at).await?;
    if old_grade.is_some_and(|g| g != report.grade) {
        let detail = EntryDetail {
            grade: Some(report.grade),
            ..EntryDetail::default()
        };
        add_entry(txn, by, id, EntryKind::Regraded, String::new(), detail, at).await?;
    }
    let action = if outcome == CopyOutcome::Created {
        "incident.copy"
    } else {
        "incident.copy_update"
    };
    super::write::audit(
        txn,
        by,
        action,
        id,
        None,
        serde_json::json!({ "origin": origin.0, "version": report.version }),
    )
    .await?;
    Ok(outcome)
}

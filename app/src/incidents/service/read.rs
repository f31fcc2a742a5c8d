//! Reads: summaries for boards and the map, the full record for its page, today's counts.

use std::collections::HashMap;

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use super::IncidentError;
use crate::identity::entity::{org_unit, record_share};
use crate::identity::{RecordRef, region_prefix};
use crate::incidents::entity::{entry, incident, receipt, version};
use crate::incidents::*;
use crate::site::NodeTier;

pub const RECORD_KIND: &str = "incident";

pub fn to_time(unix: i64) -> Time {
    Time::from_unix_timestamp(unix).unwrap_or(Time::UNIX_EPOCH)
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

fn corrupt(what: &str, value: &str) -> IncidentError {
    IncidentError::Corrupt(format!("{what} `{value}`"))
}

pub(super) fn parse_grade(key: &str) -> Result<Grade, IncidentError> {
    Grade::ALL
        .into_iter()
        .find(|g| g.key() == key)
        .ok_or_else(|| corrupt("grade", key))
}

pub(super) fn parse_tier(key: &str) -> Result<NodeTier, IncidentError> {
    key.parse().map_err(|_| corrupt("tier", key))
}

pub(super) fn facts_of(m: &incident::Model) -> IncidentFacts {
    IncidentFacts {
        title: m.title.clone(),
        accident_type: u8::try_from(m.accident_type).unwrap_or(0),
        industry: m.industry.clone(),
        occurred_at: m.occurred_at.unix_timestamp(),
        lon: m.lon,
        lat: m.lat,
        region_code: m.region_code.clone(),
        address: m.address.clone(),
        enterprise: m.enterprise.clone(),
        casualties: Casualties {
            deaths: count(m.deaths),
            missing: count(m.missing),
            serious_injuries: count(m.serious_injuries),
            minor_injuries: count(m.minor_injuries),
            trapped: count(m.trapped),
        },
        direct_loss_cny: u64::try_from(m.direct_loss_cny).unwrap_or(0),
        hazmat: m.hazmat.clone(),
        description: m.description.clone(),
    }
}

pub(super) fn summary_of(
    m: &incident::Model,
    receipts: &[(NodeTier, i64)],
) -> Result<IncidentSummary, IncidentError> {
    let grade = parse_grade(&m.grade)?;
    let status = IncidentStatus::parse(&m.status).ok_or_else(|| corrupt("status", &m.status))?;
    let entered = (parse_tier(&m.entered_tier)?, m.received_at.unix_timestamp());
    let occurred_at = m.occurred_at.unix_timestamp();
    Ok(IncidentSummary {
        id: m.id,
        title: m.title.clone(),
        accident_type: u8::try_from(m.accident_type).unwrap_or(0),
        industry: m.industry.clone(),
        grade,
        status,
        occurred_at,
        received_at: m.received_at.unix_timestamp(),
        region_code: m.region_code.clone(),
        lon: m.lon,
        lat: m.lat,
        casualties: facts_of(m).casualties,
        duties: reporting_duties(grade, occurred_at, entered, receipts),
        version: u32::try_from(m.version).unwrap_or(1),
        revision: u32::try_from(m.revision).unwrap_or(0),
        demo: m.demo,
        origin: m.origin_name.clone(),
    })
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<incident::Model, IncidentError> {
    incident::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(IncidentError::NotFound)
}

async fn receipts_of(
    db: &impl ConnectionTrait,
    ids: Vec<Uuid>,
) -> Result<HashMap<Uuid, Vec<(NodeTier, i64)>>, IncidentError> {
    let mut by_incident: HashMap<Uuid, Vec<(NodeTier, i64)>> = HashMap::new();
    // Chunked: SQLite caps the number of bound parameters.
    for chunk in ids.chunks(500) {
        let rows = receipt::Entity::find()
            .filter(receipt::Column::IncidentId.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        for r in rows {
            let tier = parse_tier(&r.tier)?;
            by_incident
                .entry(r.incident_id)
                .or_default()
                .push((tier, r.received_at.unix_timestamp()));
        }
    }
    Ok(by_incident)
}

/// The summary of one incident, as the bus publishes it.
pub async fn summary(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<IncidentSummary, IncidentError> {
    let m = find(db, id).await?;
    let receipts = receipts_of(db, vec![id]).await?;
    summary_of(&m, receipts.get(&id).map_or(&[], Vec::as_slice))
}

/// What the guard needs to decide on an incident.
pub async fn record_ref(db: &impl ConnectionTrait, id: Uuid) -> Result<RecordRef, IncidentError> {
    Ok(record_of(&find(db, id).await?))
}

/// [`record_ref`] of an incident already read.
pub fn record_of(m: &incident::Model) -> RecordRef {
    RecordRef {
        kind: RECORD_KIND,
        id: m.id,
        region: m.region_code.clone(),
    }
}

/// The units an incident was shared with (beyond the jurisdiction that covers it).
pub async fn shared_units(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<Uuid>, IncidentError> {
    Ok(record_share::Entity::find()
        .filter(record_share::Column::RecordKind.eq(RECORD_KIND))
        .filter(record_share::Column::RecordId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.unit_id)
        .collect())
}

/// Incidents within the region `scope`, or shared with `unit_id`.
async fn visible_to(
    db: &impl ConnectionTrait,
    scope: &str,
    unit_id: Uuid,
) -> Result<Condition, IncidentError> {
    let shared: Vec<Uuid> = record_share::Entity::find()
        .filter(record_share::Column::RecordKind.eq(RECORD_KIND))
        .filter(record_share::Column::UnitId.eq(unit_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.record_id)
        .collect();
    let mut visible = Condition::any();
    if let Some(prefix) = region_prefix(scope) {
        visible = visible.add(incident::Column::RegionCode.starts_with(prefix));
    }
    if !shared.is_empty() {
        visible = visible.add(incident::Column::Id.is_in(shared));
    }
    Ok(visible)
}

fn open_statuses() -> Vec<&'static str> {
    IncidentStatus::ALL
        .into_iter()
        .filter(|s| s.is_active())
        .map(IncidentStatus::key)
        .collect()
}

/// Active incidents (not 结束) a unit may see, newest first, at most `limit`.
pub async fn list_active(
    db: &impl ConnectionTrait,
    scope: &str,
    unit_id: Uuid,
    limit: u64,
) -> Result<Vec<IncidentSummary>, IncidentError> {
    let rows = incident::Entity::find()
        .filter(visible_to(db, scope, unit_id).await?)
        // Listed rather than "not closed", so the (status, received_at) index serves it.
        .filter(incident::Column::Status.is_in(open_statuses()))
        .order_by_desc(incident::Column::ReceivedAt)
        .limit(limit)
        .all(db)
        .await?;
    let receipts = receipts_of(db, rows.iter().map(|m| m.id).collect()).await?;
    rows.iter()
        .map(|m| summary_of(m, receipts.get(&m.id).map_or(&[], Vec::as_slice)))
        .collect()
}

/// Incidents received since `since` (Unix seconds) that a unit may see, for today's counts.
pub async fn received_since(
    db: &impl ConnectionTrait,
    scope: &str,
    unit_id: Uuid,
    since: i64,
) -> Result<Vec<Received>, IncidentError> {
    Ok(incident::Entity::find()
        .filter(visible_to(db, scope, unit_id).await?)
        .filter(incident::Column::ReceivedAt.gte(to_time(since)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| Received {
            id: m.id,
            deaths: count(m.deaths),
        })
        .collect())
}

/// The whole record for its page.
pub async fn detail(db: &impl ConnectionTrait, id: Uuid) -> Result<IncidentDetail, IncidentError> {
    let m = find(db, id).await?;
    let summary = summary(db, id).await?;
    let unit_name = org_unit::Entity::find_by_id(m.unit_id)
        .one(db)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let versions = version::Entity::find()
        .filter(version::Column::IncidentId.eq(id))
        .order_by_asc(version::Column::Version)
        .all(db)
        .await?
        .into_iter()
        .map(|v| {
            Ok(IncidentVersion {
                version: u32::try_from(v.version).unwrap_or(0),
                grade: parse_grade(&v.grade)?,
                facts: serde_json::from_str(&v.facts)
                    .map_err(|e| corrupt("facts", &e.to_string()))?,
                changed: serde_json::from_str(&v.changed).unwrap_or_default(),
                actor: v.actor,
                at: v.created_at.unix_timestamp(),
            })
        })
        .collect::<Result<Vec<_>, IncidentError>>()?;
    let timeline = entry::Entity::find()
        .filter(entry::Column::IncidentId.eq(id))
        .order_by_asc(entry::Column::At)
        .order_by_asc(entry::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|e| {
            let kind = EntryKind::parse(&e.kind).ok_or_else(|| corrupt("entry", &e.kind))?;
            let detail: EntryDetail = serde_json::from_str(&e.detail).unwrap_or_default();
            Ok(TimelineEntry {
                at: e.at.unix_timestamp(),
                kind,
                actor: e.actor,
                text: e.text,
                status: detail.status,
                grade: detail.grade,
                tier: detail.tier,
                dispatch: detail.dispatch,
                assessment: detail.assessment,
            })
        })
        .collect::<Result<Vec<_>, IncidentError>>()?;
    Ok(IncidentDetail {
        summary,
        facts: facts_of(&m),
        source: IncidentSource::parse(&m.source).ok_or_else(|| corrupt("source", &m.source))?,
        reporter: m.reporter,
        reporter_phone: m.reporter_phone,
        unit_name,
        entered_tier: parse_tier(&m.entered_tier)?,
        versions,
        timeline,
        attachments: super::attachments_of(db, id).await?,
    })
}

/// The structured part of a timeline entry, stored as JSON.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct EntryDetail {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<IncidentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<NodeTier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch: Option<crate::dispatch::DispatchMark>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<crate::decision::AssessmentMark>,
}

//! Reads: dispatch rows as cards, for one incident, for a jurisdiction's board, one by id.

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::DispatchError;
use crate::dispatch::entity::dispatch;
use crate::dispatch::{DispatchCard, DispatchStatus};
use crate::identity::RecordRef;
use crate::incidents::entity::incident;
use crate::resources::ResourceKind;
use crate::resources::entity::resource;

/// How long a withdrawn dispatch stays on the global board, seconds.
pub const WITHDRAWN_SHOWN_FOR: i64 = 24 * 3600;

fn unix(t: &sea_orm::prelude::TimeDateTimeWithTimeZone) -> i64 {
    t.unix_timestamp()
}

pub(super) fn card(
    d: &dispatch::Model,
    i: &incident::Model,
    r: &resource::Model,
) -> Result<DispatchCard, DispatchError> {
    let corrupt = |what: &str| DispatchError::Corrupt(format!("{what} of {}", d.id));
    Ok(DispatchCard {
        id: d.id,
        incident_id: i.id,
        incident_title: i.title.clone(),
        region_code: i.region_code.clone(),
        resource_id: r.id,
        resource_name: r.name.clone(),
        resource_kind: ResourceKind::parse(&r.kind).ok_or_else(|| corrupt("kind"))?,
        contact_phone: r.contact_phone.clone(),
        status: DispatchStatus::parse(&d.status).ok_or_else(|| corrupt("status"))?,
        quantity: d.quantity,
        unit: r.unit.clone(),
        distance_km: d.distance_km,
        eta_minutes: d.eta_minutes,
        dispatched_at: unix(&d.dispatched_at),
        departed_at: d.departed_at.as_ref().map(unix),
        arrived_at: d.arrived_at.as_ref().map(unix),
        working_at: d.working_at.as_ref().map(unix),
        withdrawn_at: d.withdrawn_at.as_ref().map(unix),
        position: match (d.lon, d.lat, &d.position_at) {
            (Some(lon), Some(lat), Some(at)) => Some((lon, lat, unix(at))),
            _ => None,
        },
        actor: d.actor.clone(),
        revision: u32::try_from(d.revision).unwrap_or(0),
        demo: i.demo || r.demo,
    })
}

/// Cards for dispatch rows, with their incidents and resources loaded in two queries.
async fn cards(
    db: &impl ConnectionTrait,
    rows: Vec<dispatch::Model>,
) -> Result<Vec<DispatchCard>, DispatchError> {
    let incident_ids: Vec<Uuid> = rows.iter().map(|d| d.incident_id).collect();
    let resource_ids: Vec<Uuid> = rows.iter().map(|d| d.resource_id).collect();
    let incidents: HashMap<Uuid, incident::Model> = incident::Entity::find()
        .filter(incident::Column::Id.is_in(incident_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let resources: HashMap<Uuid, resource::Model> = resource::Entity::find()
        .filter(resource::Column::Id.is_in(resource_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    rows.iter()
        .map(|d| {
            let i = incidents
                .get(&d.incident_id)
                .ok_or(DispatchError::NotFound)?;
            let r = resources
                .get(&d.resource_id)
                .ok_or(DispatchError::NotFound)?;
            card(d, i, r)
        })
        .collect()
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<dispatch::Model, DispatchError> {
    dispatch::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(DispatchError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<DispatchCard, DispatchError> {
    let row = find(db, id).await?;
    cards(db, vec![row])
        .await?
        .pop()
        .ok_or(DispatchError::NotFound)
}

/// The incident a dispatch belongs to, for the jurisdiction check.
pub async fn record_ref(db: &impl ConnectionTrait, id: Uuid) -> Result<RecordRef, DispatchError> {
    let row = find(db, id).await?;
    Ok(crate::incidents::service::record_ref(db, row.incident_id).await?)
}

/// Every dispatch of one incident, in order.
pub async fn of_incident(
    db: &impl ConnectionTrait,
    incident_id: Uuid,
) -> Result<Vec<DispatchCard>, DispatchError> {
    let rows = dispatch::Entity::find()
        .filter(dispatch::Column::IncidentId.eq(incident_id))
        .order_by_asc(dispatch::Column::DispatchedAt)
        .all(db)
        .await?;
    cards(db, rows).await
}

/// The board of a jurisdiction (region prefix): every active dispatch and those withdrawn in
/// the last day.
pub async fn board(
    db: &impl ConnectionTrait,
    prefix: &str,
    now: i64,
) -> Result<Vec<DispatchCard>, DispatchError> {
    let since = crate::incidents::service::to_time(now - WITHDRAWN_SHOWN_FOR);
    // Only the jurisdiction's incidents, chosen in the database.
    let within = Query::select()
        .column(incident::Column::Id)
        .from(incident::Entity)
        .and_where(incident::Column::RegionCode.starts_with(prefix))
        .to_owned();
    let rows = dispatch::Entity::find()
        .filter(dispatch::Column::IncidentId.in_subquery(within))
        .filter(
            Condition::any()
                .add(dispatch::Column::Status.ne(DispatchStatus::Withdrawn.key()))
                .add(dispatch::Column::WithdrawnAt.gte(since)),
        )
        .order_by_asc(dispatch::Column::DispatchedAt)
        .all(db)
        .await?;
    cards(db, rows).await
}

//! Writes: an order for several resources at once, each step of a dispatch, a position from
//! the field. Claims are conditional updates, so a team is never sent to two places even when
//! two commanders click at once.

use sea_orm::ActiveValue::Set;
use sea_orm::prelude::Expr;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

use super::DispatchError;
use super::read::{card, find};
use crate::dispatch::entity::dispatch;
use crate::dispatch::{DispatchMark, DispatchStatus, Order};
use crate::identity::region_covers;
use crate::incidents::entity::incident;
use crate::incidents::service::{EntryDetail, Recorder, append_entry, to_time};
use crate::incidents::{EntryKind, IncidentStatus};
use crate::live::{Audience, Bus, LiveEvent};
use crate::resources::entity::resource;
use crate::resources::index::ResourceIndex;
use crate::resources::service::indexed;
use crate::resources::{Availability, ResourceKind, eta_minutes, format_quantity, great_circle_km};

async fn audit(
    db: &impl ConnectionTrait,
    by: &Recorder,
    action: &str,
    id: Uuid,
    after: serde_json::Value,
) -> Result<(), DispatchError> {
    Ok(by
        .audit(db, action, format!("dispatch:{id}"), None, after)
        .await?)
}

fn mark(r: &resource::Model, status: DispatchStatus) -> Result<DispatchMark, DispatchError> {
    Ok(DispatchMark {
        resource: r.name.clone(),
        kind: ResourceKind::parse(&r.kind)
            .ok_or_else(|| DispatchError::Corrupt(format!("kind of {}", r.id)))?,
        status,
        eta_minutes: None,
        quantity: None,
    })
}

async fn timeline(
    db: &impl ConnectionTrait,
    by: &Recorder,
    incident_id: Uuid,
    mark: DispatchMark,
    at: sea_orm::prelude::TimeDateTimeWithTimeZone,
) -> Result<(), DispatchError> {
    let m = crate::incidents::service::find(db, incident_id).await?;
    let detail = EntryDetail {
        dispatch: Some(mark),
        ..EntryDetail::default()
    };
    append_entry(db, by, m, EntryKind::Dispatch, detail, at).await?;
    Ok(())
}

/// Claims one resource for a new dispatch: whole (kinds committed to one incident at a time)
/// or by quantity (stock). Returns the quantity sent.
async fn claim(
    db: &impl ConnectionTrait,
    r: &resource::Model,
    kind: ResourceKind,
    dispatch_id: Uuid,
    quantity: f64,
) -> Result<f64, DispatchError> {
    let ready = resource::Column::Availability.eq(Availability::Ready.key());
    if kind.by_quantity() {
        let stock = || DispatchError::NotEnoughStock {
            name: r.name.clone(),
            have: format!("{}{}", format_quantity(r.quantity), r.unit),
        };
        if quantity.is_nan() || quantity <= 0.0 || quantity > r.quantity {
            return Err(stock());
        }
        let taken = resource::Entity::update_many()
            .col_expr(
                resource::Column::Quantity,
                Expr::col(resource::Column::Quantity).sub(quantity),
            )
            .col_expr(
                resource::Column::Revision,
                Expr::col(resource::Column::Revision).add(1),
            )
            .filter(resource::Column::Id.eq(r.id))
            .filter(resource::Column::Quantity.gte(quantity))
            .filter(ready)
            .exec(db)
            .await?;
        if taken.rows_affected == 0 {
            return Err(stock());
        }
        Ok(quantity)
    } else {
        let taken = resource::Entity::update_many()
            .col_expr(resource::Column::CommittedTo, Expr::value(dispatch_id))
            .filter(resource::Column::Id.eq(r.id))
            .filter(resource::Column::CommittedTo.is_null())
            .filter(ready)
            .exec(db)
            .await?;
        if taken.rows_affected == 0 {
            return Err(DispatchError::Committed(r.name.clone()));
        }
        Ok(0.0)
    }
}

/// 调派: sends every resource of `orders` to the incident, all or none. Each resource must be
/// within `scope` (the commander's jurisdiction), ready, and not held elsewhere.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    db: &DatabaseConnection,
    bus: &Bus,
    index: &ResourceIndex,
    by: &Recorder,
    scope: &str,
    incident_id: Uuid,
    orders: &[Order],
    now: i64,
) -> Result<Vec<Uuid>, DispatchError> {
    if orders.is_empty() {
        return Err(DispatchError::NothingChosen);
    }
    let at = to_time(now);
    let txn = db.begin().await?;
    let scene = crate::incidents::service::find(&txn, incident_id).await?;
    if IncidentStatus::parse(&scene.status) == Some(IncidentStatus::Closed) {
        return Err(DispatchError::IncidentClosed);
    }
    let mut ids = Vec::with_capacity(orders.len());
    for order in orders {
        let r = resource::Entity::find_by_id(order.resource)
            .one(&txn)
            .await?
            .filter(|r| region_covers(scope, &r.region_code))
            .ok_or(DispatchError::NotFound)?;
        let kind = ResourceKind::parse(&r.kind)
            .ok_or_else(|| DispatchError::Corrupt(format!("kind of {}", r.id)))?;
        if !kind.dispatchable() {
            return Err(DispatchError::NotDispatchable(r.name.clone()));
        }
        let id = Uuid::now_v7();
        let quantity = claim(&txn, &r, kind, id, order.quantity).await?;
        let distance_km = great_circle_km((r.lon, r.lat), (scene.lon, scene.lat));
        let eta = eta_minutes(kind, distance_km);
        dispatch::ActiveModel {
            id: Set(id),
            incident_id: Set(incident_id),
            resource_id: Set(r.id),
            status: Set(DispatchStatus::Dispatched.key().into()),
            quantity: Set(quantity),
            distance_km: Set(distance_km),
            eta_minutes: Set(eta),
            dispatched_at: Set(at),
            departed_at: Set(None),
            arrived_at: Set(None),
            working_at: Set(None),
            withdrawn_at: Set(None),
            lon: Set(None),
            lat: Set(None),
            position_at: Set(None),
            note: Set(String::new()),
            actor: Set(by.name.clone()),
            revision: Set(1),
            updated_at: Set(at),
        }
        .insert(&txn)
        .await?;
        let mark = DispatchMark {
            eta_minutes: Some(eta.round() as u32),
            quantity: kind
                .by_quantity()
                .then(|| format!("{}{}", format_quantity(quantity), r.unit)),
            ..mark(&r, DispatchStatus::Dispatched)?
        };
        timeline(&txn, by, incident_id, mark, at).await?;
        let after = json!({
            "incident": incident_id, "resource": r.id, "quantity": quantity,
            "distance_km": distance_km, "eta_minutes": eta,
        });
        audit(&txn, by, "dispatch.create", id, after).await?;
        ids.push(id);
    }
    txn.commit().await?;
    for order in orders {
        reindex(db, index, order.resource).await;
    }
    for id in &ids {
        publish(db, bus, *id).await;
    }
    crate::incidents::service::publish(db, bus, incident_id).await;
    Ok(ids)
}

/// Moves a dispatch on; withdrawing releases the resource for the next call.
pub async fn advance(
    db: &DatabaseConnection,
    bus: &Bus,
    index: &ResourceIndex,
    by: &Recorder,
    id: Uuid,
    next: DispatchStatus,
    now: i64,
) -> Result<(), DispatchError> {
    let at = to_time(now);
    let txn = db.begin().await?;
    let d = find(&txn, id).await?;
    let current = DispatchStatus::parse(&d.status)
        .ok_or_else(|| DispatchError::Corrupt(format!("status of {id}")))?;
    if !current.can_move_to(next) {
        return Err(DispatchError::Backwards);
    }
    let (incident_id, resource_id) = (d.incident_id, d.resource_id);
    let revision = d.revision.saturating_add(1);
    let mut row: dispatch::ActiveModel = d.into();
    row.status = Set(next.key().into());
    let column = match next {
        DispatchStatus::Departed => &mut row.departed_at,
        DispatchStatus::Arrived => &mut row.arrived_at,
        DispatchStatus::Working => &mut row.working_at,
        DispatchStatus::Withdrawn | DispatchStatus::Dispatched => &mut row.withdrawn_at,
    };
    *column = Set(Some(at));
    row.revision = Set(revision);
    row.updated_at = Set(at);
    row.update(&txn).await?;
    if next == DispatchStatus::Withdrawn {
        resource::Entity::update_many()
            .col_expr(
                resource::Column::CommittedTo,
                Expr::value(Option::<Uuid>::None),
            )
            .filter(resource::Column::Id.eq(resource_id))
            .filter(resource::Column::CommittedTo.eq(id))
            .exec(&txn)
            .await?;
    }
    let r = resource::Entity::find_by_id(resource_id)
        .one(&txn)
        .await?
        .ok_or(DispatchError::NotFound)?;
    timeline(&txn, by, incident_id, mark(&r, next)?, at).await?;
    audit(
        &txn,
        by,
        "dispatch.status",
        id,
        json!({ "status": next.key() }),
    )
    .await?;
    txn.commit().await?;
    reindex(db, index, resource_id).await;
    publish(db, bus, id).await;
    crate::incidents::service::publish(db, bus, incident_id).await;
    Ok(())
}

/// A position reported from the field (the tablet's location, or typed).
pub async fn report_position(
    db: &DatabaseConnection,
    bus: &Bus,
    by: &Recorder,
    id: Uuid,
    (lon, lat): (f64, f64),
    now: i64,
) -> Result<(), DispatchError> {
    let at = to_time(now);
    let txn = db.begin().await?;
    let d = find(&txn, id).await?;
    let revision = d.revision.saturating_add(1);
    let mut row: dispatch::ActiveModel = d.into();
    row.lon = Set(Some(lon));
    row.lat = Set(Some(lat));
    row.position_at = Set(Some(at));
    row.revision = Set(revision);
    row.updated_at = Set(at);
    row.update(&txn).await?;
    audit(
        &txn,
        by,
        "dispatch.position",
        id,
        json!({ "lon": lon, "lat": lat }),
    )
    .await?;
    txn.commit().await?;
    publish(db, bus, id).await;
    Ok(())
}

/// Brings the index's view of one resource up to date after a commit.
async fn reindex(db: &DatabaseConnection, index: &ResourceIndex, id: Uuid) {
    match resource::Entity::find_by_id(id).one(db).await {
        Ok(Some(m)) => {
            if let Some((at, data)) = indexed(&m) {
                index.put(at, data);
            }
        }
        Ok(None) => {}
        Err(err) => tracing::error!(%err, %id, "resource committed but not re-indexed"),
    }
}

/// Publishes a dispatch's committed state to the incident's audience. A failure loses no data.
pub async fn publish(db: &DatabaseConnection, bus: &Bus, id: Uuid) {
    let published = async {
        let d = find(db, id).await?;
        let i = incident::Entity::find_by_id(d.incident_id)
            .one(db)
            .await?
            .ok_or(DispatchError::NotFound)?;
        let r = resource::Entity::find_by_id(d.resource_id)
            .one(db)
            .await?
            .ok_or(DispatchError::NotFound)?;
        let shared_with = crate::incidents::service::shared_units(db, i.id).await?;
        let dispatch = card(&d, &i, &r)?;
        let audience = Audience {
            region: dispatch.region_code.clone(),
            shared_with,
        };
        bus.publish(audience, &LiveEvent::Dispatch { dispatch });
        Ok::<_, DispatchError>(())
    };
    if let Err(err) = published.await {
        tracing::error!(%err, %id, "dispatch committed but not published");
    }
}

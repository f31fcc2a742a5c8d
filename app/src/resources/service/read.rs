//! Reads: rows as `Resource`, lists by query, the index at start-up, and candidates for an
//! incident.

use sea_orm::prelude::Expr;
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use uuid::Uuid;

use super::{RECORD_KIND, ResourceError};
use crate::identity::RecordRef;
use crate::resources::entity::resource;
use crate::resources::index::{Indexed, ResourceIndex};
use crate::resources::*;

pub fn to_resource(m: &resource::Model) -> Result<Resource, ResourceError> {
    let corrupt = |what: &str| ResourceError::Corrupt(format!("{what} of {}", m.id));
    let (capabilities, _) = Capability::split(&m.capabilities);
    Ok(Resource {
        id: m.id,
        kind: ResourceKind::parse(&m.kind).ok_or_else(|| corrupt("kind"))?,
        name: m.name.clone(),
        category: m.category.clone(),
        capabilities,
        quantity: m.quantity,
        unit: m.unit.clone(),
        organisation: m.organisation.clone(),
        details: m.details.clone(),
        contact_name: m.contact_name.clone(),
        contact_phone: m.contact_phone.clone(),
        lon: m.lon,
        lat: m.lat,
        region_code: m.region_code.clone(),
        address: m.address.clone(),
        availability: Availability::parse(&m.availability)
            .ok_or_else(|| corrupt("availability"))?,
        expires_on: m.expires_on.clone(),
        demo: m.demo,
        revision: u32::try_from(m.revision).unwrap_or(0),
    })
}

/// What the spatial index holds for a row: ready means ready in the registry, in stock, and
/// not held by a dispatch.
pub fn indexed(m: &resource::Model) -> Option<((f64, f64), Indexed)> {
    let r = to_resource(m).ok()?;
    let data = Indexed {
        id: r.id,
        kind: r.kind,
        capabilities: r.capabilities.iter().fold(0, |bits, c| bits | c.bit()),
        ready: r.ready() && m.committed_to.is_none(),
        region_code: r.region_code,
    };
    Some(((m.lon, m.lat), data))
}

/// The index of the whole registry, built at start-up.
pub async fn load_index(db: &impl ConnectionTrait) -> Result<ResourceIndex, ResourceError> {
    let rows = resource::Entity::find().all(db).await?;
    Ok(ResourceIndex::build(rows.iter().filter_map(indexed)))
}

pub(super) async fn find(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> Result<resource::Model, ResourceError> {
    resource::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ResourceError::NotFound)
}

pub async fn get(db: &impl ConnectionTrait, id: Uuid) -> Result<Resource, ResourceError> {
    to_resource(&find(db, id).await?)
}

pub async fn record_ref(db: &impl ConnectionTrait, id: Uuid) -> Result<RecordRef, ResourceError> {
    let m = find(db, id).await?;
    Ok(RecordRef {
        kind: RECORD_KIND,
        id,
        region: m.region_code,
    })
}

fn condition(prefix: &str, query: &ResourceQuery) -> Condition {
    let mut cond = Condition::all();
    if !prefix.is_empty() {
        cond = cond.add(resource::Column::RegionCode.starts_with(prefix));
    }
    if let Some(kind) = query.kind {
        cond = cond.add(resource::Column::Kind.eq(kind.key()));
    }
    if let Some(c) = query.capability {
        // Keys are whole words between commas.
        let key = c.key();
        let list = Expr::cust("(',' || capabilities || ',')");
        cond = cond.add(list.like(format!("%,{key},%")));
    }
    if query.ready_only {
        cond = cond
            .add(resource::Column::Availability.eq(Availability::Ready.key()))
            .add(resource::Column::CommittedTo.is_null());
    }
    if !query.text.is_empty() {
        let mut any = Condition::any();
        for column in [
            resource::Column::Name,
            resource::Column::Organisation,
            resource::Column::Category,
            resource::Column::Details,
            resource::Column::Address,
        ] {
            any = any.add(column.contains(&query.text));
        }
        cond = cond.add(any);
    }
    cond
}

pub async fn list(
    db: &impl ConnectionTrait,
    prefix: &str,
    query: &ResourceQuery,
    limit: u64,
) -> Result<ResourcePage, ResourceError> {
    let select = resource::Entity::find().filter(condition(prefix, query));
    let total = select.clone().count(db).await?;
    // Kinds in their own order (teams first), not alphabetically by key.
    let by_kind = ResourceKind::ALL
        .iter()
        .enumerate()
        .map(|(i, k)| format!("WHEN '{}' THEN {i}", k.key()))
        .collect::<Vec<_>>()
        .join(" ");
    let rows = select
        .order_by_asc(Expr::cust(format!("CASE kind {by_kind} END")))
        .order_by_asc(resource::Column::RegionCode)
        .order_by_asc(resource::Column::Name)
        .limit(limit)
        .all(db)
        .await?;
    let items = rows.iter().map(to_resource).collect::<Result<_, _>>()?;
    Ok(ResourcePage { items, total })
}

/// The resources within `radius_km` of a point (a box on the map: what a threat-zone check
/// needs around an incident), nearest region first, at most `limit`.
pub async fn near(
    db: &impl ConnectionTrait,
    prefix: &str,
    (lon, lat): (f64, f64),
    radius_km: f64,
    limit: u64,
) -> Result<Vec<Resource>, ResourceError> {
    let dlat = radius_km / 111.2;
    let dlon = dlat / lat.to_radians().cos().max(0.1);
    let rows = resource::Entity::find()
        .filter(condition(prefix, &ResourceQuery::default()))
        .filter(resource::Column::Lon.between(lon - dlon, lon + dlon))
        .filter(resource::Column::Lat.between(lat - dlat, lat + dlat))
        .order_by_asc(resource::Column::Name)
        .limit(limit)
        .all(db)
        .await?;
    rows.iter().map(to_resource).collect()
}

/// For each ability the accident calls for, the nearest ready resources within the
/// jurisdiction, first to arrive first.
pub async fn candidates(
    db: &impl ConnectionTrait,
    index: &ResourceIndex,
    scene: (f64, f64),
    needs: &[Capability],
    prefix: &str,
    per_need: usize,
) -> Result<Vec<CapabilityCandidates>, ResourceError> {
    let hits: Vec<_> = needs
        .iter()
        .map(|&c| (c, index.nearest(scene, c, prefix, per_need)))
        .collect();
    // The entries of every ability in one query.
    let ids: Vec<Uuid> = hits
        .iter()
        .flat_map(|(_, h)| h.iter().map(|n| n.id))
        .collect();
    let rows: std::collections::HashMap<Uuid, Resource> = resource::Entity::find()
        .filter(resource::Column::Id.is_in(ids))
        .all(db)
        .await?
        .iter()
        .filter_map(|m| Some((m.id, to_resource(m).ok()?)))
        .collect();
    Ok(hits
        .into_iter()
        .map(|(capability, nearby)| CapabilityCandidates {
            capability,
            candidates: nearby
                .iter()
                .filter_map(|hit| {
                    Some(Candidate {
                        resource: rows.get(&hit.id)?.clone(),
                        distance_km: hit.distance_km,
                        eta_minutes: hit.eta_minutes,
                    })
                })
                .collect(),
        })
        .collect())
}

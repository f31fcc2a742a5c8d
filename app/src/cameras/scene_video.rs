//! ssr: 现场视频 between tiers. An own incident's report carries the cameras registered for it
//! ([`SceneCamera`]); the node that receives the report keeps a copy of each (marked with the
//! origin, which pulls the camera and forwards its video on request) under its copy of the
//! incident, so the incident's panels and the registry show them like local ones.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use super::entity::camera;
use super::model::CameraKind;
use crate::exchange::SceneCamera;

/// The cameras an own incident's report carries: those registered for it here.
pub async fn of_incident(
    db: &impl ConnectionTrait,
    incident: Uuid,
) -> Result<Vec<SceneCamera>, DbErr> {
    Ok(camera::Entity::find()
        .filter(camera::Column::IncidentId.eq(incident))
        .filter(camera::Column::OriginNode.is_null())
        .order_by_asc(camera::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|m| SceneCamera {
            camera: m.id,
            kind: CameraKind::from_key(&m.kind).unwrap_or(CameraKind::Site),
            name: m.name,
        })
        .collect())
}

/// Brings the copies of a reported incident's cameras to what its latest report lists:
/// new ones added, renamed ones renamed, the rest removed. `origin` is the reporting node
/// (id, name); `region` the incident's. Cameras of other origins are not touched.
pub async fn keep_copies(
    txn: &impl ConnectionTrait,
    incident: Uuid,
    region: &str,
    origin: (&str, &str),
    listed: &[SceneCamera],
) -> Result<(), DbErr> {
    let held = camera::Entity::find()
        .filter(camera::Column::IncidentId.eq(incident))
        .filter(camera::Column::OriginNode.eq(origin.0))
        .all(txn)
        .await?;
    let gone: Vec<Uuid> = held
        .iter()
        .filter(|h| !listed.iter().any(|c| c.camera == h.id))
        .map(|h| h.id)
        .collect();
    if !gone.is_empty() {
        camera::Entity::delete_many()
            .filter(camera::Column::Id.is_in(gone))
            .exec(txn)
            .await?;
    }
    for c in listed {
        match held.iter().find(|h| h.id == c.camera) {
            Some(h) if h.name == c.name && h.kind == c.kind.key() => {}
            Some(h) => {
                let mut row: camera::ActiveModel = h.clone().into();
                row.name = Set(c.name.clone());
                row.kind = Set(c.kind.key().into());
                row.update(txn).await?;
            }
            None => {
                camera::ActiveModel {
                    id: Set(c.camera),
                    name: Set(c.name.clone()),
                    kind: Set(c.kind.key().into()),
                    // Its address stays at the origin.
                    url: Set(String::new()),
                    incident_id: Set(Some(incident)),
                    hazard_id: Set(None),
                    region_code: Set(region.into()),
                    created_by: Set(origin.1.into()),
                    created_at: Set(sea_orm::prelude::TimeDateTimeWithTimeZone::now_utc()),
                    demo: Set(false),
                    origin_node: Set(Some(origin.0.into())),
                    origin_name: Set(Some(origin.1.into())),
                }
                .insert(txn)
                .await?;
            }
        }
    }
    Ok(())
}

/// An own camera of an incident, which another node may ask this node to forward.
pub async fn shared(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    Ok(camera::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|c| c.origin_node.is_none() && c.incident_id.is_some()))
}

//! ssr: reading and writing the camera registry. A camera's jurisdiction is its subject's (the
//! incident's or the installation's region), copied when it is registered.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use uuid::Uuid;

use super::entity::camera;
use super::model::{Camera, CameraHealth, CameraKind, NewCamera, Subject, masked};
use crate::error::AppError;
use crate::hazards::entity::major_hazard;
use crate::identity::RecordRef;
use crate::incidents::entity::incident;
use crate::incidents::service::Recorder;

/// Most cameras one list shows.
pub const LIST_LIMIT: u64 = 500;
/// An installation's cameras show on an incident's page within this distance of the scene.
pub const NEARBY_KM: f64 = 3.0;

/// What the media service needs to pull a camera.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: Uuid,
    pub name: String,
    /// The RTSP address of an own camera (empty for a relayed one).
    pub url: String,
    /// The lower node that pulls a relayed camera and forwards it on request.
    pub origin: Option<String>,
}

impl From<&camera::Model> for Source {
    fn from(m: &camera::Model) -> Source {
        Source {
            id: m.id,
            name: m.name.clone(),
            url: m.url.clone(),
            origin: m.origin_node.clone(),
        }
    }
}

/// Who may watch a camera: its incident's rule (jurisdiction and shares) when it films one,
/// its region's otherwise.
pub fn record_of(m: &camera::Model) -> RecordRef {
    match m.incident_id {
        Some(id) => RecordRef {
            kind: crate::incidents::service::RECORD_KIND,
            id,
            region: m.region_code.clone(),
        },
        None => RecordRef {
            kind: "camera",
            id: m.id,
            region: m.region_code.clone(),
        },
    }
}

/// The subject's jurisdiction and its name; `None` when there is no such record.
pub async fn subject(
    db: &impl ConnectionTrait,
    subject: Subject,
) -> Result<Option<(RecordRef, String)>, AppError> {
    Ok(match subject {
        Subject::Incident(id) => incident::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|i| (crate::incidents::service::record_of(&i), i.title)),
        Subject::Hazard(id) => major_hazard::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|h| {
                let record = RecordRef {
                    kind: "major_hazard",
                    id,
                    region: h.region_code,
                };
                (record, h.name)
            }),
    })
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<camera::Model>, AppError> {
    Ok(camera::Entity::find_by_id(id).one(db).await?)
}

/// Every camera, for the media service to pull when the node starts.
pub async fn all(db: &impl ConnectionTrait) -> Result<Vec<Source>, AppError> {
    let rows = camera::Entity::find().all(db).await?;
    Ok(rows.iter().map(Source::from).collect())
}

/// Brings the media service's pulls in line with the registry: cameras added behind its back
/// (a lower node's report attaching its scene's cameras) are pulled, removed ones let go.
pub async fn reconcile(
    db: &impl ConnectionTrait,
    media: &dyn crate::video::MediaPort,
) -> Result<(), AppError> {
    let sources = all(db).await?;
    let pulled = media.cameras_pulled();
    for source in &sources {
        if !pulled.contains(&source.id) {
            media.watch_camera(source.clone());
        }
    }
    for id in pulled {
        if !sources.iter().any(|s| s.id == id) {
            media.forget_camera(id);
        }
    }
    Ok(())
}

/// The cameras within a region prefix, by name.
pub async fn in_region(
    db: &impl ConnectionTrait,
    prefix: &str,
) -> Result<Vec<camera::Model>, AppError> {
    Ok(camera::Entity::find()
        .filter(camera::Column::RegionCode.starts_with(prefix))
        .order_by_asc(camera::Column::Name)
        .limit(LIST_LIMIT)
        .all(db)
        .await?)
}

/// An incident's own cameras, then those of installations within [`NEARBY_KM`] of its scene.
pub async fn for_incident(
    db: &impl ConnectionTrait,
    scene: &incident::Model,
) -> Result<Vec<camera::Model>, AppError> {
    let own = camera::Entity::find()
        .filter(camera::Column::IncidentId.eq(scene.id))
        .order_by_asc(camera::Column::Name)
        .all(db)
        .await?;
    let watched = camera::Entity::find()
        .filter(camera::Column::HazardId.is_not_null())
        .filter(camera::Column::RegionCode.eq(scene.region_code.as_str()))
        .order_by_asc(camera::Column::Name)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = watched.iter().filter_map(|c| c.hazard_id).collect();
    let near: Vec<Uuid> = major_hazard::Entity::find()
        .filter(major_hazard::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter(|h| {
            crate::resources::great_circle_km((scene.lon, scene.lat), (h.lon, h.lat)) <= NEARBY_KM
        })
        .map(|h| h.id)
        .collect();
    Ok(own
        .into_iter()
        .chain(
            watched
                .into_iter()
                .filter(|c| c.hazard_id.is_some_and(|h| near.contains(&h))),
        )
        .collect())
}

/// The rows as pages show them: subject names looked up, addresses masked, health attached.
pub async fn to_cameras(
    db: &impl ConnectionTrait,
    rows: Vec<camera::Model>,
    health: impl Fn(Uuid) -> CameraHealth,
) -> Result<Vec<Camera>, AppError> {
    let incidents: Vec<Uuid> = rows.iter().filter_map(|c| c.incident_id).collect();
    let hazards: Vec<Uuid> = rows.iter().filter_map(|c| c.hazard_id).collect();
    let incident_names: Vec<(Uuid, String)> = incident::Entity::find()
        .filter(incident::Column::Id.is_in(incidents))
        .all(db)
        .await?
        .into_iter()
        .map(|i| (i.id, i.title))
        .collect();
    let hazard_names: Vec<(Uuid, String)> = major_hazard::Entity::find()
        .filter(major_hazard::Column::Id.is_in(hazards))
        .all(db)
        .await?
        .into_iter()
        .map(|h| (h.id, h.name))
        .collect();
    let name_of = |names: &[(Uuid, String)], id: Uuid| {
        names
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    Ok(rows
        .into_iter()
        .filter_map(|m| {
            let (subject, subject_name) = match (m.incident_id, m.hazard_id) {
                (Some(id), _) => (Subject::Incident(id), name_of(&incident_names, id)),
                (None, Some(id)) => (Subject::Hazard(id), name_of(&hazard_names, id)),
                (None, None) => return None,
            };
            Some(Camera {
                health: health(m.id),
                id: m.id,
                kind: CameraKind::from_key(&m.kind).unwrap_or(CameraKind::Site),
                address: masked(&m.url),
                name: m.name,
                subject,
                subject_name,
                demo: m.demo,
                relayed_from: m.origin_name,
            })
        })
        .collect())
}

/// Stores a checked camera in its subject's jurisdiction, audited on the same connection.
pub async fn create(
    db: &impl ConnectionTrait,
    by: &Recorder,
    new: &NewCamera,
    region: &str,
    demo: bool,
) -> Result<camera::Model, AppError> {
    let id = Uuid::now_v7();
    let (incident_id, hazard_id) = match new.subject {
        Subject::Incident(id) => (Some(id), None),
        Subject::Hazard(id) => (None, Some(id)),
    };
    let row = camera::ActiveModel {
        id: Set(id),
        name: Set(new.name.clone()),
        kind: Set(new.kind.key().into()),
        url: Set(new.url.clone()),
        incident_id: Set(incident_id),
        hazard_id: Set(hazard_id),
        region_code: Set(region.into()),
        created_by: Set(by.name.clone()),
        created_at: Set(sea_orm::prelude::TimeDateTimeWithTimeZone::now_utc()),
        demo: Set(demo),
        origin_node: Set(None),
        origin_name: Set(None),
    }
    .insert(db)
    .await?;
    let after = serde_json::json!({
        "name": new.name, "kind": new.kind.key(), "address": masked(&new.url),
        "subject": new.subject.key(),
    });
    by.audit(db, "camera.register", format!("camera:{id}"), None, after)
        .await?;
    Ok(row)
}

/// Removes a camera, audited with what it was.
pub async fn delete(
    db: &impl ConnectionTrait,
    by: &Recorder,
    row: &camera::Model,
) -> Result<(), AppError> {
    camera::Entity::delete_by_id(row.id).exec(db).await?;
    let before = serde_json::json!({ "name": row.name, "address": masked(&row.url) });
    by.audit(
        db,
        "camera.remove",
        format!("camera:{}", row.id),
        Some(before),
        serde_json::Value::Null,
    )
    .await?;
    Ok(())
}

//! ssr: the hall's registered devices, its setup and its scenes in the database.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder,
    TransactionTrait,
};
use uuid::Uuid;

use super::device::{DeviceStatus, Protocol};
use super::entity::{hall_device, hall_scene, hall_setup};
use super::model::{DeviceView, HallSetup, HallView, SCENE_NAME_MAX, SceneView};
use super::port::HallPort;
use super::scene::Scene;
use super::wall::{LayoutProblem, Wall, check_layout};
use crate::incidents::service::{Recorder, to_time};

#[derive(Debug, thiserror::Error)]
pub enum HallError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("the hall has no setup yet")]
    NoSetup,
    #[error("invalid scene name")]
    SceneName,
    #[error("invalid layout: {0:?}")]
    Layout(Vec<LayoutProblem>),
    #[error("no such scene")]
    NoScene,
}

/// A device as registered, for the server to start its driver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registered {
    pub id: String,
    pub name: String,
    pub protocol: Protocol,
    pub address: String,
    pub password: Option<String>,
    pub outputs: u16,
}

impl Registered {
    /// What a device registration must be: an id of `[a-z0-9-]`, a name, an address with a
    /// port (or `simulator`), and outputs to poll for a matrix.
    pub fn check(&self) -> Result<(), String> {
        crate::site::check_node_id(&self.id).map_err(|e| format!("device id: {e}"))?;
        if self.name.trim().is_empty() || self.name.chars().count() > 200 {
            return Err("the name must be 1–200 characters".into());
        }
        let address_ok = self.address == "simulator"
            || self.address.rsplit_once(':').is_some_and(|(host, port)| {
                !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0)
            });
        if !address_ok {
            return Err("the address must be host:port (or `simulator`)".into());
        }
        let matrix = self.protocol.kind() == super::DeviceKind::Matrix;
        if matrix && !(1..=512).contains(&self.outputs) {
            return Err("a matrix needs --outputs between 1 and 512".into());
        }
        Ok(())
    }
}

impl HallSetup {
    /// A wall of 1–8 × 1–8 tiles, one matrix output per tile, sources with distinct ids.
    pub fn check(&self) -> Result<(), String> {
        let w = &self.wall;
        if !(1..=super::MAX_SIDE).contains(&w.rows) || !(1..=super::MAX_SIDE).contains(&w.cols) {
            return Err(format!(
                "the wall has 1–{0} rows and 1–{0} columns",
                super::MAX_SIDE
            ));
        }
        if w.outputs.len() != w.tiles() || w.outputs.contains(&0) {
            return Err(format!(
                "the wall needs {} matrix outputs (≥ 1), one per tile",
                w.tiles()
            ));
        }
        if self.matrix.trim().is_empty() {
            return Err("name the matrix that feeds the wall".into());
        }
        for (i, s) in self.sources.iter().enumerate() {
            if s.id.is_empty() || s.name.trim().is_empty() || s.input == 0 {
                return Err(format!("source {}: an id, a name and an input ≥ 1", i + 1));
            }
            if self.sources[..i].iter().any(|o| o.id == s.id) {
                return Err(format!("source id `{}` twice", s.id));
            }
        }
        Ok(())
    }
}

pub async fn registered(db: &impl ConnectionTrait) -> Result<Vec<(Registered, bool)>, DbErr> {
    Ok(hall_device::Entity::find()
        .order_by_asc(hall_device::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|d| {
            let protocol = Protocol::parse(&d.protocol)?;
            Some((
                Registered {
                    id: d.id,
                    name: d.name,
                    protocol,
                    address: d.address,
                    password: d.password,
                    outputs: d.outputs.and_then(|o| u16::try_from(o).ok()).unwrap_or(0),
                },
                d.demo,
            ))
        })
        .collect())
}

/// Registers a device (or replaces its registration).
pub async fn register(
    db: &impl ConnectionTrait,
    d: &Registered,
    position: i32,
    demo: bool,
) -> Result<(), DbErr> {
    let row = hall_device::ActiveModel {
        id: Set(d.id.clone()),
        name: Set(d.name.clone()),
        protocol: Set(d.protocol.key().into()),
        address: Set(d.address.clone()),
        password: Set(d.password.clone()),
        outputs: Set((d.outputs > 0).then_some(i32::from(d.outputs))),
        position: Set(position),
        demo: Set(demo),
    };
    if hall_device::Entity::find_by_id(d.id.as_str())
        .one(db)
        .await?
        .is_some()
    {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

pub async fn setup(db: &impl ConnectionTrait) -> Result<Option<HallSetup>, DbErr> {
    Ok(hall_setup::Entity::find_by_id(1)
        .one(db)
        .await?
        .and_then(|s| serde_json::from_str(&s.body).ok()))
}

pub async fn save_setup(db: &impl ConnectionTrait, s: &HallSetup) -> Result<(), DbErr> {
    let row = hall_setup::ActiveModel {
        id: Set(1),
        body: Set(serde_json::to_string(s).unwrap_or_default()),
    };
    if hall_setup::Entity::find_by_id(1).one(db).await?.is_some() {
        row.update(db).await?;
    } else {
        row.insert(db).await?;
    }
    Ok(())
}

pub async fn scenes(db: &impl ConnectionTrait) -> Result<Vec<SceneView>, DbErr> {
    Ok(hall_scene::Entity::find()
        .order_by_asc(hall_scene::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|s| {
            Some(SceneView {
                id: s.id,
                scene: serde_json::from_str(&s.body).ok()?,
                demo: s.demo,
            })
        })
        .collect())
}

pub async fn scene(db: &impl ConnectionTrait, id: Uuid) -> Result<Scene, HallError> {
    hall_scene::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|s| serde_json::from_str(&s.body).ok())
        .ok_or(HallError::NoScene)
}

/// The whole hall for its page: setup, devices with their live status, scenes.
pub async fn view(db: &DatabaseConnection, port: &dyn HallPort) -> Result<HallView, HallError> {
    let setup = setup(db).await?.ok_or(HallError::NoSetup)?;
    let devices = registered(db)
        .await?
        .into_iter()
        .map(|(d, demo)| DeviceView {
            status: port.status(&d.id).unwrap_or_else(|| DeviceStatus {
                link: super::Link::Offline,
                ..DeviceStatus::default()
            }),
            id: d.id,
            name: d.name,
            protocol: d.protocol,
            address: d.address,
            demo,
        })
        .collect();
    Ok(HallView {
        wall: setup.wall,
        matrix: setup.matrix,
        sources: setup.sources,
        devices,
        scenes: scenes(db).await?,
    })
}

/// Checks a scene against the hall: a name, and a layout that fits the wall and its sources.
pub fn check_scene(scene: &Scene, wall: &Wall, sources: &[String]) -> Result<(), HallError> {
    let name = scene.name.trim();
    if name.is_empty() || name.chars().count() > SCENE_NAME_MAX {
        return Err(HallError::SceneName);
    }
    check_layout(wall, &scene.windows, sources).map_err(HallError::Layout)
}

/// Saves a scene (new, or replacing the one of that name), audited.
pub async fn save_scene(
    db: &DatabaseConnection,
    by: &Recorder,
    scene: &Scene,
    demo: bool,
    now: i64,
) -> Result<Uuid, HallError> {
    let setup = setup(db).await?.ok_or(HallError::NoSetup)?;
    let ids: Vec<String> = setup.sources.iter().map(|s| s.id.clone()).collect();
    let mut scene = scene.clone();
    scene.name = scene.name.trim().to_string();
    check_scene(&scene, &setup.wall, &ids)?;
    let txn = db.begin().await?;
    let existing = scenes(&txn)
        .await?
        .into_iter()
        .find(|s| s.scene.name == scene.name);
    let id = existing.as_ref().map_or_else(Uuid::now_v7, |s| s.id);
    let row = hall_scene::ActiveModel {
        id: Set(id),
        name: Set(scene.name.clone()),
        body: Set(serde_json::to_string(&scene).unwrap_or_default()),
        updated_by: Set(by.name.clone()),
        updated_at: Set(to_time(now)),
        demo: Set(demo),
    };
    if existing.is_some() {
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    by.audit(
        &txn,
        "hall.scene.save",
        format!("hall_scene:{id}"),
        None,
        serde_json::to_value(&scene).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

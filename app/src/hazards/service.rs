//! ssr: reading and writing the registry.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde_json::json;
use uuid::Uuid;

use super::entity::major_hazard;
use super::model::{MajorHazard, NewHazard};
use crate::error::AppError;
use crate::incidents::service::Recorder;
use crate::models::hazard::HazardGrade;

/// Most installations one list shows.
pub const LIST_LIMIT: u64 = 2000;

fn grade_key(g: HazardGrade) -> &'static str {
    match g {
        HazardGrade::First => "first",
        HazardGrade::Second => "second",
        HazardGrade::Third => "third",
        HazardGrade::Fourth => "fourth",
    }
}

fn parse_grade(key: &str) -> Option<HazardGrade> {
    [
        HazardGrade::First,
        HazardGrade::Second,
        HazardGrade::Third,
        HazardGrade::Fourth,
    ]
    .into_iter()
    .find(|g| grade_key(*g) == key)
}

fn to_hazard(m: major_hazard::Model) -> MajorHazard {
    MajorHazard {
        id: m.id,
        name: m.name,
        enterprise: m.enterprise,
        lon: m.lon,
        lat: m.lat,
        region_code: m.region_code,
        substances: serde_json::from_str(&m.substances).unwrap_or_default(),
        exposed_population: u32::try_from(m.exposed_population).unwrap_or_default(),
        sum_ratio: m.sum_ratio,
        r_value: m.r_value,
        grade: m.grade.as_deref().and_then(parse_grade),
        standard: m.standard,
        demo: m.demo,
    }
}

/// The installations within a region prefix, most severe grade first.
pub async fn list(db: &impl ConnectionTrait, prefix: &str) -> Result<Vec<MajorHazard>, AppError> {
    let rows = major_hazard::Entity::find()
        .filter(major_hazard::Column::RegionCode.starts_with(prefix))
        .order_by_desc(major_hazard::Column::RValue)
        .order_by_asc(major_hazard::Column::Name)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    Ok(rows.into_iter().map(to_hazard).collect())
}

/// Stores a checked installation for `unit`, audited on the same connection.
pub async fn create(
    db: &impl ConnectionTrait,
    by: &Recorder,
    unit: Uuid,
    new: NewHazard,
    demo: bool,
) -> Result<Uuid, AppError> {
    let id = Uuid::now_v7();
    let g = &new.grading;
    let substances = serde_json::to_string(&new.substances).unwrap_or_else(|_| "[]".into());
    major_hazard::ActiveModel {
        id: Set(id),
        name: Set(new.name.clone()),
        enterprise: Set(new.enterprise.clone()),
        lon: Set(new.lon),
        lat: Set(new.lat),
        region_code: Set(new.region_code.clone()),
        substances: Set(substances.clone()),
        exposed_population: Set(i32::try_from(new.exposed_population).unwrap_or(i32::MAX)),
        sum_ratio: Set(g.identification.sum),
        r_value: Set(g.r),
        grade: Set(g.grade.map(|g| grade_key(g).to_string())),
        standard: Set(g.identification.standard.clone()),
        unit_id: Set(unit),
        demo: Set(demo),
        revision: Set(1),
        updated_at: Set(time::OffsetDateTime::now_utc()),
    }
    .insert(db)
    .await?;
    let after = json!({ "name": new.name, "region_code": new.region_code, "substances": substances, "r": g.r, "grade": g.grade.map(grade_key) });
    by.audit(
        db,
        "major_hazard.create",
        format!("major_hazard:{id}"),
        None,
        after,
    )
    .await?;
    Ok(id)
}

//! Server functions of the administration: every one guarded by a permission and the
//! administrator's jurisdiction.

mod keys;
mod sessions;
mod units;
mod users;

pub use keys::*;
pub use sessions::*;
pub use units::*;
pub use users::*;

/// The user record `id` as the guard sees it (kind, id, region of its unit); not found when
/// there is no such user.
#[cfg(feature = "ssr")]
async fn user_record(
    db: &sea_orm::DatabaseConnection,
    id: uuid::Uuid,
) -> Result<(super::UserView, super::RecordRef), crate::error::AppError> {
    let (user, region) = super::service::user_view(db, id)
        .await?
        .ok_or(crate::error::AppError::NotFound)?;
    let record = super::RecordRef {
        kind: "user",
        id,
        region,
    };
    Ok((user, record))
}

/// The unit named by a form's `unit_id`, with its region, if it is one of the administrator's
/// (its jurisdiction covers the unit's region); `None` for anything else, malformed or not.
#[cfg(feature = "ssr")]
async fn unit_within(
    db: &sea_orm::DatabaseConnection,
    admin_region: &str,
    unit_id: &str,
) -> Result<Option<(uuid::Uuid, String)>, crate::error::AppError> {
    let Ok(id) = uuid::Uuid::parse_str(unit_id) else {
        return Ok(None);
    };
    let region = super::service::unit_region(db, id).await?;
    Ok(region
        .filter(|r| super::region_covers(admin_region, r))
        .map(|r| (id, r)))
}

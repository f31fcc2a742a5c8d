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

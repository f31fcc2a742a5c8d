use leptos::prelude::*;

use super::{DirectoryEntry, DirectorySummary};
use crate::error::AppError;

/// Counts of the directory for the overview, within the reader's view.
#[server(endpoint = "directory/summary")]
pub async fn get_directory_summary() -> Result<DirectorySummary, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::DirectoryRead).await?;
    let db = crate::state::db()?;
    Ok(super::service::summary(&db, &user.unit_region).await?)
}

/// Entries with a location the reader may see, for the situation map.
#[server(endpoint = "directory/map")]
pub async fn list_map_entries() -> Result<Vec<DirectoryEntry>, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::DirectoryRead).await?;
    let db = crate::state::db()?;
    Ok(super::service::list_located(&db, &user.unit_region).await?)
}

use leptos::prelude::*;

use super::{DirectoryEntry, DirectorySummary};
use crate::error::AppError;

/// Counts of the directory for the overview.
#[server(endpoint = "directory/summary")]
pub async fn get_directory_summary() -> Result<DirectorySummary, AppError> {
    let db = crate::state::db()?;
    Ok(super::service::summary(&db).await?)
}

/// Entries with a location, for the situation map.
#[server(endpoint = "directory/map")]
pub async fn list_map_entries() -> Result<Vec<DirectoryEntry>, AppError> {
    let db = crate::state::db()?;
    Ok(super::service::list_located(&db).await?)
}

//! `GET /api/v1/directory`: the centres, enterprises and bases the key's unit may see.

use app::directory::DirectoryEntry;
use app::identity::Permission;
use axum::Json;

use super::{ApiCaller, ApiError};

pub async fn list(caller: ApiCaller) -> Result<Json<Vec<DirectoryEntry>>, ApiError> {
    caller
        .require(Permission::DirectoryRead, "endpoint:/api/v1/directory")
        .await?;
    let region = &caller.client.unit_region;
    app::directory::service::list_located(&caller.state.db, region)
        .await
        .map(Json)
        .map_err(|e| caller.error(e.into()))
}

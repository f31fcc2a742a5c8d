//! Server functions of the registries: authorize, validate, delegate to the service.

use leptos::prelude::*;
use uuid::Uuid;

use super::{CapabilityCandidates, Resource, ResourceForm, ResourcePage, ResourceQuery};
use crate::error::AppError;

/// The most entries a registry page lists (the count still covers all; export takes all).
pub const LIST_LIMIT: u64 = 500;

/// The registry within the reader's jurisdiction, filtered.
#[server(endpoint = "resources/list")]
pub async fn list_resources(
    #[server(default)] query: ResourceQuery,
) -> Result<ResourcePage, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let user = guard::require(Permission::ResourceRead).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let db = crate::state::db()?;
    Ok(super::service::list(&db, prefix, &query, LIST_LIMIT).await?)
}

/// One entry, to show or edit.
#[server(endpoint = "resources/get")]
pub async fn get_resource(id: Uuid) -> Result<Resource, AppError> {
    use crate::identity::{Permission, guard};
    let db = crate::state::db()?;
    let record = super::service::record_ref(&db, id).await?;
    guard::require_record(Permission::ResourceRead, &record).await?;
    Ok(super::service::get(&db, id).await?)
}

/// Creates an entry (empty id) or saves an edit of one.
#[server(endpoint = "resources/save")]
pub async fn save_resource(form: ResourceForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let t = &crate::i18n::detect_locale().texts().resources;
    let state = crate::state::app_state()?;
    let existing = if form.id.trim().is_empty() {
        None
    } else {
        let id = Uuid::parse_str(form.id.trim()).map_err(|_| AppError::NotFound)?;
        Some((id, form.revision.trim().parse::<u32>().unwrap_or(0)))
    };
    let user = match existing {
        Some((id, _)) => {
            let record = super::service::record_ref(&state.db, id).await?;
            guard::require_record(Permission::ResourceWrite, &record).await?
        }
        None => guard::require(Permission::ResourceWrite).await?,
    };
    let new = form.validate(t)?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    super::service::save(
        &state.db,
        &state.resources,
        &by,
        super::service::Keeper {
            unit_id: user.unit_id,
            scope: &user.unit_region,
        },
        existing,
        new,
        now,
    )
    .await
    .map_err(|e| e.to_app(t))
}

/// For each ability the incident calls for, the nearest ready resources the reader may call.
#[server(endpoint = "resources/candidates")]
pub async fn incident_candidates(incident: Uuid) -> Result<Vec<CapabilityCandidates>, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let state = crate::state::app_state()?;
    let record = crate::incidents::service::record_ref(&state.db, incident).await?;
    let user = guard::require_record(Permission::IncidentRead, &record).await?;
    if !user.role.can(Permission::ResourceRead) {
        return Err(AppError::Forbidden);
    }
    let facts = crate::incidents::service::summary(&state.db, incident).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let needs = super::needs(facts.accident_type, &facts.industry);
    Ok(super::service::candidates(
        &state.db,
        &state.resources,
        (facts.lon, facts.lat),
        needs,
        prefix,
        super::CANDIDATES_PER_NEED,
    )
    .await?)
}

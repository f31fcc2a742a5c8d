//! Server functions of dispatch: authorize, validate, delegate to the service.

use leptos::prelude::*;
use uuid::Uuid;

use super::{DispatchCard, DispatchLine};
use crate::error::AppError;

/// The user, if they may act with `permission` on the incident of dispatch `id`.
#[cfg(feature = "ssr")]
async fn guarded(
    permission: crate::identity::Permission,
    id: Uuid,
) -> Result<crate::identity::CurrentUser, AppError> {
    let db = crate::state::db()?;
    let record = super::service::record_ref(&db, id).await?;
    crate::identity::guard::require_record(permission, &record).await
}

/// 调派: sends the ticked resources to the incident, all or none.
#[server(endpoint = "dispatch/create")]
pub async fn dispatch_resources(
    incident: Uuid,
    #[server(default)] lines: Vec<DispatchLine>,
) -> Result<usize, AppError> {
    use crate::identity::{Permission, guard};
    let state = crate::state::app_state()?;
    let record = crate::incidents::service::record_ref(&state.db, incident).await?;
    let user = guard::require_record(Permission::Dispatch, &record).await?;
    let t = &crate::i18n::detect_locale().texts().dispatch;
    let orders = super::read_lines(&lines, t)?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    let ids = super::service::create(
        &state.db,
        &state.bus,
        &state.resources,
        &by,
        &user.unit_region,
        incident,
        &orders,
        now,
    )
    .await
    .map_err(|e| e.to_app(t))?;
    Ok(ids.len())
}

/// Moves a dispatch to `status` (forward only).
#[server(endpoint = "dispatch/status")]
pub async fn set_dispatch_status(id: Uuid, status: String) -> Result<(), AppError> {
    use crate::identity::Permission;
    let user = guarded(Permission::Dispatch, id).await?;
    let t = &crate::i18n::detect_locale().texts().dispatch;
    let next = super::DispatchStatus::parse(status.trim())
        .ok_or_else(|| AppError::field(t.status, t.form.choose))?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    super::service::advance(&state.db, &state.bus, &state.resources, &by, id, next, now)
        .await
        .map_err(|e| e.to_app(t))
}

/// The field unit's position.
#[server(endpoint = "dispatch/position")]
pub async fn report_dispatch_position(id: Uuid, lon: String, lat: String) -> Result<(), AppError> {
    use crate::identity::Permission;
    let user = guarded(Permission::Dispatch, id).await?;
    let t = &crate::i18n::detect_locale().texts().dispatch;
    let at = super::read_position(&lon, &lat, t)?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    super::service::report_position(&state.db, &state.bus, &by, id, at, now)
        .await
        .map_err(|e| e.to_app(t))
}

/// One dispatch (the field page).
#[server(endpoint = "dispatch/get")]
pub async fn get_dispatch(id: Uuid) -> Result<DispatchCard, AppError> {
    guarded(crate::identity::Permission::IncidentRead, id).await?;
    Ok(super::service::get(&crate::state::db()?, id).await?)
}

/// Every dispatch of one incident.
#[server(endpoint = "dispatch/incident")]
pub async fn incident_dispatches(incident: Uuid) -> Result<Vec<DispatchCard>, AppError> {
    use crate::identity::{Permission, guard};
    let db = crate::state::db()?;
    let record = crate::incidents::service::record_ref(&db, incident).await?;
    guard::require_record(Permission::IncidentRead, &record).await?;
    Ok(super::service::of_incident(&db, incident).await?)
}

/// The dispatch board of the reader's jurisdiction.
#[server(endpoint = "dispatch/board")]
pub async fn dispatch_board() -> Result<Vec<DispatchCard>, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let user = guard::require(Permission::IncidentRead).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let now = crate::ui::time::now_unix();
    Ok(super::service::board(&crate::state::db()?, prefix, now).await?)
}

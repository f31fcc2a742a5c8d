//! Server functions of the duty desk: authorize, validate, delegate to the service.

use leptos::prelude::*;
use uuid::Uuid;

use super::{Board, FollowUpForm, IncidentDetail, IncidentForm, IncidentSummary};
use crate::error::AppError;

/// The most active incidents a board lists (the counts still cover all).
pub const BOARD_LIMIT: u64 = 2_000;
/// The most active incidents a map draws (clustered, so it stays smooth).
pub const MAP_LIMIT: u64 = 50_000;

/// The incident, if the reader may act on it with `permission`.
#[cfg(feature = "ssr")]
async fn guarded(
    permission: crate::identity::Permission,
    id: Uuid,
) -> Result<crate::identity::CurrentUser, AppError> {
    let db = crate::state::db()?;
    let record = super::service::record_ref(&db, id).await?;
    crate::identity::guard::require_record(permission, &record).await
}

/// Active incidents within the reader's jurisdiction (or shared with the reader's unit).
#[server(endpoint = "incidents/board")]
pub async fn get_board() -> Result<Board, AppError> {
    use crate::identity::{Permission, guard};
    use crate::incidents::{beijing_midnight, service};
    let user = guard::require(Permission::IncidentRead).await?;
    let db = crate::state::db()?;
    let (scope, unit) = (&user.unit_region, user.unit_id);
    let incidents = service::list_active(&db, scope, unit, BOARD_LIMIT).await?;
    let since = beijing_midnight(crate::ui::time::now_unix());
    let today = service::received_since(&db, scope, unit, since).await?;
    Ok(Board { incidents, today })
}

/// Active incidents for the maps: more than a board lists, since clusters keep them readable.
#[server(endpoint = "incidents/map")]
pub async fn list_map_incidents() -> Result<Vec<IncidentSummary>, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentRead).await?;
    let db = crate::state::db()?;
    let (scope, unit) = (&user.unit_region, user.unit_id);
    Ok(super::service::list_active(&db, scope, unit, MAP_LIMIT).await?)
}

/// One incident with its versions and timeline.
#[server(endpoint = "incidents/get")]
pub async fn get_incident(id: Uuid) -> Result<IncidentDetail, AppError> {
    guarded(crate::identity::Permission::IncidentRead, id).await?;
    Ok(super::service::detail(&crate::state::db()?, id).await?)
}

/// 接报: records an accident for the reader's unit.
#[server(endpoint = "incidents/create")]
pub async fn create_incident(form: IncidentForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentWrite).await?;
    let t = &crate::i18n::detect_locale().texts().incidents;
    let new = form.validate(crate::ui::time::now_unix(), t)?;
    let state = crate::state::app_state()?;
    let by = super::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    let recorded =
        super::service::create(&state.db, &state.bus, &by, user.unit_id, new, now, false)
            .await
            .map_err(|e| e.to_app(t))?;
    Ok(recorded.id())
}

/// 续报: the figures as they now stand.
#[server(endpoint = "incidents/follow_up")]
pub async fn follow_up_incident(id: Uuid, form: FollowUpForm) -> Result<(), AppError> {
    let user = guarded(crate::identity::Permission::IncidentWrite, id).await?;
    let t = &crate::i18n::detect_locale().texts().incidents;
    let update = form.validate(t)?;
    let state = crate::state::app_state()?;
    let now = crate::ui::time::now_unix();
    super::service::follow_up(
        &state.db,
        &state.bus,
        &super::service::Recorder::for_request(&user)?,
        id,
        update,
        now,
    )
    .await?;
    Ok(())
}

/// Moves the incident forward: 核实, 响应中, 已控制, 结束.
#[server(endpoint = "incidents/status")]
pub async fn set_incident_status(id: Uuid, status: String) -> Result<(), AppError> {
    let user = guarded(crate::identity::Permission::IncidentWrite, id).await?;
    let t = &crate::i18n::detect_locale().texts().incidents;
    let Some(status) = super::IncidentStatus::parse(&status) else {
        return Err(AppError::field(t.status, t.form.choose));
    };
    let state = crate::state::app_state()?;
    let now = crate::ui::time::now_unix();
    super::service::set_status(
        &state.db,
        &state.bus,
        &super::service::Recorder::for_request(&user)?,
        id,
        status,
        now,
    )
    .await?;
    Ok(())
}

/// 跟踪反馈: a note on the timeline.
#[server(endpoint = "incidents/note")]
pub async fn add_incident_note(id: Uuid, text: String) -> Result<(), AppError> {
    use crate::error::FieldErrors;
    let user = guarded(crate::identity::Permission::IncidentWrite, id).await?;
    let t = &crate::i18n::detect_locale().texts().incidents;
    let text = text.trim().to_string();
    let mut errors = FieldErrors::default();
    if text.is_empty() {
        errors.add(t.note, t.form.required);
    } else if text.chars().count() > 4000 {
        errors.add(t.note, format!("{} 4000", t.form.too_long));
    }
    errors.finish()?;
    let state = crate::state::app_state()?;
    let now = crate::ui::time::now_unix();
    super::service::add_note(
        &state.db,
        &state.bus,
        &super::service::Recorder::for_request(&user)?,
        id,
        text,
        now,
    )
    .await?;
    Ok(())
}

/// Records that a tier of the reporting chain has received the report.
#[server(endpoint = "incidents/receipt")]
pub async fn record_incident_receipt(id: Uuid, tier: String) -> Result<(), AppError> {
    let user = guarded(crate::identity::Permission::IncidentReport, id).await?;
    let t = &crate::i18n::detect_locale().texts().incidents;
    let Ok(tier) = tier.parse::<crate::site::NodeTier>() else {
        return Err(AppError::field(t.duty_tier, t.form.choose));
    };
    let state = crate::state::app_state()?;
    let now = crate::ui::time::now_unix();
    super::service::record_receipt(
        &state.db,
        &state.bus,
        &super::service::Recorder::for_request(&user)?,
        id,
        tier,
        now,
    )
    .await?;
    Ok(())
}

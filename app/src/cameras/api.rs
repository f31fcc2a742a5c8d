//! Server functions of the camera registry. Watching follows the subject's permissions;
//! registering and removing need 事故处置 (IncidentWrite) over the subject.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::{Camera, CameraForm};
use crate::error::AppError;

/// Something a camera may be registered for, as the form offers it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubjectChoice {
    /// [`super::Subject::key`]
    pub key: String,
    pub name: String,
    pub incident: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Registry {
    pub cameras: Vec<Camera>,
    /// Active incidents, then installations, within the reader's jurisdiction.
    pub subjects: Vec<SubjectChoice>,
}

#[cfg(feature = "ssr")]
fn localize(problems: &[super::model::FormProblem]) -> AppError {
    use super::model::{FormProblem, UrlProblem};
    let t = &crate::i18n::detect_locale().texts().cameras;
    let mut errors = crate::error::FieldErrors::default();
    for problem in problems {
        match problem {
            FormProblem::Name => errors.add(t.name, t.name_rule),
            FormProblem::Kind => errors.add(t.kind, t.kind_rule),
            FormProblem::Url(UrlProblem::Scheme) => errors.add(t.url, t.url_scheme),
            FormProblem::Url(UrlProblem::Host) => errors.add(t.url, t.url_host),
            FormProblem::Url(UrlProblem::Malformed) => errors.add(t.url, t.url_malformed),
            FormProblem::Subject => errors.add(t.subject, t.subject_rule),
        }
    }
    errors
        .finish()
        .err()
        .unwrap_or(AppError::Validation(Vec::new()))
}

/// The cameras of the reader's jurisdiction with their state, and what a new one may film.
#[server(endpoint = "cameras/list")]
pub async fn list_cameras() -> Result<Registry, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let user = guard::require(Permission::IncidentRead).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let state = crate::state::app_state()?;
    let rows = super::service::in_region(&state.db, prefix).await?;
    let media = state.media.0.clone();
    let cameras = super::service::to_cameras(&state.db, rows, |id| media.camera_health(id)).await?;
    let incidents = crate::incidents::service::list_active(
        &state.db,
        &user.unit_region,
        user.unit_id,
        SUBJECTS_MAX,
    )
    .await?;
    let hazards = crate::hazards::service::list(&state.db, prefix).await?;
    let subjects = incidents
        .into_iter()
        .map(|i| SubjectChoice {
            key: super::Subject::Incident(i.id).key(),
            name: i.title,
            incident: true,
        })
        .chain(hazards.into_iter().map(|h| SubjectChoice {
            key: super::Subject::Hazard(h.id).key(),
            name: h.name,
            incident: false,
        }))
        .collect();
    Ok(Registry { cameras, subjects })
}

#[cfg(feature = "ssr")]
const SUBJECTS_MAX: u64 = 200;

/// An incident's cameras and those of installations near its scene.
#[server(endpoint = "cameras/incident")]
pub async fn incident_cameras(incident: Uuid) -> Result<Vec<Camera>, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentRead).await?;
    let state = crate::state::app_state()?;
    let scene = crate::incidents::service::find(&state.db, incident)
        .await
        .map_err(|_| AppError::NotFound)?;
    guard::check_record(
        &state.db,
        &state.site.node.id,
        &user,
        Permission::IncidentRead,
        &crate::incidents::service::record_of(&scene),
    )
    .await?;
    let rows = super::service::for_incident(&state.db, &scene).await?;
    let media = state.media.0.clone();
    super::service::to_cameras(&state.db, rows, |id| media.camera_health(id)).await
}

/// Registers a camera and starts pulling it; checked here whatever the form showed.
#[server(endpoint = "cameras/register")]
pub async fn register_camera(form: CameraForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    use sea_orm::TransactionTrait;
    let user = guard::require(Permission::IncidentWrite).await?;
    let new = form.check().map_err(|p| localize(&p))?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().cameras;
    let (record, _) = super::service::subject(&state.db, new.subject)
        .await?
        .ok_or_else(|| AppError::field(t.subject, t.subject_rule))?;
    guard::check_record(
        &state.db,
        &state.site.node.id,
        &user,
        Permission::IncidentWrite,
        &record,
    )
    .await
    .map_err(|_| AppError::field(t.subject, t.subject_rule))?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let txn = state.db.begin().await?;
    let row = super::service::create(&txn, &by, &new, &record.region, false).await?;
    let note = format!("{}{}", t.attached, row.name);
    let reported = scene_changed(&txn, &by, row.incident_id, note).await?;
    txn.commit().await?;
    announce(&state, reported).await;
    state.media.0.watch_camera((&row).into());
    Ok(row.id)
}

/// The report an own incident owes when its cameras change (the tiers above watch them
/// through this node); the incident to announce after the commit.
#[cfg(feature = "ssr")]
async fn scene_changed(
    txn: &impl sea_orm::ConnectionTrait,
    by: &crate::incidents::service::Recorder,
    incident: Option<Uuid>,
    note: String,
) -> Result<Option<Uuid>, AppError> {
    let Some(id) = incident else {
        return Ok(None);
    };
    let now = crate::ui::time::now_unix();
    let reported = crate::incidents::service::report_scene_video(txn, by, id, note, now).await?;
    Ok(reported.then_some(id))
}

#[cfg(feature = "ssr")]
async fn announce(state: &crate::state::AppState, incident: Option<Uuid>) {
    if let Some(id) = incident {
        crate::incidents::service::publish(&state.db, &state.bus, id).await;
    }
}

/// Stops pulling a camera and removes it.
#[server(endpoint = "cameras/remove")]
pub async fn remove_camera(id: Uuid) -> Result<(), AppError> {
    use crate::identity::{Permission, guard};
    use sea_orm::TransactionTrait;
    let user = guard::require(Permission::IncidentWrite).await?;
    let state = crate::state::app_state()?;
    let row = super::service::find(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    guard::check_record(
        &state.db,
        &state.site.node.id,
        &user,
        Permission::IncidentWrite,
        &super::service::record_of(&row),
    )
    .await?;
    if row.origin_node.is_some() {
        let t = &crate::i18n::detect_locale().texts().cameras;
        return Err(AppError::field(t.source, t.relayed_only_origin));
    }
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let txn = state.db.begin().await?;
    super::service::delete(&txn, &by, &row).await?;
    let t = &crate::i18n::detect_locale().texts().cameras;
    let note = format!("{}{}", t.withdrawn, row.name);
    let reported = scene_changed(&txn, &by, row.incident_id, note).await?;
    txn.commit().await?;
    announce(&state, reported).await;
    state.media.0.forget_camera(id);
    Ok(())
}

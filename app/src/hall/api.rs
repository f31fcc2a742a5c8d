//! Server functions of the hall page. Every action is permission-checked (大厅操作员) and
//! audited with its outcome, whether the device did it or not.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

use super::device::{Action, DeviceStatus};
use super::model::HallView;
use super::scene::{Scene, StepOutcome};
use crate::error::AppError;

#[cfg(feature = "ssr")]
fn localize(err: super::service::HallError) -> AppError {
    use super::service::HallError;
    let t = &crate::i18n::detect_locale().texts().hall;
    match err {
        HallError::Db(e) => AppError::internal(&e),
        HallError::NoSetup => AppError::field(t.title, t.no_setup),
        HallError::SceneName => AppError::field(t.scene_name, t.scene_name_rule),
        HallError::Layout(problems) => AppError::Validation(
            problems
                .iter()
                .map(|p| crate::error::FieldError {
                    field: t.layout.into(),
                    message: t.layout_problem(p),
                })
                .collect(),
        ),
        HallError::NoScene => AppError::NotFound,
    }
}

/// The hall: wall, sources, devices with their live status, scenes.
#[server(endpoint = "hall/view")]
pub async fn get_hall() -> Result<HallView, AppError> {
    use crate::identity::{Permission, guard};
    guard::require(Permission::HallControl).await?;
    let state = crate::state::app_state()?;
    super::service::view(&state.db, state.hall.0.as_ref())
        .await
        .map_err(localize)
}

/// One action on one device; the device's status after it.
#[server(endpoint = "hall/act", input = Json)]
pub async fn act_on_device(device: String, action: Action) -> Result<DeviceStatus, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::HallControl).await?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let outcome = state.hall.0.act(device.clone(), action.clone()).await;
    let after = serde_json::json!({ "action": action, "error": outcome.as_ref().err() });
    by.audit(
        &state.db,
        "hall.act",
        format!("hall_device:{device}"),
        None,
        after,
    )
    .await
    .map_err(|e| AppError::internal(&e))?;
    let t = &crate::i18n::detect_locale().texts().hall;
    match outcome {
        Ok(()) => Ok(state.hall.0.status(&device).unwrap_or_default()),
        Err(reason) => Err(AppError::field(
            t.device,
            format!("{}：{reason}", t.device_failed),
        )),
    }
}

/// 调用场景: every step reported, failed ones with the device's reason.
#[server(endpoint = "hall/recall")]
pub async fn recall_scene(id: Uuid) -> Result<Vec<StepOutcome>, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::HallControl).await?;
    let state = crate::state::app_state()?;
    let scene = super::service::scene(&state.db, id)
        .await
        .map_err(localize)?;
    let setup = super::service::setup(&state.db)
        .await
        .map_err(|e| AppError::internal(&e))?
        .ok_or_else(|| localize(super::service::HallError::NoSetup))?;
    let steps = super::scene::plan(&scene, &setup.wall, &setup.matrix, &setup.sources)
        .map_err(|p| localize(super::service::HallError::Layout(p)))?;
    let outcomes = state.hall.0.apply(steps).await;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    let after =
        serde_json::json!({ "scene": scene.name, "steps": outcomes.len(), "failed": failed });
    by.audit(
        &state.db,
        "hall.scene.recall",
        format!("hall_scene:{id}"),
        None,
        after,
    )
    .await
    .map_err(|e| AppError::internal(&e))?;
    Ok(outcomes)
}

/// Saves the wall layout (and the scene's display and camera settings) under a name.
#[server(endpoint = "hall/save_scene", input = Json)]
pub async fn save_hall_scene(scene: Scene) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::HallControl).await?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let now = crate::ui::time::now_unix();
    super::service::save_scene(&state.db, &by, &scene, false, now)
        .await
        .map_err(localize)
}

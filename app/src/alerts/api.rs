//! Server functions of the authoring console. Reading needs only a signed-in user within the
//! alert's jurisdiction; every write needs 预警发布 (AlertPublish), and the workflow's rules are
//! checked again on the stored row, whatever the page offered.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::AlertForm;
use super::view::{AlertDetail, AlertSummary};
use super::workflow::Action;
use crate::error::AppError;

/// The alerts of the reader's jurisdiction, most recently changed first.
#[server(endpoint = "alerts/list")]
pub async fn list_alerts() -> Result<Vec<AlertSummary>, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let user = guard::require(Permission::IncidentRead).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let now = crate::ui::time::now_unix();
    Ok(super::service::list(&crate::state::db()?, prefix, now).await?)
}

/// One alert with its versions and what the reader may do with it.
#[server(endpoint = "alerts/get")]
pub async fn get_alert(id: Uuid) -> Result<AlertDetail, AppError> {
    use crate::identity::Permission;
    let (user, row) = ssr::alert_for(id, Permission::IncidentRead).await?;
    let db = crate::state::db()?;
    let mut detail = super::service::detail(&db, row, user.id, crate::ui::time::now_unix()).await?;
    if !user.role.can(Permission::AlertPublish) {
        detail.actions.clear();
    }
    Ok(detail)
}

/// Writes a draft: a new alert when `id` is none, else an edit of the alert's draft as the
/// author saw it (`revision`). Returns the alert's id.
#[server(endpoint = "alerts/save")]
pub async fn save_alert(
    id: Option<Uuid>,
    revision: i32,
    form: AlertForm,
) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let user = match id {
        Some(id) => ssr::alert_for(id, Permission::AlertPublish).await?.0,
        None => guard::require(Permission::AlertPublish).await?,
    };
    let texts = crate::i18n::detect_locale().texts();
    let content = form.validate(crate::ui::time::now_unix(), texts)?;
    ssr::check_area(&user, &content, texts)?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let result = match id {
        None => {
            let owner = (user.unit_id, user.id);
            super::service::create(&state.db, &by, owner, &content, false).await
        }
        Some(id) => {
            let publisher = ssr::publisher(&state);
            let step = (Action::Edit, Some(&content));
            super::service::act(&state.db, &by, user.id, (id, revision), step, &publisher)
                .await
                .map(|_| id)
        }
    };
    result.map_err(|e| ssr::localize(e, texts))
}

/// A step of the workflow other than editing, on the alert as the reader saw it (`revision`).
/// Returns the published version's id when the step published one.
#[server(endpoint = "alerts/act")]
pub async fn act_on_alert(
    id: Uuid,
    revision: i32,
    action: Action,
) -> Result<Option<Uuid>, AppError> {
    use crate::identity::Permission;
    let (user, _) = ssr::alert_for(id, Permission::AlertPublish).await?;
    let texts = crate::i18n::detect_locale().texts();
    if action == Action::Edit {
        return Err(AppError::Validation(Vec::new()));
    }
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let publisher = ssr::publisher(&state);
    super::service::act(
        &state.db,
        &by,
        user.id,
        (id, revision),
        (action, None),
        &publisher,
    )
    .await
    .map_err(|e| ssr::localize(e, texts))
}

/// A first draft for an incident the reader may read, from its place and last assessment.
#[server(endpoint = "alerts/from_incident")]
pub async fn draft_from_incident(incident: Uuid) -> Result<AlertForm, AppError> {
    use crate::identity::{Permission, guard};
    let db = crate::state::db()?;
    let record = crate::incidents::service::record_ref(&db, incident).await?;
    guard::require_record(Permission::IncidentRead, &record).await?;
    let detail = crate::incidents::service::detail(&db, incident).await?;
    let evacuation = detail
        .timeline
        .iter()
        .rev()
        .find_map(|e| e.assessment.as_ref().and_then(|a| a.evacuation_m));
    Ok(AlertForm::from_incident(
        &detail.summary,
        evacuation,
        crate::ui::time::now_unix(),
    ))
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::entity::alert;
    use super::super::model::AlertContent;
    use super::super::service::{AlertError, Publisher};
    use crate::error::AppError;
    use crate::i18n::Texts;
    use crate::identity::{CurrentUser, Permission, RecordRef, guard, region_covers};
    use uuid::Uuid;

    /// The user, if they may `permission` on the alert; the alert row. Outside the user's
    /// jurisdiction the alert does not exist for them.
    pub async fn alert_for(
        id: Uuid,
        permission: Permission,
    ) -> Result<(CurrentUser, alert::Model), AppError> {
        let db = crate::state::db()?;
        let row = super::super::service::find(&db, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let record = RecordRef {
            kind: "alert",
            id,
            region: row.region_code.clone(),
        };
        let user = guard::require_record(permission, &record).await?;
        Ok((user, row))
    }

    /// An alert may name only places within its author's jurisdiction.
    pub fn check_area(
        user: &CurrentUser,
        content: &AlertContent,
        texts: &Texts,
    ) -> Result<(), AppError> {
        let t = &texts.alerts;
        for code in &content.area.geocodes {
            if !region_covers(&user.unit_region, code) {
                return Err(AppError::field(t.geocodes, t.outside_jurisdiction));
            }
        }
        if !region_covers(&user.unit_region, &content.region_code()) {
            return Err(AppError::field(t.polygon, t.outside_jurisdiction));
        }
        Ok(())
    }

    pub fn publisher(state: &crate::state::AppState) -> Publisher {
        Publisher::of(&state.site)
    }

    /// The reader's words for what went wrong.
    pub fn localize(err: AlertError, texts: &Texts) -> AppError {
        let t = &texts.alerts;
        match err {
            AlertError::Db(e) => AppError::from(e),
            AlertError::NotFound => AppError::NotFound,
            AlertError::Stale => AppError::Conflict,
            AlertError::Workflow(e) => AppError::field(t.workflow, t.workflow_error(e)),
            AlertError::Expired => AppError::field(t.expires, t.expired_before_approval),
            AlertError::NoContent => AppError::Validation(Vec::new()),
            AlertError::Copy(node) => {
                AppError::field(t.workflow, t.copy_read_only.replace("{node}", &node))
            }
        }
    }
}

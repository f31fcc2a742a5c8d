//! Server functions of the support panel on the exchange page.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::{ResponseForm, SupportBoard, SupportForm};
use crate::error::AppError;

/// Requests sent and received, and the incidents a new request may name.
#[server(endpoint = "exchange/support")]
pub async fn get_support_board() -> Result<SupportBoard, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentReport).await?;
    let db = crate::state::db()?;
    let requests = super::service::list(&db, 100)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let active =
        crate::incidents::service::list_active(&db, &user.unit_region, user.unit_id, 200).await?;
    let neighbours = crate::exchange::service::neighbours(&db)
        .await
        .map_err(|e| AppError::internal(&e))?;
    Ok(SupportBoard {
        requests,
        neighbours,
        // Only this node's own records: a copy's situation is its origin's to ask about.
        incidents: active
            .into_iter()
            .filter(|i| i.origin.is_none())
            .map(|i| (i.id, i.title))
            .collect(),
    })
}

/// 请求支援 from the parent or a child.
#[server(endpoint = "exchange/support/request")]
pub async fn request_support(form: SupportForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentReport).await?;
    let state = crate::state::app_state()?;
    let title = match uuid::Uuid::parse_str(form.incident.trim()) {
        Ok(id) => match crate::incidents::service::record_ref(&state.db, id).await {
            Ok(record) => {
                guard::require_record(Permission::IncidentRead, &record).await?;
                let m = crate::incidents::service::find(&state.db, id).await?;
                Some(m.title)
            }
            Err(_) => None,
        },
        Err(_) => None,
    };
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let now = crate::ui::time::now_unix();
    super::service::request(&state.db, &state.site.node, &by, &form, title, now)
        .await
        .map_err(localize)
}

/// 答复 a request received from the parent or a child.
#[server(endpoint = "exchange/support/answer")]
pub async fn answer_support(form: ResponseForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentReport).await?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let now = crate::ui::time::now_unix();
    super::service::respond(&state.db, &state.site.node, &by, &form, now)
        .await
        .map_err(localize)
}

#[cfg(feature = "ssr")]
fn localize(err: super::service::SupportError) -> AppError {
    use super::service::SupportError;
    let t = &crate::i18n::detect_locale().texts().exchange;
    let fields = |problems: Vec<(&'static str, String)>| {
        AppError::Validation(
            problems
                .into_iter()
                .map(|(field, message)| crate::error::FieldError {
                    field: field.into(),
                    message,
                })
                .collect(),
        )
    };
    match err {
        SupportError::Invalid(problems) => {
            fields(problems.iter().map(|p| t.support_problem(p)).collect())
        }
        SupportError::NotFound => AppError::NotFound,
        SupportError::Answered => fields(vec![(t.answer, t.already_answered.into())]),
        SupportError::Db(e) => AppError::internal(&e),
    }
}

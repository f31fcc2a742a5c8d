//! Server functions of the exchange page.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::{DirectiveForm, DirectiveView, ExchangeStatus};
use crate::error::AppError;

/// Links, registered nodes, backlog and refusals of this node.
#[server(endpoint = "exchange/overview")]
pub async fn exchange_overview() -> Result<ExchangeStatus, AppError> {
    use crate::identity::{Permission, guard};
    guard::require(Permission::IncidentReport).await?;
    let state = crate::state::app_state()?;
    let link = state.exchange.get();
    super::service::status(&state.db, &state.site.node, link)
        .await
        .map_err(|e| AppError::internal(&e))
}

/// Directives sent and received, newest first.
#[server(endpoint = "exchange/directives")]
pub async fn list_directives() -> Result<Vec<DirectiveView>, AppError> {
    use crate::identity::{Permission, guard};
    guard::require(Permission::IncidentReport).await?;
    super::service::directives(&crate::state::db()?, 100)
        .await
        .map_err(|e| AppError::internal(&e))
}

/// 下发指令 to registered children (none named: every node below).
#[server(endpoint = "exchange/send_directive")]
pub async fn send_directive(form: DirectiveForm) -> Result<Uuid, AppError> {
    use super::service::ExchangeError;
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentReport).await?;
    let state = crate::state::app_state()?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let now = crate::ui::time::now_unix();
    let sent = super::service::send_directive(&state.db, &state.site.node, &by, &form, now).await;
    sent.map_err(|err| match err {
        ExchangeError::Directive(problems) => {
            let t = &crate::i18n::detect_locale().texts().exchange;
            AppError::Validation(
                problems
                    .iter()
                    .map(|p| {
                        let (field, message) = t.problem(p);
                        crate::error::FieldError {
                            field: field.into(),
                            message,
                        }
                    })
                    .collect(),
            )
        }
        other => AppError::internal(&other),
    })
}

//! `POST /api/v1/incidents` (call centres report an accident, idempotent on their own id) and
//! `GET /api/v1/incidents/{id}`.

use app::audit::Actor;
use app::identity::Permission;
use app::incidents::service::{self, Recorded, Recorder};
use app::incidents::{IncidentForm, IncidentSummary};
use axum::Json;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::{ApiCaller, ApiError};

#[derive(Serialize)]
struct Created {
    id: Uuid,
    /// `created`, or `existing` when this external id was submitted before.
    outcome: &'static str,
    incident: IncidentSummary,
}

/// Reads any JSON object as the intake form: numbers and strings alike become the text the form
/// validates, so a wrong figure gets a field error rather than a decoding failure.
fn as_form(body: Map<String, Value>) -> IncidentForm {
    let text = body
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            (k, Value::String(v))
        })
        .collect();
    serde_json::from_value(Value::Object(text)).unwrap_or_default()
}

pub async fn create(
    caller: ApiCaller,
    body: Option<Json<Map<String, Value>>>,
) -> Result<Response, ApiError> {
    caller
        .require(Permission::IncidentWrite, "endpoint:/api/v1/incidents")
        .await?;
    let t = &caller.locale.texts().incidents;
    let Some(Json(body)) = body else {
        return Err(caller.error(app::error::AppError::Validation(vec![])));
    };
    let now = app::ui::time::now_unix();
    let new = as_form(body)
        .validate(now, t)
        .map_err(|e| caller.error(e))?;
    let state = &caller.state;
    let by = Recorder {
        actor: Actor::ApiKey(caller.client.key_id),
        name: format!("{}（{}）", caller.client.name, caller.client.unit_name),
        node: state.site.node.id.clone(),
    };
    let unit = caller.client.unit_id;
    let recorded = service::create(&state.db, &state.bus, &by, unit, new, now, false)
        .await
        .map_err(|e| caller.error(e.to_app(t)))?;
    let id = recorded.id();
    let incident = service::summary(&state.db, id)
        .await
        .map_err(|e| caller.error(e.to_app(t)))?;
    let (status, outcome) = match recorded {
        Recorded::Created(_) => (StatusCode::CREATED, "created"),
        Recorded::Existing(_) => (StatusCode::OK, "existing"),
    };
    let location = format!("/api/v1/incidents/{id}");
    let body = Created {
        id,
        outcome,
        incident,
    };
    Ok((status, [(header::LOCATION, location)], Json(body)).into_response())
}

pub async fn get(
    caller: ApiCaller,
    Path(id): Path<Uuid>,
) -> Result<Json<IncidentSummary>, ApiError> {
    let t = &caller.locale.texts().incidents;
    let db = &caller.state.db;
    let target = format!("incident:{id}");
    // Unknown and out-of-jurisdiction answer alike (404); the latter is audited.
    let record = service::record_ref(db, id)
        .await
        .map_err(|e| caller.error(e.to_app(t)))?;
    caller
        .require_in(Permission::IncidentRead, &record.region, &target)
        .await?;
    service::summary(db, id)
        .await
        .map(Json)
        .map_err(|e| caller.error(e.to_app(t)))
}

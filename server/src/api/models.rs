//! `POST /api/v1/models/{model}`: the consequence models and rules of decision support, JSON in
//! and out; `GET /api/v1/models/chemicals`: the chemical table they draw on. Pure computation:
//! any valid key may call them.

use app::error::{AppError, FieldError};
use app::models::chemicals::{self, Chemical};
use app::models::run::{RunError, run};
use axum::Json;
use axum::extract::Path;
use serde_json::Value;

use super::{ApiCaller, ApiError};

pub async fn compute(
    caller: ApiCaller,
    Path(model): Path<String>,
    body: Option<Json<Value>>,
) -> Result<Json<Value>, ApiError> {
    let t = &caller.locale.texts().models;
    let body = body.map(|Json(v)| v).unwrap_or(Value::Null);
    run(&model, body).map(Json).map_err(|e| {
        caller.error(match e {
            RunError::UnknownModel => AppError::NotFound,
            RunError::Decode { path, message } => AppError::Validation(vec![FieldError {
                field: if path == "." { String::new() } else { path },
                message: format!("{}: {message}", t.not_json),
            }]),
            RunError::Invalid(problems) => t.invalid(&problems),
        })
    })
}

pub async fn chemicals(_caller: ApiCaller) -> Json<&'static [Chemical]> {
    Json(chemicals::all())
}

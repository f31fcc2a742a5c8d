//! The JSON API for machine clients (`/api/v1`): call centres, sensors, other systems.
//! Authenticated by API key only (no cookies, so no CSRF exposure); every refusal is audited.

mod auth;
mod directory;
mod error;
mod incidents;
mod models;
mod openapi;
mod whoami;

use app::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub use auth::ApiCaller;
pub use error::ApiError;

/// Routes under `/api/v1`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/whoami", get(whoami::whoami))
        .route("/api/v1/directory", get(directory::list))
        .route("/api/v1/incidents", post(incidents::create))
        .route("/api/v1/incidents/{id}", get(incidents::get))
        .route("/api/v1/models/chemicals", get(models::chemicals))
        .route("/api/v1/models/{model}", post(models::compute))
        .route("/api/v1/openapi.json", get(openapi::document))
}

//! `GET /api/v1/whoami`: what a key is, for integrators checking their set-up.

use app::identity::ApiClient;
use axum::Json;

use super::ApiCaller;

pub async fn whoami(caller: ApiCaller) -> Json<ApiClient> {
    Json(caller.client)
}

//! Server functions answer every error with HTTP 500; this gives each `AppError` its real status
//! (401, 403, 404, 422, 409 ...) in one place, so no server function has to.

use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::StatusCode;

/// Error bodies are small JSON documents; anything larger is passed through untouched.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn with_status(request: Request, next: Next) -> Response {
    let is_server_fn = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        parts.status = StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, Body::empty());
    };
    if let Some(status) = status_of(&bytes) {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn status_of(body: &[u8]) -> Option<StatusCode> {
    let error: AppError = serde_json::from_slice(body).ok()?;
    StatusCode::from_u16(error.status()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_errors_get_their_status_and_other_bodies_keep_500() {
        let body = |e: AppError| serde_json::to_vec(&e).unwrap();
        assert_eq!(
            status_of(&body(AppError::Unauthorized)),
            Some(StatusCode::UNAUTHORIZED)
        );
        assert_eq!(
            status_of(&body(AppError::Forbidden)),
            Some(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            status_of(&body(AppError::Validation(vec![]))),
            Some(StatusCode::UNPROCESSABLE_ENTITY)
        );
        assert_eq!(status_of(b"<html>oops</html>"), None);
    }
}

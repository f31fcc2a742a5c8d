//! `GET /incidents/{id}/attachments/{attachment}`: the file, to those who may read the
//! incident (ranges supported, so video seeks); everyone else gets what an unknown address gets.

use app::identity::Permission;
use app::incidents::{AttachmentKind, service};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use tower::ServiceExt;
use tower_http::services::ServeFile;
use uuid::Uuid;

use super::access::incident_user;
use super::stored_path;

pub async fn download(
    State(state): State<AppState>,
    Path((id, attachment)): Path<(Uuid, Uuid)>,
    request: Request<Body>,
) -> Response {
    if let Err(answer) =
        incident_user(&state, request.headers(), id, Permission::IncidentRead).await
    {
        return answer;
    }
    let Ok(file) = service::find_attachment(&state.db, id, attachment).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let path = stored_path(&state.files_dir, id, attachment);
    let mut response = match ServeFile::new(path).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if !response.status().is_success() {
        return response;
    }
    let headers = response.headers_mut();
    if let Ok(media_type) = HeaderValue::from_str(&file.media_type) {
        headers.insert(header::CONTENT_TYPE, media_type);
    }
    // Photos, video and PDF open in the browser; everything else downloads. The name travels
    // percent-encoded (RFC 6266), so Chinese names survive.
    let inline = file.kind != AttachmentKind::Document || file.media_type == "application/pdf";
    let disposition = format!(
        "{}; filename*=UTF-8''{}",
        if inline { "inline" } else { "attachment" },
        app::ui::url::encode(&file.file_name, b"")
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    // An uploaded file never runs script in our origin, even if a browser were fooled.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; img-src 'self'; media-src 'self'; sandbox"),
    );
    response
}

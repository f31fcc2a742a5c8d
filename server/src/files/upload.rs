//! `POST /incidents/{id}/attachments` (multipart, field `file`): a plain form post, so it
//! works without JavaScript; the answer sends the browser back to the incident, naming the
//! refusal if there was one.

use app::identity::Permission;
use app::incidents::service::{self, Recorder, StoredFile};
use app::incidents::{MAX_UPLOAD_BYTES, UploadRefusal, clean_file_name, sniff};
use app::state::AppState;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, StatusCode};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

use super::access::incident_user;
use super::stored_path;

/// Bytes kept from the start of the file to recognise its type.
const HEAD: usize = 64;

enum Outcome {
    Stored(StoredFile),
    Refused(UploadRefusal),
}

fn back(id: Uuid, refusal: Option<UploadRefusal>) -> Response {
    let to = match refusal {
        None => format!("/incidents/{id}"),
        Some(r) => format!("/incidents/{id}?attachment={}", r.key()),
    };
    Redirect::to(&to).into_response()
}

pub async fn upload(
    State(state): State<AppState>,
    Path(id): Path<Uuid>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let user = match incident_user(&state, &headers, id, Permission::IncidentWrite).await {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    let target = stored_path(&state.files_dir, id, Uuid::now_v7());
    let outcome = match receive(&mut multipart, &target).await {
        Ok(outcome) => outcome,
        Err(err) => {
            let _ = tokio::fs::remove_file(&target).await;
            tracing::error!(%err, %id, "attachment not stored");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let file = match outcome {
        Outcome::Stored(file) => file,
        Outcome::Refused(refusal) => {
            let _ = tokio::fs::remove_file(&target).await;
            return back(id, Some(refusal));
        }
    };
    let by = Recorder::for_user(&user, &state.site.node.id);
    let now = app::ui::time::now_unix();
    if let Err(err) = service::add_attachment(&state.db, &state.bus, &by, id, file, now).await {
        // Nothing recorded: the file must not linger unreferenced.
        let _ = tokio::fs::remove_file(&target).await;
        let error = app::error::AppError::from(err);
        return StatusCode::from_u16(error.status())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
            .into_response();
    }
    back(id, None)
}

/// Streams the `file` field to `target`, hashing and measuring it, then checks it.
async fn receive(
    multipart: &mut Multipart,
    target: &std::path::Path,
) -> Result<Outcome, Box<dyn std::error::Error + Send + Sync>> {
    let mut field = loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => break field,
            Ok(Some(_)) => continue,
            Ok(None) => return Ok(Outcome::Refused(UploadRefusal::Empty)),
            // The body limit cut the request short.
            Err(_) => return Ok(Outcome::Refused(UploadRefusal::TooLarge)),
        }
    };
    let file_name = clean_file_name(field.file_name().unwrap_or_default());
    if let Some(dir) = target.parent() {
        tokio::fs::create_dir_all(dir).await?;
    }
    let mut out = tokio::fs::File::create(target).await?;
    let (mut hasher, mut size, mut head) = (Sha256::new(), 0_u64, Vec::with_capacity(HEAD));
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(_) => return Ok(Outcome::Refused(UploadRefusal::TooLarge)),
        };
        size += chunk.len() as u64;
        if size > MAX_UPLOAD_BYTES {
            return Ok(Outcome::Refused(UploadRefusal::TooLarge));
        }
        if head.len() < HEAD {
            let take = (HEAD - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        out.write_all(&chunk).await?;
    }
    out.flush().await?;
    if size == 0 {
        return Ok(Outcome::Refused(UploadRefusal::Empty));
    }
    let Some((media_type, kind)) = sniff(&head, &file_name) else {
        return Ok(Outcome::Refused(UploadRefusal::Type));
    };
    if size > kind.max_bytes() {
        return Ok(Outcome::Refused(UploadRefusal::TooLarge));
    }
    let id = target
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| Uuid::parse_str(n).ok())
        .ok_or("attachment path without its id")?;
    Ok(Outcome::Stored(StoredFile {
        id,
        file_name,
        media_type: media_type.into(),
        kind,
        size,
        sha256: hex::encode(hasher.finalize()),
    }))
}

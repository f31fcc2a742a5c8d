//! Import: the file is read and every row checked off the async threads, then written in one
//! transaction; the answer streams NDJSON progress lines and ends with the report. A file with
//! any bad row changes nothing unless the importer asked for the valid rows only.

use app::identity::{CurrentUser, Permission};
use app::incidents::service::Recorder;
use app::resources::service::{Keeper, check_rows, import as write, read_file};
use app::resources::{ImportMessage, ImportMode, ImportReport, ImportStage, MAX_IMPORT_BYTES};
use app::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use sha2::{Digest, Sha256};
use tokio::sync::mpsc;

use super::locale_of;
use crate::files::access::user_with;

pub async fn import(
    State(state): State<AppState>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let user = match user_with(&state, &headers, Permission::ResourceWrite).await {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    let (mut file, mut mode) = (None, String::new());
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().map(str::to_string).as_deref() {
                Some("file") => match field.bytes().await {
                    Ok(bytes) => file = Some(bytes),
                    Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
                },
                Some("mode") => mode = field.text().await.unwrap_or_default(),
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        }
    }
    let Some(file) = file.filter(|f| f.len() <= MAX_IMPORT_BYTES) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let mode = if mode == "valid_only" {
        ImportMode::ValidOnly
    } else {
        ImportMode::AllOrNothing
    };
    let (tx, rx) = mpsc::channel::<ImportMessage>(32);
    let locale = locale_of(&headers);
    tokio::spawn(run(state, user, locale, file, mode, tx));
    // Fused: the compression layer may poll once more after the end.
    let lines =
        futures_util::StreamExt::fuse(futures_util::stream::unfold(rx, |mut rx| async move {
            let message = rx.recv().await?;
            let line = serde_json::to_string(&message).unwrap_or_default() + "\n";
            Some((Ok::<_, std::convert::Infallible>(line), rx))
        }));
    let mut response = Body::from_stream(lines).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson; charset=utf-8"),
    );
    response
}

async fn run(
    state: AppState,
    user: CurrentUser,
    locale: app::i18n::Locale,
    bytes: Bytes,
    mode: ImportMode,
    tx: mpsc::Sender<ImportMessage>,
) {
    let report = match checked_and_written(&state, &user, locale, bytes, mode, &tx).await {
        Ok(report) => report,
        Err(err) => {
            let texts = locale.texts();
            ImportReport {
                refused: Some(err.to_app(&texts.resources).message(texts)),
                ..ImportReport::default()
            }
        }
    };
    let _ = tx.send(ImportMessage::Done { report }).await;
}

async fn checked_and_written(
    state: &AppState,
    user: &CurrentUser,
    locale: app::i18n::Locale,
    bytes: Bytes,
    mode: ImportMode,
    tx: &mpsc::Sender<ImportMessage>,
) -> Result<ImportReport, app::resources::service::ResourceError> {
    let t = &locale.texts().resources;
    let sha256 = hex::encode(Sha256::digest(&bytes));
    let progress = |stage, done, total| ImportMessage::Progress { stage, done, total };
    let _ = tx.send(progress(ImportStage::Reading, 0, 0)).await;
    // Reading and checking are CPU work: off the async threads.
    let scope = user.unit_region.clone();
    let checker = tx.clone();
    let (valid, errors, rejected, rows) = tokio::task::spawn_blocking(move || {
        let rows = read_file(&bytes)?;
        let total = rows.len();
        let (valid, errors, rejected) = check_rows(rows, t, &scope, |done| {
            let _ = checker.blocking_send(progress(ImportStage::Checking, done, total));
        });
        Ok::<_, app::resources::service::ResourceError>((valid, errors, rejected, total))
    })
    .await
    .map_err(|e| app::resources::service::ResourceError::Corrupt(e.to_string()))??;
    let mut report = ImportReport {
        rows,
        rejected_rows: rejected,
        errors,
        ..ImportReport::default()
    };
    if rows == 0 {
        report.refused = Some(t.import_empty.into());
        return Ok(report);
    }
    if rejected > 0 && mode == ImportMode::AllOrNothing {
        return Ok(report);
    }
    let total = valid.len();
    let by = Recorder::for_user(user, &state.site.node.id);
    let keeper = Keeper {
        unit_id: user.unit_id,
        scope: &user.unit_region,
    };
    let writer = tx.clone();
    let now = app::ui::time::now_unix();
    report.imported = write(
        &state.db,
        &state.resources,
        &by,
        keeper,
        valid,
        &sha256,
        now,
        |done| {
            let _ = writer.try_send(progress(ImportStage::Writing, done, total));
        },
    )
    .await?;
    Ok(report)
}

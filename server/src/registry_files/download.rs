//! Templates and exports: the list as filtered in the address, whole (not just the page shown),
//! within the reader's jurisdiction.

use app::identity::{Permission, region_prefix};
use app::resources::ResourceQuery;
use app::resources::service::{list, template_csv, template_xlsx, write_csv, write_xlsx};
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use std::collections::HashMap;

use super::locale_of;
use crate::files::access::user_with;

/// The most entries one export writes.
const EXPORT_LIMIT: u64 = 1_000_000;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV: &str = "text/csv; charset=utf-8";

pub async fn download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let user = match user_with(&state, &headers, Permission::ResourceRead).await {
        Ok(user) => user,
        Err(answer) => return answer,
    };
    let locale = locale_of(&headers);
    let Some((what, ext)) = file.split_once('.') else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let built = match (what, ext) {
        ("template", "csv") => template_csv(locale),
        ("template", "xlsx") => template_xlsx(locale),
        ("export", "csv" | "xlsx") => {
            let query = ResourceQuery::from_params(|key| params.get(key).cloned());
            let Some(prefix) = region_prefix(&user.unit_region) else {
                return StatusCode::FORBIDDEN.into_response();
            };
            match list(&state.db, prefix, &query, EXPORT_LIMIT).await {
                Ok(page) if ext == "csv" => write_csv(&page.items, locale),
                Ok(page) => write_xlsx(&page.items, locale),
                Err(err) => Err(err),
            }
        }
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let bytes = match built {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(%err, file, "registry file not built");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let stem = if what == "template" {
        "resources-template"
    } else {
        "resources"
    };
    let date = app::ui::time::format_seconds(app::ui::time::now_unix())
        .chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect::<String>();
    let disposition = format!("attachment; filename=\"{stem}-{date}.{ext}\"");
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(if ext == "csv" { CSV } else { XLSX }),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

//! Machine-readable alerts: each published version as CAP 1.2 XML, and the Atom index.

use app::alerts::service::{self, Publisher, to_version};
use app::alerts::{atom, cap_xml};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};
use uuid::Uuid;

use super::cache::{Freshness, answer};
use super::failed;

/// Entries the feed carries.
const FEED_LENGTH: u64 = 100;

/// `GET /public/cap/{version}.xml`
pub async fn cap(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(id) = file
        .strip_suffix(".xml")
        .and_then(|id| Uuid::parse_str(id).ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let row = match service::public_version(&state.db, id).await {
        Ok(Some(row)) => row,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return failed(err),
    };
    let publisher = Publisher::of(&state.site);
    let envelope = publisher.envelope(&row);
    let sent = envelope.sent;
    let Some(version) = to_version(row) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let xml = cap_xml::cap_xml(&envelope, &version.content);
    answer(
        &headers,
        "application/cap+xml; charset=utf-8",
        xml,
        Some(sent),
        Freshness::Immutable,
    )
}

/// `GET /public/feed.atom`
pub async fn atom(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let rows = match service::latest(&state.db, FEED_LENGTH).await {
        Ok(rows) => rows,
        Err(err) => return failed(err),
    };
    let versions: Vec<_> = rows.into_iter().filter_map(to_version).collect();
    let modified = versions.first().map(|v| v.sent);
    let feed = atom::feed(&Publisher::of(&state.site), &versions);
    answer(
        &headers,
        "application/atom+xml; charset=utf-8",
        feed,
        modified,
        Freshness::Page,
    )
}

//! The portal's HTML pages.

use std::collections::HashMap;

use app::alerts::level::WarningLevel;
use app::alerts::portal::{self, Frame};
use app::alerts::service::{self, ArchiveQuery};
use app::alerts::view::PublishedVersion;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};
use uuid::Uuid;

use super::cache::{Freshness, answer};
use super::failed;
use crate::http::locale_of;

const HTML: &str = "text/html; charset=utf-8";

fn frame<'a>(state: &'a AppState, headers: &HeaderMap) -> Frame<'a> {
    Frame {
        locale: locale_of(headers),
        site: &state.site,
    }
}

/// A page of the warnings in force (the home page, the map), drawn by `render`.
async fn in_force(
    state: &AppState,
    headers: &HeaderMap,
    render: fn(&Frame, Vec<PublishedVersion>) -> String,
) -> Response {
    let now = app::ui::time::now_unix();
    let (active, modified) = match tokio::try_join!(
        service::active(&state.db, now),
        service::last_change(&state.db, now)
    ) {
        Ok(found) => found,
        Err(err) => return failed(err),
    };
    let page = render(&frame(state, headers), active);
    answer(headers, HTML, page, modified, Freshness::Page)
}

pub async fn home(State(state): State<AppState>, headers: HeaderMap) -> Response {
    in_force(&state, &headers, portal::home).await
}

pub async fn map(State(state): State<AppState>, headers: HeaderMap) -> Response {
    in_force(&state, &headers, portal::map).await
}

pub async fn alert(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let frame = frame(&state, &headers);
    let versions = match Uuid::parse_str(&id) {
        Ok(id) => match service::public_versions(&state.db, id).await {
            Ok(versions) => versions,
            Err(err) => return failed(err),
        },
        Err(_) => Vec::new(),
    };
    if versions.is_empty() {
        let page = portal::not_found(&frame);
        return (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, HTML)], page).into_response();
    }
    let now = app::ui::time::now_unix();
    // The page changes when a version is added and when the alert expires.
    let modified = versions.first().map(|v| {
        let expiry = v.content.expires;
        if expiry <= now {
            v.sent.max(expiry)
        } else {
            v.sent
        }
    });
    answer(
        &headers,
        HTML,
        portal::alert(&frame, versions, now),
        modified,
        Freshness::Page,
    )
}

pub async fn archive(
    State(state): State<AppState>,
    Query(params): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let frame = frame(&state, &headers);
    let param = |key: &str| {
        params
            .get(key)
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let region: String = param("region")
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect();
    let query = ArchiveQuery {
        text: param("q").chars().take(50).collect(),
        level: WarningLevel::parse(&param("level")),
        // `140100` means the city: its prefix `1401`; `140000` the province: `14`.
        region: app::identity::region_prefix(&region)
            .unwrap_or(&region)
            .to_string(),
        page: param("page").parse().unwrap_or(0).min(10_000),
    };
    let now = app::ui::time::now_unix();
    let (found, modified) = match tokio::try_join!(
        service::archive(&state.db, &query),
        service::last_change(&state.db, now)
    ) {
        Ok(found) => found,
        Err(err) => return failed(err),
    };
    let (versions, total) = found;
    let query = ArchiveQuery { region, ..query };
    let page = portal::archive(&frame, &query, versions, total);
    answer(&headers, HTML, page, modified, Freshness::Page)
}

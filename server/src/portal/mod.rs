//! The public warning portal over HTTP: its pages, each version's CAP document, the Atom feed,
//! the base map and the stylesheet. Open to everyone (no sign-in), read-only, and cacheable:
//! every answer carries an ETag and a Last-Modified that conditional requests are checked
//! against.

mod assets;
mod cache;
mod feeds;
mod pages;

use app::alerts::PORTAL_PATH;
use app::state::AppState;
use axum::Router;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;

pub fn router() -> Router<AppState> {
    let at = |path: &str| format!("{PORTAL_PATH}{path}");
    Router::new()
        .route(PORTAL_PATH, get(pages::home))
        .route(&at("/"), get(pages::home))
        .route(&at("/alerts/{id}"), get(pages::alert))
        .route(&at("/archive"), get(pages::archive))
        .route(&at("/map"), get(pages::map))
        .route(&at("/feed.atom"), get(feeds::atom))
        .route(&at("/cap/{file}"), get(feeds::cap))
        .route(&at("/portal.css"), get(assets::stylesheet))
        .route(app::alerts::map_svg::BASEMAP_PATH, get(assets::basemap))
}

/// A database failure, logged with a reference the reader can quote.
fn failed(err: sea_orm::DbErr) -> Response {
    let error = app::error::AppError::from(err);
    (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response()
}

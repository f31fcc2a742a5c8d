//! The portal's stylesheet (compiled in: the portal needs no site build) and its base map,
//! drawn once from the site's province outlines.

use std::sync::OnceLock;

use app::state::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode};

use super::cache::{Freshness, answer};

const CSS: &str = include_str!("../../../style/portal.css");

pub async fn stylesheet(headers: HeaderMap) -> Response {
    answer(
        &headers,
        "text/css; charset=utf-8",
        CSS,
        None,
        Freshness::Asset,
    )
}

pub async fn basemap(State(state): State<AppState>, headers: HeaderMap) -> Response {
    static SVG: OnceLock<Option<String>> = OnceLock::new();
    let svg = SVG.get_or_init(|| {
        let root = &state.leptos_options.site_root;
        let path = std::path::Path::new(root.as_ref()).join("geo/china-provinces.geojson");
        match std::fs::read_to_string(&path) {
            Ok(text) => app::alerts::map_svg::basemap(&text),
            Err(err) => {
                tracing::warn!(path = %path.display(), %err, "no province outlines for the portal map");
                None
            }
        }
    });
    match svg {
        Some(svg) => answer(
            &headers,
            "image/svg+xml",
            svg.as_str(),
            None,
            Freshness::Asset,
        ),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

//! The HTTP surface: the Leptos app and its server functions, static files, health probes and
//! the language switch.

mod errors;
mod health;
mod language;
mod origin;
pub mod session;
mod sign_in;

pub use language::locale_of;

use app::state::AppState;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use std::sync::OnceLock;

use leptos_axum::{
    AxumRouteListing, LeptosRoutes, file_and_error_handler_with_context, generate_route_list,
};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::trace::TraceLayer;

/// The app's routes, generated once per process. Generating them switches off resource loading
/// process-wide for a moment (leptos' global `SuppressResourceLoad`), so a second generation
/// while another router renders (several routers in one test process) would hang that render.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// The whole router, without a socket, so tests can drive it with `oneshot`.
pub fn build_router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let shell = {
        let options = state.leptos_options.clone();
        move || app::shell(options.clone())
    };
    Router::new()
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .route("/lang/{tag}", get(language::switch))
        .route(app::live::EVENTS_PATH, get(crate::realtime::events))
        .route(app::video::SIGNAL_PATH, get(crate::video::socket::signal))
        .route(
            "/incidents/{id}/attachments",
            post(crate::files::upload).layer(DefaultBodyLimit::max(upload_limit())),
        )
        .route(
            "/incidents/{id}/attachments/{attachment}",
            get(crate::files::download),
        )
        .route(
            &format!("{}/import", app::resources::FILES_PATH),
            post(crate::registry_files::import).layer(DefaultBodyLimit::max(
                app::resources::MAX_IMPORT_BYTES + 64 * 1024,
            )),
        )
        .route(
            &format!("{}/{{file}}", app::resources::FILES_PATH),
            get(crate::registry_files::download),
        )
        .merge(crate::api::router())
        .merge(crate::portal::router())
        .leptos_routes_with_context(&state, routes, context.clone(), shell)
        .layer(axum::middleware::from_fn(errors::with_status))
        .fallback(file_and_error_handler_with_context::<AppState, _>(
            context,
            app::shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            sign_in::require,
        ))
        .layer(axum::middleware::from_fn(origin::check))
        // Streamed progress (NDJSON) must reach the browser line by line, not in gzip blocks.
        .layer(CompressionLayer::new().compress_when(
            DefaultPredicate::new().and(NotForContentType::const_new("application/x-ndjson")),
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The request size the upload route accepts: the largest file plus the multipart framing.
fn upload_limit() -> usize {
    usize::try_from(app::incidents::MAX_UPLOAD_BYTES).unwrap_or(usize::MAX) + 64 * 1024
}

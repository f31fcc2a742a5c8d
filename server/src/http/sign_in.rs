//! Every page but the sign-in page needs a session: without one, the browser is sent to
//! `/login?next=…` before anything renders. Checked here, in front of the app, rather than in a
//! component: a page never starts loading data for someone who may not see it.

use app::identity::service::{session_user, token_from_headers};
use app::state::AppState;
use app::ui::url::encode;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use http::StatusCode;
use std::sync::OnceLock;

/// Pages open to everyone: signing in, and an invited expert's consultation (its link's
/// secret is checked by the page and the signalling socket).
const OPEN_PAGES: &[&str] = &["/login", "/video/join/{secret}"];

pub async fn require(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if !is_guarded_page(path) {
        return next.run(request).await;
    }
    let token = token_from_headers(request.headers());
    let signed_in = match token {
        Some(token) => match session_user(&state.db, token).await {
            Ok(user) => user.is_some(),
            Err(err) => {
                // Logged with a reference the reader can quote.
                let error = app::error::AppError::from(err);
                let status = StatusCode::from_u16(error.status()).unwrap_or_default();
                return (status, error.to_string()).into_response();
            }
        },
        None => false,
    };
    if signed_in {
        return next.run(request).await;
    }
    let here = match request.uri().query() {
        Some(query) => format!("{path}?{query}"),
        None => path.to_string(),
    };
    Redirect::to(&format!("/login?next={}", encode(&here, b"/"))).into_response()
}

/// Whether `path` is one of the app's pages other than the open ones.
fn is_guarded_page(path: &str) -> bool {
    static PAGES: OnceLock<Vec<String>> = OnceLock::new();
    let pages = PAGES.get_or_init(|| {
        super::route_list()
            .iter()
            .map(|r| r.path().to_string())
            .filter(|p| !OPEN_PAGES.contains(&p.as_str()))
            .collect()
    });
    pages.iter().any(|pattern| matches(pattern, path))
}

/// `/admin/users/{id}` matches `/admin/users/0190…`: a `{…}` segment matches any one segment.
fn matches(pattern: &str, path: &str) -> bool {
    let trim = |p: &str| p.trim_end_matches('/').to_string();
    let (pattern, path) = (trim(pattern), trim(path));
    let (mut want, mut got) = (pattern.split('/'), path.split('/'));
    loop {
        match (want.next(), got.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with('{') || w == g => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_patterns_match_their_pages_only() {
        assert!(matches("/admin/users/{id}", "/admin/users/0190-ab"));
        assert!(!matches("/admin/users/{id}", "/admin/users"));
        assert!(matches("/", "/"));
        assert!(matches("/map", "/map/"));
        assert!(!matches("/map", "/mapx"));
        assert!(!matches("/", "/pkg/yingji.wasm"));
    }
}

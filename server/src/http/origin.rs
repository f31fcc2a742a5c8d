//! CSRF defence: a state-changing request from a browser must come from one of our own pages.
//!
//! Browsers send `Origin` (or at least `Referer`) with every POST; a page of another site
//! cannot forge them. Requests without either come from machine clients, which carry no
//! session cookie to abuse; with a session cookie they are refused.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};

pub async fn check(request: Request, next: Next) -> Response {
    // HTTP/2 carries the host in the URI's authority instead of a Host header.
    let authority = request.uri().authority().map(|a| a.as_str().to_string());
    if request.method().is_safe() || allowed(request.headers(), authority.as_deref()) {
        next.run(request).await
    } else {
        tracing::warn!(uri = %request.uri(), "cross-site write refused");
        (
            StatusCode::FORBIDDEN,
            "cross-site request refused / 拒绝跨站请求",
        )
            .into_response()
    }
}

fn allowed(headers: &http::HeaderMap, authority: Option<&str>) -> bool {
    let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let host = text(header::HOST).or(authority);
    match (text(header::ORIGIN).or_else(|| text(header::REFERER)), host) {
        (Some(source), Some(host)) => same_host(source, host),
        (Some(_), None) => false,
        (None, _) => !carries_session(text(header::COOKIE)),
    }
}

/// Whether `source` (an Origin or Referer) names exactly this `host` (with port).
fn same_host(source: &str, host: &str) -> bool {
    let Some(rest) = source
        .strip_prefix("http://")
        .or_else(|| source.strip_prefix("https://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority.eq_ignore_ascii_case(host)
}

fn carries_session(cookies: Option<&str>) -> bool {
    cookies
        .and_then(app::identity::service::token_from_cookies)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderMap, HeaderValue};

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(name.clone(), HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn same_site_writes_pass_and_cross_site_ones_do_not() {
        let host = (header::HOST, "centre.local:3000");
        let rows: [(&[(header::HeaderName, &str)], bool); 8] = [
            (&[(header::ORIGIN, "http://centre.local:3000")], false),
            (
                &[host.clone(), (header::ORIGIN, "http://centre.local:3000")],
                true,
            ),
            (
                &[host.clone(), (header::ORIGIN, "https://evil.example")],
                false,
            ),
            (
                &[host.clone(), (header::ORIGIN, "http://centre.local:3001")],
                false,
            ),
            (&[host.clone(), (header::ORIGIN, "null")], false),
            (
                &[
                    host.clone(),
                    (header::REFERER, "http://centre.local:3000/login"),
                ],
                true,
            ),
            (
                &[host.clone(), (header::COOKIE, "yingji_session=abc")],
                false,
            ),
            (&[host.clone(), (header::COOKIE, "yingji_lang=en")], true),
        ];
        for (pairs, expected) in rows {
            assert_eq!(allowed(&headers(pairs), None), expected, "{pairs:?}");
        }
    }
}

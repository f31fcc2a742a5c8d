//! `/lang/{tag}`: the language switch for pages without JavaScript (hydrated pages switch in
//! place and only set the same cookie).

use app::i18n::Locale;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, StatusCode, header};

pub async fn switch(Path(tag): Path<String>, headers: HeaderMap) -> Response {
    let Some(locale) = Locale::from_tag(&tag) else {
        return (StatusCode::NOT_FOUND, "unknown language / 不支持的语言").into_response();
    };
    let back = back_path(&headers).unwrap_or_else(|| "/".to_string());
    (
        StatusCode::SEE_OTHER,
        [
            (header::SET_COOKIE, locale.cookie()),
            (header::LOCATION, back),
        ],
    )
        .into_response()
}

/// The reader's language from the locale cookie (Chinese when none).
pub fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(Locale::from_cookie_header)
        .unwrap_or_default()
}

/// The path of the page the reader came from, if it was one of ours (never an open redirect).
fn back_path(headers: &HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let rest = referer
        .strip_prefix("http://")
        .or_else(|| referer.strip_prefix("https://"))?;
    let path = rest.strip_prefix(host)?;
    (path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/lang/"))
        .then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(referer: &str, host: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::REFERER, HeaderValue::from_str(referer).unwrap());
        h.insert(header::HOST, HeaderValue::from_str(host).unwrap());
        h
    }

    #[test]
    fn returns_to_our_own_pages_only() {
        assert_eq!(
            back_path(&headers("http://a:3000/map?x=1", "a:3000")),
            Some("/map?x=1".into())
        );
        assert_eq!(back_path(&headers("http://evil/map", "a:3000")), None);
        assert_eq!(back_path(&headers("http://a:3000//evil", "a:3000")), None);
        assert_eq!(back_path(&headers("http://a:3000/lang/en", "a:3000")), None);
    }
}

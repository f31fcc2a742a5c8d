//! Conditional GET for the portal: a weak ETag from the body's hash (the compression layer may
//! re-encode the bytes, so the tag must not promise byte identity) and Last-Modified from the
//! data, answered 304 when the reader's copy is current.

use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// How long a reader may use a copy without asking: pages and feeds never (a cancelled warning
/// must not linger in a browser's cache), but asking is cheap with the ETag; published CAP
/// documents never change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    Page,
    Asset,
    Immutable,
}

impl Freshness {
    fn header(self) -> &'static str {
        match self {
            Freshness::Page => "public, no-cache",
            Freshness::Asset => "public, max-age=3600",
            Freshness::Immutable => "public, max-age=31536000, immutable",
        }
    }
}

pub fn etag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    format!("W/\"{}\"", hex::encode(&digest[..12]))
}

fn http_date(unix: i64) -> Option<String> {
    let at = OffsetDateTime::from_unix_timestamp(unix).ok()?;
    Some(httpdate::fmt_http_date(at.into()))
}

/// Whether the reader's copy (from its conditional headers) is still current. If-None-Match
/// wins over If-Modified-Since, as RFC 9110 says.
pub fn is_current(request: &HeaderMap, etag: &str, modified: Option<i64>) -> bool {
    if let Some(tags) = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        let bare = etag.trim_start_matches("W/");
        return tags
            .split(',')
            .map(|t| t.trim())
            .any(|t| t == "*" || t.trim_start_matches("W/") == bare);
    }
    let since = request
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| httpdate::parse_http_date(v).ok())
        .map(|t| OffsetDateTime::from(t).unix_timestamp());
    matches!((since, modified), (Some(since), Some(modified)) if modified <= since)
}

/// The answer for `body`: 304 when the reader's copy is current, else 200 with the body.
pub fn answer(
    request: &HeaderMap,
    content_type: &'static str,
    body: impl Into<Vec<u8>>,
    modified: Option<i64>,
    freshness: Freshness,
) -> Response {
    let body = body.into();
    let etag = etag_of(&body);
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(freshness.header()),
    );
    // The page's language follows the locale cookie.
    headers.insert(header::VARY, HeaderValue::from_static("Cookie"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    if let Some(v) = modified
        .and_then(http_date)
        .and_then(|d| HeaderValue::from_str(&d).ok())
    {
        headers.insert(header::LAST_MODIFIED, v);
    }
    if is_current(request, &etag, modified) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    (StatusCode::OK, headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(name: header::HeaderName, value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(name, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn a_matching_tag_or_a_later_date_means_current() {
        let tag = etag_of(b"page");
        assert!(is_current(&with(header::IF_NONE_MATCH, &tag), &tag, None));
        let strong = tag.trim_start_matches("W/");
        assert!(is_current(&with(header::IF_NONE_MATCH, strong), &tag, None));
        assert!(!is_current(
            &with(header::IF_NONE_MATCH, "W/\"other\""),
            &tag,
            Some(0)
        ));
        let date = http_date(1_796_383_800).unwrap();
        assert!(is_current(
            &with(header::IF_MODIFIED_SINCE, &date),
            &tag,
            Some(1_796_383_800)
        ));
        assert!(!is_current(
            &with(header::IF_MODIFIED_SINCE, &date),
            &tag,
            Some(1_796_383_801)
        ));
        assert!(!is_current(&HeaderMap::new(), &tag, Some(0)));
    }
}

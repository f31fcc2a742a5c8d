//! Registry files over HTTP: `GET /resources/files/{template,export}.{csv,xlsx}` and
//! `POST /resources/files/import` (multipart `file`, `mode`), answered as NDJSON progress.

mod download;
mod import;

pub use download::download;
pub use import::import;

use app::i18n::Locale;
use http::HeaderMap;

/// The reader's language from the locale cookie (Chinese when none).
fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(Locale::from_cookie_header)
        .unwrap_or_default()
}

//! Registry files over HTTP: `GET /resources/files/{template,export}.{csv,xlsx}` and
//! `POST /resources/files/import` (multipart `file`, `mode`), answered as NDJSON progress.

mod download;
mod import;

pub use download::download;
pub use import::import;

use crate::http::locale_of;

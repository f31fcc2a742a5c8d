//! Errors of the JSON API: a status, a stable code for programs, a message for people.

use app::error::{AppError, FieldError};
use app::i18n::Locale;
use axum::Json;
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use serde::Serialize;

/// An API error, in the caller's language (`Accept-Language`; Chinese by default).
#[derive(Debug)]
pub struct ApiError {
    pub error: AppError,
    pub locale: Locale,
}

#[derive(Serialize)]
struct Body<'a> {
    code: &'a str,
    message: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    fields: &'a [FieldError],
}

impl ApiError {
    fn code(&self) -> &'static str {
        match self.error {
            AppError::NotFound => "not_found",
            AppError::Validation(_) => "invalid",
            AppError::Unauthorized => "unauthorized",
            AppError::Forbidden => "forbidden",
            AppError::Conflict => "conflict",
            AppError::Internal { .. } => "internal",
            AppError::Unavailable(_) => "unavailable",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let fields = match &self.error {
            AppError::Validation(fields) => fields.as_slice(),
            _ => &[],
        };
        let body = Body {
            code: self.code(),
            message: self.error.message(self.locale.texts()),
            fields,
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"yingji\""),
            );
        }
        response
    }
}

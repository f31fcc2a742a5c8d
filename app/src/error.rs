//! The one error type that crosses the wire, and the pages that show errors.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::i18n::{Texts, use_i18n};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    /// Already localized for the reader by the server.
    pub message: String,
}

/// Collects a form's field errors on the server, then answers all of them at once.
#[derive(Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            message: message.into(),
        });
    }

    /// `Ok` when nothing was wrong.
    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self.0))
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("not signed in")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict")]
    Conflict,
    /// Something failed on the server; the cause is in the log under `ref_id`.
    #[error("internal error (ref {ref_id})")]
    Internal { ref_id: String },
    /// The request never got a proper answer (network, encoding).
    #[error("server unavailable: {0}")]
    Unavailable(String),
}

impl AppError {
    /// A validation error of a single field.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Validation(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Validation(_) => 422,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Conflict => 409,
            AppError::Internal { .. } => 500,
            AppError::Unavailable(_) => 503,
        }
    }

    /// Logs an unexpected failure with its cause chain and returns the error the user sees.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: &(dyn std::error::Error + 'static)) -> Self {
        let ref_id = uuid::Uuid::now_v7().simple().to_string()[..12].to_string();
        tracing::error!(ref_id, error = %cause_chain(cause), "internal error");
        AppError::Internal { ref_id }
    }

    /// The message for the reader, in the reader's language.
    pub fn message(&self, t: &Texts) -> String {
        let e = &t.error;
        match self {
            AppError::NotFound => e.not_found.to_string(),
            AppError::Validation(fields) if fields.is_empty() => e.invalid.to_string(),
            AppError::Validation(fields) => fields
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; "),
            AppError::Unauthorized => e.unauthorized.to_string(),
            AppError::Forbidden => e.forbidden.to_string(),
            AppError::Conflict => e.conflict.to_string(),
            AppError::Internal { ref_id } => format!("{} ({}: {ref_id})", e.internal, e.reference),
            AppError::Unavailable(_) => e.unavailable.to_string(),
        }
    }
}

/// An error and its sources on one line: `outer: inner: root cause`.
pub fn cause_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut chain = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        chain.push_str(": ");
        chain.push_str(&inner.to_string());
        source = inner.source();
    }
    chain
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The caller sent arguments that do not decode: its input is at fault.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::Validation(vec![])
            }
            other => AppError::Unavailable(other.to_string()),
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(&err)
    }
}

/// A failed load, shown in place of the content it was for.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice notice--error" role="alert">
            {move || error.message(i18n.t())}
        </p>
    }
}

/// The page for an address that matches no route; answered with a real HTTP 404.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=move || i18n.t().not_found.title />
        <section class="page page--not-found" data-testid="not-found">
            <h1>"404 · " {move || i18n.t().not_found.title}</h1>
            <p class="page__lead">{move || i18n.t().not_found.body}</p>
            <a class="button button--primary" href="/">{move || i18n.t().not_found.back_home}</a>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn statuses_follow_http_meaning() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::Validation(vec![]).status(), 422);
        assert_eq!(AppError::Internal { ref_id: "x".into() }.status(), 500);
    }

    #[test]
    fn internal_errors_show_their_reference_in_both_languages() {
        let err = AppError::Internal {
            ref_id: "abc123".into(),
        };
        assert!(
            err.message(Locale::ZhCn.texts())
                .contains("参考编号: abc123")
        );
        assert!(
            err.message(Locale::En.texts())
                .contains("Reference: abc123")
        );
    }

    #[test]
    fn errors_survive_the_wire() {
        let err = AppError::Validation(vec![FieldError {
            field: "name".into(),
            message: "必填".into(),
        }]);
        let bytes = err.ser();
        assert_eq!(AppError::de(bytes), err);
    }
}

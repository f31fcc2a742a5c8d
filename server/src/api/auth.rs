//! `Authorization: Bearer yjk_…`: the API key that makes an [`ApiClient`].

use app::audit::Actor;
use app::error::AppError;
use app::i18n::Locale;
use app::identity::guard::record_refusal;
use app::identity::service::authenticate_key;
use app::identity::{ApiClient, Decision, Grants, Permission, authorize};
use app::state::AppState;
use axum::extract::FromRequestParts;
use http::header;
use http::request::Parts;

use super::ApiError;

/// The authenticated machine client of a request, with what it needs to answer and to audit.
pub struct ApiCaller {
    pub client: ApiClient,
    pub locale: Locale,
    pub state: AppState,
}

impl ApiCaller {
    /// The client, if its scopes grant `permission`; a refusal is audited.
    pub async fn require(&self, permission: Permission, target: &str) -> Result<(), ApiError> {
        if self.client.grants(permission) {
            return Ok(());
        }
        Err(self.refuse(permission, target, Decision::Forbidden).await)
    }

    /// [`require`](Self::require) for a record of `region`: outside the key's jurisdiction it
    /// does not exist.
    pub async fn require_in(
        &self,
        permission: Permission,
        region: &str,
        target: &str,
    ) -> Result<(), ApiError> {
        let unit = &self.client.unit_region;
        match authorize(&self.client, permission, unit, region, false) {
            Decision::Allow => Ok(()),
            refusal => Err(self.refuse(permission, target, refusal).await),
        }
    }

    async fn refuse(&self, permission: Permission, target: &str, decision: Decision) -> ApiError {
        let actor = Actor::ApiKey(self.client.key_id);
        let node = &self.state.site.node.id;
        let db = &self.state.db;
        let target = target.to_string();
        self.error(record_refusal(db, node, &actor, permission, target, decision).await)
    }

    pub fn error(&self, error: AppError) -> ApiError {
        ApiError {
            error,
            locale: self.locale,
        }
    }
}

/// The caller's language for messages: `Accept-Language`, Chinese by default.
pub fn locale_of(parts: &Parts) -> Locale {
    parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::from_accept_language)
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let locale = locale_of(parts);
        let unauthorized = ApiError {
            error: AppError::Unauthorized,
            locale,
        };
        let Some(key) = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        else {
            return Err(unauthorized);
        };
        match authenticate_key(&state.db, key.trim()).await {
            Ok(Some(client)) => Ok(ApiCaller {
                client,
                locale,
                state: state.clone(),
            }),
            Ok(None) => Err(unauthorized),
            Err(err) => Err(ApiError {
                error: err.into(),
                locale,
            }),
        }
    }
}

use leptos::prelude::*;

use super::{CurrentUser, LoginRefusal};
use crate::error::AppError;

/// Signs in. A refusal is an answer, not an error: the page words it for the reader.
#[server(endpoint = "identity/login")]
pub async fn login(username: String, password: String) -> Result<Option<LoginRefusal>, AppError> {
    use super::guard::client_address;
    use super::service;
    let state = crate::state::app_state()?;
    if username.trim().is_empty() || username.chars().count() > 64 || password.chars().count() > 256
    {
        return Ok(Some(LoginRefusal::BadCredentials));
    }
    let outcome = service::login(
        &state.db,
        &state.site.node.id,
        &username,
        &password,
        &client_address(),
    )
    .await?;
    match outcome {
        Ok((token, _)) => {
            set_cookie(&service::session_cookie(&token));
            Ok(None)
        }
        Err(refusal) => Ok(Some(refusal)),
    }
}

/// Signs out: ends the session on the server and clears the cookie.
#[server(endpoint = "identity/logout")]
pub async fn logout() -> Result<(), AppError> {
    use super::{guard::request_token, service};
    let state = crate::state::app_state()?;
    if let Some(token) = request_token() {
        service::logout(&state.db, &state.site.node.id, &token).await?;
    }
    set_cookie(&service::clear_session_cookie());
    Ok(())
}

/// The signed-in user changes its own password (current one required, new one after the
/// policy, typed twice); its other sessions end.
#[server(endpoint = "identity/password")]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    use super::guard::{current_user, request_token};
    use crate::error::FieldErrors;
    let user = current_user().await?.ok_or(AppError::Unauthorized)?;
    let token = request_token().ok_or(AppError::Unauthorized)?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().account;
    let mut errors = FieldErrors::default();
    let problems = super::check_password(&new, &user.username);
    if !problems.is_empty() {
        let admin = &crate::i18n::detect_locale().texts().admin;
        let words: Vec<&str> = problems
            .iter()
            .map(|p| admin.password_problem(*p))
            .collect();
        errors.add(t.new_password, words.join("；"));
    }
    if new != confirm {
        errors.add(t.confirm, t.mismatch);
    }
    errors.finish()?;
    let node = &state.site.node.id;
    let changed =
        super::service::change_own_password(&state.db, node, user.id, current, new, &token).await?;
    if changed {
        Ok(())
    } else {
        let mut errors = FieldErrors::default();
        errors.add(t.current, t.wrong_current);
        errors.finish()
    }
}

/// The signed-in user, or `None`.
#[server(endpoint = "identity/me")]
pub async fn get_current_user() -> Result<Option<CurrentUser>, AppError> {
    super::guard::current_user().await
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        response.append_header(http::header::SET_COOKIE, value);
    }
}

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::context::{reload_at, signed_in_user};
use crate::identity::{Login, LoginRefusal};

/// 登录: user name and password; a refusal never says whether the account exists. Afterwards
/// the page asked for (`?next=`), or the overview.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<Login>::new();
    let query = use_query_map();
    let next = move || safe_next(query.read().get("next"));
    Effect::new(move |_| {
        if let Some(Ok(None)) = action.value().get() {
            reload_at(&next());
        }
    });
    let outcome = move || {
        let t = &i18n.t().identity;
        match action.value().get()? {
            Ok(None) => None,
            Ok(Some(LoginRefusal::BadCredentials)) => Some(
                view! { <p class="notice notice--error" role="alert">{t.bad_credentials}</p> }
                    .into_any(),
            ),
            Ok(Some(LoginRefusal::Locked { minutes })) => Some(
                view! {
                    <p class="notice notice--error" role="alert">
                        {t.locked.replace("{minutes}", &minutes.to_string())}
                    </p>
                }
                .into_any(),
            ),
            Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
        }
    };
    // Already signed in (or just signed in without JavaScript): on to the page asked for.
    let signed_in = move || signed_in_user().map(|_| view! { <Redirect path=next() /> });
    view! {
        <Title text=move || i18n.t().identity.login_title />
        <section class="page page--login">
            <h1>{move || i18n.t().identity.login_title}</h1>
            <Transition fallback=|| ()>{signed_in}</Transition>
            <ActionForm action attr:class="form form--login">
                <label class="field">
                    <span class="field__label">{move || i18n.t().identity.username}</span>
                    <input name="username" autocomplete="username" required maxlength="64" />
                </label>
                <label class="field">
                    <span class="field__label">{move || i18n.t().identity.password}</span>
                    <input name="password" type="password" autocomplete="current-password" required maxlength="256" />
                </label>
                <button class="button button--primary" type="submit" disabled=move || action.pending().get()>
                    {move || i18n.t().identity.sign_in}
                </button>
            </ActionForm>
            {outcome}
        </section>
    }
}

/// Where to go after signing in: a path of ours, never another site (`//evil`, `https:`).
fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .filter(|n| !n.starts_with("/login"))
        .unwrap_or_else(|| "/".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/admin/users".into())), "/admin/users");
        assert_eq!(safe_next(Some("//evil.example".into())), "/");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/");
        assert_eq!(safe_next(Some("/login?next=/x".into())), "/");
        assert_eq!(safe_next(None), "/");
    }
}

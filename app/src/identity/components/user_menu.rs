use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::identity::context::{reload_at, signed_in_user};
use crate::identity::logout;

/// The signed-in user and a sign-out button, or a sign-in link.
#[component]
pub fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let sign_out = Action::new(|_: &()| logout());
    Effect::new(move |_| {
        if let Some(Ok(())) = sign_out.value().get() {
            reload_at("/login");
        }
    });
    move || {
        let t = &i18n.t().identity;
        match signed_in_user() {
            Some(user) => view! {
                <div class="user" data-testid="user-menu">
                    <a class="user__name" href="/account">{user.display_name}</a>
                    <span class="user__role">{i18n.t().role(user.role)}</span>
                    <button class="user__action" type="button" on:click=move |_| { sign_out.dispatch(()); }>
                        {t.sign_out}
                    </button>
                </div>
            }
            .into_any(),
            None => view! { <a class="user__action" href="/login">{t.sign_in}</a> }.into_any(),
        }
    }
}

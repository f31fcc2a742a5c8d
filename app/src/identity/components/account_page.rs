use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::ChangePassword;
use crate::identity::context::signed_in_user;
use crate::ui::Field;

/// 我的账号: who I am, and a password change.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangePassword>::new();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (change.value().get(), form_ref.get()) {
            form.reset();
        }
    });
    let outcome = move || match change.value().get()? {
        Ok(()) => Some(
            view! { <p class="notice" role="status">{i18n.t().account.changed}</p> }.into_any(),
        ),
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    let who = move || {
        signed_in_user().map(|user| {
            let a = &i18n.t().admin;
            view! {
                <dl class="facts" data-testid="account">
                    <dt>{a.display_name}</dt><dd>{user.display_name}</dd>
                    <dt>{a.username}</dt><dd>{user.username}</dd>
                    <dt>{a.unit}</dt><dd>{user.unit_name}</dd>
                    <dt>{a.role}</dt><dd>{i18n.t().role(user.role)}</dd>
                </dl>
            }
        })
    };
    let form = move || {
        let t = &i18n.t().account;
        view! {
            <h2>{t.change_title}</h2>
            <ActionForm action=change node_ref=form_ref attr:class="form">
                <Field label=t.current><input name="current" type="password" required autocomplete="current-password" /></Field>
                <Field label=t.new_password hint=t.policy><input name="new" type="password" required autocomplete="new-password" /></Field>
                <Field label=t.confirm><input name="confirm" type="password" required autocomplete="new-password" /></Field>
                <button class="button button--primary" type="submit" disabled=move || change.pending().get()>
                    {t.change}
                </button>
            </ActionForm>
        }
    };
    view! {
        <Title text=move || i18n.t().account.title />
        <section class="page page--account">
            <h1>{move || i18n.t().account.title}</h1>
            // The user is a resource: read inside a Transition.
            <Transition fallback=|| ()>{who}</Transition>
            {form}
            {outcome}
        </section>
    }
}

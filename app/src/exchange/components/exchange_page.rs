//! `/exchange`: this node in the national system — is the link up, what waits to leave, who
//! is registered above and below, what was refused; directives received and sent.

use leptos::prelude::*;
use leptos_meta::Title;

use super::directive_form::DirectiveForm;
use super::directives::Directives;
use super::link_status::LinkStatus;
use super::support_panel::SupportPanel;
use crate::error::ErrorNotice;
use crate::exchange::{SendDirective, exchange_overview, list_directives};
use crate::i18n::use_i18n;

#[component]
pub fn ExchangePage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().exchange;
    let send = ServerAction::<SendDirective>::new();
    let status = Resource::new(move || send.version().get(), |_| exchange_overview());
    let directives = Resource::new(move || send.version().get(), |_| list_directives());
    let loading = move || view! { <p>{move || i18n.t().loading}</p> };
    let link = move || {
        status.get().map(|result| match result {
            Ok(status) => {
                let children = status.peers.clone();
                view! {
                    <LinkStatus status />
                    <DirectiveForm send children />
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    let list = move || {
        directives.get().map(|result| match result {
            Ok(items) => view! { <Directives items /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--exchange" data-testid="section-exchange">
            <Title text=move || t().title />
            <header class="page__header">
                <h1>{move || t().title}</h1>
                <p class="muted">{move || t().hint}</p>
            </header>
            <div class="exchange">
                <div class="exchange__status">
                    <Transition fallback=loading>{link}</Transition>
                </div>
                <div class="exchange__directives">
                    <SupportPanel />
                    <Transition fallback=loading>{list}</Transition>
                </div>
            </div>
        </section>
    }
    .into_any()
}

use leptos::prelude::*;

use super::DemoBadge;
use crate::i18n::{Locale, use_i18n};
use crate::identity::UserMenu;
use crate::site::site_info;

/// Product name, this node's identity, the demo marker and the language switch.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let node = move || {
        let info = site_info()?;
        let t = i18n.t();
        let node = &info.node;
        Some(view! {
            <div class="top-bar__node" data-testid="node-identity">
                <span class="top-bar__label">{t.this_node}</span>
                <strong>{node.name.clone()}</strong>
                <span class="top-bar__meta">
                    {t.tier(node.tier)} " · " {node.region_name()} " " {node.region_code.clone()}
                </span>
                {info.demo.then(|| view! { <DemoBadge /> })}
            </div>
        })
    };
    view! {
        <header class="top-bar">
            <a class="top-bar__brand" href="/">
                <span class="top-bar__logo" aria-hidden="true">"应"</span>
                <span class="top-bar__name">{move || i18n.t().app_short}</span>
                <span class="top-bar__tagline">{move || i18n.t().tagline}</span>
            </a>
            <Transition fallback=|| ()>{node}</Transition>
            <Transition fallback=|| ()>
                <UserMenu />
            </Transition>
            <LanguageSwitch />
        </header>
    }
}

/// Links that work without JavaScript (the server sets the cookie and redirects back) and
/// switch in place once the page is hydrated.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let link = move |locale: Locale| {
        let on_click = move |ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            i18n.set(locale);
        };
        view! {
            <a
                class="lang__option"
                href=format!("/lang/{}", locale.tag())
                rel="external"
                hreflang=locale.tag()
                lang=locale.tag()
                aria-current=move || (i18n.locale() == locale).then_some("true")
                on:click=on_click
            >
                {locale.endonym()}
            </a>
        }
    };
    view! {
        <div class="lang" role="group" aria-label=move || i18n.t().language_label>
            {Locale::ALL.into_iter().map(link).collect_view()}
        </div>
    }
}

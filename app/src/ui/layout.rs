use leptos::prelude::*;

use super::nav::Nav;
use super::top_bar::TopBar;
use crate::i18n::use_i18n;

/// The frame of every page: top bar, navigation, and the page itself.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <div class="frame">
            <TopBar />
            <Nav />
            <main id="main" class="frame__main">{children()}</main>
        </div>
    }
}

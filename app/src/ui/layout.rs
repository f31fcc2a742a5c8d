use leptos::prelude::*;

use super::nav::Nav;
use super::top_bar::TopBar;
use crate::i18n::use_i18n;

/// Kiosk pages: the whole screen is the page (the video wall), no bar, no navigation.
const KIOSK_PATHS: &[&str] = &["/wall"];

/// The frame of every page: top bar, navigation, and the page itself.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let path = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    if KIOSK_PATHS.contains(&path.trim_end_matches('/')) {
        return view! { <main id="main" class="kiosk">{children()}</main> }.into_any();
    }
    view! {
        <a class="skip-link" href="#main">{move || i18n.t().skip_to_content}</a>
        <div class="frame">
            <TopBar />
            <Nav />
            <main id="main" class="frame__main">{children()}</main>
        </div>
    }
    .into_any()
}

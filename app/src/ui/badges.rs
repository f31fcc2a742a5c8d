use leptos::prelude::*;

use crate::i18n::use_i18n;

/// 演示数据: marks anything that comes from the demo data set.
#[component]
pub fn DemoBadge() -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class="badge badge--demo">{move || i18n.t().demo_badge}</span> }
}

/// A copy of another node's record, named with the node that owns it; `label` picks the words
/// (「下级报送」 for an incident, 「转自」 for an alert).
#[component]
pub fn OriginBadge(
    origin: Option<String>,
    label: fn(&crate::i18n::Texts) -> &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    origin.map(|name| {
        view! {
            <span class="badge badge--origin" data-testid="origin">
                {move || label(i18n.t())} " · " {name.clone()}
            </span>
        }
    })
}

/// 可用 / 建设中: whether a section works yet.
#[component]
pub fn StatusBadge(available: bool) -> impl IntoView {
    let i18n = use_i18n();
    let class = if available {
        "badge badge--ok"
    } else {
        "badge badge--building"
    };
    let text = move || {
        let t = i18n.t();
        if available {
            t.status_available
        } else {
            t.status_building
        }
    };
    view! { <span class=class>{text}</span> }
}

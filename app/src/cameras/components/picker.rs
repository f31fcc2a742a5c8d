//! Chooses a panel's camera: each shows its kind, what it films and whether it is online.

use leptos::prelude::*;
use uuid::Uuid;

use crate::cameras::Camera;
use crate::i18n::use_i18n;

/// `shown` is the panel's camera; a choice goes to `choose`.
#[component]
pub fn SourcePicker(
    cameras: Vec<Camera>,
    #[prop(into)] shown: Signal<Option<Uuid>>,
    choose: Callback<Option<Uuid>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().cameras;
    let options = cameras
        .into_iter()
        .map(|c| {
            let value = c.id.to_string();
            let label = move || {
                let t = t();
                let via = c
                    .relayed_from
                    .as_ref()
                    .map(|node| format!(" · {}{node}", t.relayed_via))
                    .unwrap_or_default();
                format!(
                    "{} · {} · {}{via}（{}）",
                    c.name,
                    t.kind_name(c.kind),
                    c.subject_name,
                    t.state_name(c.health.state)
                )
            };
            let selected = move || shown.get() == Some(c.id);
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="camera-picker">
            <select
                aria-label=move || t().source
                data-testid="camera-picker"
                on:change=move |ev| choose.run(Uuid::parse_str(&event_target_value(&ev)).ok())
            >
                <option value="" selected=move || shown.get().is_none()>{move || t().no_source}</option>
                {options}
            </select>
        </label>
    }
}

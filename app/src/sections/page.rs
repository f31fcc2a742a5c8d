use leptos::prelude::*;
use leptos_meta::Title;

use super::Section;
use crate::i18n::use_i18n;
use crate::ui::StatusBadge;

/// The honest page of a section that is not built yet: its name, 建设中, and what is planned.
#[component]
pub fn UnderConstructionPage(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || i18n.t().section(section);
    view! {
        <Title text=move || text().name />
        <section class="page page--building" data-testid=format!("section-{}", section.key())>
            <header class="page__header">
                <h1>{move || text().name}</h1>
                <StatusBadge available=false />
            </header>
            <p class="page__lead">{move || text().summary}</p>
            <p class="notice notice--building" role="status">{move || i18n.t().building_notice}</p>
            <h2>{move || i18n.t().planned_title}</h2>
            <ul class="planned">
                {move || text().planned.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}
            </ul>
        </section>
    }
}

use leptos::prelude::*;
use leptos_meta::Title;

use crate::directory::{DirectorySummary, get_directory_summary};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::sections::Section;
use crate::site::is_demo_site;
use crate::ui::StatusBadge;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let summary = Resource::new_blocking(|| (), |_| get_directory_summary());
    view! {
        <Title text=move || i18n.t().home.title />
        <section class="page page--home" data-testid="home">
            <header class="page__header">
                <h1>{move || i18n.t().home.title}</h1>
            </header>
            <p class="page__lead">{move || i18n.t().home.intro}</p>
            <Transition fallback=|| ()>
                {move || is_demo_site().then(|| view! {
                    <p class="notice notice--demo" role="note" data-testid="demo-banner">
                        {move || i18n.t().demo_banner}
                    </p>
                })}
            </Transition>
            <h2>{move || i18n.t().home.directory_title}</h2>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>
                {move || summary.get().map(|result| match result {
                    Ok(counts) => view! { <DirectoryCounts counts /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                })}
            </Transition>
            <h2>{move || i18n.t().home.sections_title}</h2>
            <ul class="tiles">
                {Section::ALL.into_iter().map(|section| view! { <SectionTile section /> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn DirectoryCounts(counts: DirectorySummary) -> impl IntoView {
    let i18n = use_i18n();
    if counts.nodes + counts.enterprises + counts.bases == 0 {
        return view! { <p class="muted">{move || i18n.t().home.directory_empty}</p> }.into_any();
    }
    let stat = move |label: fn(&'static crate::i18n::Texts) -> &'static str, value: u32, key| {
        view! {
            <div class="stat" data-testid=key>
                <dt>{move || label(i18n.t())}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    view! {
        <dl class="stats">
            {stat(|t| t.home.nodes, counts.nodes, "count-nodes")}
            {stat(|t| t.home.enterprises, counts.enterprises, "count-enterprises")}
            {stat(|t| t.home.bases, counts.bases, "count-bases")}
        </dl>
    }
    .into_any()
}

#[component]
fn SectionTile(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || i18n.t().section(section);
    view! {
        <li class="tile" class:tile--building=!section.is_available()>
            <a href=section.path() class="tile__link">
                <span class="tile__glyph" aria-hidden="true">{section.glyph()}</span>
                <span class="tile__name">{move || text().name}</span>
                <StatusBadge available=section.is_available() />
                <span class="tile__summary">{move || text().summary}</span>
            </a>
        </li>
    }
}

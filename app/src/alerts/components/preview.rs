//! An alert's message as a reader sees it: level, headline, what to do first, then details,
//! area and times. Static (no signals) so the public portal renders the same markup on the
//! server alone.

use leptos::prelude::*;

use crate::alerts::model::AlertContent;
use crate::i18n::Locale;
use crate::ui::time::format_minutes;

/// `main`: the headline is the page's own heading (the public alert page), not a section's.
#[component]
pub fn AlertBody(
    content: AlertContent,
    locale: Locale,
    #[prop(optional)] main: bool,
) -> impl IntoView {
    let texts = locale.texts();
    let t = &texts.alerts;
    let info = content.info(locale == Locale::En).clone();
    let level = content.level;
    let times = [
        (t.effective, content.effective),
        (t.onset, content.onset),
        (t.valid_until, Some(content.expires)),
    ]
    .into_iter()
    .filter_map(|(label, at)| {
        at.map(|at| view! { <dt>{label}</dt><dd><time>{format_minutes(at)}</time></dd> })
    })
    .collect_view();
    let contact = (!content.contact.is_empty())
        .then(|| view! { <dt>{t.contact}</dt><dd>{content.contact.clone()}</dd> });
    let codes = (!content.area.geocodes.is_empty()).then(|| {
        let names = content
            .area
            .geocodes
            .iter()
            .map(|c| {
                crate::reference::region(c).map_or(c.clone(), |r| format!("{}（{c}）", r.name))
            })
            .collect::<Vec<_>>()
            .join("、");
        view! { <dt>{t.geocodes}</dt><dd>{names}</dd> }
    });
    view! {
        <article class=format!("alert-body alert-body--{}", level.key()) data-testid="alert-body">
            <p class=format!("level level--{}", level.key())>{t.level_name(level)}" · "{info.event.clone()}</p>
            {if main {
                view! { <h1 class="alert-body__headline">{info.headline.clone()}</h1> }.into_any()
            } else {
                view! { <h2 class="alert-body__headline">{info.headline.clone()}</h2> }.into_any()
            }}
            <section class="alert-body__instruction">
                <h3>{t.what_to_do}</h3>
                <p>{info.instruction.clone()}</p>
            </section>
            <section>
                <h3>{t.details}</h3>
                <p class="alert-body__text">{info.description.clone()}</p>
            </section>
            <dl class="alert-body__facts">
                <dt>{t.area}</dt><dd>{info.area_desc.clone()}</dd>
                {codes}
                {times}
                {contact}
            </dl>
        </article>
    }
}

//! The list of active incidents: grade, what happened where, casualties, status, and the next
//! report due with its countdown.

use leptos::prelude::*;

use super::badges::{DutyClock, GradeBadge, StatusTag};
use crate::i18n::use_i18n;
use crate::incidents::IncidentSummary;
use crate::reference::region;
use crate::ui::DemoBadge;
use crate::ui::OriginBadge;
use crate::ui::time::format_minutes;

/// The name of the prefecture (or province) a GB/T 2260 code lies in, with the code.
pub fn place_name(code: &str) -> String {
    let prefix = |n: usize, pad: &str| format!("{}{pad}", code.get(..n).unwrap_or_default());
    let name = region(code)
        .or_else(|| region(&prefix(4, "00")))
        .or_else(|| region(&prefix(2, "0000")))
        .map(|r| r.name)
        .unwrap_or_default();
    format!("{name} {code}")
}

#[component]
pub fn BoardTable(
    incidents: Signal<Vec<IncidentSummary>>,
    /// Whether a filter is narrowing the list (an empty list then says so).
    filtered: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().incidents;
    view! {
        <Show
            when=move || incidents.with(|list| !list.is_empty())
            fallback=move || {
                let text = move || if filtered.get() { t().no_match } else { t().no_active };
                view! { <p class="muted" data-testid="no-incidents">{text}</p> }
            }
        >
            <div class="table-wrap table-wrap--wide">
                <table class="table board" data-testid="incident-board">
                    <thead>
                        <tr>
                            <th>{move || t().grade}</th>
                            <th>{move || t().title}</th>
                            <th>{move || t().next_duty}</th>
                            <th>{move || t().status}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || incidents.get()
                            key=|i| (i.id, i.revision)
                            children=move |incident| view! { <BoardRow incident /> }
                        />
                    </tbody>
                </table>
            </div>
        </Show>
    }
}

#[component]
fn BoardRow(incident: IncidentSummary) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().incidents;
    let c = incident.casualties;
    let next = incident.next_duty().copied();
    let next_duty = match next {
        Some(duty) => view! {
            <div class="nowrap">{move || t().report_to} " " {move || i18n.t().tier(duty.to)}</div>
            <DutyClock duty />
        }
        .into_any(),
        None if incident.duties.is_empty() => {
            view! { <span class="muted">{move || t().no_duty}</span> }.into_any()
        }
        None => view! { <span class="muted">{move || t().all_received}</span> }.into_any(),
    };
    view! {
        <tr data-testid="incident-row">
            <td><GradeBadge grade=incident.grade /></td>
            <td>
                <a href=format!("/incidents/{}", incident.id) class="board__title">{incident.title.clone()}</a>
                {incident.demo.then(|| view! { " " <DemoBadge /> })}
                " " <OriginBadge origin=incident.origin.clone() label=|t| t.incidents.origin_badge />
                <div class="muted board__meta">
                    {place_name(&incident.region_code)} " · " {format_minutes(incident.occurred_at)}
                </div>
                <div class="board__meta" data-testid="casualties">
                    {move || t().deaths} " " {c.deaths}
                    {(c.missing > 0).then(|| view! { " · " {move || t().missing} " " {c.missing} })}
                    {(c.serious_injuries > 0).then(|| view! { " · " {move || t().serious_short} " " {c.serious_injuries} })}
                    {(c.trapped > 0).then(|| view! { " · " {move || t().trapped} " " {c.trapped} })}
                </div>
            </td>
            <td class="board__next">{next_duty}</td>
            <td><StatusTag status=incident.status /></td>
        </tr>
    }
}

//! 逐级上报: each tier that must receive the report, its deadline, its countdown, and the
//! button that records its receipt.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::actions::IncidentActions;
use super::badges::DutyClock;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::IncidentSummary;
use crate::ui::time::format_minutes;

#[component]
pub fn DutyTable(summary: IncidentSummary, actions: IncidentActions) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().incidents;
    let id = summary.id.to_string();
    let rows = summary
        .duties
        .iter()
        .map(|duty| {
            let duty = *duty;
            let acknowledge = duty.received.is_none().then(|| {
                let id = id.clone();
                view! {
                    <ActionForm action=actions.receipt attr:class="inline">
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="tier" value=duty.to.as_str() />
                        <button class="button button--small" type="submit">{move || t().acknowledge}</button>
                    </ActionForm>
                }
            });
            view! {
                <tr data-testid=format!("duty-{}", duty.to.as_str())>
                    <td>{move || i18n.t().tier(duty.to)}</td>
                    <td class="nowrap">{format_minutes(duty.due)}</td>
                    <td><DutyClock duty /></td>
                    <td class="no-print">{acknowledge}</td>
                </tr>
            }
        })
        .collect_view();
    let error = move || match actions.receipt.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <div class="table-wrap">
            <table class="table duties" data-testid="duties">
                <thead>
                    <tr>
                        <th>{move || t().duty_tier}</th>
                        <th>{move || t().duty_due}</th>
                        <th>{move || t().duty_state}</th>
                        <th class="no-print"></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {error}
    }
    .into_any()
}

//! `/alerts`: the alerts of the unit's jurisdiction, newest change first, and a new one.

use leptos::prelude::*;
use leptos_meta::Title;

use super::LevelBadge;
use crate::alerts::view::AlertSummary;
use crate::alerts::{PORTAL_PATH, list_alerts};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{Permission, signed_in_can};
use crate::ui::time::format_minutes;
use crate::ui::{DemoBadge, OriginBadge};

#[component]
pub fn AlertsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().alerts;
    let items = Resource::new(|| (), |_| list_alerts());
    // Inside the transition: the signed-in user is known there on the server and in the
    // browser alike, so both render the same button.
    let new = move || {
        signed_in_can(Permission::AlertPublish).then(|| {
            view! { <a class="button button--primary" href="/alerts/new" data-testid="new-alert">{t().new_alert}</a> }
        })
    };
    let body = move || {
        items.get().map(|result| {
            let list = match result {
                Ok(items) => view! { <AlertTable items /> }.into_any(),
                Err(error) => view! { <ErrorNotice error /> }.into_any(),
            };
            view! {
                <div class="page__actions">
                    {new}
                    <a class="button" href=PORTAL_PATH rel="external">{move || t().open_portal}</a>
                </div>
                {list}
            }
        })
    };
    view! {
        <section class="page page--alerts" data-testid="section-alerts">
            <Title text=move || t().title />
            <header class="page__header">
                <h1>{move || t().title}</h1>
                <p class="muted">{move || t().hint}</p>
            </header>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn AlertTable(items: Vec<AlertSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().alerts;
    if items.is_empty() {
        return view! { <p class="muted">{move || t().none_yet}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|a| {
            let href = format!("/alerts/{}", a.id);
            let region = crate::reference::region(&a.region_code).map_or(a.region_code.clone(), |r| r.name.to_string());
            let status = a.status;
            view! {
                <tr data-testid="alert-row">
                    <td><LevelBadge level=a.level /></td>
                    <td><a href=href>{a.headline}</a>{a.demo.then(|| view! { " " <DemoBadge /> })}" "<OriginBadge origin=a.origin label=|t| t.alerts.copied_from /></td>
                    <td><span class=format!("alert-status alert-status--{}", status.key())>{move || t().alert_status_name(status)}</span></td>
                    <td>{region}</td>
                    <td class="num">{format_minutes(a.updated_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="alert-table">
            <thead>
                <tr>
                    <th>{move || t().level}</th>
                    <th>{move || t().headline}</th>
                    <th>{move || t().workflow}</th>
                    <th>{move || t().region}</th>
                    <th>{move || t().updated}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

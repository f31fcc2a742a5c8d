//! The registry as a table: what it is, what it can do, how much, where, whom to call.

use leptos::prelude::*;

use crate::i18n::{Locale, use_i18n};
use crate::resources::{Resource, format_quantity};
use crate::ui::DemoBadge;

/// Capability names joined for reading.
pub fn capability_list(r: &Resource, locale: Locale) -> String {
    let t = &locale.texts().resources;
    r.capabilities
        .iter()
        .map(|c| t.capability(*c))
        .collect::<Vec<_>>()
        .join("、")
}

#[component]
pub fn ResourceTable(items: Vec<Resource>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="empty">{move || i18n.t().resources.none}</p> }.into_any();
    }
    let rows = move || {
        let locale = i18n.locale();
        let t = &locale.texts().resources;
        items
            .iter()
            .map(|r| {
                let edit = format!("?edit={}", r.id);
                let ready = r.ready();
                view! {
                    <tr data-testid="resource-row" class:row--muted=!ready>
                        <td>
                            <strong>{r.name.clone()}</strong>
                            {r.demo.then(|| view! { " " <DemoBadge /> })}
                            <div class="muted">{r.organisation.clone()}</div>
                            <div class="muted">{r.address.clone()} " " {r.region_code.clone()}</div>
                        </td>
                        <td class="nowrap">{t.kind(r.kind)}<div class="muted">{t.category(&r.category, locale == Locale::En).to_string()}</div></td>
                        <td>{capability_list(r, locale)}</td>
                        <td class="num nowrap">{format_quantity(r.quantity)} " " {r.unit.clone()}</td>
                        <td class="nowrap">{r.contact_name.clone()}<div><a href=format!("tel:{}", r.contact_phone)>{r.contact_phone.clone()}</a></div></td>
                        <td class="nowrap">
                            <span class=format!("tag tag--{}", r.availability.key())>{t.availability(r.availability)}</span>
                            {r.expires_on.clone().map(|d| view! { <div class="muted">{t.expires_on} " " {d}</div> })}
                        </td>
                        <td><a class="button button--small nowrap" href=edit>{t.edit}</a></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-wrap">
            <table class="table table--dense" data-testid="resource-table">
                <thead>
                    <tr>
                        <th>{move || i18n.t().resources.name}</th>
                        <th>{move || i18n.t().resources.kind}</th>
                        <th>{move || i18n.t().resources.capabilities}</th>
                        <th>{move || i18n.t().resources.quantity}</th>
                        <th>{move || i18n.t().resources.contact_name}</th>
                        <th>{move || i18n.t().resources.availability}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

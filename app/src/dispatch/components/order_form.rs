//! 调派 from the incident page: for each ability the accident calls for, the nearest ready
//! resources first to arrive first; tick several and send them in one order.

use leptos::form::ActionForm;
use leptos::prelude::*;
use uuid::Uuid;

use crate::dispatch::DispatchResources;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::live::{LiveEvent, use_live_events};
use crate::resources::{CapabilityCandidates, format_quantity, incident_candidates};

#[component]
pub fn OrderForm(incident: Uuid, action: ServerAction<DispatchResources>) -> impl IntoView {
    let i18n = use_i18n();
    // Offered again after each order and whenever any dispatch changes (what was sent is no
    // longer ready; what withdrew is ready again).
    let changed = RwSignal::new(0_u32);
    use_live_events(move |event| {
        if matches!(event, LiveEvent::Dispatch { .. }) {
            changed.update(|n| *n += 1);
        }
    });
    let candidates = Resource::new(
        move || (action.version().get(), changed.get()),
        move |_| incident_candidates(incident),
    );
    let body = move || {
        candidates.get().map(|result| match result {
            Ok(groups) => view! { <CandidateGroups incident groups action /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h3>{move || i18n.t().resources.candidates_title}</h3>
        <p class="muted">{move || i18n.t().resources.candidates_hint}</p>
        <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
    }
    .into_any()
}

#[component]
fn CandidateGroups(
    incident: Uuid,
    groups: Vec<CapabilityCandidates>,
    action: ServerAction<DispatchResources>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().resources;
    let dt = &i18n.locale_untracked().texts().dispatch;
    // A resource with several of the needed abilities is offered once, where it first appears.
    let mut seen: Vec<Uuid> = Vec::new();
    let mut line = 0_usize;
    let sections = groups
        .into_iter()
        .map(|group| {
            let above: Vec<String> = group
                .candidates
                .iter()
                .filter(|c| seen.contains(&c.resource.id))
                .map(|c| c.resource.name.clone())
                .collect();
            let rows = group
                .candidates
                .iter()
                .filter(|c| {
                    let fresh = !seen.contains(&c.resource.id);
                    seen.push(c.resource.id);
                    fresh
                })
                .map(|c| {
                    line += 1;
                    let r = &c.resource;
                    let name = format!("lines[{line}][resource]");
                    let quantity = format!("lines[{line}][quantity]");
                    let stock = r.kind.by_quantity().then(|| {
                        view! {
                            <input class="candidate__quantity" name=quantity type="text" inputmode="decimal"
                                aria-label=dt.quantity placeholder=dt.quantity />
                            <span class="muted">{t.in_stock} " " {format_quantity(r.quantity)} {r.unit.clone()}</span>
                        }
                    });
                    view! {
                        <li class="candidate" data-testid="candidate">
                            <label class="candidate__pick">
                                <input type="checkbox" name=name value=r.id.to_string() />
                                <strong>{r.name.clone()}</strong>
                            </label>
                            <span class="candidate__kind muted">{t.kind(r.kind)}</span>
                            <span class="candidate__eta">{t.eta} " " {t.eta_text(c.eta_minutes)}</span>
                            <span class="candidate__distance muted">{format!("{:.1}", c.distance_km)} " " {t.km}</span>
                            {stock}
                        </li>
                    }
                })
                .collect_view();
            let empty = group.candidates.is_empty().then(|| view! { <li class="muted">{t.no_candidates}</li> });
            let above = (!above.is_empty())
                .then(|| view! { <li class="muted">{t.listed_above} {above.join("、")}</li> });
            view! {
                <section class="candidates__group" data-testid="candidate-group">
                    <h4>{t.capability(group.capability)}</h4>
                    <ul class="candidates__list">{rows}{empty}{above}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <ActionForm action attr:class="candidates" attr:aria-label=dt.order_title attr:data-testid="order-form">
            <input type="hidden" name="incident" value=incident.to_string() />
            {sections}
            <div class="form__actions">
                <button class="button button--primary" type="submit">{dt.send}</button>
            </div>
            {move || match action.value().get() {
                Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
                Some(Ok(n)) => Some(view! { <p class="notice notice--ok" role="status">{dt.sent} " " {n}</p> }.into_any()),
                None => None,
            }}
        </ActionForm>
    }
    .into_any()
}

//! 救援力量 on the incident page: what is on its way or at work, live, and the order form.

use leptos::prelude::*;
use uuid::Uuid;

use super::dispatch_card::{CardOptions, DispatchCardView};
use super::live_cards::{merged, use_live_cards};
use super::order_form::OrderForm;
use crate::dispatch::{DispatchResources, incident_dispatches};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{Permission, signed_in_can};

#[component]
pub fn IncidentDispatchPanel(incident: Uuid, closed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let order = ServerAction::<DispatchResources>::new();
    let may_dispatch = Signal::derive(move || signed_in_can(Permission::Dispatch));
    let reload = Signal::derive(move || order.version().get());
    let (loaded, changes) = use_live_cards(
        reload,
        move || incident_dispatches(incident),
        move |card| card.incident_id == incident,
    );
    let options = move || CardOptions {
        show_incident: false,
        actions: may_dispatch.get(),
    };
    let cards = move || {
        loaded.get().map(|result| match result {
            Ok(base) => {
                let cards = changes.with(|c| merged(&base, c));
                if cards.is_empty() {
                    return view! { <p class="muted">{move || i18n.t().dispatch.none}</p> }.into_any();
                }
                let options = options();
                view! {
                    <div class="dispatch-cards" data-testid="incident-dispatches">
                        {cards.into_iter().map(|card| view! { <DispatchCardView card options /> }).collect_view()}
                    </div>
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="dispatch-panel" id="dispatch" data-testid="dispatch-panel">
            <h2>
                {move || i18n.t().dispatch.incident_title} " "
                <a class="button button--small" href=format!("/dispatch?incident={incident}")>{move || i18n.t().dispatch.board_title}</a>
            </h2>
            <Transition fallback=|| ()>{cards}</Transition>
            {move || (may_dispatch.get() && !closed).then(|| view! { <OrderForm incident action=order /> })}
        </section>
    }
    .into_any()
}

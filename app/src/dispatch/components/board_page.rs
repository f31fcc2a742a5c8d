//! 调度看板: every dispatch of the jurisdiction in columns by status, moving live as units
//! report — the commander sees at a glance who is still on the road.

use leptos::prelude::*;
use leptos_meta::Title;

use super::dispatch_card::{CardOptions, DispatchCardView};
use super::live_cards::{merged, use_live_cards};
use crate::dispatch::{DispatchCard, DispatchStatus, dispatch_board};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{Permission, signed_in_can};

#[component]
pub fn DispatchBoardPage() -> impl IntoView {
    let i18n = use_i18n();
    // `?incident=<id>`: the board of one incident.
    let params = leptos_router::hooks::use_query_map();
    let only = Memo::new(move |_| {
        params
            .read()
            .get("incident")
            .and_then(|id| uuid::Uuid::parse_str(&id).ok())
    });
    let (loaded, changes) = use_live_cards(Signal::stored(0), dispatch_board, |_| true);
    let may_dispatch = Signal::derive(move || signed_in_can(Permission::Dispatch));
    let board = move || {
        loaded.get().map(|result| match result {
            Ok(base) => {
                let mut cards = changes.with(|c| merged(&base, c));
                if let Some(id) = only.get() {
                    cards.retain(|c| c.incident_id == id);
                }
                let options = CardOptions {
                    show_incident: true,
                    actions: may_dispatch.get(),
                };
                view! { <div class="board-columns"><Columns cards options /></div> }.into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <Title text=move || i18n.t().dispatch.board_title />
        <section class="page page--dispatch" data-testid="dispatch-board">
            <header class="page__header page__header--compact">
                <h1>{move || i18n.t().dispatch.board_title}</h1>
                <crate::incidents::LiveStatus />
                <a class="button button--small" href="/resources">{move || i18n.t().resources.registry_title}</a>
            </header>
            <p class="muted">{move || i18n.t().dispatch.board_hint}</p>
            {move || only.get().map(|_| view! {
                <p><a href="/dispatch">{i18n.t().dispatch.all_incidents}</a></p>
            })}
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{board}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn Columns(cards: Vec<DispatchCard>, options: CardOptions) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().dispatch;
    DispatchStatus::ALL
        .into_iter()
        .map(|status| {
            let mut column: Vec<DispatchCard> =
                cards.iter().filter(|c| c.status == status).cloned().collect();
            // Latest change on top within a column.
            column.sort_by_key(|c| std::cmp::Reverse(c.time_of(status).unwrap_or(c.dispatched_at)));
            let count = column.len();
            view! {
                <section class="board-column" data-testid=format!("column-{}", status.key())>
                    <h2 class="board-column__title">{t.status(status)} <span class="board-column__count">{count}</span></h2>
                    {column.into_iter().map(|card| view! { <DispatchCardView card options /> }).collect_view()}
                </section>
            }
        })
        .collect_view()
        .into_any()
}

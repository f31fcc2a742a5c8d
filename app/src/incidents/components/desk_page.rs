//! 应急值守: the duty desk. What needs doing next (overdue reports first, then the nearest
//! deadline), today's counts, and the intake form — live, without reloading.

use leptos::prelude::*;
use leptos_meta::Title;

use super::board_table::BoardTable;
use super::intake_form::IntakeForm;
use super::live_board::{LiveStatus, OverdueAlarm, use_live_board};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::{Board, DeskCounts};
use crate::ui::clock::use_now;

#[component]
pub fn DutyDeskPage() -> impl IntoView {
    let i18n = use_i18n();
    let recorded = RwSignal::new(0_u32);
    let (loaded, changes) = use_live_board(recorded);
    let body = move || {
        loaded.get().map(|result| match result {
            Ok(base) => view! { <Desk base changes /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <Title text=move || i18n.t().incidents.desk_title />
        <section class="page page--desk" data-testid="duty-desk">
            <header class="page__header page__header--compact">
                <h1>{move || i18n.t().incidents.desk_title}</h1>
                <LiveStatus />
            </header>
            <div class="desk">
                <div class="desk__board">
                    <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
                </div>
                <aside class="desk__intake">
                    <IntakeForm on_recorded=move || recorded.update(|n| *n += 1) />
                </aside>
            </div>
        </section>
    }
}

/// The board: the loaded list with every live change applied on top.
#[component]
fn Desk(base: Board, changes: ReadSignal<Vec<crate::incidents::IncidentSummary>>) -> impl IntoView {
    let i18n = use_i18n();
    let now = use_now();
    // Re-sorted once a minute, not every second: rows keep still under the reader's eyes.
    let minute = Memo::new(move |_| now.get() / 60);
    let board =
        Memo::new(move |_| changes.with(|c| base.clone().with_changes(c, minute.get() * 60)));
    let counts = Signal::derive(move || board.with(|b| b.counts(now.get())));
    let filter = super::filter_bar::use_filter();
    let ordered = Signal::derive(move || {
        let filter = filter.get();
        board
            .with(|b| b.ordered(minute.get() * 60))
            .into_iter()
            .filter(|i| filter.admits(i))
            .collect()
    });
    view! {
        <OverdueAlarm overdue=Signal::derive(move || counts.get().overdue) />
        <Counts counts />
        <div class="board__heading">
            <h2>{move || i18n.t().incidents.active_title}</h2>
            <super::filter_bar::FilterBar />
        </div>
        <BoardTable incidents=ordered filtered=Signal::derive(move || !filter.get().is_empty()) />
    }
}

#[component]
fn Counts(counts: Signal<DeskCounts>) -> impl IntoView {
    let i18n = use_i18n();
    let stat = move |label: fn(&crate::i18n::IncidentTexts) -> &'static str,
                     value: fn(DeskCounts) -> u32,
                     key: &'static str| {
        view! {
            <div class="stat" class:stat--alarm=move || { key == "count-overdue" && value(counts.get()) > 0 } data-testid=key>
                <dt>{move || label(&i18n.t().incidents)}</dt>
                <dd>{move || value(counts.get())}</dd>
            </div>
        }
    };
    view! {
        <dl class="stats stats--desk">
            {stat(|t| t.count_active, |c| c.active, "count-active")}
            {stat(|t| t.count_received_today, |c| c.received_today, "count-today")}
            {stat(|t| t.count_deaths_today, |c| c.deaths_today, "count-deaths")}
            {stat(|t| t.count_overdue, |c| c.overdue, "count-overdue")}
        </dl>
    }
}

//! 事后评估: the printable after-action report of one incident — indicators computed from the
//! record, then a scoring form for the evaluation panel to fill in on paper.

use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

use crate::dispatch::{CRITERIA, Evaluation, incident_dispatches};
use crate::error::{AppError, ErrorNotice};
use crate::i18n::{Locale, use_i18n};
use crate::incidents::{GradeBadge, IncidentDetail, get_incident};
use crate::resources::format_quantity;
use crate::ui::time::{format_duration, format_seconds};

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::incidents::use_incident_id();
    let loaded = Resource::new(
        move || id.get(),
        |id| async move {
            let id = id.ok_or(AppError::NotFound)?;
            let detail = get_incident(id).await?;
            let dispatches = incident_dispatches(id).await?;
            let evaluation = Evaluation::compute(&detail, &dispatches);
            Ok::<_, AppError>((detail, evaluation))
        },
    );
    let body = move || {
        loaded.get().map(|result| match result {
            Ok((detail, evaluation)) => view! { <Report detail evaluation /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--evaluation" data-testid="evaluation-page">
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn Report(detail: IncidentDetail, evaluation: Evaluation) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let (t, rt) = (&locale.texts().dispatch, &locale.texts().resources);
    let it = &locale.texts().incidents;
    let s = &detail.summary;
    let id: Uuid = s.id;
    let minutes = |m: f64| rt.eta_text(m);
    let first = evaluation
        .first_dispatch_after
        .map_or_else(|| t.not_yet.to_string(), format_duration);
    let delay = evaluation.mean_delay_minutes.map_or_else(
        || t.not_yet.to_string(),
        |d| format!("{d:+.0} {}", rt.minutes),
    );
    let (in_time, arrived) = evaluation.on_time;
    let used = evaluation
        .used_by_kind
        .iter()
        .map(|(k, n)| format!("{} {n}", rt.kind(*k)))
        .collect::<Vec<_>>()
        .join("、");
    let arrivals = evaluation
        .arrivals
        .iter()
        .map(|a| {
            let actual = a
                .actual_minutes
                .map_or_else(|| t.not_yet.to_string(), minutes);
            let verdict = match a.on_time() {
                Some(true) => t.on_time,
                Some(false) => t.late_arrival,
                None => "",
            };
            view! {
                <tr>
                    <td>{a.resource.clone()}</td>
                    <td>{rt.kind(a.kind)}</td>
                    <td class="nowrap">{format_seconds(a.dispatched_at)}</td>
                    <td class="num">{minutes(a.estimated_minutes)}</td>
                    <td class="num">{actual}</td>
                    <td>{verdict}</td>
                </tr>
            }
        })
        .collect_view();
    let stock = evaluation
        .stock_used
        .iter()
        .map(|(name, q, unit)| view! { <li>{name.clone()} " " {format_quantity(*q)} {unit.clone()}</li> })
        .collect_view();
    let casualties = evaluation
        .casualties
        .iter()
        .map(|c| {
            let x = c.casualties;
            view! {
                <tr>
                    <td class="num">{c.version}</td>
                    <td class="nowrap">{format_seconds(c.at)}</td>
                    <td class="num">{x.deaths}</td>
                    <td class="num">{x.missing}</td>
                    <td class="num">{x.serious_injuries}</td>
                    <td class="num">{x.minor_injuries}</td>
                    <td class="num">{x.trapped}</td>
                </tr>
            }
        })
        .collect_view();
    let criteria = CRITERIA
        .iter()
        .map(|(zh, en, full)| {
            let name = if locale == Locale::En { *en } else { *zh };
            view! { <tr><td>{name}</td><td class="num">{*full}</td><td class="score-box"></td><td class="score-note"></td></tr> }
        })
        .collect_view();
    view! {
        <Title text=format!("{} · {}", t.evaluation_title, s.title) />
        <header class="page__header">
            <h1>{t.evaluation_title} " · " {s.title.clone()}</h1>
            <GradeBadge grade=s.grade />
            <button class="button button--small no-print" type="button" onclick="window.print()">{t.print}</button>
            <a class="button button--small no-print" href=format!("/incidents/{id}")>{it.back_to_desk}</a>
        </header>
        <p class="muted">{t.evaluation_hint}</p>
        <h2>{t.indicators}</h2>
        <dl class="facts" data-testid="indicators">
            <dt>{t.first_dispatch_after}</dt><dd data-testid="first-dispatch">{first}</dd>
            <dt>{t.mean_delay}</dt><dd>{delay}</dd>
            <dt>{t.arrived_on_time}</dt><dd>{format!("{in_time} / {arrived}")}</dd>
            <dt>{t.resources_used}</dt><dd>{used}</dd>
            <dt>{t.still_engaged}</dt><dd>{evaluation.still_engaged}</dd>
        </dl>
        <h2>{t.arrivals}</h2>
        <div class="table-wrap">
            <table class="table table--dense" data-testid="arrivals">
                <thead><tr>
                    <th>{rt.name}</th><th>{rt.kind}</th><th>{t.status_dispatched_at}</th>
                    <th>{t.estimated}</th><th>{t.actual}</th><th></th>
                </tr></thead>
                <tbody>{arrivals}</tbody>
            </table>
        </div>
        {(!evaluation.stock_used.is_empty()).then(|| view! { <h2>{t.stock_used}</h2><ul>{stock}</ul> })}
        <h2>{t.casualty_evolution}</h2>
        <div class="table-wrap">
            <table class="table table--dense">
                <thead><tr>
                    <th>{it.version}</th><th></th><th>{it.deaths}</th><th>{it.missing}</th>
                    <th>{it.serious_injuries}</th><th>{it.minor_injuries}</th><th>{it.trapped}</th>
                </tr></thead>
                <tbody>{casualties}</tbody>
            </table>
        </div>
        <h2>{t.scoring}</h2>
        <table class="table scoring" data-testid="scoring">
            <thead><tr><th>{t.criterion}</th><th>{t.full_marks}</th><th>{t.score}</th><th>{t.remarks}</th></tr></thead>
            <tbody>
                {criteria}
                <tr><td><strong>{t.total}</strong></td><td class="num">"100"</td><td class="score-box"></td><td></td></tr>
            </tbody>
        </table>
        <p class="signatures">{t.signatures}</p>
    }
    .into_any()
}

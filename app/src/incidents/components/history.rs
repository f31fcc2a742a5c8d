//! 跟踪反馈 and 首报/续报: the timeline of everything done, and each version of the facts.

use leptos::prelude::*;

use super::badges::{GradeBadge, StatusTag};
use crate::i18n::use_i18n;
use crate::incidents::{IncidentVersion, TimelineEntry};
use crate::ui::time::format_seconds;

#[component]
pub fn Timeline(entries: Vec<TimelineEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline" data-testid="timeline">
            {entries.into_iter().rev().map(|e| {
                let kind = e.kind;
                let tier = e.tier;
                let mark = e.dispatch.clone();
                let assessment = e.assessment.clone();
                view! {
                    <li class=format!("timeline__item timeline__item--{}", kind.key())>
                        <span class="timeline__time">{format_seconds(e.at)}</span>
                        <strong class="timeline__kind">{move || i18n.t().incidents.entry(kind)}</strong>
                        {e.grade.map(|grade| view! { " " <GradeBadge grade /> })}
                        {e.status.map(|status| view! { " " <StatusTag status /> })}
                        {move || tier.map(|tier| format!(" {}", i18n.t().tier(tier)))}
                        <span class="timeline__actor muted">{e.actor}</span>
                        {(!e.text.is_empty()).then(|| view! { <p class="timeline__text">{e.text}</p> })}
                        {mark.map(|mark| view! {
                            <p class="timeline__text">{move || {
                                let texts = i18n.t();
                                texts.dispatch.mark(&mark, texts.resources.kind(mark.kind))
                            }}</p>
                        })}
                        {assessment.map(|a| view! {
                            <p class="timeline__text">{move || i18n.t().models.mark(&a)}</p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

#[component]
pub fn Versions(versions: Vec<IncidentVersion>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().incidents;
    view! {
        <div class="table-wrap">
            <table class="table table--dense" data-testid="versions">
                <thead>
                    <tr>
                        <th>{move || t().version}</th>
                        <th>{move || t().grade}</th>
                        <th>{move || t().deaths}</th>
                        <th>{move || t().changed}</th>
                    </tr>
                </thead>
                <tbody>
                    {versions.into_iter().rev().map(|v| {
                        let c = v.facts.casualties;
                        let changed = v.changed.clone();
                        view! {
                            <tr>
                                <td class="nowrap">{v.version} <div class="muted">{format_seconds(v.at)}</div></td>
                                <td><GradeBadge grade=v.grade /></td>
                                <td>{c.deaths}</td>
                                <td>
                                    {move || changed.iter().map(|k| t().fact(k)).collect::<Vec<_>>().join("、")}
                                    <div class="muted">{v.actor.clone()}</div>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

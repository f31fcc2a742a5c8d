//! 跨区域支援: requests to answer first, then the ones this centre sent with their answers, and
//! the form to ask the parent or a child for resources.

use leptos::prelude::*;

use super::support_answer::SupportAnswerForm;
use super::support_form::SupportRequestForm;
use crate::error::ErrorNotice;
use crate::exchange::support::{AnswerSupport, RequestSupport, SupportView, get_support_board};
use crate::i18n::use_i18n;
use crate::ui::time::format_seconds;

#[component]
pub fn SupportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<RequestSupport>::new();
    let answer = ServerAction::<AnswerSupport>::new();
    let board = Resource::new(
        move || (ask.version().get(), answer.version().get()),
        |_| get_support_board(),
    );
    let loading = move || view! { <p>{move || i18n.t().loading}</p> };
    let refused = move || match answer.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    let body = move || {
        board.get().map(|result| match result {
            Ok(board) => {
                let t = &i18n.locale_untracked().texts().exchange;
                let list = if board.requests.is_empty() {
                    view! { <p class="muted">{t.no_support}</p> }.into_any()
                } else {
                    // What waits for this centre's answer comes first.
                    let mut requests = board.requests;
                    requests.sort_by_key(|r| r.outgoing || r.response.is_some());
                    requests
                        .into_iter()
                        .map(|request| view! { <SupportItem request answer /> })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <div class="directives" data-testid="support-requests">{list}</div>
                    <SupportRequestForm ask neighbours=board.neighbours incidents=board.incidents />
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h2>{move || i18n.t().exchange.support}</h2>
        {refused}
        <Transition fallback=loading>{body}</Transition>
    }
}

#[component]
fn SupportItem(request: SupportView, answer: ServerAction<AnswerSupport>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    let kinds = &i18n.locale_untracked().texts().resources;
    let r = &request.request;
    let route = if request.outgoing {
        format!("{} {}", t.sent_to, request.to_name)
    } else {
        format!("{} {}", t.received_from, request.from_name)
    };
    let incident = (!r.incident_title.is_empty())
        .then(|| format!(" · {}：{}", t.incident_link, r.incident_title));
    let state = match &request.response {
        Some(a) => {
            let eta = a
                .eta_minutes
                .map(|m| format!(" · {}{m}", t.eta_text))
                .unwrap_or_default();
            view! {
                <p class=format!("support__answer support__answer--{}", a.answer.key()) data-testid="support-answer">
                    <strong>{t.answer_name(a.answer)}</strong>
                    {format!("（{} · {} · {}）", a.node_name, a.responded_by, format_seconds(a.at))}
                    <br />{a.detail.clone()}{eta}
                </p>
            }
            .into_any()
        }
        None if request.outgoing => {
            view! { <p class="muted" data-testid="support-answer">{t.awaiting}</p> }.into_any()
        }
        None => view! { <SupportAnswerForm request=request.id answer /> }.into_any(),
    };
    let class = if request.outgoing {
        "directive directive--out"
    } else {
        "directive directive--in"
    };
    view! {
        <article class=class data-testid="support-request">
            <h3>{format!("{} × {}", kinds.kind(r.need.kind), r.need.quantity)}</h3>
            <p class="muted">
                {format!("{route} · {} · {} {}", format_seconds(request.sent_at), t.requested_by, r.requested_by)}
                {incident}
            </p>
            <p class="directive__body">
                {format!("{}：{}", t.place, r.place)}
                {(!r.need.detail.is_empty()).then(|| format!("\n{}：{}", t.need_detail, r.need.detail))}
                {(!r.note.is_empty()).then(|| format!("\n{}：{}", t.note, r.note))}
            </p>
            {state}
        </article>
    }
}

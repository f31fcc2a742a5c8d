//! The link, the backlog, the registered nodes and the refusals.

use leptos::prelude::*;

use crate::exchange::{ExchangeStatus, PeerView};
use crate::i18n::use_i18n;
use crate::ui::time::format_seconds;

#[component]
pub fn LinkStatus(status: ExchangeStatus) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    let link = &status.link;
    let (state, class) = if !link.configured {
        (t.not_configured, "link link--off")
    } else if link.connected {
        (t.connected, "link link--up")
    } else {
        (t.disconnected, "link link--down")
    };
    let error = link
        .error
        .clone()
        .map(|e| view! { <p class="field__hint">{e}</p> });
    let oldest = status
        .oldest_pending
        .map(|at| view! { <span class="muted">{format!(" · {} {}", t.oldest_pending, format_seconds(at))}</span> });
    let refusals = (!status.refusals.is_empty()).then(|| {
        let rows = status
            .refusals
            .iter()
            .map(|r| {
                let state = if r.deferred { t.refusal_kept } else { t.refusal_refused };
                view! {
                    <tr data-testid="refusal-row">
                        <td>{format_seconds(r.at)}</td>
                        <td>{r.sender.clone()}</td>
                        <td>{r.kind.clone()}</td>
                        <td>{state}</td>
                        <td>{r.reason.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2>{t.refusals}</h2>
            <div class="table-wrap"><table class="table table--dense"><tbody>{rows}</tbody></table></div>
        }
    });
    view! {
        <h2>{t.link}</h2>
        <p class=class role="status" data-testid="link-state">{state}</p>
        {error}
        <dl class="facts" data-testid="exchange-backlog">
            <dt>{t.backlog}</dt>
            <dd>
                {format!("{} {} · {} {}", t.backlog_up, status.backlog_up, t.backlog_down, status.backlog_down)}
                {oldest}
            </dd>
            <dt>{t.rejected}</dt>
            <dd data-testid="exchange-rejected">{status.rejected}</dd>
            <dt>{t.deferred}</dt>
            <dd>{status.deferred}</dd>
        </dl>
        <h2>{t.peers}</h2>
        <Peers peers=status.peers.clone() />
        {refusals}
    }
    .into_any()
}

#[component]
fn Peers(peers: Vec<PeerView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    if peers.is_empty() {
        return view! { <p class="muted" data-testid="no-peers">{t.no_peers}</p> }.into_any();
    }
    let when = move |at: Option<i64>| at.map_or_else(|| t.never.to_string(), format_seconds);
    let rows = peers
        .into_iter()
        .map(|p| {
            view! {
                <tr data-testid="peer-row">
                    <td>{p.name.clone()}<br /><span class="muted">{p.node_id.clone()}</span></td>
                    <td>{t.relation(p.relation)}</td>
                    <td>{when(p.last_received)}</td>
                    <td>{when(p.last_receipt)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table table--dense">
                <thead><tr>
                    <th>{t.node}</th><th>{t.relation}</th><th>{t.last_received}</th><th>{t.last_receipt}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

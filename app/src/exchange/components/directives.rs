//! Directives received from above and sent below, with who has signed for ours.

use leptos::prelude::*;

use crate::exchange::DirectiveView;
use crate::i18n::use_i18n;
use crate::ui::time::format_seconds;

#[component]
pub fn Directives(items: Vec<DirectiveView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    let list = if items.is_empty() {
        view! { <p class="muted">{t.no_directives}</p> }.into_any()
    } else {
        items
            .into_iter()
            .map(|d| {
                let route = if d.outgoing {
                    let to = if d.recipients.is_empty() {
                        t.all_below.to_string()
                    } else {
                        d.recipients.join("、")
                    };
                    format!("{} {to}", t.sent_to)
                } else {
                    format!("{} {}", t.received_from, d.from_name)
                };
                let receipts = d.outgoing.then(|| {
                    let signed = if d.receipts.is_empty() {
                        t.not_signed.to_string()
                    } else {
                        let names: Vec<String> = d
                            .receipts
                            .iter()
                            .map(|(name, at)| format!("{name}（{}）", format_seconds(*at)))
                            .collect();
                        format!("{}：{}", t.signed_by, names.join("、"))
                    };
                    view! { <p class="muted" data-testid="directive-receipts">{signed}</p> }
                });
                let class = if d.outgoing { "directive directive--out" } else { "directive directive--in" };
                view! {
                    <article class=class data-testid="directive">
                        <h3>{d.title.clone()}</h3>
                        <p class="muted">{format!("{route} · {} · {} {}", format_seconds(d.sent_at), t.issued_by, d.issued_by)}</p>
                        <p class="directive__body">{d.body.clone()}</p>
                        {receipts}
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <h2>{t.directives}</h2>
        <div class="directives" data-testid="directives">{list}</div>
    }
    .into_any()
}

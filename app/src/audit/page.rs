use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::{AuditEntryView, list_audit_entries};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::ui::time::format_seconds;
use crate::ui::url::encode;

/// 审计日志: filter by action, actor, target and dates (all in the address, so a search can be
/// bookmarked or handed over), newest first, a page at a time.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let entries = Resource::new(
        move || {
            let older = param("older_than").parse::<i64>().ok();
            let filters = ["action", "actor", "target", "from", "to"].map(param);
            (filters, older)
        },
        |([action, actor, target, from, to], older_than)| {
            list_audit_entries(action, actor, target, from, to, older_than)
        },
    );
    let field = move |name: &'static str, label: &'static str, kind: &'static str| {
        view! {
            <label class="field">
                <span class="field__label">{label}</span>
                <input name=name type=kind value=move || param(name) />
            </label>
        }
    };
    let filters = move || {
        let t = &i18n.t().audit;
        view! {
            <Form method="GET" action="" attr:class="form form--filters" attr:data-testid="audit-filters">
                {field("action", t.action, "search")}
                {field("actor", t.actor, "search")}
                {field("target", t.target, "search")}
                {field("from", t.from, "date")}
                {field("to", t.to, "date")}
                <button class="button button--primary" type="submit">{t.search}</button>
            </Form>
            <p class="field__hint">{t.action_hint}</p>
        }
    };
    let older_link = move |older: i64| {
        let mut pairs: Vec<String> = ["action", "actor", "target", "from", "to"]
            .into_iter()
            .filter_map(|name| {
                let value = param(name);
                (!value.is_empty()).then(|| format!("{name}={}", encode(&value, b"")))
            })
            .collect();
        pairs.push(format!("older_than={older}"));
        format!("/admin/audit?{}", pairs.join("&"))
    };
    let body = move || {
        entries.get().map(|result| match result {
            Ok(page) => {
                let t = &i18n.t().audit;
                let more = page.older_than.map(|older| {
                    view! { <a class="button" href=older_link(older)>{t.older}</a> }
                });
                let newest = (!param("older_than").is_empty()).then(|| {
                    view! { <a class="button" href="/admin/audit">{t.newest}</a> }
                });
                view! {
                    <AuditTable entries=page.entries />
                    <p class="pager">{newest} " " {more}</p>
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h2>{move || i18n.t().audit.title}</h2>
        {filters}
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn AuditTable(entries: Vec<AuditEntryView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().audit;
    if entries.is_empty() {
        return view! { <p class="notice">{move || t().none}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="table table--dense" data-testid="audit-table">
                <thead>
                    <tr>
                        <th>"#"</th>
                        <th>{move || t().time}</th>
                        <th>{move || t().actor}</th>
                        <th>{move || t().action}</th>
                        <th>{move || t().target}</th>
                        <th>{move || t().changes}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries.into_iter().map(|entry| view! {
                        <tr>
                            <td>{entry.seq}</td>
                            <td class="nowrap">{format_seconds(entry.at)}</td>
                            <td>{entry.actor_label}</td>
                            <td><code>{entry.action}</code></td>
                            <td><code>{entry.target}</code></td>
                            <td>{describe_diff(&entry.diff)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `{ field: [before, after] }` as `field: before → after; …`.
fn describe_diff(diff: &serde_json::Value) -> String {
    let Some(fields) = diff.as_object() else {
        return String::new();
    };
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "∅".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    fields
        .iter()
        .map(
            |(field, change)| match change.as_array().map(Vec::as_slice) {
                Some([before, after]) => format!("{field}: {} → {}", show(before), show(after)),
                _ => format!("{field}: {change}"),
            },
        )
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn differences_read_as_before_and_after() {
        let diff = json!({"active": [true, false], "name": [null, "太原"]});
        assert_eq!(describe_diff(&diff), "active: true → false; name: ∅ → 太原");
        assert_eq!(describe_diff(&json!({})), "");
    }
}

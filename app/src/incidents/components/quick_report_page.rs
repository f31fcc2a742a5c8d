//! The printable 事故快报 of an incident (print CSS leaves only the report), with its text export.

use leptos::prelude::*;
use leptos_meta::Title;

use super::incident_page::use_incident;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::{IncidentDetail, quick_report, quick_report_text};
use crate::ui::url::encode;

#[component]
pub fn QuickReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let detail = use_incident(None);
    let body = move || {
        detail.get().map(|result| match result {
            Ok(detail) => view! { <Report detail /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--report" data-testid="quick-report">
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
}

#[component]
fn Report(detail: IncidentDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let t = &i18n.t().incidents;
    let id = detail.summary.id;
    // A data URL: the export works without JavaScript and without another request.
    let text = quick_report_text(&detail, locale);
    let href = format!("data:text/plain;charset=utf-8,{}", encode(&text, b""));
    let file = format!("{}-{}.txt", t.qr_title, detail.summary.title);
    view! {
        <Title text=format!("{} · {}", t.qr_title, detail.summary.title) />
        <p class="no-print actions">
            <a href=format!("/incidents/{id}")>{t.back_to_desk}</a>
            <button class="button button--small" type="button" onclick="window.print()">{t.print}</button>
            <a class="button button--small" href=href download=file>{t.export_text}</a>
        </p>
        <article class="report">
            <h1>{t.qr_title}</h1>
            <p class="report__title">{detail.summary.title.clone()}</p>
            {quick_report(&detail, locale).into_iter().map(|(heading, body)| view! {
                <h2>{heading}</h2>
                <p class="report__body">{body}</p>
            }).collect_view()}
        </article>
    }
}

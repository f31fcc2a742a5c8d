//! `/alerts/:id`: where an alert stands, the version being prepared with the steps the reader
//! may take (edit, submit, approve, return, update, cancel), and every published version.

use leptos::prelude::*;
use leptos_meta::Title;

use super::LevelBadge;
use super::alert_form::AlertForm;
use super::preview::AlertBody;
use crate::alerts::model::AlertForm as Values;
use crate::alerts::view::{AlertDetail, PublishedVersion};
use crate::alerts::workflow::{Action, Stage};
use crate::alerts::{ActOnAlert, SaveAlert, cap_path, get_alert, portal_path};
use crate::error::{AppError, ErrorNotice};
use crate::i18n::use_i18n;
use crate::ui::time::format_minutes;
use crate::ui::{DemoBadge, OriginBadge};

#[component]
pub fn AlertPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::ui::url::use_route_id();
    let act = ServerAction::<ActOnAlert>::new();
    let save = ServerAction::<SaveAlert>::new();
    let detail = Resource::new(
        move || (id.get(), act.version().get(), save.version().get()),
        |(id, _, _)| async move { get_alert(id.ok_or(AppError::NotFound)?).await },
    );
    let body = move || {
        detail.get().map(|result| match result {
            Ok(detail) => view! { <AlertView detail act save /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--alert" data-testid="alert-page">
            <Title text=move || i18n.t().alerts.title />
            <p><a href="/alerts">{move || i18n.t().alerts.title}</a></p>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn AlertView(
    detail: AlertDetail,
    act: ServerAction<ActOnAlert>,
    save: ServerAction<SaveAlert>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let t = &locale.texts().alerts;
    let (id, revision) = (detail.id, detail.revision);
    // The version being prepared, else the last published one.
    let current = detail
        .work
        .as_ref()
        .or(detail.versions.first().map(|v| &v.content));
    let level = current.map(|c| c.level);
    let headline = current.map(|c| c.zh.headline.clone()).unwrap_or_default();
    let work = detail.work.clone().zip(detail.thread.work).map(|(content, work)| {
        let pending = (work.stage == Stage::Pending)
            .then(|| view! { <p class="notice" role="status" data-testid="pending-note">{t.pending_note}</p> });
        let editor = detail.actions.contains(&Action::Edit).then(|| {
            let initial = Values::from_content(&content);
            view! {
                <details class="alert-edit">
                    <summary>{t.edit_title}</summary>
                    <AlertForm initial id=Some(id) revision save />
                </details>
            }
        });
        view! {
            <section class="alert-work" data-testid="alert-work">
                <h2>{t.to_publish}" · "{t.msg_type_name(work.kind)}</h2>
                <p class="muted">{t.drafted_by}"："{detail.work_author.clone().unwrap_or_default()}</p>
                {pending}
                <AlertBody content locale />
                {editor}
            </section>
        }
    });
    // Nothing in preparation: the text the public reads now.
    let published = detail
        .work
        .is_none()
        .then(|| detail.versions.first().cloned())
        .flatten()
        .map(|v| {
            view! {
                <section class="alert-work" data-testid="alert-published">
                    <h2>{t.published_text}</h2>
                    <AlertBody content=v.content locale />
                </section>
            }
        });
    let buttons = detail
        .actions
        .iter()
        .copied()
        .filter(|a| *a != Action::Edit)
        .map(|action| {
            let class = match action {
                Action::Approve | Action::Submit => "button button--primary",
                Action::Cancel => "button button--danger",
                _ => "button",
            };
            view! {
                <button
                    class=class
                    data-testid=format!("action-{}", action.key())
                    disabled=move || act.pending().get()
                    on:click=move |_| {
                        act.dispatch(ActOnAlert { id, revision, action });
                    }
                >
                    {t.action_name(action)}
                </button>
            }
        })
        .collect_view();
    let failed = move || match act.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    let versions = detail
        .versions
        .iter()
        .map(|v| view! { <VersionRow version=v.clone() /> })
        .collect_view();
    view! {
        <header class="page__header">
            <h1 data-testid="alert-headline">{headline}</h1>
            <p>
                <LevelBadge level />" "
                <span class=format!("alert-status alert-status--{}", detail.status.key()) data-testid="alert-status">
                    {t.alert_status_name(detail.status)}
                </span>
                {detail.demo.then(|| view! { " " <DemoBadge /> })}" "
                <OriginBadge origin=detail.origin.clone() label=|t| t.alerts.copied_from />
            </p>
            <div class="page__actions" data-testid="alert-actions">{buttons}</div>
            {failed}
        </header>
        {work}
        {published}
        <section class="alert-history">
            <h2>{t.history}</h2>
            <ol class="versions" reversed data-testid="alert-versions">{versions}</ol>
        </section>
    }
}

#[component]
fn VersionRow(version: PublishedVersion) -> impl IntoView {
    let t = &use_i18n().locale_untracked().texts().alerts;
    view! {
        <li data-testid="alert-version">
            <strong>{t.msg_type_name(version.msg_type)}</strong>" · "
            <time>{format_minutes(version.sent)}</time>" · "
            {t.status_name(version.status)}" · "
            {t.author}"："{version.author}" · "{t.approver}"："{version.approver}" · "
            <a href=cap_path(version.id) rel="external">{t.cap_file}</a>" · "
            <a href=portal_path(version.alert_id) rel="external">{t.public_page}</a>
        </li>
    }
}

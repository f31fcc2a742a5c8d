//! What can be done to an incident: 续报, status, notes, receipts. Each is a server action; the
//! page reloads after any of them.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::{
    AddIncidentNote, FollowUpIncident, IncidentDetail, RecordIncidentReceipt, SetIncidentStatus,
};
use crate::ui::Field;

#[derive(Clone, Copy)]
pub struct IncidentActions {
    pub follow_up: ServerAction<FollowUpIncident>,
    pub status: ServerAction<SetIncidentStatus>,
    pub note: ServerAction<AddIncidentNote>,
    pub receipt: ServerAction<RecordIncidentReceipt>,
}

impl IncidentActions {
    pub fn new() -> IncidentActions {
        IncidentActions {
            follow_up: ServerAction::new(),
            status: ServerAction::new(),
            note: ServerAction::new(),
            receipt: ServerAction::new(),
        }
    }

    /// Changes whenever any of them completes.
    pub fn version(&self) -> usize {
        self.follow_up.version().get()
            + self.status.version().get()
            + self.note.version().get()
            + self.receipt.version().get()
    }
}

/// The error of an action's last run, in place.
fn failure<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, crate::error::AppError>>> + Send + Sync + 'static,
) -> impl IntoView {
    move || match value.get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None::<_>,
    }
}

#[component]
pub fn Actions(detail: IncidentDetail, actions: IncidentActions) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.t().incidents;
    let s = detail.summary.clone();
    // An empty note after a follow-up went in (the figures already show the new version).
    let follow_up_form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(())), Some(form)) = (actions.follow_up.value().get(), follow_up_form.get())
        {
            form.reset();
        }
    });
    let (id, id_follow_up, id_note) = (s.id.to_string(), s.id.to_string(), s.id.to_string());
    let c = s.casualties;
    let status_buttons = s
        .status
        .next()
        .map(|next| {
            let id = id.clone();
            view! {
                <ActionForm action=actions.status attr:class="inline">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="status" value=next.key() />
                    <button class="button button--small" type="submit">{t.move_to} " " {t.status(next)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    // The follow-up starts from the current figures: the officer changes only what changed.
    let number = move |label: &'static str, name: &'static str, value: u32| {
        view! {
            <Field label><input name=name type="number" min="0" step="1" value=value.to_string() /></Field>
        }
    };
    view! {
        <h2>{t.status_title}</h2>
        <div class="actions" data-testid="status-actions">{status_buttons}</div>
        {failure(actions.status.value())}

        <h2>{t.followup_title}</h2>
        <ActionForm action=actions.follow_up node_ref=follow_up_form attr:class="form form--wide" attr:aria-label=t.followup_title>
            <input type="hidden" name="id" value=id_follow_up />
            <input type="hidden" name="form[version]" value=s.version.to_string() />
            <fieldset class="form__row form__row--5 casualties">
                <legend>{t.casualties}</legend>
                {number(t.deaths, "form[deaths]", c.deaths)}
                {number(t.missing, "form[missing]", c.missing)}
                {number(t.serious_injuries, "form[serious_injuries]", c.serious_injuries)}
                {number(t.minor_injuries, "form[minor_injuries]", c.minor_injuries)}
                {number(t.trapped, "form[trapped]", c.trapped)}
            </fieldset>
            <Field label=t.direct_loss>
                <input name="form[direct_loss_cny]" type="number" min="0" step="1" value=detail.facts.direct_loss_cny.to_string() />
            </Field>
            <Field label=t.followup_note><textarea name="form[note]" rows="2" required maxlength="4000"></textarea></Field>
            <button class="button button--primary" type="submit">{t.submit_followup}</button>
        </ActionForm>
        {failure(actions.follow_up.value())}

        <h2>{t.note_title}</h2>
        <ActionForm action=actions.note attr:class="form form--inline" attr:aria-label=t.note_title>
            <input type="hidden" name="id" value=id_note />
            <Field label=t.note><input name="text" required maxlength="4000" /></Field>
            <button class="button" type="submit">{t.add_note}</button>
        </ActionForm>
        {failure(actions.note.value())}
    }
    .into_any()
}

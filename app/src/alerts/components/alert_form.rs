//! The alert form: every CAP field an author writes, in the order a warning is thought through
//! (how bad, what, when, where, in English too, who to ask). The server checks it all again.

use leptos::form::ActionForm;
use leptos::prelude::*;
use uuid::Uuid;

use crate::alerts::SaveAlert;
use crate::alerts::cap::{Category, Certainty, Status};
use crate::alerts::level::WarningLevel;
use crate::alerts::model::AlertForm as Values;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::ui::Field;

/// `id` none: a new alert; else the draft of that alert at `revision`.
#[component]
pub fn AlertForm(
    initial: Values,
    id: Option<Uuid>,
    revision: i32,
    save: ServerAction<SaveAlert>,
) -> impl IntoView {
    let texts = use_i18n().locale_untracked().texts();
    let t = &texts.alerts;
    let v = initial;
    let levels = WarningLevel::ALL
        .into_iter()
        .map(|l| {
            let checked = v.level == l.key();
            view! {
                <label class=format!("level-choice level--{}", l.key())>
                    <input type="radio" name="form[level]" value=l.key() checked=checked required />
                    {t.level_name(l)}
                </label>
            }
        })
        .collect_view();
    let statuses = [Status::Actual, Status::Exercise, Status::Test]
        .into_iter()
        .map(|s| view! { <option value=s.cap() selected=v.status == s.cap()>{t.status_name(s)}</option> })
        .collect_view();
    let categories = Category::ALL
        .iter()
        .map(|c| view! { <option value=c.cap() selected=v.category == c.cap()>{t.category_name(*c)}</option> })
        .collect_view();
    let certainties = Certainty::ALL
        .iter()
        .map(|c| view! { <option value=c.cap() selected=v.certainty == c.cap()>{t.certainty_name(*c)}</option> })
        .collect_view();
    let has_english = !v.en_headline.is_empty();
    let failed = move || match save.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    let pending = save.pending();
    view! {
        <ActionForm action=save attr:class="form form--alert" attr:data-testid="alert-form">
            {id.map(|id| view! { <input type="hidden" name="id" value=id.to_string() /> })}
            <input type="hidden" name="revision" value=revision.to_string() />
            <input type="hidden" name="form[incident_id]" value=v.incident_id.clone() />
            <fieldset>
                <legend>{t.sec_level}</legend>
                <div class="level-choices" role="radiogroup" aria-label=t.level>{levels}</div>
                <div class="form__row">
                    <Field label=t.status><select name="form[status]">{statuses}</select></Field>
                    <Field label=t.category><select name="form[category]">{categories}</select></Field>
                    <Field label=t.certainty><select name="form[certainty]">{certainties}</select></Field>
                </div>
            </fieldset>
            <fieldset>
                <legend>{t.sec_text}</legend>
                <div class="form__row">
                    <Field label=t.event><input name="form[event]" value=v.event.clone() maxlength="50" required /></Field>
                    <Field label=t.headline><input name="form[headline]" value=v.headline.clone() maxlength="160" required /></Field>
                </div>
                <Field label=t.description><textarea name="form[description]" rows="4" required>{v.description.clone()}</textarea></Field>
                <Field label=t.instruction hint=t.instruction_hint><textarea name="form[instruction]" rows="3" required>{v.instruction.clone()}</textarea></Field>
            </fieldset>
            <fieldset>
                <legend>{t.sec_time}</legend>
                <div class="form__row">
                    <Field label=t.effective hint=t.effective_hint><input type="datetime-local" name="form[effective]" value=v.effective.clone() /></Field>
                    <Field label=t.onset><input type="datetime-local" name="form[onset]" value=v.onset.clone() /></Field>
                    <Field label=t.expires><input type="datetime-local" name="form[expires]" value=v.expires.clone() required /></Field>
                </div>
            </fieldset>
            <fieldset>
                <legend>{t.sec_area}</legend>
                <Field label=t.area_desc><input name="form[area_desc]" value=v.area_desc.clone() maxlength="200" required /></Field>
                <Field label=t.polygon hint=t.polygon_hint><textarea name="form[polygon]" rows="2" spellcheck="false">{v.polygon.clone()}</textarea></Field>
                <div class="form__row">
                    <Field label=t.circle hint=t.circle_hint><input name="form[circle]" value=v.circle.clone() spellcheck="false" /></Field>
                    <Field label=t.geocodes hint=t.geocodes_hint><input name="form[geocodes]" value=v.geocodes.clone() inputmode="numeric" /></Field>
                </div>
            </fieldset>
            <details open=has_english>
                <summary>{t.sec_english}</summary>
                <div class="form__row">
                    <Field label=t.en_event><input name="form[en_event]" value=v.en_event.clone() lang="en" /></Field>
                    <Field label=t.en_headline><input name="form[en_headline]" value=v.en_headline.clone() lang="en" /></Field>
                </div>
                <Field label=t.en_description><textarea name="form[en_description]" rows="3" lang="en">{v.en_description.clone()}</textarea></Field>
                <Field label=t.en_instruction><textarea name="form[en_instruction]" rows="2" lang="en">{v.en_instruction.clone()}</textarea></Field>
                <Field label=t.en_area_desc><input name="form[en_area_desc]" value=v.en_area_desc.clone() lang="en" /></Field>
            </details>
            <fieldset>
                <legend>{t.sec_contact}</legend>
                <div class="form__row">
                    <Field label=t.web><input type="url" name="form[web]" value=v.web.clone() /></Field>
                    <Field label=t.contact><input name="form[contact]" value=v.contact.clone() /></Field>
                </div>
            </fieldset>
            {failed}
            <div class="form__actions">
                <button class="button button--primary" type="submit" disabled=move || pending.get() data-testid="save-alert">{t.save_draft}</button>
            </div>
        </ActionForm>
    }
    .into_any()
}

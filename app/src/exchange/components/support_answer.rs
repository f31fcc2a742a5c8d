//! 答复 a request from the parent or a child: will send, part, or cannot — with what and when.
//! A refused answer is shown once above the list (the panel holds the one action).

use leptos::form::ActionForm;
use leptos::prelude::*;
use uuid::Uuid;

use crate::exchange::support::{Answer, AnswerSupport};
use crate::i18n::use_i18n;
use crate::ui::{Field, SelectField};

#[component]
pub fn SupportAnswerForm(request: Uuid, answer: ServerAction<AnswerSupport>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    let answers = Answer::ALL
        .into_iter()
        .map(|a| view! { <option value=a.key()>{t.answer_name(a)}</option> })
        .collect_view();
    view! {
        <ActionForm action=answer attr:class="form form--inline" attr:aria-label=t.answer attr:data-testid="support-answer-form">
            <input type="hidden" name="form[request]" value=request.to_string() />
            <SelectField label=t.answer name="form[answer]" placeholder=t.choose_answer>{answers}</SelectField>
            <Field label=t.answer_detail><input name="form[detail]" maxlength="500" /></Field>
            <Field label=t.eta><input name="form[eta_minutes]" type="number" min="1" max="10080" inputmode="numeric" /></Field>
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.answer_send}</button>
            </div>
        </ActionForm>
    }
}

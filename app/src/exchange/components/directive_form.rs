//! 下发指令: title, text and the children it goes to (none ticked: every node below).

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::exchange::{PeerView, Relation, SendDirective};
use crate::i18n::use_i18n;
use crate::ui::Field;

#[component]
pub fn DirectiveForm(send: ServerAction<SendDirective>, children: Vec<PeerView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().exchange;
    let node = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(el)) = (send.value().get(), node.get()) {
            el.reset();
        }
    });
    let boxes = children
        .into_iter()
        .filter(|p| p.relation == Relation::Child)
        .map(|p| {
            view! {
                <label class="check">
                    <input type="checkbox" name="form[recipients][]" value=p.node_id.clone() />
                    {p.name.clone()}
                </label>
            }
        })
        .collect_view();
    let sent = move || {
        matches!(send.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.sent}</p> })
    };
    let failed = move || match send.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <ActionForm action=send node_ref=node attr:class="form" attr:aria-label=t.new_directive attr:data-testid="directive-form">
            <h2>{t.new_directive}</h2>
            <Field label=t.directive_title><input name="form[title]" maxlength="200" /></Field>
            <Field label=t.directive_body><textarea name="form[body]" rows="4"></textarea></Field>
            <fieldset class="field">
                <legend>{t.recipients}</legend>
                {boxes}
                <p class="field__hint">{t.recipients_hint}</p>
            </fieldset>
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.send}</button>
            </div>
            {sent}
            {failed}
        </ActionForm>
    }
    .into_any()
}

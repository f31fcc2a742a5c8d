//! Adds an installation: where it is, who is exposed, what it holds (named substances of the
//! standard's 表1 or hazard categories of 表2). The grade is computed by the server.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::hazards::{ROWS, SaveHazard};
use crate::i18n::use_i18n;
use crate::models::hazard::{CATEGORIES, NAMED};
use crate::ui::Field;

#[component]
pub fn HazardForm(save: ServerAction<SaveHazard>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let texts = locale.texts();
    let (t, rt) = (&texts.models, &texts.resources);
    let node = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(el)) = (save.value().get(), node.get()) {
            el.reset();
        }
    });
    let rows = (0..ROWS)
        .map(|i| {
            let named = NAMED.iter().map(|n| view! { <option value=n.key>{format!("{}（{} t）", n.name, n.critical_t)}</option> }).collect_view();
            let categories = CATEGORIES.iter().map(|c| view! { <option value=c.code>{format!("{} {}（{} t）", c.code, c.description, c.critical_t)}</option> }).collect_view();
            view! {
                <div class="form__row" data-testid="holding-row">
                    <Field label=t.substance>
                        <select name="form[substance][]" required=i == 0>
                            <option value="">{texts.form.choose}</option>
                            <optgroup label=t.named_substances>{named}</optgroup>
                            <optgroup label=t.categories>{categories}</optgroup>
                        </select>
                    </Field>
                    <Field label=t.quantity_t><input name="form[quantity][]" inputmode="decimal" /></Field>
                </div>
            }
        })
        .collect_view();
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.hazard_saved}</p> })
    };
    let failed = move || match save.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <ActionForm action=save node_ref=node attr:class="form" attr:aria-label=t.add_hazard attr:data-testid="hazard-form">
            <h2>{t.add_hazard}</h2>
            <Field label=t.hazard_name><input name="form[name]" required /></Field>
            <Field label=t.enterprise><input name="form[enterprise]" required /></Field>
            <div class="form__row">
                <Field label=rt.lon><input name="form[lon]" inputmode="decimal" required /></Field>
                <Field label=rt.lat><input name="form[lat]" inputmode="decimal" required /></Field>
            </div>
            <div class="form__row">
                <Field label=rt.region_code><input name="form[region_code]" required /></Field>
                <Field label=t.exposed_population hint=t.exposed_hint><input name="form[exposed_population]" inputmode="numeric" /></Field>
            </div>
            {rows}
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.save_hazard}</button>
            </div>
            {saved}
            {failed}
        </ActionForm>
    }
    .into_any()
}

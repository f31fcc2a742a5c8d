//! 事故接报: the duty officer's intake form. Keyboard first (it opens on the name, Tab walks the
//! fields in the order a caller is asked, Enter records); a click on the map fills the
//! coordinates and the province. The server validates everything again.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::location_picker::LocationPicker;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::{CreateIncident, IncidentSource};
use crate::reference::{accident_types, industries};
use crate::ui::time::{datetime_local, now_unix};
use crate::ui::{Field, SelectField};

#[component]
pub fn IntakeForm(on_recorded: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateIncident>::new();
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let title_ref = NodeRef::<leptos::html::Input>::new();
    let (lon, lat, region) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let occurred = RwSignal::new(datetime_local(now_unix()));
    // After a recording: an empty form for the next call, and the board reloads.
    Effect::new(move |_| {
        if let Some(Ok(_)) = create.value().get() {
            if let Some(form) = form_ref.get() {
                form.reset();
            }
            // Ready for the next call: the cursor back in the first field.
            if let Some(title) = title_ref.get() {
                let _ = title.focus();
            }
            lon.set(String::new());
            lat.set(String::new());
            region.set(String::new());
            occurred.set(datetime_local(now_unix()));
            on_recorded();
        }
    });
    let pick = move |x: f64, y: f64| {
        lon.set(format!("{x:.5}"));
        lat.set(format!("{y:.5}"));
        // The province, unless the officer already typed a code within it.
        if let Some(province) = crate::reference::province_at((x, y)) {
            let typed = region.get_untracked();
            if !typed.starts_with(&province.code[..2]) {
                region.set(province.code.to_string());
            }
        }
    };
    let outcome = move || {
        let t = &i18n.t().incidents;
        match create.value().get()? {
            Ok(id) => Some(
                view! {
                    <p class="notice" role="status" data-testid="recorded">
                        {t.recorded} <a href=format!("/incidents/{id}")>{t.open_record}</a>
                    </p>
                }
                .into_any(),
            ),
            Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
        }
    };
    let form = move || {
        let t = &i18n.t().incidents;
        let locale = i18n.locale();
        let number = |label: &'static str, name: &'static str| {
            view! {
                <Field label><input name=name type="number" min="0" step="1" inputmode="numeric" /></Field>
            }
        };
        view! {
            <ActionForm action=create node_ref=form_ref attr:class="form form--intake" attr:aria-label=t.intake_title>
                <Field label=t.title><input name="form[title]" node_ref=title_ref required maxlength="100" autofocus autocomplete="off" /></Field>
                <div class="form__row">
                    <SelectField label=t.accident_type name="form[accident_type]" placeholder=t.form.choose>
                        {accident_types().iter().map(|a| view! { <option value=a.code.to_string()>{a.name(locale)}</option> }).collect_view()}
                    </SelectField>
                    <SelectField label=t.industry name="form[industry]" placeholder=t.form.choose>
                        {industries().iter().map(|i| view! { <option value=i.code>{i.name(locale)}</option> }).collect_view()}
                    </SelectField>
                </div>
                <Field label=t.occurred_at>
                    <input name="form[occurred_at]" type="datetime-local" required prop:value=occurred on:input=move |ev| occurred.set(event_target_value(&ev)) />
                </Field>
                <LocationPicker on_pick=pick lon lat />
                <div class="form__row form__row--3">
                    <Field label=t.lon><input name="form[lon]" required inputmode="decimal" prop:value=lon on:input=move |ev| lon.set(event_target_value(&ev)) /></Field>
                    <Field label=t.lat><input name="form[lat]" required inputmode="decimal" prop:value=lat on:input=move |ev| lat.set(event_target_value(&ev)) /></Field>
                    <Field label=t.region_code><input name="form[region_code]" required inputmode="numeric" maxlength="6" prop:value=region on:input=move |ev| region.set(event_target_value(&ev)) /></Field>
                </div>
                <Field label=t.address><input name="form[address]" maxlength="200" /></Field>
                <Field label=t.enterprise><input name="form[enterprise]" maxlength="100" /></Field>
                <fieldset class="form__row form__row--5 casualties">
                    <legend>{t.casualties}</legend>
                    {number(t.deaths, "form[deaths]")}
                    {number(t.missing, "form[missing]")}
                    {number(t.serious_injuries, "form[serious_injuries]")}
                    {number(t.minor_injuries, "form[minor_injuries]")}
                    {number(t.trapped, "form[trapped]")}
                </fieldset>
                {number(t.direct_loss, "form[direct_loss_cny]")}
                <Field label=t.hazmat><input name="form[hazmat]" maxlength="200" /></Field>
                <Field label=t.description><textarea name="form[description]" rows="3" maxlength="4000"></textarea></Field>
                <div class="form__row form__row--3">
                    <Field label=t.source>
                        <select name="form[source]" required>
                            {IncidentSource::ALL.into_iter().map(|s| view! { <option value=s.key()>{t.source(s)}</option> }).collect_view()}
                        </select>
                    </Field>
                    <Field label=t.reporter><input name="form[reporter]" maxlength="50" /></Field>
                    <Field label=t.reporter_phone><input name="form[reporter_phone]" type="tel" maxlength="30" /></Field>
                </div>
                <button class="button button--primary" type="submit" disabled=move || create.pending().get()>
                    {t.submit_report}
                </button>
            </ActionForm>
        }
    };
    view! {
        <h2>{move || i18n.t().incidents.intake_title}</h2>
        <p class="muted field__hint">{move || i18n.t().incidents.intake_hint}</p>
        {outcome}
        {form}
    }
}

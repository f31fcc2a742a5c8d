//! Adds an entry, or edits the one named by `?edit=<id>`: every field of the registry, checked
//! again on the server.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::resources::{
    Availability, Capability, ResourceForm, ResourceKind, SUPPLY_CLASSES, SaveResource,
    get_resource,
};
use crate::ui::Field;

#[component]
pub fn ResourceEditor(save: ServerAction<SaveResource>) -> impl IntoView {
    let i18n = use_i18n();
    let params = use_query_map();
    let editing = Memo::new(move |_| {
        params
            .read()
            .get("edit")
            .and_then(|id| Uuid::parse_str(&id).ok())
    });
    let loaded = Resource::new(
        move || editing.get(),
        |id| async move {
            match id {
                Some(id) => get_resource(id).await.map(|r| ResourceForm::of(&r)),
                None => Ok(ResourceForm {
                    kind: ResourceKind::Team.key().into(),
                    availability: Availability::Ready.key().into(),
                    ..ResourceForm::default()
                }),
            }
        },
    );
    let body = move || {
        loaded.get().map(|result| match result {
            Ok(form) => view! { <EditorForm form save /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    // Folded on narrower screens so the list has the room; open while editing. The width is
    // read after hydration (the server cannot know it).
    let wide = RwSignal::new(false);
    Effect::new(move |_| wide.set(wide_screen()));
    view! {
        <details class="editor" open=move || editing.get().is_some() || wide.get()>
            <summary><h2>{move || if editing.get().is_some() { i18n.t().resources.edit_title } else { i18n.t().resources.add_title }}</h2></summary>
            <Transition fallback=|| ()>{body}</Transition>
        </details>
    }
    .into_any()
}

/// Whether the editor has room beside the list (it folds away below 1600 px).
fn wide_screen() -> bool {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w >= 1600.0)
    }
    #[cfg(not(feature = "hydrate"))]
    false
}

#[component]
fn EditorForm(form: ResourceForm, save: ServerAction<SaveResource>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let t = &locale.texts().resources;
    let node = NodeRef::<leptos::html::Form>::new();
    let is_new = form.id.is_empty();
    // A new entry's form empties once stored, ready for the next.
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(el), true) = (save.value().get(), node.get(), is_new) {
            el.reset();
        }
    });
    let kinds = ResourceKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key() selected=form.kind == k.key()>{t.kind(k)}</option> })
        .collect_view();
    let availabilities = Availability::ALL
        .into_iter()
        .map(|a| view! { <option value=a.key() selected=form.availability == a.key()>{t.availability(a)}</option> })
        .collect_view();
    let classes = SUPPLY_CLASSES
        .iter()
        .map(|(key, zh, en)| {
            let label = if locale == crate::i18n::Locale::En {
                *en
            } else {
                *zh
            };
            view! { <option value=*key>{label}</option> }
        })
        .collect_view();
    let caps = Capability::ALL
        .into_iter()
        .map(|c| {
            let checked = form.capabilities.iter().any(|k| k == c.key());
            view! {
                <label class="check">
                    <input type="checkbox" name="form[capabilities][]" value=c.key() checked=checked />
                    {t.capability(c)}
                </label>
            }
        })
        .collect_view();
    let text = |label: &'static str, name: &'static str, value: &String, required: bool| {
        let value = value.clone();
        view! { <Field label><input name=name value=value required=required /></Field> }
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.saved}</p> })
    };
    let failed = move || match save.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <ActionForm action=save node_ref=node attr:class="form" attr:aria-label=t.add_title attr:data-testid="resource-form">
            <input type="hidden" name="form[id]" value=form.id.clone() />
            <input type="hidden" name="form[revision]" value=form.revision.clone() />
            <div class="form__row">
                <Field label=t.kind><select name="form[kind]" required>{kinds}</select></Field>
                <Field label=t.availability><select name="form[availability]">{availabilities}</select></Field>
            </div>
            {text(t.name, "form[name]", &form.name, true)}
            <Field label=t.category hint=t.category_hint>
                <input name="form[category]" list="supply-classes" value=form.category.clone() />
                <datalist id="supply-classes">{classes}</datalist>
            </Field>
            <fieldset class="checks">
                <legend>{t.capabilities}</legend>
                {caps}
            </fieldset>
            <div class="form__row">
                <Field label=t.quantity><input name="form[quantity]" inputmode="decimal" value=form.quantity.clone() /></Field>
                {text(t.unit, "form[unit]", &form.unit, false)}
            </div>
            {text(t.organisation, "form[organisation]", &form.organisation, false)}
            <Field label=t.details><textarea name="form[details]" rows="2">{form.details.clone()}</textarea></Field>
            <div class="form__row">
                {text(t.contact_name, "form[contact_name]", &form.contact_name, false)}
                <Field label=t.contact_phone><input name="form[contact_phone]" type="tel" value=form.contact_phone.clone() /></Field>
            </div>
            <div class="form__row">
                <Field label=t.lon><input name="form[lon]" inputmode="decimal" value=form.lon.clone() required /></Field>
                <Field label=t.lat><input name="form[lat]" inputmode="decimal" value=form.lat.clone() required /></Field>
            </div>
            <div class="form__row">
                {text(t.region_code, "form[region_code]", &form.region_code, true)}
                <Field label=t.expires_on><input name="form[expires_on]" type="date" value=form.expires_on.clone() /></Field>
            </div>
            {text(t.address, "form[address]", &form.address, false)}
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.save}</button>
                {(!is_new).then(|| view! { <a class="button" href="/resources">{t.cancel}</a> })}
            </div>
            {saved}
            {failed}
        </ActionForm>
    }
    .into_any()
}

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{
    ApiKeyView, ApiScope, CreateApiKey, RevokeApiKey, list_api_keys, list_units,
};
use crate::ui::time::format_minutes;
use crate::ui::{Field, SelectField};

/// API keys of the jurisdiction: create (the secret shown once), list, revoke.
#[component]
pub fn KeysPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateApiKey>::new();
    let revoke = ServerAction::<RevokeApiKey>::new();
    let keys = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_api_keys(),
    );
    let units = Resource::new(|| (), |_| list_units());
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(form)) = (create.value().get(), form_ref.get()) {
            form.reset();
        }
    });
    let issued = move || match create.value().get()? {
        Ok(issued) => Some(
            view! {
                <div class="notice notice--secret" role="status" data-testid="issued-key">
                    <p><strong>{i18n.t().keys.shown_once}</strong></p>
                    <code class="secret">{issued.key}</code>
                </div>
            }
            .into_any(),
        ),
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    let unit_options = move || {
        units
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|unit| view! { <option value=unit.id.to_string()>{unit.name}</option> })
            .collect_view()
    };
    let scope_boxes = move || {
        ApiScope::ALL
            .into_iter()
            .enumerate()
            .map(|(i, scope)| {
                view! {
                    <label class="check">
                        <input type="checkbox" name=format!("scopes[{i}]") value=scope.key() />
                        {i18n.t().keys.scope(scope)} " " <code>{scope.key()}</code>
                    </label>
                }
            })
            .collect_view()
    };
    let form = move || {
        let t = &i18n.t().keys;
        view! {
            <h2>{t.create_title}</h2>
            <ActionForm action=create node_ref=form_ref attr:class="form form--wide">
                <Field label=t.name><input name="name" required maxlength="100" /></Field>
                <SelectField label=t.unit name="unit_id" placeholder=i18n.t().admin.choose>{unit_options}</SelectField>
                <fieldset class="field">
                    <legend class="field__label">{t.scopes}</legend>
                    {scope_boxes}
                </fieldset>
                <Field label=t.valid_days><input name="valid_days" type="number" required min="1" max="730" value="365" /></Field>
                <button class="button button--primary" type="submit" disabled=move || create.pending().get()>
                    {t.create}
                </button>
            </ActionForm>
        }
    };
    let list = move || {
        keys.get().map(|result| match result {
            Ok(keys) => view! { <KeyTable keys revoke /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h2>{move || i18n.t().keys.title}</h2>
        <p class="page__lead">{move || i18n.t().keys.intro}</p>
        <Transition fallback=|| ()>{list}</Transition>
        // The form reads a resource (its choice of units): inside a Transition like every
        // resource read, or concurrent server rendering can deadlock the reactive graph.
        <Transition fallback=|| ()>{form}</Transition>
        // Under the button just pressed, where the eye is.
        {issued}
    }
}

#[component]
fn KeyTable(keys: Vec<ApiKeyView>, revoke: ServerAction<RevokeApiKey>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().keys;
    if keys.is_empty() {
        return view! { <p class="notice">{move || t().none}</p> }.into_any();
    }
    // Whether a key still opens anything, as of when the list was loaded.
    let now = crate::ui::time::now_unix();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="key-table">
                <thead>
                    <tr>
                        <th>{move || t().name}</th>
                        <th>{move || t().prefix}</th>
                        <th>{move || t().unit}</th>
                        <th>{move || t().scopes}</th>
                        <th>{move || t().expires_at}</th>
                        <th>{move || t().last_used}</th>
                        <th>{move || t().status}</th>
                        <th></th>
                    </tr>
                </thead>
                <tbody>
                    {keys.into_iter().map(|key| {
                        let id = key.id;
                        let revoked = key.revoked_at.is_some();
                        let expired = key.expires_at <= now;
                        let scopes = key.scopes.clone();
                        let last_used = key.last_used_at.map(format_minutes);
                        view! {
                            <tr>
                                <td>{key.name}</td>
                                <td><code>{key.prefix} "…"</code></td>
                                <td>{key.unit_name}</td>
                                <td>{scopes.iter().map(|s| view! { <code class="scope">{s.key()}</code> " " }).collect_view()}</td>
                                <td>{format_minutes(key.expires_at)}</td>
                                <td>{move || last_used.clone().unwrap_or_else(|| t().never.to_string())}</td>
                                <td>{move || if revoked { t().revoked } else if expired { t().expired } else { t().valid }}</td>
                                <td>
                                    {(!revoked).then(|| view! {
                                        <button class="button button--small" type="button"
                                            on:click=move |_| { revoke.dispatch(RevokeApiKey { id }); }>
                                            {move || t().revoke}
                                        </button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

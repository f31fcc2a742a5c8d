use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{CreateUser, Role, UserView, list_units, list_users};
use crate::ui::{DemoBadge, Field, SelectField};

/// Users of the administrator's jurisdiction, and a form to add one.
#[component]
pub fn UsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateUser>::new();
    // Reload the list after every creation.
    let users = Resource::new(move || create.version().get(), |_| list_users());
    let units = Resource::new(|| (), |_| list_units());
    // An empty form after a creation, ready for the next user.
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(form)) = (create.value().get(), form_ref.get()) {
            form.reset();
        }
    });

    let outcome = move || {
        let t = &i18n.t().admin;
        match create.value().get()? {
            Ok(_) => Some(view! { <p class="notice" role="status">{t.created}</p> }.into_any()),
            Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
        }
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
    let role_options = move || {
        Role::ALL
            .into_iter()
            .map(|role| view! { <option value=role.key()>{i18n.t().role(role)}</option> })
            .collect_view()
    };
    let form = move || {
        let t = &i18n.t().admin;
        view! {
            <h2>{t.create_title}</h2>
            <ActionForm action=create node_ref=form_ref attr:class="form form--wide">
                <Field label=t.username hint=t.username_rule><input name="username" required maxlength="64" autocomplete="off" /></Field>
                <Field label=t.display_name><input name="display_name" required maxlength="100" /></Field>
                <SelectField label=t.unit name="unit_id" placeholder=t.choose>{unit_options}</SelectField>
                <SelectField label=t.role name="role" placeholder=t.choose>{role_options}</SelectField>
                <Field label=t.password><input name="password" type="password" required autocomplete="new-password" /></Field>
                <button class="button button--primary" type="submit" disabled=move || create.pending().get()>
                    {t.create}
                </button>
            </ActionForm>
            {outcome}
        }
    };
    let list = move || {
        users.get().map(|result| match result {
            Ok(list) => view! { <UserTable users=list /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <h2>{move || i18n.t().admin.users_title}</h2>
        <Transition fallback=|| ()>{list}</Transition>
        // The form reads a resource (its choice of units): inside a Transition like every
        // resource read, or concurrent server rendering can deadlock the reactive graph.
        <Transition fallback=|| ()>{form}</Transition>
    }
}

#[component]
fn UserTable(users: Vec<UserView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().admin;
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="user-table">
                <thead>
                    <tr>
                        <th>{move || t().username}</th>
                        <th>{move || t().display_name}</th>
                        <th>{move || t().unit}</th>
                        <th>{move || t().role}</th>
                        <th>{move || t().status}</th>
                    </tr>
                </thead>
                <tbody>
                    {users.into_iter().map(|user| {
                        let role = user.role;
                        let active = user.active;
                        view! {
                            <tr>
                                <td><a href=format!("/admin/users/{}", user.id)>{user.username}</a></td>
                                <td>{user.display_name} {user.demo.then(|| view! { " " <DemoBadge /> })}</td>
                                <td>{user.unit_name}</td>
                                <td>{move || i18n.t().role(role)}</td>
                                <td>{move || if active { t().active } else { t().inactive }}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

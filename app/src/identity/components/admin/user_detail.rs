use leptos::form::ActionForm;
use leptos::prelude::*;

use super::sessions::SessionTable;
use crate::error::{AppError, ErrorNotice};
use crate::i18n::use_i18n;
use crate::identity::{ResetPassword, Role, SetUserActive, SetUserRole, UserDetail, get_user};
use crate::ui::DemoBadge;

/// One user: who, where, status (enable / disable), a password reset and the live sessions.
/// Outside the administrator's jurisdiction the user does not exist.
#[component]
pub fn UserDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let route_id = crate::ui::url::use_route_id();
    let id = move || route_id.get();
    let set_active = ServerAction::<SetUserActive>::new();
    let set_role = ServerAction::<SetUserRole>::new();
    let reset = ServerAction::<ResetPassword>::new();
    let detail = Resource::new(
        move || {
            let versions = (set_active.version().get(), set_role.version().get());
            (id(), versions, reset.version().get())
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => get_user(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let body = move || {
        detail.get().map(|result| match result {
            Ok(detail) => view! { <UserCard detail set_active set_role reset /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <p><a href="/admin">{move || i18n.t().admin.back_to_users}</a></p>
        <Transition fallback=|| ()>{body}</Transition>
    }
}

#[component]
fn UserCard(
    detail: UserDetail,
    set_active: ServerAction<SetUserActive>,
    set_role: ServerAction<SetUserRole>,
    reset: ServerAction<ResetPassword>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().admin;
    let user = detail.user;
    let (id, active, role) = (user.id, user.active, user.role);
    let toggle = move |_| {
        set_active.dispatch(SetUserActive {
            id,
            active: !active,
        });
    };
    let status_outcome = move || match set_active.value().get()? {
        Ok(()) => {
            Some(view! { <p class="notice" role="status">{t().status_changed}</p> }.into_any())
        }
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    let role_outcome = move || match set_role.value().get()? {
        Ok(()) => Some(view! { <p class="notice" role="status">{t().role_changed}</p> }.into_any()),
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    let role_options = move || {
        Role::ALL
            .into_iter()
            .map(|r| view! { <option value=r.key() selected=r == role>{i18n.t().role(r)}</option> })
            .collect_view()
    };
    let reset_outcome = move || match reset.value().get()? {
        Ok(()) => Some(view! { <p class="notice" role="status">{t().reset_done}</p> }.into_any()),
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    view! {
        <h2 data-testid="user-detail">{user.display_name} {user.demo.then(|| view! { " " <DemoBadge /> })}</h2>
        <dl class="facts">
            <dt>{move || t().username}</dt><dd>{user.username}</dd>
            <dt>{move || t().unit}</dt><dd>{user.unit_name}</dd>
            <dt>{move || t().role}</dt><dd>{move || i18n.t().role(role)}</dd>
            <dt>{move || t().status}</dt>
            <dd>{move || if active { t().active } else { t().inactive }}</dd>
        </dl>
        <button class="button" type="button" on:click=toggle disabled=move || set_active.pending().get()>
            {move || if active { t().deactivate } else { t().activate }}
        </button>
        {status_outcome}
        <h2>{move || t().change_role}</h2>
        <ActionForm action=set_role attr:class="form form--inline">
            <input type="hidden" name="id" value=id.to_string() />
            <label class="field">
                <span class="field__label">{move || t().role}</span>
                <select name="role">{role_options}</select>
            </label>
            <button class="button" type="submit" disabled=move || set_role.pending().get()>{move || t().change_role}</button>
        </ActionForm>
        {role_outcome}
        <h2>{move || t().reset_title}</h2>
        <ActionForm action=reset attr:class="form">
            <input type="hidden" name="id" value=id.to_string() />
            <label class="field">
                <span class="field__label">{move || t().new_password}</span>
                <input name="password" type="password" required autocomplete="new-password" />
            </label>
            <button class="button" type="submit" disabled=move || reset.pending().get()>{move || t().reset}</button>
        </ActionForm>
        {reset_outcome}
        <h2>{move || i18n.t().sessions.title}</h2>
        <SessionTable sessions=detail.sessions />
    }
}

//! `/video/cameras`: the cameras of the jurisdiction with their live state (refreshed every
//! few seconds), and the form to register one for an incident or an installation.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::cameras::{
    Camera, CameraKind, LinkState, RegisterCamera, RemoveCamera, SubjectChoice, list_cameras,
};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::ui::{DemoBadge, Field};
use crate::video::RoomRef;

#[cfg(feature = "hydrate")]
const REFRESH: std::time::Duration = std::time::Duration::from_secs(5);

#[component]
pub fn CamerasPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().cameras;
    let register = ServerAction::<RegisterCamera>::new();
    let remove = ServerAction::<RemoveCamera>::new();
    // A new camera goes from 连接中 to 在线 or 离线 within seconds: look again.
    let tick = RwSignal::new(0_u32);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|n| *n += 1), REFRESH) {
        on_cleanup(move || handle.clear());
    }
    let registry = Resource::new(
        move || (tick.get(), register.version().get(), remove.version().get()),
        |_| list_cameras(),
    );
    let list = move || {
        registry.get().map(|result| match result {
            Ok(r) if r.cameras.is_empty() => view! { <p class="muted">{t().none}</p> }.into_any(),
            Ok(r) => view! { <CameraTable cameras=r.cameras remove /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    // The form's choices load once, so a choice being made is never redrawn under the pointer.
    let subjects = Resource::new(|| (), |_| list_cameras());
    let form = move || {
        subjects
            .get()
            .and_then(Result::ok)
            .map(|r| view! { <RegisterForm subjects=r.subjects register /> })
    };
    view! {
        <section class="page page--cameras" data-testid="section-cameras">
            <Title text=move || t().title />
            <header class="page__header">
                <h1>{move || t().title}</h1>
                <p class="muted">{move || t().hint}</p>
            </header>
            <div class="cameras">
                <div>
                    <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{list}</Transition>
                </div>
                <Transition fallback=|| ()>{form}</Transition>
            </div>
        </section>
    }
}

#[component]
fn CameraTable(cameras: Vec<Camera>, remove: ServerAction<RemoveCamera>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().cameras;
    let rows = cameras
        .into_iter()
        .map(|c| {
            let id = c.id;
            let health = c.health.clone();
            let state = move || {
                let t = t();
                let since = crate::ui::time::format_hm(health.since);
                format!("{} · {} {since}", t.state_name(health.state), t.since)
            };
            let state_key = match c.health.state {
                LinkState::Connecting => "connecting",
                LinkState::Online => "online",
                LinkState::Offline => "offline",
            };
            view! {
                <tr data-testid="camera-row">
                    <td>{c.name.clone()} {c.demo.then(|| view! { " " <DemoBadge /> })}</td>
                    <td>{move || t().kind_name(c.kind)}</td>
                    <td>{c.subject_name.clone()}</td>
                    <td class="camera-address">
                        {match c.relayed_from.clone() {
                            Some(node) => view! { <span data-testid="camera-relayed">{move || t().relayed_via}{node.clone()}</span> }.into_any(),
                            None => c.address.clone().into_any(),
                        }}
                    </td>
                    <td>
                        <span class=format!("camera-state camera-state--{state_key}") data-testid="camera-state">{state}</span>
                        {c.health.error.clone().map(|e| view! { <span class="camera-error">{e}</span> })}
                    </td>
                    <td class="cameras__actions">
                        <a class="button button--small" href=RoomRef::Camera { id }.path()>{move || t().watch}</a>
                        // A relayed camera is withdrawn at its origin only.
                        {c.relayed_from.is_none().then(|| view! {
                            <button
                                class="button button--small button--danger"
                                type="button"
                                on:click=move |_| { remove.dispatch(RemoveCamera { id }); }
                            >
                                {move || t().remove}
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table" data-testid="camera-table">
            <thead>
                <tr>
                    <th>{move || t().name}</th>
                    <th>{move || t().kind}</th>
                    <th>{move || t().subject}</th>
                    <th>{move || t().url}</th>
                    <th>{move || t().state}</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {move || match remove.value().get() {
            Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
            _ => None,
        }}
    }
}

#[component]
fn RegisterForm(
    subjects: Vec<SubjectChoice>,
    register: ServerAction<RegisterCamera>,
) -> impl IntoView {
    let i18n = use_i18n();
    let texts = i18n.locale_untracked().texts();
    let t = &texts.cameras;
    let node = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(el)) = (register.value().get(), node.get()) {
            el.reset();
        }
    });
    // `?subject=incident:<id>` from an incident page preselects it.
    let asked = use_query_map().with_untracked(|q| q.get("subject").unwrap_or_default());
    let group = |incident: bool| {
        subjects
            .iter()
            .filter(|s| s.incident == incident)
            .map(|s| {
                let selected = s.key == asked;
                view! { <option value=s.key.clone() selected=selected>{s.name.clone()}</option> }
            })
            .collect_view()
    };
    let (incident_options, hazard_options) = (group(true), group(false));
    let kinds = CameraKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key()>{t.kind_name(k)}</option> })
        .collect_view();
    let saved = move || {
        matches!(register.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.registered}</p> })
    };
    let failed = move || match register.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <ActionForm action=register node_ref=node attr:class="form" attr:aria-label=t.register_one attr:data-testid="camera-form">
            <h2>{t.register_one}</h2>
            <Field label=t.name><input name="form[name]" maxlength="60" required /></Field>
            <Field label=t.kind>
                <select name="form[kind]" required>{kinds}</select>
            </Field>
            <Field label=t.url hint=t.url_hint>
                <input name="form[url]" maxlength="500" required spellcheck="false" autocomplete="off" placeholder="rtsp://" />
            </Field>
            <Field label=t.subject>
                <select name="form[subject]" required>
                    <option value="">{t.choose_subject}</option>
                    <optgroup label=t.incidents_group>{incident_options}</optgroup>
                    <optgroup label=t.hazards_group>{hazard_options}</optgroup>
                </select>
            </Field>
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.register}</button>
            </div>
            {saved}
            {failed}
        </ActionForm>
    }
    .into_any()
}

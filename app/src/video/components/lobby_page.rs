//! `/video`: the consultation lobby — a room for each active incident the reader may see, the
//! ad-hoc rooms open now (refreshed every ten seconds), and a form to open one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_navigate;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::incidents::GradeBadge;
use crate::ui::DemoBadge;
use crate::video::{RoomRef, get_lobby};

#[cfg(feature = "hydrate")]
const REFRESH: std::time::Duration = std::time::Duration::from_secs(10);

#[component]
pub fn ConsultLobbyPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    // Who is in which room changes by the minute: look again every few seconds.
    let tick = RwSignal::new(0_u32);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|n| *n += 1), REFRESH) {
        on_cleanup(move || handle.clear());
    }
    let lobby = Resource::new(move || tick.get(), |_| get_lobby());
    let people = move |names: Vec<String>| {
        if names.is_empty() {
            view! { <span class="muted">{t().nobody}</span> }.into_any()
        } else {
            view! {
                <span class="consult-lobby__people" data-testid="room-people">
                    {format!("{} {} · {}", names.len(), t().in_room, names.join("、"))}
                </span>
            }
            .into_any()
        }
    };
    let incidents = move || {
        lobby.get().map(|result| match result {
            Ok(lobby) if lobby.incidents.is_empty() => {
                view! { <p class="muted">{t().no_incidents}</p> }.into_any()
            }
            Ok(lobby) => {
                let rows = lobby
                    .incidents
                    .into_iter()
                    .map(|room| {
                        let href = RoomRef::Incident { id: room.id }.path();
                        view! {
                            <li class="consult-lobby__room" data-testid="incident-room">
                                <GradeBadge grade=room.grade />
                                <a href=href>{room.title}</a>
                                {room.demo.then(|| view! { <DemoBadge /> })}
                                {people(room.participants)}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ul class="consult-lobby__list">{rows}</ul> }.into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    let rooms = move || {
        lobby.get().and_then(Result::ok).map(|lobby| {
            if lobby.rooms.is_empty() {
                return view! { <p class="muted">{t().no_adhoc}</p> }.into_any();
            }
            let rows = lobby
                .rooms
                .into_iter()
                .map(|room| {
                    view! {
                        <li class="consult-lobby__room" data-testid="adhoc-room">
                            <a href=room.room.path()>{room.title}</a>
                            {people(room.participants)}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="consult-lobby__list">{rows}</ul> }.into_any()
        })
    };
    let loading = move || view! { <p>{move || i18n.t().loading}</p> };
    view! {
        <section class="page page--video" data-testid="section-video">
            <Title text=move || t().title />
            <header class="page__header">
                <h1>{move || t().title}</h1>
                <p class="muted">{move || t().hint}</p>
                <a class="button button--small" href="/video/cameras" data-testid="cameras-link">{move || i18n.t().cameras.title}</a>
            </header>
            // The form stays outside the refreshed lists, so a name being typed is never lost.
            <div class="consult-lobby">
                <section>
                    <h2>{move || t().incident_rooms}</h2>
                    <Transition fallback=loading>{incidents}</Transition>
                </section>
                <section>
                    <h2>{move || t().adhoc_rooms}</h2>
                    <Transition fallback=loading>{rooms}</Transition>
                    <OpenRoomForm />
                </section>
            </div>
        </section>
    }
}

/// Opens an ad-hoc room: the name is checked here and again by the server when joining.
#[component]
fn OpenRoomForm() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let name = RwSignal::new(String::new());
    let refused = RwSignal::new(false);
    let navigate = use_navigate();
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match RoomRef::adhoc(&name.get_untracked()) {
            Some(room) => navigate(&room.path(), Default::default()),
            None => refused.set(true),
        }
    };
    view! {
        <form class="form consult-lobby__open" on:submit=open data-testid="open-room">
            <label class="field">
                <span class="field__label">{move || t().room_name}</span>
                <input
                    name="room"
                    maxlength="32"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        refused.set(false);
                    }
                />
            </label>
            <Show when=move || refused.get()>
                <span class="field__error" role="alert" data-testid="room-name-error">
                    {move || t().room_name_rule}
                </span>
            </Show>
            <button class="button button--primary" type="submit">{move || t().open_room}</button>
        </form>
    }
}

//! `/video/incident/:id` and `/video/room/:name`: one consultation — the join button, then a
//! grid of everyone's video with the controls at the bottom.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::controls::Controls;
use super::tile::Tile;
use crate::i18n::use_i18n;
use crate::video::{CallState, Notice, Phase, RoomRef};

/// The room of the route: an incident's (`id`) or an ad-hoc one (`name`).
fn use_room() -> Memo<Option<RoomRef>> {
    let params = use_params_map();
    Memo::new(move |_| {
        let params = params.read();
        if let Some(id) = params.get("id") {
            return uuid::Uuid::parse_str(&id)
                .ok()
                .map(|id| RoomRef::Incident { id });
        }
        let name = params.get("name")?;
        RoomRef::adhoc(&crate::ui::url::decode(&name)?)
    })
}

#[component]
pub fn ConsultRoomPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let room = use_room();
    let call = CallState::new();
    #[cfg(feature = "hydrate")]
    on_cleanup(crate::video::client::hang_up);
    let join = move |_| {
        if let Some(room) = room.get_untracked() {
            call.join(room);
        }
    };
    let phase = call.phase;
    let heading = move || {
        let title = call.title.get();
        if title.is_empty() {
            t().title.to_string()
        } else {
            format!("{} · {title}", t().title)
        }
    };
    let notice = move || {
        call.notice.get().map(|n| {
            let text = match n {
                Notice::Refused(problem) => t().problem(problem),
                Notice::NoDevices => t().no_devices,
                Notice::NoScreen => t().no_screen,
                Notice::ConnectionLost => t().connection_lost,
            };
            view! { <p class="notice notice--warn" role="alert" data-testid="call-notice">{text}</p> }
        })
    };
    let incident_link = move || match room.get() {
        Some(RoomRef::Incident { id }) => Some(view! {
            <a href=format!("/incidents/{id}")>{move || t().incident_page}</a>
        }),
        _ => None,
    };
    let before = move || {
        let again = matches!(phase.get(), Phase::Left | Phase::Ended);
        view! {
            <div class="call-join">
                <Show when=move || phase.get() == Phase::Left>
                    <p data-testid="call-left">{move || t().left}</p>
                </Show>
                <button
                    class="button button--primary button--large"
                    data-testid="join-call"
                    disabled=move || room.get().is_none()
                    on:click=join
                >
                    {move || if again { t().rejoin } else { t().join }}
                </button>
                <p class="muted">{move || t().join_hint}</p>
            </div>
        }
    };
    let grid = move || {
        let others = move || call.participants.get();
        view! {
            <div class="call-grid" data-testid="call-grid">
                <Show when=move || call.sending.get()>
                    <Tile
                        call
                        who=None
                        name=Signal::derive(move || t().me.to_string())
                        unit=Signal::derive(String::new)
                        media=call.local
                    />
                </Show>
                <For each=others key=|p| p.id let:p>
                    {
                        let id = p.id;
                        let find = move || {
                            call.participants.with(|list| list.iter().find(|q| q.id == id).cloned())
                        };
                        view! {
                            <Tile
                                call
                                who=Some(id)
                                name=p.name.clone()
                                unit=p.unit.clone()
                                media=Signal::derive(move || find().map(|q| q.media).unwrap_or_default())
                            />
                        }
                    }
                </For>
            </div>
            <Show when=move || call.participants.with(Vec::is_empty)>
                <p class="muted call-alone">{move || t().alone}</p>
            </Show>
            <Controls call />
        }
    };
    view! {
        <section class="page page--call" data-testid="section-call">
            <Title text=heading />
            <header class="page__header">
                <h1 data-testid="call-title">{heading}</h1>
                <nav class="page__links">
                    <a href="/video">{move || t().to_lobby}</a>
                    " "
                    {incident_link}
                </nav>
            </header>
            {notice}
            <Show when=move || phase.get() == Phase::Connecting>
                <p data-testid="call-connecting">{move || t().joining}</p>
            </Show>
            <Show when=move || phase.get() == Phase::Joined fallback=before>
                {grid}
            </Show>
        </section>
    }
}

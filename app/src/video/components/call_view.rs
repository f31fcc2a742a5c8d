//! A consultation on a page: the join button, then a grid of everyone's video with the
//! controls under it. The room page and the invited expert's page both show it.

use leptos::prelude::*;

use super::controls::Controls;
use super::tile::Tile;
use crate::i18n::use_i18n;
use crate::video::{CallState, Notice, Phase, RoomRef};

#[component]
pub fn CallView(
    call: CallState,
    #[prop(into)] room: Signal<Option<RoomRef>>,
    /// The invitation's secret, when an invited expert joins.
    #[prop(optional)]
    invitation: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let join = move |_| {
        if let Some(room) = room.get_untracked() {
            call.join(room, invitation.clone());
        }
    };
    let phase = call.phase;
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
    let before = move || {
        let again = matches!(phase.get(), Phase::Left | Phase::Ended);
        let join = join.clone();
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
        {notice}
        <Show when=move || phase.get() == Phase::Connecting>
            <p data-testid="call-connecting">{move || t().joining}</p>
        </Show>
        <Show when=move || phase.get() == Phase::Joined fallback=before>
            {grid}
        </Show>
    }
}

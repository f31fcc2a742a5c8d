//! 邀请专家 on a room's page: choose an expert of the registry and a lifetime, get a link to send
//! them (shown once), see and revoke the open invitations. Shown to those who may invite.

use leptos::prelude::*;
use uuid::Uuid;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::ui::time::format_minutes;
use crate::video::{InviteExpert, RevokeInvitation, RoomRef, VALIDITY_HOURS, get_invite_board};

#[component]
pub fn InvitePanel(#[prop(into)] room: Signal<Option<RoomRef>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let invite = ServerAction::<InviteExpert>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let board = Resource::new(
        move || (room.get(), invite.version().get(), revoke.version().get()),
        |(room, _, _)| async move {
            match room {
                Some(room) => get_invite_board(room).await.ok(),
                None => None,
            }
        },
    );
    let expert = RwSignal::new(None::<Uuid>);
    let hours = RwSignal::new(VALIDITY_HOURS[1]);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let (Some(room), Some(expert)) = (room.get_untracked(), expert.get_untracked()) {
            invite.dispatch(InviteExpert {
                room,
                expert,
                hours: hours.get_untracked(),
            });
        }
    };
    let made = move || match invite.value().get() {
        Some(Ok(made)) => Some(view! { <MadeLink path=made.path phone=made.phone /> }.into_any()),
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
        None => None,
    };
    // Nothing at all for someone who may not invite (the board is refused to them).
    let body = move || {
        let board = board.get().flatten()?;
        let experts = board.experts.clone();
        let choices = experts
            .into_iter()
            .map(|e| {
                let label = format!("{} · {} · {}", e.name, e.about, e.phone);
                view! { <option value=e.id.to_string()>{label}</option> }
            })
            .collect_view();
        let lifetimes = VALIDITY_HOURS
            .into_iter()
            .map(|h| {
                view! {
                    <option value=h.to_string() selected=move || hours.get() == h>
                        {move || format!("{h} {}", t().hours_unit)}
                    </option>
                }
            })
            .collect_view();
        let open = board
            .open
            .into_iter()
            .map(|i| {
                let id = i.id;
                view! {
                    <li data-testid="open-invitation">
                        <span>{i.expert_name}</span>
                        <span class="muted">{format!("{} {} · {}", t().until, format_minutes(i.expires_at), i.invited_by)}</span>
                        <button
                            class="button button--small"
                            type="button"
                            on:click=move |_| { revoke.dispatch(RevokeInvitation { id }); }
                        >
                            {move || t().revoke}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let empty = board.experts.is_empty();
        Some(view! {
            <details class="invite" data-testid="invite-panel">
                <summary class="button button--small">{move || t().invite}</summary>
                <p class="muted">{move || t().invite_hint}</p>
                <Show when=move || empty>
                    <p class="muted">{move || t().no_experts}</p>
                </Show>
                <form class="form invite__form" on:submit=send data-testid="invite-form">
                    <label class="field">
                        <span class="field__label">{move || t().expert}</span>
                        <select required on:change=move |ev| expert.set(Uuid::parse_str(&event_target_value(&ev)).ok())>
                            <option value="">{move || t().choose_expert}</option>
                            {choices}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field__label">{move || t().valid_for}</span>
                        <select on:change=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse() {
                                hours.set(h);
                            }
                        }>{lifetimes}</select>
                    </label>
                    <button class="button button--primary" type="submit">{move || t().create_link}</button>
                </form>
                {made}
                <ul class="invite__open" aria-label=move || t().open_invitations>{open}</ul>
            </details>
        })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

/// The new link, absolute (as the expert will open it), with a copy button.
#[component]
fn MadeLink(path: String, phone: String) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let link = web_origin().map_or(path.clone(), |origin| format!("{origin}{path}"));
    let copied = RwSignal::new(false);
    let copy = {
        let link = link.clone();
        move |_| {
            #[cfg(feature = "hydrate")]
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&link);
                copied.set(true);
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = &link;
        }
    };
    view! {
        <div class="invite__link" role="status">
            <label class="field">
                <span class="field__label">{move || t().link_ready}</span>
                <input readonly value=link data-testid="invite-link" on:focus=|ev| {
                    #[cfg(feature = "hydrate")]
                    {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }
                    #[cfg(not(feature = "hydrate"))]
                    let _ = ev;
                } />
            </label>
            <button class="button button--small" type="button" on:click=copy>
                {move || if copied.get() { t().copied } else { t().copy }}
            </button>
            <span class="muted">{move || format!("{}：{phone}", t().expert_phone)}</span>
        </div>
    }
}

/// `http://host:port` of the page, in the browser.
fn web_origin() -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()?.location().origin().ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        None
    }
}

//! `/video/join/:secret`: the page an invited expert opens — who invited them to which room
//! and until when, then the consultation itself. No account needed; the link is the key.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::call_view::CallView;
use crate::i18n::use_i18n;
use crate::ui::time::format_minutes;
use crate::video::{CallState, get_guest_invitation};

#[component]
pub fn GuestCallPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let params = use_params_map();
    let secret = move || params.read().get("secret").unwrap_or_default();
    let invitation = Resource::new(secret, get_guest_invitation);
    let call = CallState::new();
    #[cfg(feature = "hydrate")]
    on_cleanup(crate::video::client::hang_up);
    let body = move || {
        invitation.get().map(|result| match result {
            Ok(Some(found)) => {
                let room = found.room.clone();
                view! {
                    <dl class="guest__facts" data-testid="guest-invitation">
                        <div><dt>{move || t().guest_room}</dt><dd>{found.room_title.clone()}</dd></div>
                        <div><dt>{move || t().expert}</dt><dd>{found.expert_name.clone()}</dd></div>
                        <div><dt>{move || t().guest_by}</dt><dd>{found.invited_by.clone()}</dd></div>
                        <div><dt>{move || t().until}</dt><dd>{format_minutes(found.expires_at)}</dd></div>
                    </dl>
                    <CallView call room=Signal::derive(move || Some(room.clone())) invitation=secret() />
                }
                .into_any()
            }
            _ => view! {
                <p class="notice notice--warn" role="alert" data-testid="guest-invalid">{move || t().guest_invalid}</p>
            }
            .into_any(),
        })
    };
    view! {
        <section class="page page--call" data-testid="section-guest-call">
            <Title text=move || t().guest_title />
            <header class="page__header">
                <h1>{move || t().guest_title}</h1>
            </header>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
}

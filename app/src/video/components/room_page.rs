//! `/video/incident/:id` and `/video/room/:name`: one consultation — inviting experts, the
//! join button, then a grid of everyone's video with the controls at the bottom.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::call_view::CallView;
use super::invite::InvitePanel;
use crate::i18n::use_i18n;
use crate::video::{CallState, RoomRef};

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
    let heading = move || {
        let title = call.title.get();
        if title.is_empty() {
            t().title.to_string()
        } else {
            format!("{} · {title}", t().title)
        }
    };
    let incident_link = move || match room.get() {
        Some(RoomRef::Incident { id }) => Some(view! {
            <a href=format!("/incidents/{id}")>{move || t().incident_page}</a>
        }),
        _ => None,
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
            <InvitePanel room />
            <CallView call room />
        </section>
    }
}

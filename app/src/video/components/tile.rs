//! One participant's video with their name and what they have switched off.

use leptos::html::Video;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::video::{CallState, MediaState, ParticipantId};

/// `who` is `None` for this participant's own camera (shown muted, so no echo).
#[component]
pub fn Tile(
    call: CallState,
    who: Option<ParticipantId>,
    #[prop(into)] name: Signal<String>,
    #[prop(into)] unit: Signal<String>,
    #[prop(into)] media: Signal<MediaState>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    let video = NodeRef::<Video>::new();
    let showing = RwSignal::new(false);
    // Re-attach whenever the call's streams change (a track arrived, a reconnection).
    Effect::new(move |_| {
        call.streams.track();
        #[cfg(feature = "hydrate")]
        if let Some(element) = video.get() {
            let stream = crate::video::client::stream_of(who);
            showing.set(
                stream
                    .as_ref()
                    .is_some_and(|s| s.get_video_tracks().length() > 0),
            );
            element.set_src_object(stream.as_ref());
        }
    });
    let badges = move || {
        let m = media.get();
        let mut out = Vec::new();
        if m.muted {
            out.push(t().muted);
        }
        if m.camera_off {
            out.push(t().camera_is_off);
        }
        if m.screen {
            out.push(t().sharing);
        }
        out.into_iter()
            .map(|b| view! { <span class="badge">{b}</span> })
            .collect_view()
    };
    let key = who.map_or_else(|| "me".to_string(), |id| id.to_string());
    view! {
        <figure class="tile" class:tile--me=who.is_none() data-testid="tile" data-participant=key>
            <video node_ref=video autoplay=true playsinline=true muted=who.is_none()></video>
            <Show when=move || !showing.get()>
                <p class="tile__waiting">{move || t().waiting_video}</p>
            </Show>
            <figcaption class="tile__caption">
                <strong data-testid="tile-name">{move || name.get()}</strong>
                <span class="muted">{move || unit.get()}</span>
                {badges}
            </figcaption>
        </figure>
    }
}

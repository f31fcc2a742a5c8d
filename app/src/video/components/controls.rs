//! The call's controls: microphone, camera, screen, leave — what the participant needs at hand.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::video::{CallState, Control, MediaState};

#[component]
pub fn Controls(call: CallState) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().video;
    view! {
        <div class="call-controls" role="toolbar" data-testid="call-controls">
            <Toggle
                call
                is_on=|m| m.muted
                control=Control::Mute
                labels=move || (t().mute, t().unmute)
            />
            <Toggle
                call
                is_on=|m| m.camera_off
                control=Control::CameraOff
                labels=move || (t().camera_off, t().camera_on)
            />
            <Toggle
                call
                is_on=|m| m.screen
                control=Control::Screen
                labels=move || (t().share_screen, t().stop_sharing)
            />
            <button class="button button--danger" on:click=move |_| call.control(Control::Leave)>
                {move || t().leave}
            </button>
        </div>
    }
}

/// A button that switches one of the participant's own media settings; it reads as the action
/// it will take (`labels`: while off, while on) and is marked while on.
#[component]
fn Toggle(
    call: CallState,
    is_on: fn(&MediaState) -> bool,
    control: fn(bool) -> Control,
    labels: impl Fn() -> (&'static str, &'static str) + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let on = move || call.local.with(is_on);
    view! {
        <button
            class="button"
            class:button--active=on
            disabled=move || !call.sending.get()
            on:click=move |_| call.control(control(!call.local.with_untracked(is_on)))
        >
            {move || if on() { labels().1 } else { labels().0 }}
        </button>
    }
}

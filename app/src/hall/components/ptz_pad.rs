//! The PTZ pad: hold an arrow to move, let go to stop; zoom the same way; home; presets 1–6
//! recalled with a click (or stored, with the store switch on).

use leptos::prelude::*;

use crate::hall::{Action, Direction};
use crate::i18n::use_i18n;

/// A comfortable speed for a hall camera (of 1–24).
const SPEED: u8 = 8;
const ZOOM_SPEED: i8 = 3;

#[component]
pub fn PtzPad<F>(run: F) -> impl IntoView
where
    F: Fn(Action) + Clone + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().hall;
    let store = RwSignal::new(false);
    let hold = |label: &'static str, start: Action, stop: Action, run: F| {
        let (down, up, leave) = (run.clone(), run.clone(), run);
        let (stop_up, stop_leave) = (stop.clone(), stop);
        view! {
            <button class="button ptz__button" type="button" aria-label=label
                on:pointerdown=move |_| down(start.clone())
                on:pointerup=move |_| up(stop_up.clone())
                on:pointerleave=move |_| leave(stop_leave.clone())>
                {label}
            </button>
        }
    };
    let go = |d: Direction| Action::Move {
        direction: d,
        speed: SPEED,
    };
    let halt = go(Direction::Stop);
    let [up, down, left, right] = t.directions;
    let presets = (1..=6u8)
        .map(|n| {
            let run = run.clone();
            view! {
                <button class="button ptz__preset" type="button"
                    on:click=move |_| run(if store.get_untracked() { Action::StorePreset(n) } else { Action::RecallPreset(n) })>
                    {n.to_string()}
                </button>
            }
        })
        .collect_view();
    let home = run.clone();
    view! {
        <div class="ptz" data-testid="ptz">
            <div class="ptz__pad">
                <span></span>{hold(up, go(Direction::Up), halt.clone(), run.clone())}<span></span>
                {hold(left, go(Direction::Left), halt.clone(), run.clone())}
                <button class="button ptz__button" type="button" on:click=move |_| home(Action::Home)>{t.home}</button>
                {hold(right, go(Direction::Right), halt.clone(), run.clone())}
                <span></span>{hold(down, go(Direction::Down), halt.clone(), run.clone())}<span></span>
            </div>
            <div class="ptz__zoom">
                {hold(t.zoom_in, Action::Zoom(ZOOM_SPEED), Action::Zoom(0), run.clone())}
                {hold(t.zoom_out, Action::Zoom(-ZOOM_SPEED), Action::Zoom(0), run.clone())}
            </div>
            <div class="ptz__presets" role="group" aria-label=t.preset>
                <span class="field__label">{move || if store.get() { t.store_preset } else { t.recall_preset }}</span>
                {presets}
                <label class="check">
                    <input type="checkbox" on:change=move |ev| store.set(event_target_checked(&ev)) />
                    {t.store_preset}
                </label>
            </div>
        </div>
    }
}

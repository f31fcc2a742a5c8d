//! hydrate: the overdue tone (Web Audio, no sound file to ship). Browsers allow audio only once
//! the user has interacted, so the context is created when the officer switches sound on.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;
use web_sys::{AudioContext, OscillatorType};

const EVERY: Duration = Duration::from_secs(4);

thread_local! {
    static AUDIO: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

/// Call from the click that switches sound on.
pub fn unlock() {
    AUDIO.with(|audio| {
        let mut audio = audio.borrow_mut();
        if audio.is_none() {
            *audio = AudioContext::new().ok();
        }
        if let Some(ctx) = audio.as_ref() {
            let _ = ctx.resume();
        }
    });
}

/// Two short tones, like a pager.
fn beep() {
    AUDIO.with(|audio| {
        let Some(ctx) = audio.borrow().clone() else {
            return;
        };
        let start = ctx.current_time();
        for (i, freq) in [880.0_f32, 660.0].into_iter().enumerate() {
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
                return;
            };
            osc.set_type(OscillatorType::Square);
            osc.frequency().set_value(freq);
            gain.gain().set_value(0.08);
            let at = start + i as f64 * 0.25;
            let wired = osc
                .connect_with_audio_node(&gain)
                .and_then(|_| gain.connect_with_audio_node(&ctx.destination()));
            if wired.is_ok() {
                let _ = osc.start_with_when(at);
                let _ = osc.stop_with_when(at + 0.2);
            }
        }
    });
}

/// Sounds the tone every few seconds while `active` holds.
pub fn sound_while(active: impl Fn() -> bool + 'static) {
    let tick = move || {
        if active() {
            beep();
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, EVERY) {
        on_cleanup(move || handle.clear());
    }
}

//! One ticking clock per tab: countdowns and wall clocks read it instead of each keeping a timer.

use leptos::prelude::*;

use super::time::now_unix;

#[derive(Clone, Copy)]
struct Clock(RwSignal<i64>);

/// Starts the tab's clock (once, in `App`); it ticks every second in the browser.
pub fn provide_clock() {
    let now = RwSignal::new(now_unix());
    provide_context(Clock(now));
    #[cfg(feature = "hydrate")]
    {
        let tick = move || now.set(now_unix());
        match set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
            Ok(handle) => on_cleanup(move || handle.clear()),
            Err(err) => leptos::logging::error!("the clock cannot tick: {err:?}"),
        }
    }
}

/// Now, in Unix seconds, as a signal that changes every second.
pub fn use_now() -> Signal<i64> {
    match use_context::<Clock>() {
        Some(Clock(now)) => now.into(),
        None => Signal::derive(now_unix),
    }
}

//! The tab's live link as components see it: its state, and listeners for its events.

use std::sync::Arc;

use leptos::prelude::*;

use super::{ConnState, LiveEvent};

type Listener = Arc<dyn Fn(&LiveEvent) + Send + Sync>;

#[derive(Clone, Copy)]
pub struct LiveContext {
    pub state: RwSignal<ConnState>,
    /// Bumped when the stream could not replay what the tab missed: lists reload.
    pub resyncs: RwSignal<u64>,
    listeners: StoredValue<Vec<(u64, Listener)>>,
    next_id: StoredValue<u64>,
}

impl LiveContext {
    /// Hands one event to every listener, in registration order.
    pub fn deliver(&self, event: &LiveEvent) {
        let listeners: Vec<Listener> = self
            .listeners
            .with_value(|list| list.iter().map(|(_, l)| l.clone()).collect());
        for listener in listeners {
            listener(event);
        }
    }
}

/// Provides the live link (once, in `App`); in the browser it opens the tab's one stream as
/// soon as somebody is signed in.
pub fn provide_live() -> LiveContext {
    let live = LiveContext {
        state: RwSignal::new(ConnState::Connecting),
        resyncs: RwSignal::new(0),
        listeners: StoredValue::new(Vec::new()),
        next_id: StoredValue::new(0),
    };
    provide_context(live);
    #[cfg(feature = "hydrate")]
    super::client::connect_when_signed_in(live);
    live
}

/// Calls `listener` with every live event while the calling component lives.
pub fn use_live_events(listener: impl Fn(&LiveEvent) + Send + Sync + 'static) {
    let Some(live) = use_context::<LiveContext>() else {
        return;
    };
    let id = live.next_id.get_value();
    live.next_id.set_value(id + 1);
    live.listeners
        .update_value(|list| list.push((id, Arc::new(listener))));
    on_cleanup(move || {
        live.listeners
            .try_update_value(|list| list.retain(|(i, _)| *i != id));
    });
}

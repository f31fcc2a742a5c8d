//! hydrate: the tab's EventSource. The browser resumes it by itself after a network error
//! (sending `Last-Event-ID`); when the server refuses it outright, it is opened again later from
//! the last event seen.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{EventSource, MessageEvent};

use super::{AFTER_META, ConnState, EVENTS_PATH, LiveContext, LiveEvent, RESYNC_EVENT};

const REOPEN_MS: i32 = 5_000;

struct Stream {
    source: EventSource,
    last_id: Option<String>,
    _handlers: Vec<Closure<dyn FnMut(web_sys::Event)>>,
}

pub fn connect_when_signed_in(live: LiveContext) {
    let stream: Rc<RefCell<Option<Stream>>> = Rc::new(RefCell::new(None));
    let opened = StoredValue::new(false);
    Effect::new(move |_| {
        if crate::identity::signed_in_user().is_none() || opened.get_value() {
            return;
        }
        opened.set_value(true);
        open(live, stream.clone(), rendered_after());
    });
}

fn rendered_after() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector(&format!("meta[name='{AFTER_META}']"))
        .ok()??;
    meta.get_attribute("content").filter(|c| !c.is_empty())
}

fn open(live: LiveContext, slot: Rc<RefCell<Option<Stream>>>, after: Option<String>) {
    let url = match &after {
        Some(id) => format!("{EVENTS_PATH}?after={id}"),
        None => EVENTS_PATH.to_string(),
    };
    let Ok(source) = EventSource::new(&url) else {
        live.state.set(ConnState::Lost);
        return;
    };
    live.state.set(ConnState::Connecting);
    let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        live.state.set(ConnState::Live);
    });
    let on_message = {
        let slot = slot.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(message) = event.dyn_ref::<MessageEvent>() else {
                return;
            };
            if let Some(stream) = slot.borrow_mut().as_mut() {
                stream.last_id = Some(message.last_event_id()).filter(|id| !id.is_empty());
            }
            let Some(text) = message.data().as_string() else {
                return;
            };
            match serde_json::from_str::<LiveEvent>(&text) {
                Ok(event) => live.deliver(&event),
                Err(err) => leptos::logging::warn!("unreadable live event: {err}"),
            }
        })
    };
    let on_resync = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
        live.resyncs.update(|n| *n += 1);
    });
    let on_error = {
        let slot = slot.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            live.state.set(ConnState::Lost);
            let closed = slot
                .borrow()
                .as_ref()
                .is_some_and(|s| s.source.ready_state() == EventSource::CLOSED);
            if closed {
                reopen_later(live, slot.clone());
            }
        })
    };
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let _ =
        source.add_event_listener_with_callback(RESYNC_EVENT, on_resync.as_ref().unchecked_ref());
    *slot.borrow_mut() = Some(Stream {
        source,
        last_id: after,
        _handlers: vec![on_open, on_message, on_resync, on_error],
    });
}

/// The server refused the stream (restarting, signed out): try again from the last event seen.
fn reopen_later(live: LiveContext, slot: Rc<RefCell<Option<Stream>>>) {
    let last = slot.borrow_mut().take().and_then(|stream| {
        stream.source.close();
        stream.last_id
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let retry = Closure::once_into_js(move || open(live, slot, last));
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), REOPEN_MS);
}

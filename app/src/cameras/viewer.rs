//! hydrate: watching one camera. Each panel joins its camera's room on a socket of its own;
//! the camera is the room's one sender, so the panel subscribes to it whenever it is live and
//! answers the server's offer. Dropping the viewer closes everything it opened.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;
use wasm_bindgen::JsCast;
use web_sys::{
    HtmlVideoElement, MediaStream, MessageEvent, RtcPeerConnection, RtcSdpType, RtcTrackEvent,
    WebSocket,
};

use super::components::Watch;
use crate::video::rtc::{Handler, local_description, remote, socket_url};
use crate::video::{ClientSignal, RoomRef, ServerSignal, SignalProblem, SubscriptionId};

struct Receiving {
    connection: RtcPeerConnection,
    _on_track: Handler,
}

/// Where the viewer shows its state: the panel's signal, which a kept viewer is given anew
/// when its panel is rebuilt.
#[derive(Clone)]
struct Shown(Rc<Cell<RwSignal<Watch>>>);

impl Shown {
    fn set(&self, watch: Watch) {
        // The panel may be gone already (the page closing): nothing to show then.
        let _ = self.0.get().try_set(watch);
    }

    fn get(&self) -> Option<Watch> {
        self.0.get().try_get_untracked()
    }
}

struct Inner {
    socket: WebSocket,
    video: HtmlVideoElement,
    shown: Shown,
    receiving: Option<Receiving>,
}

pub struct Viewer {
    inner: Rc<RefCell<Inner>>,
    _handlers: Vec<Handler>,
}

impl Viewer {
    pub fn watch(camera: Uuid, video: HtmlVideoElement, state: RwSignal<Watch>) -> Option<Viewer> {
        let shown = Shown(Rc::new(Cell::new(state)));
        shown.set(Watch::Connecting);
        let socket = WebSocket::new(&socket_url()?).ok()?;
        let inner = Rc::new(RefCell::new(Inner {
            socket: socket.clone(),
            video,
            shown: shown.clone(),
            receiving: None,
        }));
        let on_open = {
            let socket = socket.clone();
            Handler::new(move |_| {
                let join = ClientSignal::Join {
                    room: RoomRef::Camera { id: camera },
                };
                if let Ok(text) = serde_json::to_string(&join) {
                    let _ = socket.send_with_str(&text);
                }
            })
        };
        let on_message = {
            let inner = inner.clone();
            Handler::new(move |event: wasm_bindgen::JsValue| {
                let signal = event
                    .dyn_ref::<MessageEvent>()
                    .and_then(|m| m.data().as_string())
                    .and_then(|text| serde_json::from_str::<ServerSignal>(&text).ok());
                if let Some(signal) = signal {
                    on_signal(&inner, signal);
                }
            })
        };
        let on_close = Handler::new(move |_| {
            if !matches!(shown.get(), Some(Watch::Refused(_))) {
                shown.set(Watch::Lost);
            }
        });
        socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        Some(Viewer {
            inner,
            _handlers: vec![on_open, on_message, on_close],
        })
    }
}

impl Viewer {
    /// Shows this viewer's state on a new panel's signal.
    pub fn rebind(&self, state: RwSignal<Watch>) {
        let inner = self.inner.borrow();
        let now = inner.shown.get().unwrap_or(Watch::Connecting);
        inner.shown.0.set(state);
        inner.shown.set(now);
    }
}

impl Drop for Viewer {
    fn drop(&mut self) {
        let mut inner = self.inner.borrow_mut();
        inner.socket.set_onclose(None);
        inner.socket.set_onmessage(None);
        let _ = inner.socket.close();
        stop(&mut inner);
    }
}

fn send(inner: &Rc<RefCell<Inner>>, signal: &ClientSignal) {
    if let Ok(text) = serde_json::to_string(signal) {
        let _ = inner.borrow().socket.send_with_str(&text);
    }
}

fn stop(inner: &mut Inner) {
    if let Some(r) = inner.receiving.take() {
        r.connection.close();
    }
    inner.video.set_src_object(None);
}

fn on_signal(inner: &Rc<RefCell<Inner>>, signal: ServerSignal) {
    let state = inner.borrow().shown.clone();
    match signal {
        ServerSignal::Joined { participants, .. } => {
            match participants.iter().find(|p| p.publishing) {
                Some(camera) => send(
                    inner,
                    &ClientSignal::Subscribe {
                        participant: camera.id,
                    },
                ),
                None => state.set(Watch::Offline),
            }
        }
        ServerSignal::TrackPublished { participant } => {
            state.set(Watch::Connecting);
            send(inner, &ClientSignal::Subscribe { participant });
        }
        ServerSignal::TrackEnded { .. } => {
            stop(&mut inner.borrow_mut());
            state.set(Watch::Offline);
        }
        ServerSignal::Offer {
            subscription, sdp, ..
        } => spawn_local(answer(inner.clone(), subscription, sdp)),
        // A refusal that leaves nothing to show: the room, or the camera stopped meanwhile.
        ServerSignal::Error { problem, fatal }
            if fatal || problem == SignalProblem::UnknownParticipant =>
        {
            state.set(Watch::Refused(problem));
        }
        _ => {}
    }
}

async fn answer(inner: Rc<RefCell<Inner>>, subscription: SubscriptionId, offer: String) {
    let Ok(pc) = RtcPeerConnection::new() else {
        return;
    };
    let (video, state) = {
        let mut i = inner.borrow_mut();
        stop(&mut i);
        (i.video.clone(), i.shown.clone())
    };
    let on_track = {
        let state = state.clone();
        Handler::new(move |event: wasm_bindgen::JsValue| {
            let Some(event) = event.dyn_ref::<RtcTrackEvent>() else {
                return;
            };
            if let Ok(stream) = MediaStream::new() {
                stream.add_track(&event.track());
                video.set_src_object(Some(&stream));
                state.set(Watch::Live);
            }
        })
    };
    pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
    inner.borrow_mut().receiving = Some(Receiving {
        connection: pc.clone(),
        _on_track: on_track,
    });
    let answered = async {
        remote(&pc, RtcSdpType::Offer, &offer).await?;
        local_description(&pc, RtcSdpType::Answer).await
    };
    match answered.await {
        Ok(sdp) => send(&inner, &ClientSignal::Answer { subscription, sdp }),
        Err(_) => state.set(Watch::Refused(SignalProblem::BadSdp)),
    }
}

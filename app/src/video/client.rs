//! hydrate: the browser's side of a consultation. One connection sends this participant's
//! camera and microphone (the browser offers); one connection per other participant receives
//! theirs (the server offers). The server is ICE-lite on a known address, so no STUN server
//! and no trickled candidates are needed.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    MediaStream, MediaStreamConstraints, MediaStreamTrack, MessageEvent, RtcPeerConnection,
    RtcRtpSender, RtcRtpTransceiverDirection, RtcRtpTransceiverInit, RtcSdpType, RtcTrackEvent,
    WebSocket,
};

use super::call::{CallState, Control, Notice, Phase};
use super::room::RoomRef;
use super::rtc::{Handler, local_description, remote, socket_url};
use super::signal::{ClientSignal, MediaState, ParticipantId, ServerSignal, SubscriptionId};

/// Another participant's media arriving here.
struct Receiving {
    connection: RtcPeerConnection,
    stream: MediaStream,
    _on_track: Handler,
}

struct Call {
    socket: WebSocket,
    /// Camera and microphone, if the browser gave them.
    local: Option<MediaStream>,
    screen: Option<MediaStreamTrack>,
    video_sender: Option<RtcRtpSender>,
    sending: Option<RtcPeerConnection>,
    receiving: HashMap<ParticipantId, Receiving>,
    _handlers: Vec<Handler>,
}

thread_local! {
    static CALL: RefCell<Option<Call>> = const { RefCell::new(None) };
}

/// The stream a tile shows: `None` for this participant's own camera.
pub fn stream_of(who: Option<ParticipantId>) -> Option<MediaStream> {
    CALL.with(|call| {
        let call = call.borrow();
        let call = call.as_ref()?;
        match who {
            None => call.local.clone(),
            Some(id) => call.receiving.get(&id).map(|r| Clone::clone(&r.stream)),
        }
    })
}

/// Joins `room`: as the signed-in user, or with an invitation's secret.
pub fn join(state: CallState, room: RoomRef, invitation: Option<String>) {
    hang_up();
    state.phase.set(Phase::Connecting);
    state.notice.set(None);
    spawn_local(async move {
        let local = open_devices().await;
        if local.is_none() {
            state.notice.set(Some(Notice::NoDevices));
        }
        state.sending.set(local.is_some());
        state.local.set(MediaState::default());
        match open_socket(state, room, invitation) {
            Ok((socket, handlers)) => {
                CALL.with(|call| {
                    *call.borrow_mut() = Some(Call {
                        socket,
                        local,
                        screen: None,
                        video_sender: None,
                        sending: None,
                        receiving: HashMap::new(),
                        _handlers: handlers,
                    })
                });
                state.streams.update(|n| *n += 1);
            }
            Err(_) => {
                state.phase.set(Phase::Ended);
                state.notice.set(Some(Notice::ConnectionLost));
            }
        }
    });
}

pub fn control(state: CallState, control: Control) {
    match control {
        Control::Mute(muted) => {
            enable_tracks(|s| s.get_audio_tracks(), !muted);
            state.local.update(|m| m.muted = muted);
        }
        Control::CameraOff(off) => {
            enable_tracks(|s| s.get_video_tracks(), !off);
            state.local.update(|m| m.camera_off = off);
        }
        Control::Screen(true) => {
            spawn_local(share_screen(state));
            return;
        }
        Control::Screen(false) => {
            stop_sharing();
            state.local.update(|m| m.screen = false);
        }
        Control::Leave => {
            send(&ClientSignal::Leave);
            hang_up();
            state.phase.set(Phase::Left);
            state.participants.set(Vec::new());
            state.streams.update(|n| *n += 1);
            return;
        }
    }
    send(&ClientSignal::State {
        media: state.local.get_untracked(),
    });
}

/// Closes everything of the call without touching the page (also when the page goes away).
pub fn hang_up() {
    let Some(call) = CALL.with(|call| call.borrow_mut().take()) else {
        return;
    };
    call.socket.set_onclose(None);
    let _ = call.socket.close();
    if let Some(pc) = &call.sending {
        pc.close();
    }
    for r in call.receiving.values() {
        r.connection.close();
    }
    if let Some(local) = &call.local {
        for track in local.get_tracks().iter() {
            track.unchecked_into::<MediaStreamTrack>().stop();
        }
    }
    if let Some(screen) = &call.screen {
        screen.stop();
    }
}

fn enable_tracks(tracks: impl Fn(&MediaStream) -> Array, enabled: bool) {
    CALL.with(|call| {
        if let Some(local) = call.borrow().as_ref().and_then(|c| c.local.clone()) {
            for track in tracks(&local).iter() {
                track
                    .unchecked_into::<MediaStreamTrack>()
                    .set_enabled(enabled);
            }
        }
    });
}

async fn open_devices() -> Option<MediaStream> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let video = js_sys::Object::new();
    let _ = Reflect::set(&video, &"width".into(), &JsValue::from(640));
    let _ = Reflect::set(&video, &"height".into(), &JsValue::from(360));
    constraints.set_video(&video);
    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

fn open_socket(
    state: CallState,
    room: RoomRef,
    invitation: Option<String>,
) -> Result<(WebSocket, Vec<Handler>), JsValue> {
    let mut url = socket_url().ok_or_else(|| JsValue::from_str("no location"))?;
    if let Some(secret) = invitation {
        // Hex: nothing in it needs encoding.
        url = format!("{url}?{}={secret}", super::INVITATION_PARAM);
    }
    let socket = WebSocket::new(&url)?;
    let on_open = {
        let socket = socket.clone();
        Handler::new(move |_| {
            if let Ok(text) = serde_json::to_string(&ClientSignal::Join { room: room.clone() }) {
                let _ = socket.send_with_str(&text);
            }
        })
    };
    let on_message = Handler::new(move |event: JsValue| {
        let Some(text) = event
            .dyn_ref::<MessageEvent>()
            .and_then(|m| m.data().as_string())
        else {
            return;
        };
        match serde_json::from_str::<ServerSignal>(&text) {
            Ok(signal) => on_signal(state, signal),
            Err(err) => leptos::logging::warn!("unreadable signal: {err}"),
        }
    });
    let on_close = Handler::new(move |_| {
        if matches!(
            state.phase.get_untracked(),
            Phase::Connecting | Phase::Joined
        ) {
            hang_up();
            state.phase.set(Phase::Ended);
            if state
                .notice
                .get_untracked()
                .is_none_or(|n| n == Notice::NoDevices)
            {
                state.notice.set(Some(Notice::ConnectionLost));
            }
        }
    });
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok((socket, vec![on_open, on_message, on_close]))
}

fn send(signal: &ClientSignal) {
    let Ok(text) = serde_json::to_string(signal) else {
        return;
    };
    CALL.with(|call| {
        if let Some(call) = call.borrow().as_ref() {
            let _ = call.socket.send_with_str(&text);
        }
    });
}

fn on_signal(state: CallState, signal: ServerSignal) {
    match signal {
        ServerSignal::Joined {
            me,
            title,
            participants,
            ..
        } => {
            state.me.set(Some(me));
            state.title.set(title);
            for p in participants.iter().filter(|p| p.publishing) {
                send(&ClientSignal::Subscribe { participant: p.id });
            }
            state.participants.set(participants);
            state.phase.set(Phase::Joined);
            if state.sending.get_untracked() {
                spawn_local(publish(state));
            }
        }
        ServerSignal::Published { sdp } => {
            let connection = CALL.with(|c| c.borrow().as_ref().and_then(|c| c.sending.clone()));
            if let Some(pc) = connection {
                spawn_local(async move {
                    if remote(&pc, RtcSdpType::Answer, &sdp).await.is_err() {
                        state
                            .notice
                            .set(Some(Notice::Refused(super::SignalProblem::BadSdp)));
                    }
                });
            }
        }
        ServerSignal::ParticipantJoined { participant } => {
            state.participants.update(|list| list.push(participant));
        }
        ServerSignal::TrackPublished { participant } => {
            state.update_participant(participant, |p| p.publishing = true);
            send(&ClientSignal::Subscribe { participant });
        }
        ServerSignal::TrackEnded { participant } => {
            state.update_participant(participant, |p| p.publishing = false);
            stop_receiving(state, participant);
        }
        ServerSignal::Offer {
            subscription,
            participant,
            sdp,
        } => spawn_local(receive(state, subscription, participant, sdp)),
        ServerSignal::StateChanged { participant, media } => {
            state.update_participant(participant, |p| p.media = media);
        }
        ServerSignal::ParticipantLeft { participant } => {
            stop_receiving(state, participant);
            state
                .participants
                .update(|list| list.retain(|p| p.id != participant));
        }
        ServerSignal::Error { problem, fatal } => {
            state.notice.set(Some(Notice::Refused(problem)));
            if fatal {
                hang_up();
                state.phase.set(Phase::Ended);
            }
        }
    }
}

async fn publish(state: CallState) {
    let Some(local) = stream_of(None) else {
        return;
    };
    let Ok(pc) = RtcPeerConnection::new() else {
        return;
    };
    let mut video_sender = None;
    for track in local.get_tracks().iter() {
        let track: MediaStreamTrack = track.unchecked_into();
        let init = RtcRtpTransceiverInit::new();
        init.set_direction(RtcRtpTransceiverDirection::Sendonly);
        init.set_streams(&Array::of1(&local));
        let transceiver = pc.add_transceiver_with_media_stream_track_and_init(&track, &init);
        if track.kind() == "video" {
            video_sender = Some(transceiver.sender());
        }
    }
    CALL.with(|call| {
        if let Some(call) = call.borrow_mut().as_mut() {
            call.sending = Some(pc.clone());
            call.video_sender = video_sender;
        }
    });
    match local_description(&pc, RtcSdpType::Offer).await {
        Ok(sdp) => send(&ClientSignal::Publish { sdp }),
        Err(_) => state
            .notice
            .set(Some(Notice::Refused(super::SignalProblem::BadSdp))),
    }
}

async fn receive(
    state: CallState,
    subscription: SubscriptionId,
    participant: ParticipantId,
    offer: String,
) {
    stop_receiving(state, participant);
    let (Ok(pc), Ok(stream)) = (RtcPeerConnection::new(), MediaStream::new()) else {
        return;
    };
    let on_track = {
        // `Clone::clone`, not `MediaStream::clone` (the DOM's, which makes a new stream).
        let stream = Clone::clone(&stream);
        Handler::new(move |event: JsValue| {
            if let Some(event) = event.dyn_ref::<RtcTrackEvent>() {
                stream.add_track(&event.track());
                state.streams.update(|n| *n += 1);
            }
        })
    };
    pc.set_ontrack(Some(on_track.as_ref().unchecked_ref()));
    CALL.with(|call| {
        if let Some(call) = call.borrow_mut().as_mut() {
            call.receiving.insert(
                participant,
                Receiving {
                    connection: pc.clone(),
                    stream,
                    _on_track: on_track,
                },
            );
        }
    });
    let answered = async {
        remote(&pc, RtcSdpType::Offer, &offer).await?;
        local_description(&pc, RtcSdpType::Answer).await
    };
    match answered.await {
        Ok(sdp) => send(&ClientSignal::Answer { subscription, sdp }),
        Err(_) => state
            .notice
            .set(Some(Notice::Refused(super::SignalProblem::BadSdp))),
    }
}

fn stop_receiving(state: CallState, participant: ParticipantId) {
    let gone = CALL.with(|call| {
        call.borrow_mut()
            .as_mut()
            .and_then(|c| c.receiving.remove(&participant))
    });
    if let Some(r) = gone {
        r.connection.close();
        state.streams.update(|n| *n += 1);
    }
}

async fn share_screen(state: CallState) {
    let sender = CALL.with(|c| c.borrow().as_ref().and_then(|c| c.video_sender.clone()));
    let screen = async {
        let devices = web_sys::window()?.navigator().media_devices().ok()?;
        let stream: MediaStream = JsFuture::from(devices.get_display_media().ok()?)
            .await
            .ok()?
            .dyn_into()
            .ok()?;
        stream
            .get_video_tracks()
            .get(0)
            .dyn_into::<MediaStreamTrack>()
            .ok()
    };
    let (Some(sender), Some(track)) = (sender, screen.await) else {
        state.notice.set(Some(Notice::NoScreen));
        return;
    };
    if JsFuture::from(sender.replace_track(Some(&track)))
        .await
        .is_err()
    {
        track.stop();
        state.notice.set(Some(Notice::NoScreen));
        return;
    }
    // The browser's own 停止共享 bar ends the track: go back to the camera.
    let on_ended = Closure::once_into_js(move || control(state, Control::Screen(false)));
    track.set_onended(Some(on_ended.unchecked_ref()));
    CALL.with(|call| {
        if let Some(call) = call.borrow_mut().as_mut() {
            call.screen = Some(track);
        }
    });
    state.local.update(|m| m.screen = true);
    send(&ClientSignal::State {
        media: state.local.get_untracked(),
    });
}

fn stop_sharing() {
    let (screen, sender, camera) = CALL.with(|call| {
        let mut call = call.borrow_mut();
        let Some(call) = call.as_mut() else {
            return (None, None, None);
        };
        let camera = call.local.as_ref().and_then(|l| {
            l.get_video_tracks()
                .get(0)
                .dyn_into::<MediaStreamTrack>()
                .ok()
        });
        (call.screen.take(), call.video_sender.clone(), camera)
    });
    if let Some(screen) = screen {
        screen.set_onended(None);
        screen.stop();
    }
    if let Some(sender) = sender {
        let _ = sender.replace_track(camera.as_ref());
    }
}

//! What the page shows of a consultation in progress: reactive state the browser's call
//! (`client`, hydrate) writes and the tiles and controls read.

use leptos::prelude::*;

use super::room::RoomRef;
use super::signal::{MediaState, Participant, ParticipantId, SignalProblem};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not joined yet (the join button).
    Idle,
    Connecting,
    Joined,
    /// Left by the user.
    Left,
    /// Ended by a refusal or a lost connection (the notice says which).
    Ended,
}

/// Something the participant should know; the call goes on unless the phase says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Refused(SignalProblem),
    /// No camera or microphone: watching only.
    NoDevices,
    NoScreen,
    ConnectionLost,
}

/// A user's action on their own media.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Mute(bool),
    CameraOff(bool),
    Screen(bool),
    Leave,
}

#[derive(Clone, Copy)]
pub struct CallState {
    pub phase: RwSignal<Phase>,
    pub title: RwSignal<String>,
    pub me: RwSignal<Option<ParticipantId>>,
    /// The others, in the order they joined.
    pub participants: RwSignal<Vec<Participant>>,
    pub local: RwSignal<MediaState>,
    /// Whether this browser sends camera and microphone.
    pub sending: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// Counts changes of the media streams, so tiles re-attach theirs.
    pub streams: RwSignal<u32>,
}

impl CallState {
    pub fn new() -> CallState {
        CallState {
            phase: RwSignal::new(Phase::Idle),
            title: RwSignal::new(String::new()),
            me: RwSignal::new(None),
            participants: RwSignal::new(Vec::new()),
            local: RwSignal::new(MediaState::default()),
            sending: RwSignal::new(false),
            notice: RwSignal::new(None),
            streams: RwSignal::new(0),
        }
    }

    /// Opens camera and microphone and joins `room` (in the browser; nothing on the server),
    /// as the signed-in user or, with `invitation`'s secret, as the invited expert.
    pub fn join(self, room: RoomRef, invitation: Option<String>) {
        #[cfg(feature = "hydrate")]
        super::client::join(self, room, invitation);
        #[cfg(not(feature = "hydrate"))]
        let _ = (room, invitation);
    }

    pub fn control(self, control: Control) {
        #[cfg(feature = "hydrate")]
        super::client::control(self, control);
        #[cfg(not(feature = "hydrate"))]
        let _ = control;
    }

    /// Applies a participant's change to the list.
    pub fn update_participant(&self, id: ParticipantId, change: impl FnOnce(&mut Participant)) {
        self.participants.update(|list| {
            if let Some(p) = list.iter_mut().find(|p| p.id == id) {
                change(p);
            }
        });
    }
}

impl Default for CallState {
    fn default() -> Self {
        CallState::new()
    }
}

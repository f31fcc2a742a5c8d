//! The consultation's signalling, shared by the browser and the SFU: typed messages on the app's
//! WebSocket (`SIGNAL_PATH`), JSON tagged by `type`. SDP travels as text; the server parses it.

use super::room::RoomRef;
use serde::{Deserialize, Serialize};

/// The WebSocket route of the media signalling.
pub const SIGNAL_PATH: &str = "/video/signal";

/// One person in a room, numbered by the server for the life of their connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ParticipantId(pub u64);

impl std::fmt::Display for ParticipantId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "p{}", self.0)
    }
}

/// What a participant is sending, as they set it (the others show it on their tile).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaState {
    pub muted: bool,
    pub camera_off: bool,
    pub screen: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: ParticipantId,
    pub name: String,
    pub unit: String,
    pub media: MediaState,
    /// Whether their camera and microphone reach the server (others may subscribe).
    pub publishing: bool,
}

/// A server-offered connection carrying one participant's media to one viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SubscriptionId(pub u64);

/// Browser → server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientSignal {
    /// The first message: which room.
    Join {
        room: RoomRef,
    },
    /// The offer of the connection that sends this participant's camera and microphone.
    Publish {
        sdp: String,
    },
    /// Asks for another participant's media; the server answers with an [`ServerSignal::Offer`].
    Subscribe {
        participant: ParticipantId,
    },
    /// The browser's answer to a server offer.
    Answer {
        subscription: SubscriptionId,
        sdp: String,
    },
    /// Microphone, camera, screen as the participant just set them.
    State {
        media: MediaState,
    },
    Leave,
}

/// Server → browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerSignal {
    Joined {
        me: ParticipantId,
        room: RoomRef,
        title: String,
        participants: Vec<Participant>,
    },
    /// The answer to this participant's [`ClientSignal::Publish`].
    Published {
        sdp: String,
    },
    ParticipantJoined {
        participant: Participant,
    },
    /// A participant's media reached the server: subscribe to see it.
    TrackPublished {
        participant: ParticipantId,
    },
    /// A participant's media stopped (their connection failed); their tile stays.
    TrackEnded {
        participant: ParticipantId,
    },
    Offer {
        subscription: SubscriptionId,
        participant: ParticipantId,
        sdp: String,
    },
    StateChanged {
        participant: ParticipantId,
        media: MediaState,
    },
    ParticipantLeft {
        participant: ParticipantId,
    },
    /// A refusal of this peer's last message; the connection and the room carry on unless
    /// `fatal` (then the server closes the socket).
    Error {
        problem: SignalProblem,
        fatal: bool,
    },
}

/// Why a signalling message was refused, in terms the page translates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignalProblem {
    /// Not JSON, or not one of the messages above.
    Malformed,
    /// The SDP could not be parsed or negotiated.
    BadSdp,
    /// No such incident, or not one the user may see.
    UnknownRoom,
    /// The room's name breaks the naming rule.
    BadRoomName,
    NotSignedIn,
    /// The role may not join consultations.
    NotAllowed,
    /// A message that needs a room before joining one, or a second join.
    OutOfOrder,
    UnknownParticipant,
    UnknownSubscription,
    /// The room is full.
    RoomFull,
    /// The media service is not running on this node.
    MediaUnavailable,
}

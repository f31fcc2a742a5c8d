//! Which consultation room: one per incident, or an ad-hoc room named by whoever opens it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest ad-hoc room name, in characters.
pub const NAME_MAX: usize = 32;
/// Most participants in one room: each joins the media of every other, so the load grows as n².
pub const ROOM_MAX: usize = 12;
/// Most viewers of one camera: each is one forwarded stream, and viewers do not see each other.
pub const CAMERA_VIEWERS_MAX: usize = 32;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoomRef {
    Incident {
        id: Uuid,
    },
    Adhoc {
        name: String,
    },
    /// A camera's viewers: the camera is the one participant that sends.
    Camera {
        id: Uuid,
    },
}

/// A room with people in it, for the lobby.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSummary {
    pub room: RoomRef,
    pub title: String,
    pub participants: Vec<String>,
}

impl RoomRef {
    /// An ad-hoc room, its name checked: 1–32 letters (any script), digits, `-` or `_`, so it
    /// reads the same in a link, on a tile and in the audit log.
    pub fn adhoc(name: &str) -> Option<RoomRef> {
        let name = name.trim();
        let fits = (1..=NAME_MAX).contains(&name.chars().count());
        let clean = name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        (fits && clean).then(|| RoomRef::Adhoc {
            name: name.to_string(),
        })
    }

    /// Whether a received reference obeys the rules (the name of an ad-hoc room).
    pub fn is_valid(&self) -> bool {
        match self {
            RoomRef::Incident { .. } | RoomRef::Camera { .. } => true,
            RoomRef::Adhoc { name } => RoomRef::adhoc(name).as_ref() == Some(self),
        }
    }

    /// How many may be in it at once.
    pub fn capacity(&self) -> usize {
        match self {
            RoomRef::Camera { .. } => CAMERA_VIEWERS_MAX,
            RoomRef::Incident { .. } | RoomRef::Adhoc { .. } => ROOM_MAX,
        }
    }

    /// The page of the room.
    pub fn path(&self) -> String {
        match self {
            RoomRef::Incident { id } => format!("/video/incident/{id}"),
            RoomRef::Camera { id } => format!("/video/camera/{id}"),
            RoomRef::Adhoc { name } => {
                format!("/video/room/{}", crate::ui::url::encode(name, b""))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adhoc_names_are_short_words() {
        assert_eq!(
            RoomRef::adhoc(" 专家会商-1 "),
            Some(RoomRef::Adhoc {
                name: "专家会商-1".into()
            })
        );
        assert_eq!(RoomRef::adhoc(""), None);
        assert_eq!(RoomRef::adhoc("a b"), None);
        assert_eq!(RoomRef::adhoc("../admin"), None);
        assert!(RoomRef::adhoc(&"会".repeat(NAME_MAX)).is_some());
        assert_eq!(RoomRef::adhoc(&"会".repeat(NAME_MAX + 1)), None);
    }

    #[test]
    fn a_received_name_is_checked_as_typed() {
        assert!(!RoomRef::Adhoc { name: " x".into() }.is_valid());
        assert!(!RoomRef::Adhoc { name: "a/b".into() }.is_valid());
        assert!(RoomRef::Adhoc { name: "x".into() }.is_valid());
        assert!(RoomRef::Incident { id: Uuid::nil() }.is_valid());
    }

    #[test]
    fn signals_are_tagged_json() {
        use crate::video::{ClientSignal, ParticipantId};
        let json = r#"{"type":"join","room":{"kind":"adhoc","name":"x"}}"#;
        let signal: ClientSignal = serde_json::from_str(json).unwrap_or(ClientSignal::Leave);
        assert_eq!(
            signal,
            ClientSignal::Join {
                room: RoomRef::Adhoc { name: "x".into() }
            }
        );
        let subscribe = ClientSignal::Subscribe {
            participant: ParticipantId(7),
        };
        let text = serde_json::to_string(&subscribe).unwrap_or_default();
        assert_eq!(text, r#"{"type":"subscribe","participant":7}"#);
        assert!(serde_json::from_str::<ClientSignal>(r#"{"type":"shout"}"#).is_err());
    }
}

//! 专家邀请: an expert of the registry joins one room through a link, without an account on
//! this node, until the link expires (the inviter chooses 1, 4 or 24 hours) or is revoked.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::room::RoomRef;

/// The lifetimes an inviter may choose, in hours.
pub const VALIDITY_HOURS: [u32; 3] = [1, 4, 24];
/// The page an invitation's link opens; the secret follows.
pub const JOIN_PATH: &str = "/video/join/";
/// The signalling socket's query parameter that carries the secret.
pub const INVITATION_PARAM: &str = "invitation";

/// An expert of the registry who may be invited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpertChoice {
    pub id: Uuid,
    pub name: String,
    /// Their title and organisation, as the registry has them.
    pub about: String,
    pub phone: String,
}

/// An invitation as its room's page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub id: Uuid,
    pub expert_name: String,
    pub invited_by: String,
    pub expires_at: i64,
}

/// What the inviter gets once: the link (its secret is not stored) to pass to the expert.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInvitation {
    pub summary: InvitationSummary,
    /// `/video/join/<secret>`; the page makes it absolute with the node's address.
    pub path: String,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteBoard {
    pub experts: Vec<ExpertChoice>,
    /// Invitations to the room that are still valid.
    pub open: Vec<InvitationSummary>,
}

/// What the invited expert's page shows before joining.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuestInvitation {
    pub room: RoomRef,
    pub room_title: String,
    pub expert_name: String,
    pub invited_by: String,
    pub expires_at: i64,
}

/// Whether an invitation admits now: not revoked and not past its expiry.
pub fn admits(expires_at: i64, revoked: bool, now: i64) -> bool {
    !revoked && now < expires_at
}

/// Rooms an expert may be invited to: an incident's or an ad-hoc one, never a camera's.
pub fn invitable(room: &RoomRef) -> bool {
    room.is_valid() && !matches!(room, RoomRef::Camera { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_admits_until_it_expires_or_is_revoked() {
        assert!(admits(100, false, 99));
        assert!(!admits(100, false, 100));
        assert!(!admits(100, true, 50));
    }

    #[test]
    fn experts_are_invited_to_consultations_only() {
        assert!(invitable(&RoomRef::Incident { id: Uuid::nil() }));
        assert!(invitable(&RoomRef::Adhoc {
            name: "会商".into()
        }));
        assert!(!invitable(&RoomRef::Adhoc { name: "a b".into() }));
        assert!(!invitable(&RoomRef::Camera { id: Uuid::nil() }));
    }
}

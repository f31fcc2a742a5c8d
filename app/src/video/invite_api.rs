//! Server functions of expert invitations. Inviting needs 事故处置 (IncidentWrite) and the
//! right to be in the room; the invited expert's page needs only the link.

use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

use super::invitation::{GuestInvitation, InviteBoard, NewInvitation};
use super::room::RoomRef;
use crate::error::AppError;

/// The user who may invite (事故处置).
#[cfg(feature = "ssr")]
async fn inviter() -> Result<(crate::identity::CurrentUser, crate::state::AppState), AppError> {
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentWrite).await?;
    Ok((user, crate::state::app_state()?))
}

/// `room`'s title, if `user` may invite to it: refused like joining it would be.
#[cfg(feature = "ssr")]
async fn invited_room(
    state: &crate::state::AppState,
    user: &crate::identity::CurrentUser,
    room: &RoomRef,
) -> Result<String, AppError> {
    if !super::invitation::invitable(room) {
        let t = &crate::i18n::detect_locale().texts().video;
        return Err(AppError::field(t.room_name, t.not_invitable));
    }
    super::admission::room_title(
        state,
        user,
        room,
        crate::identity::Permission::IncidentWrite,
    )
    .await
}

/// The registry's experts of the inviter's jurisdiction, and the room's open invitations.
#[server(endpoint = "video/invitations", input = Json)]
pub async fn get_invite_board(room: RoomRef) -> Result<InviteBoard, AppError> {
    use crate::resources::{ResourceKind, ResourceQuery};
    let (user, state) = inviter().await?;
    invited_room(&state, &user, &room).await?;
    let prefix = crate::identity::region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let query = ResourceQuery {
        kind: Some(ResourceKind::Expert),
        ..ResourceQuery::default()
    };
    let experts = crate::resources::service::list(&state.db, prefix, &query, EXPERTS_MAX)
        .await?
        .items
        .into_iter()
        .map(|r| super::invitation::ExpertChoice {
            id: r.id,
            about: format!("{} · {}", r.category, r.organisation),
            name: r.name,
            phone: r.contact_phone,
        })
        .collect();
    let now = crate::ui::time::now_unix();
    let open = super::invitation_store::open(&state.db, &room, now).await?;
    Ok(InviteBoard { experts, open })
}

#[cfg(feature = "ssr")]
const EXPERTS_MAX: u64 = 500;

/// Invites an expert of the registry for `hours`; the link is in the answer, and only there.
#[server(endpoint = "video/invite", input = Json)]
pub async fn invite_expert(
    room: RoomRef,
    expert: Uuid,
    hours: u32,
) -> Result<NewInvitation, AppError> {
    use crate::identity::region_covers;
    use crate::resources::ResourceKind;
    let (user, state) = inviter().await?;
    let title = invited_room(&state, &user, &room).await?;
    let t = &crate::i18n::detect_locale().texts().video;
    if !super::invitation::VALIDITY_HOURS.contains(&hours) {
        return Err(AppError::field(t.valid_for, t.validity_rule));
    }
    let expert = crate::resources::service::get(&state.db, expert)
        .await
        .ok()
        .filter(|r| {
            r.kind == ResourceKind::Expert && region_covers(&user.unit_region, &r.region_code)
        })
        .ok_or_else(|| AppError::field(t.expert, t.expert_rule))?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    let invite = super::invitation_store::Invite {
        room: &room,
        room_title: &title,
        expert: &expert,
        hours,
        user: user.id,
    };
    super::invitation_store::create(&state.db, &by, invite, crate::ui::time::now_unix()).await
}

/// Ends an invitation's link now.
#[server(endpoint = "video/revoke_invitation")]
pub async fn revoke_invitation(id: Uuid) -> Result<(), AppError> {
    let (user, state) = inviter().await?;
    let room = super::invitation_store::room_of(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    invited_room(&state, &user, &room).await?;
    let by = crate::incidents::service::Recorder::for_user(&user, &state.site.node.id);
    super::invitation_store::revoke(&state.db, &by, id).await
}

/// What an invitation's link opens: `None` when it is unknown, expired or revoked (the page
/// says so without telling which).
#[server(endpoint = "video/invitation")]
pub async fn get_guest_invitation(secret: String) -> Result<Option<GuestInvitation>, AppError> {
    let state = crate::state::app_state()?;
    let now = crate::ui::time::now_unix();
    Ok(super::invitation_store::admitting(&state.db, &secret, now)
        .await?
        .map(|(_, invitation)| invitation))
}

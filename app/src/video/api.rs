//! The consultation lobby: which rooms the reader may join, and who is in them now.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::room::RoomSummary;
use crate::error::AppError;

/// An active incident's room, with whoever is in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IncidentRoom {
    pub id: Uuid,
    pub title: String,
    pub grade: crate::incidents::Grade,
    pub demo: bool,
    pub participants: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lobby {
    pub incidents: Vec<IncidentRoom>,
    /// Ad-hoc rooms open now.
    pub rooms: Vec<RoomSummary>,
}

/// Incident rooms are listed for the reader's active incidents; ad-hoc rooms for everyone.
#[server(endpoint = "video/lobby")]
pub async fn get_lobby() -> Result<Lobby, AppError> {
    use super::room::RoomRef;
    use crate::identity::{Permission, guard};
    let user = guard::require(Permission::IncidentRead).await?;
    let state = crate::state::app_state()?;
    let active = crate::incidents::service::list_active(
        &state.db,
        &user.unit_region,
        user.unit_id,
        LOBBY_INCIDENTS,
    )
    .await?;
    let open = state.media.0.rooms();
    let in_room = |room: &RoomRef| {
        open.iter()
            .find(|r| &r.room == room)
            .map(|r| r.participants.clone())
            .unwrap_or_default()
    };
    let incidents = active
        .into_iter()
        .map(|i| IncidentRoom {
            participants: in_room(&RoomRef::Incident { id: i.id }),
            id: i.id,
            title: i.title,
            grade: i.grade,
            demo: i.demo,
        })
        .collect();
    let mut rooms: Vec<RoomSummary> = open
        .iter()
        .filter(|r| matches!(r.room, RoomRef::Adhoc { .. }))
        .cloned()
        .collect();
    rooms.sort_by(|a, b| a.title.cmp(&b.title));
    Ok(Lobby { incidents, rooms })
}

#[cfg(feature = "ssr")]
const LOBBY_INCIDENTS: u64 = 50;

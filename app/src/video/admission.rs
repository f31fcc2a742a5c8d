//! ssr: who may be in which room — the one rule the signalling socket and the invitations use.
//! An incident's room follows the incident's jurisdiction and shares, a camera's its subject's;
//! outside them a room is answered as not found.

use crate::error::AppError;
use crate::identity::{CurrentUser, Permission, guard};
use crate::state::AppState;

use super::room::RoomRef;

/// The room's title, if `user` may be in it with `permission`. A malformed ad-hoc name is a
/// validation error; everything else refused is `NotFound` (or the guard's answer).
pub async fn room_title(
    state: &AppState,
    user: &CurrentUser,
    room: &RoomRef,
    permission: Permission,
) -> Result<String, AppError> {
    let (db, node) = (&state.db, &state.site.node.id);
    match room {
        RoomRef::Adhoc { name } if room.is_valid() => Ok(name.clone()),
        RoomRef::Adhoc { .. } => Err(AppError::Validation(Vec::new())),
        RoomRef::Incident { id } => {
            let incident = crate::incidents::service::find(db, *id)
                .await
                .map_err(|_| AppError::NotFound)?;
            let record = crate::incidents::service::record_of(&incident);
            guard::check_record(db, node, user, permission, &record).await?;
            Ok(incident.title)
        }
        RoomRef::Camera { id } => {
            let camera = crate::cameras::service::find(db, *id)
                .await?
                .ok_or(AppError::NotFound)?;
            let record = crate::cameras::service::record_of(&camera);
            guard::check_record(db, node, user, permission, &record).await?;
            Ok(camera.name)
        }
    }
}

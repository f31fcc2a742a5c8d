//! ssr: the invitation table and its rules. Only the secret's hash is stored; the link is
//! shown once, to the inviter.

use sea_orm::prelude::TimeDateTimeWithTimeZone as Time;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::invitation::{GuestInvitation, InvitationSummary, JOIN_PATH, NewInvitation, admits};
use super::room::RoomRef;
use crate::error::AppError;
use crate::identity::service::{new_secret, secret_hash};
use crate::incidents::service::Recorder;

pub mod video_invitation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
    #[sea_orm(table_name = "video_invitation")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: Uuid,
        pub token_hash: String,
        pub room: String,
        pub room_title: String,
        pub expert_id: Uuid,
        pub expert_name: String,
        pub invited_by: String,
        pub invited_by_user: Uuid,
        pub created_at: TimeDateTimeWithTimeZone,
        pub expires_at: TimeDateTimeWithTimeZone,
        pub revoked_at: Option<TimeDateTimeWithTimeZone>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

use video_invitation::{Column, Entity, Model};

fn summary(m: &Model) -> InvitationSummary {
    InvitationSummary {
        id: m.id,
        expert_name: m.expert_name.clone(),
        invited_by: m.invited_by.clone(),
        expires_at: m.expires_at.unix_timestamp(),
    }
}

fn room_key(room: &RoomRef) -> String {
    serde_json::to_string(room).unwrap_or_default()
}

/// Who is invited where, by whom, until when.
pub struct Invite<'a> {
    pub room: &'a RoomRef,
    pub room_title: &'a str,
    pub expert: &'a crate::resources::Resource,
    pub hours: u32,
    pub user: Uuid,
}

/// Stores an invitation and audits it; the returned link carries the only copy of its secret.
pub async fn create(
    db: &impl ConnectionTrait,
    by: &Recorder,
    invite: Invite<'_>,
    now: i64,
) -> Result<NewInvitation, AppError> {
    let secret = new_secret();
    let at = |unix: i64| Time::from_unix_timestamp(unix).unwrap_or_else(|_| Time::now_utc());
    let row = video_invitation::ActiveModel {
        id: Set(Uuid::now_v7()),
        token_hash: Set(secret_hash(&secret)),
        room: Set(room_key(invite.room)),
        room_title: Set(invite.room_title.chars().take(200).collect()),
        expert_id: Set(invite.expert.id),
        expert_name: Set(invite.expert.name.chars().take(100).collect()),
        invited_by: Set(by.name.clone()),
        invited_by_user: Set(invite.user),
        created_at: Set(at(now)),
        expires_at: Set(at(now + i64::from(invite.hours) * 3600)),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    let after = serde_json::json!({
        "room": invite.room, "expert": invite.expert.id, "hours": invite.hours,
    });
    by.audit(
        db,
        "video.invite",
        format!("video_invitation:{}", row.id),
        None,
        after,
    )
    .await?;
    Ok(NewInvitation {
        summary: summary(&row),
        path: format!("{JOIN_PATH}{secret}"),
        phone: invite.expert.contact_phone.clone(),
    })
}

/// The room's invitations that still admit, soonest to expire first.
pub async fn open(
    db: &impl ConnectionTrait,
    room: &RoomRef,
    now: i64,
) -> Result<Vec<InvitationSummary>, AppError> {
    let rows = Entity::find()
        .filter(Column::Room.eq(room_key(room)))
        .filter(Column::RevokedAt.is_null())
        .order_by_asc(Column::ExpiresAt)
        .all(db)
        .await?;
    Ok(rows
        .iter()
        .filter(|m| admits(m.expires_at.unix_timestamp(), false, now))
        .map(summary)
        .collect())
}

/// The invitation a secret opens, if it admits now.
pub async fn admitting(
    db: &impl ConnectionTrait,
    secret: &str,
    now: i64,
) -> Result<Option<(Uuid, GuestInvitation)>, AppError> {
    let Some(m) = Entity::find()
        .filter(Column::TokenHash.eq(secret_hash(secret)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !admits(m.expires_at.unix_timestamp(), m.revoked_at.is_some(), now) {
        return Ok(None);
    }
    let Ok(room) = serde_json::from_str::<RoomRef>(&m.room) else {
        return Ok(None);
    };
    Ok(Some((
        m.id,
        GuestInvitation {
            room,
            room_title: m.room_title.clone(),
            expert_name: m.expert_name.clone(),
            invited_by: m.invited_by.clone(),
            expires_at: m.expires_at.unix_timestamp(),
        },
    )))
}

/// The room an invitation is for (to check the reviser may act on it).
pub async fn room_of(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<RoomRef>, AppError> {
    Ok(Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|m| serde_json::from_str(&m.room).ok()))
}

/// Revokes an invitation: its link admits no one from now on (whoever is in the room stays).
pub async fn revoke(db: &impl ConnectionTrait, by: &Recorder, id: Uuid) -> Result<(), AppError> {
    let Some(row) = Entity::find_by_id(id).one(db).await? else {
        return Err(AppError::NotFound);
    };
    let mut active: video_invitation::ActiveModel = row.into();
    active.revoked_at = Set(Some(Time::now_utc()));
    active.update(db).await?;
    by.audit(
        db,
        "video.invite.revoke",
        format!("video_invitation:{id}"),
        None,
        serde_json::Value::Null,
    )
    .await?;
    Ok(())
}

//! ssr: the outbox. A message is written in the transaction of the change it reports, so a
//! committed change always has its message and a rolled-back one never does; the server's relay
//! sends it after the commit, in order, until the local JetStream acknowledges it.

use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr};
use uuid::Uuid;

use super::entity::outbox;
use super::envelope::{Envelope, Scope};
use super::payload::Payload;
use crate::incidents::service::to_time;
use crate::site::NodeTier;

/// Which way an outbox message leaves: up to the parent or down to the children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn key(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    pub fn of(scope: &Scope) -> Direction {
        match scope {
            Scope::Up => Direction::Up,
            Scope::Down { .. } => Direction::Down,
        }
    }
}

/// States of an outbox row.
pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
/// Our own report whose grade needs no tier above this node: kept, not sent.
pub const LOCAL: &str = "local";

/// A row to queue: the message's envelope and bytes, with the author's signature when it is
/// passed on for another node.
struct Queued<'a> {
    envelope: &'a Envelope,
    body: String,
    signature: Option<String>,
    reach: Option<NodeTier>,
}

async fn insert(db: &impl ConnectionTrait, row: Queued<'_>, now: i64) -> Result<(), DbErr> {
    outbox::ActiveModel {
        id: Set(row.envelope.id),
        direction: Set(Direction::of(&row.envelope.scope).key().into()),
        kind: Set(row.envelope.kind.clone()),
        body: Set(row.body),
        signature: Set(row.signature),
        reach: Set(row.reach.map(|t| t.as_str().to_string())),
        state: Set(PENDING.into()),
        attempts: Set(0),
        last_error: Set(String::new()),
        created_at: Set(to_time(now)),
        sent_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Queues a message of this node. `reach` is the highest tier an upward report must get to;
/// the relay sends it only while that is above this node.
pub async fn send(
    db: &impl ConnectionTrait,
    node: &str,
    scope: Scope,
    incident: Option<Uuid>,
    payload: &Payload,
    reach: Option<NodeTier>,
    now: i64,
) -> Result<Uuid, DbErr> {
    let envelope = Envelope::new(
        node,
        payload.kind(),
        scope,
        incident,
        payload.to_value(),
        now,
    );
    let body = String::from_utf8(envelope.to_bytes())
        .map_err(|e| DbErr::Custom(format!("envelope is not UTF-8: {e}")))?;
    let row = Queued {
        envelope: &envelope,
        body,
        signature: None,
        reach,
    };
    insert(db, row, now).await?;
    Ok(envelope.id)
}

/// Queues another node's message to pass on unchanged, with its author's signature.
pub async fn pass_on(
    db: &impl ConnectionTrait,
    envelope: &Envelope,
    body: &str,
    signature: &str,
    now: i64,
) -> Result<(), DbErr> {
    let row = Queued {
        envelope,
        body: body.to_string(),
        signature: Some(signature.to_string()),
        reach: None,
    };
    insert(db, row, now).await
}

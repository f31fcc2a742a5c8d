//! ssr: applying a message whose signature the server has checked. One transaction per
//! message holds its effect, the inbox row that makes a redelivery a no-op, the messages it
//! causes (a receipt, the same message passed on) and the peer's last-seen time.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, TransactionTrait,
};
use uuid::Uuid;

use super::entity::{directive, directive_receipt, inbox, peer};
use super::envelope::{Envelope, Scope};
use super::outbox;
use super::payload::{Acknowledged, Directive, IncidentReport, Payload, Receipt};
use super::support::service::{self as support, SupportError};
use crate::audit::Actor;
use crate::incidents::entity::incident;
use crate::incidents::service::{self as incidents, CopyOutcome, IncidentError, Recorder, to_time};
use crate::incidents::{goes_above, tier_above};
use crate::live::Bus;
use crate::site::{NodeIdentity, NodeTier};

/// A message as it arrived: its bytes, the signature over them, and the envelope read from them.
#[derive(Clone, Debug)]
pub struct Received {
    pub envelope: Envelope,
    pub body: String,
    pub signature: String,
}

/// What became of a received message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Applied,
    /// Seen before (a redelivery): nothing changes.
    Duplicate,
    /// Kept for a later version of this node.
    Deferred(String),
    /// Refused: logged and counted, never applied.
    Rejected(String),
}

/// Inbox states.
pub const APPLIED: &str = "applied";
pub const DEFERRED: &str = "deferred";
pub const REJECTED: &str = "rejected";

#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error(transparent)]
    Incident(#[from] IncidentError),
    #[error("this node has no organisation unit to file copies under")]
    NoRootUnit,
    /// The message is well formed but cannot apply here (e.g. an answer to a request this node
    /// never sent): refused, nothing it carried is kept.
    #[error("{0}")]
    Refused(String),
}

impl From<SupportError> for ReceiveError {
    fn from(err: SupportError) -> ReceiveError {
        match err {
            SupportError::Db(e) => ReceiveError::Db(e),
            other => ReceiveError::Refused(other.to_string()),
        }
    }
}

/// Writes a message's inbox row: applied (its id then makes a redelivery a no-op), or kept
/// unapplied with the reason, so it is counted and can be read.
pub async fn record(
    db: &impl ConnectionTrait,
    sender: &str,
    envelope: Option<&Envelope>,
    (body, signature): (&str, &str),
    (state, reason): (&str, &str),
    now: i64,
) -> Result<(), DbErr> {
    inbox::ActiveModel {
        id: Set(Uuid::now_v7()),
        message_id: Set(envelope.map(|e| e.id)),
        sender: Set(sender.chars().take(64).collect()),
        kind: Set(envelope.map_or(String::new(), |e| e.kind.chars().take(32).collect())),
        schema: Set(envelope.map_or(0, |e| i32::from(e.schema))),
        state: Set(state.into()),
        reason: Set(reason.into()),
        body: Set(body.into()),
        signature: Set(signature.chars().take(128).collect()),
        received_at: Set(to_time(now)),
    }
    .insert(db)
    .await?;
    Ok(())
}

async fn seen(db: &impl ConnectionTrait, id: Uuid) -> Result<bool, DbErr> {
    Ok(inbox::Entity::find()
        .filter(inbox::Column::MessageId.eq(id))
        .filter(inbox::Column::State.is_in([APPLIED, DEFERRED]))
        .one(db)
        .await?
        .is_some())
}

/// Applies a verified message from the registered node `sender` (its author). Returns the
/// incidents whose published state changed, for the caller to announce after the commit.
pub async fn accept(
    db: &DatabaseConnection,
    bus: &Bus,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    now: i64,
) -> Result<Outcome, ReceiveError> {
    let envelope = &message.envelope;
    if seen(db, envelope.id).await? {
        return Ok(Outcome::Duplicate);
    }
    let signed = (message.body.as_str(), message.signature.as_str());
    let payload = match Payload::of(envelope) {
        Ok(payload) => payload,
        Err(err) => {
            let reason = err.to_string();
            let (state, outcome) = if err.is_for_later() {
                (DEFERRED, Outcome::Deferred(reason.clone()))
            } else {
                (REJECTED, Outcome::Rejected(reason.clone()))
            };
            record(
                db,
                &sender.node_id,
                Some(envelope),
                signed,
                (state, &reason),
                now,
            )
            .await?;
            return Ok(outcome);
        }
    };
    let by = Recorder {
        actor: Actor::System,
        name: sender.name.clone(),
        node: me.id.clone(),
    };
    let txn = db.begin().await?;
    let changed = match take(&txn, &by, me, sender, message, &payload, now).await {
        Ok(changed) => changed,
        Err(ReceiveError::Refused(reason)) => {
            // Nothing of it is kept but the refusal.
            drop(txn);
            let signed = (message.body.as_str(), message.signature.as_str());
            let refused = (REJECTED, reason.as_str());
            record(db, &sender.node_id, Some(envelope), signed, refused, now).await?;
            return Ok(Outcome::Rejected(reason));
        }
        Err(other) => return Err(other),
    };
    // Applied messages keep no body: the change they made is the record.
    let signed = ("", message.signature.as_str());
    record(
        &txn,
        &sender.node_id,
        Some(envelope),
        signed,
        (APPLIED, ""),
        now,
    )
    .await?;
    let mut seen_peer: peer::ActiveModel = sender.clone().into();
    seen_peer.last_received_at = Set(Some(to_time(now)));
    if payload.kind() == super::Kind::Receipt {
        seen_peer.last_receipt_at = Set(Some(to_time(now)));
    }
    seen_peer.update(&txn).await?;
    txn.commit().await?;
    if let Some(id) = changed {
        incidents::publish(db, bus, id).await;
    }
    Ok(Outcome::Applied)
}

/// Applies a readable message inside the receiver's transaction; the incident whose published
/// state changed, if any.
async fn take(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    payload: &Payload,
    now: i64,
) -> Result<Option<Uuid>, ReceiveError> {
    let envelope = &message.envelope;
    match payload {
        Payload::Report(report) => take_report(txn, by, me, sender, message, report, now).await,
        Payload::Receipt(receipt) => take_receipt(txn, by, me, sender, message, receipt).await,
        Payload::Directive(d) => {
            take_directive(txn, me, sender, message, d, now).await?;
            Ok(None)
        }
        Payload::SupportRequest(request) => {
            if envelope.is_for(&me.id) {
                support::take_request(txn, me, sender, message, request, now).await?;
            }
            pass_down(txn, me, message, now).await?;
            Ok(None)
        }
        Payload::SupportResponse(response) => {
            if envelope.is_for(&me.id) {
                support::take_response(txn, sender, message, response).await?;
            }
            pass_down(txn, me, message, now).await?;
            Ok(None)
        }
        Payload::Alert(publication) => {
            let unit = root_unit(txn).await?;
            let origin = (sender.node_id.as_str(), sender.name.as_str());
            crate::alerts::service::apply_copy(txn, publication, origin, &me.region_code, unit)
                .await?;
            let climbs = envelope.scope == Scope::Up
                && NodeTier::ALL.into_iter().any(|t| tier_above(t, me.tier));
            if climbs {
                outbox::pass_on(txn, envelope, &message.body, &message.signature, now).await?;
            }
            pass_down(txn, me, message, now).await?;
            Ok(None)
        }
    }
}

/// Passes a downward message on to this node's children unless it was for this node alone.
async fn pass_down(
    txn: &impl ConnectionTrait,
    me: &NodeIdentity,
    message: &Received,
    now: i64,
) -> Result<(), DbErr> {
    let envelope = &message.envelope;
    if envelope.continues_down_from(&me.id) {
        outbox::pass_on(txn, envelope, &message.body, &message.signature, now).await?;
    }
    Ok(())
}

/// The unit copies are filed under: the node's own root unit.
async fn root_unit(db: &impl ConnectionTrait) -> Result<Uuid, ReceiveError> {
    use crate::identity::entity::org_unit;
    org_unit::Entity::find()
        .filter(org_unit::Column::ParentId.is_null())
        .one(db)
        .await?
        .map(|u| u.id)
        .ok_or(ReceiveError::NoRootUnit)
}

async fn take_report(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    report: &IncidentReport,
    now: i64,
) -> Result<Option<Uuid>, ReceiveError> {
    let unit = root_unit(txn).await?;
    let origin = (sender.node_id.as_str(), sender.name.as_str());
    let outcome = incidents::apply_copy(txn, by, report, origin, unit, now).await?;
    if outcome == CopyOutcome::OwnRecord {
        return Ok(None);
    }
    if outcome != CopyOutcome::Unchanged {
        // This tier has it now, and so (at the latest now) has every tier it passed through.
        let duties = incidents::summary(txn, report.incident).await?.duties;
        for duty in duties {
            let passed = duty.to == me.tier || tier_above(me.tier, duty.to);
            if passed && duty.received.is_none() {
                let m = incidents::find(txn, report.incident).await?;
                incidents::add_receipt(txn, by, m, duty.to, now).await?;
            }
        }
        // And back to the origin as this tier's receipt.
        let receipt = Payload::Receipt(Receipt {
            of: Acknowledged::Report {
                incident: report.incident,
                version: report.version,
            },
            at: now,
        });
        let back = Scope::Down {
            nodes: vec![sender.node_id.clone()],
        };
        outbox::send(
            txn,
            &me.id,
            back,
            Some(report.incident),
            &receipt,
            None,
            now,
        )
        .await?;
    }
    if goes_above(report.grade, me.tier) {
        let e = &message.envelope;
        outbox::pass_on(txn, e, &message.body, &message.signature, now).await?;
    }
    Ok((outcome != CopyOutcome::Unchanged).then_some(report.incident))
}

async fn take_receipt(
    txn: &impl ConnectionTrait,
    by: &Recorder,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    receipt: &Receipt,
) -> Result<Option<Uuid>, ReceiveError> {
    let envelope = &message.envelope;
    let mut changed = None;
    match &receipt.of {
        Acknowledged::Report { incident, .. } => {
            let tier: Option<NodeTier> = sender.tier.parse().ok();
            let found = incident::Entity::find_by_id(*incident).one(txn).await?;
            if let (Some(m), Some(tier)) = (found, tier)
                && incidents::add_receipt(txn, by, m, tier, receipt.at).await?
            {
                changed = Some(*incident);
            }
        }
        Acknowledged::Directive { directive: id } => {
            let ours = directive::Entity::find_by_id(*id)
                .one(txn)
                .await?
                .is_some_and(|d| d.outgoing);
            if ours {
                let exists = directive_receipt::Entity::find()
                    .filter(directive_receipt::Column::DirectiveId.eq(*id))
                    .filter(directive_receipt::Column::NodeId.eq(sender.node_id.as_str()))
                    .one(txn)
                    .await?
                    .is_some();
                if !exists {
                    directive_receipt::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        directive_id: Set(*id),
                        node_id: Set(sender.node_id.clone()),
                        node_name: Set(sender.name.clone()),
                        at: Set(to_time(receipt.at)),
                    }
                    .insert(txn)
                    .await?;
                }
            } else if envelope.scope == Scope::Up {
                // A receipt for a directive from further up: it climbs on to its author.
                outbox::pass_on(txn, envelope, &message.body, &message.signature, receipt.at)
                    .await?;
            }
        }
    }
    pass_down(txn, me, message, receipt.at).await?;
    Ok(changed)
}

async fn take_directive(
    txn: &impl ConnectionTrait,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    d: &Directive,
    now: i64,
) -> Result<(), ReceiveError> {
    let envelope = &message.envelope;
    if envelope.is_for(&me.id) {
        let recipients = match &envelope.scope {
            Scope::Down { nodes } => serde_json::to_string(nodes).unwrap_or_default(),
            Scope::Up => "[]".into(),
        };
        directive::ActiveModel {
            id: Set(envelope.id),
            from_node: Set(sender.node_id.clone()),
            from_name: Set(sender.name.clone()),
            issued_by: Set(d.issued_by.clone()),
            title: Set(d.title.clone()),
            body: Set(d.body.clone()),
            incident_id: Set(d.incident),
            recipients: Set(recipients),
            outgoing: Set(false),
            sent_at: Set(to_time(envelope.sent)),
            received_at: Set(Some(to_time(now))),
        }
        .insert(txn)
        .await?;
        let receipt = Payload::Receipt(Receipt {
            of: Acknowledged::Directive {
                directive: envelope.id,
            },
            at: now,
        });
        outbox::send(txn, &me.id, Scope::Up, d.incident, &receipt, None, now).await?;
    }
    Ok(pass_down(txn, me, message, now).await?)
}

//! ssr: the exchange as this node's pages and commands see it — registered nodes, the status of
//! the links, and directives.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use super::Scope;
use super::entity::{directive, directive_receipt, inbox, outbox as outbox_row, peer};
use super::model::*;
use super::outbox::{self, Direction, PENDING};
use super::payload::{Directive, Payload};
use super::receive::{DEFERRED, REJECTED};
use crate::incidents::service::{Recorder, to_time};
use crate::site::{NodeIdentity, NodeTier, check_node_id, check_region};

#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("invalid directive: {0:?}")]
    Directive(Vec<DirectiveProblem>),
    #[error("invalid node registration: {0}")]
    Registration(String),
}

/// A node to trust, as an administrator registers it (`yingji exchange register`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    pub node_id: String,
    pub name: String,
    pub tier: NodeTier,
    pub region_code: String,
    /// Ed25519 public key, 64 hex digits.
    pub public_key: String,
    pub relation: Relation,
}

impl Registration {
    pub fn check(&self) -> Result<(), String> {
        check_node_id(&self.node_id)?;
        if self.name.trim().is_empty() || self.name.chars().count() > 200 {
            return Err("the name must be 1–200 characters".into());
        }
        check_region(self.tier, &self.region_code).map_err(|e| e.to_string())?;
        let key_ok =
            self.public_key.len() == 64 && self.public_key.bytes().all(|b| b.is_ascii_hexdigit());
        if !key_ok {
            return Err("the public key must be 64 hexadecimal digits".into());
        }
        Ok(())
    }
}

/// Registers (or re-registers, e.g. after a key change) a node.
pub async fn register(
    db: &DatabaseConnection,
    r: &Registration,
    now: i64,
) -> Result<(), ExchangeError> {
    r.check().map_err(ExchangeError::Registration)?;
    let row = peer::ActiveModel {
        node_id: Set(r.node_id.clone()),
        name: Set(r.name.trim().to_string()),
        tier: Set(r.tier.as_str().into()),
        region_code: Set(r.region_code.clone()),
        public_key: Set(r.public_key.to_ascii_lowercase()),
        relation: Set(r.relation.key().into()),
        registered_at: Set(to_time(now)),
        last_received_at: Set(None),
        last_receipt_at: Set(None),
    };
    let txn = db.begin().await?;
    if peer::Entity::find_by_id(r.node_id.as_str())
        .one(&txn)
        .await?
        .is_some()
    {
        let mut row = row;
        row.last_received_at = sea_orm::ActiveValue::NotSet;
        row.last_receipt_at = sea_orm::ActiveValue::NotSet;
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    txn.commit().await?;
    Ok(())
}

pub async fn peers(db: &DatabaseConnection) -> Result<Vec<peer::Model>, DbErr> {
    peer::Entity::find()
        .order_by_asc(peer::Column::NodeId)
        .all(db)
        .await
}

pub async fn peer(db: &DatabaseConnection, node_id: &str) -> Result<Option<peer::Model>, DbErr> {
    peer::Entity::find_by_id(node_id).one(db).await
}

fn view(p: peer::Model) -> Option<PeerView> {
    Some(PeerView {
        tier: p.tier.parse().ok()?,
        relation: Relation::parse(&p.relation)?,
        node_id: p.node_id,
        name: p.name,
        region_code: p.region_code,
        last_received: p.last_received_at.map(|t| t.unix_timestamp()),
        last_receipt: p.last_receipt_at.map(|t| t.unix_timestamp()),
    })
}

/// The registered parent and children, parent first.
pub async fn neighbours(db: &DatabaseConnection) -> Result<Vec<PeerView>, DbErr> {
    let mut list: Vec<PeerView> = peers(db)
        .await?
        .into_iter()
        .filter_map(view)
        .filter(|p| p.relation != Relation::Other)
        .collect();
    list.sort_by_key(|p| p.relation != Relation::Parent);
    Ok(list)
}

/// The node ids registered as this node's children.
pub async fn children(db: &DatabaseConnection) -> Result<Vec<String>, DbErr> {
    Ok(peers(db)
        .await?
        .into_iter()
        .filter(|p| p.relation == Relation::Child.key())
        .map(|p| p.node_id)
        .collect())
}

/// Upward rows that still wait: our own reports whose grade needs a tier above `tier`, and
/// everything passed on. (Rows of reports that stay here are marked local by the relay.)
fn waiting(direction: Direction, tier: NodeTier) -> sea_orm::Condition {
    use sea_orm::Condition;
    let base = Condition::all()
        .add(outbox_row::Column::State.eq(PENDING))
        .add(outbox_row::Column::Direction.eq(direction.key()));
    if direction == Direction::Down {
        return base;
    }
    let above: Vec<&str> = NodeTier::ALL
        .into_iter()
        .filter(|t| crate::incidents::tier_above(*t, tier))
        .map(NodeTier::as_str)
        .collect();
    base.add(
        Condition::any()
            .add(outbox_row::Column::Reach.is_null())
            .add(outbox_row::Column::Reach.is_in(above)),
    )
}

pub async fn status(
    db: &DatabaseConnection,
    me: &NodeIdentity,
    link: LinkState,
) -> Result<ExchangeStatus, DbErr> {
    let peers = peers(db).await?.into_iter().filter_map(view).collect();
    let backlog_up = outbox_row::Entity::find()
        .filter(waiting(Direction::Up, me.tier))
        .count(db)
        .await?;
    let backlog_down = outbox_row::Entity::find()
        .filter(waiting(Direction::Down, me.tier))
        .count(db)
        .await?;
    let oldest_pending = outbox_row::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(waiting(Direction::Up, me.tier))
                .add(waiting(Direction::Down, me.tier)),
        )
        .order_by_asc(outbox_row::Column::Id)
        .one(db)
        .await?
        .map(|r| r.created_at.unix_timestamp());
    let count_state = |state: &'static str| {
        inbox::Entity::find()
            .filter(inbox::Column::State.eq(state))
            .count(db)
    };
    let rejected = count_state(REJECTED).await?;
    let deferred = count_state(DEFERRED).await?;
    let refusals = inbox::Entity::find()
        .filter(inbox::Column::State.is_in([REJECTED, DEFERRED]))
        .order_by_desc(inbox::Column::Id)
        .limit(20)
        .all(db)
        .await?
        .into_iter()
        .map(|r| Refusal {
            at: r.received_at.unix_timestamp(),
            sender: r.sender,
            kind: r.kind,
            deferred: r.state == DEFERRED,
            reason: r.reason,
        })
        .collect();
    Ok(ExchangeStatus {
        link,
        peers,
        backlog_up,
        backlog_down,
        oldest_pending,
        rejected,
        deferred,
        refusals,
    })
}

/// 下发指令: writes the directive and its message in one transaction.
pub async fn send_directive(
    db: &DatabaseConnection,
    me: &NodeIdentity,
    by: &Recorder,
    form: &DirectiveForm,
    now: i64,
) -> Result<Uuid, ExchangeError> {
    let form = form
        .validate(&children(db).await?)
        .map_err(ExchangeError::Directive)?;
    let payload = Payload::Directive(Directive {
        title: form.title.clone(),
        body: form.body.clone(),
        issued_by: by.name.clone(),
        incident: None,
    });
    let scope = Scope::Down {
        nodes: form.recipients.clone(),
    };
    let txn = db.begin().await?;
    let id = outbox::send(&txn, &me.id, scope, None, &payload, None, now).await?;
    directive::ActiveModel {
        id: Set(id),
        from_node: Set(me.id.clone()),
        from_name: Set(me.name.clone()),
        issued_by: Set(by.name.clone()),
        title: Set(form.title.clone()),
        body: Set(form.body.clone()),
        incident_id: Set(None),
        recipients: Set(serde_json::to_string(&form.recipients).unwrap_or_default()),
        outgoing: Set(true),
        sent_at: Set(to_time(now)),
        received_at: Set(None),
    }
    .insert(&txn)
    .await?;
    by.audit(
        &txn,
        "directive.send",
        format!("directive:{id}"),
        None,
        serde_json::to_value(&form).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Directives sent and received, newest first, with the receipts of ours.
pub async fn directives(db: &DatabaseConnection, limit: u64) -> Result<Vec<DirectiveView>, DbErr> {
    let rows = directive::Entity::find()
        .order_by_desc(directive::Column::SentAt)
        .limit(limit)
        .all(db)
        .await?;
    let names: std::collections::HashMap<String, String> = peers(db)
        .await?
        .into_iter()
        .map(|p| (p.node_id, p.name))
        .collect();
    let ids: Vec<Uuid> = rows.iter().map(|d| d.id).collect();
    let receipts = directive_receipt::Entity::find()
        .filter(directive_receipt::Column::DirectiveId.is_in(ids))
        .order_by_asc(directive_receipt::Column::At)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|d| {
            let recipients: Vec<String> = serde_json::from_str(&d.recipients).unwrap_or_default();
            DirectiveView {
                id: d.id,
                outgoing: d.outgoing,
                from_name: d.from_name,
                issued_by: d.issued_by,
                title: d.title,
                body: d.body,
                sent_at: d.sent_at.unix_timestamp(),
                received_at: d.received_at.map(|t| t.unix_timestamp()),
                recipients: recipients
                    .into_iter()
                    .map(|id| names.get(&id).cloned().unwrap_or(id))
                    .collect(),
                receipts: receipts
                    .iter()
                    .filter(|r| r.directive_id == d.id)
                    .map(|r| (r.node_name.clone(), r.at.unix_timestamp()))
                    .collect(),
            }
        })
        .collect())
}

//! ssr: support requests and answers in the database. A request or an answer is written with
//! its message in one transaction; a received one is applied inside the receiver's.

use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use uuid::Uuid;

use super::model::*;
use crate::exchange::entity::{peer, support_request, support_response};
use crate::exchange::outbox;
use crate::exchange::receive::Received;
use crate::exchange::{Payload, Relation, Scope};
use crate::incidents::service::{Recorder, to_time};
use crate::resources::ResourceKind;
use crate::site::NodeIdentity;

#[derive(Debug, thiserror::Error)]
pub enum SupportError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("invalid support message: {0:?}")]
    Invalid(Vec<SupportProblem>),
    #[error("no such support request")]
    NotFound,
    #[error("this node has answered the request already")]
    Answered,
}

async fn neighbours(
    db: &impl ConnectionTrait,
) -> Result<(Option<peer::Model>, Vec<peer::Model>), DbErr> {
    let peers = peer::Entity::find().all(db).await?;
    let parent = peers
        .iter()
        .find(|p| p.relation == Relation::Parent.key())
        .cloned();
    let children = peers
        .into_iter()
        .filter(|p| p.relation == Relation::Child.key())
        .collect();
    Ok((parent, children))
}

/// 请求支援: checks the form against the registered neighbours and queues the request.
/// `incident_title` is the title of the incident the form names, as the caller found it.
pub async fn request(
    db: &DatabaseConnection,
    me: &NodeIdentity,
    by: &Recorder,
    form: &SupportForm,
    incident_title: Option<String>,
    now: i64,
) -> Result<Uuid, SupportError> {
    let (parent, children) = neighbours(db).await?;
    let child_ids: Vec<String> = children.iter().map(|c| c.node_id.clone()).collect();
    let parent_id = parent.as_ref().map(|p| p.node_id.as_str());
    let (to, mut request) = form
        .validate(parent_id, &child_ids, &by.name)
        .map_err(SupportError::Invalid)?;
    if request.incident.is_some() {
        request.incident_title =
            incident_title.ok_or(SupportError::Invalid(vec![SupportProblem::UnknownIncident]))?;
    }
    let (scope, to_name) = match &to {
        Recipient::Parent(_) => (Scope::Up, parent.map(|p| p.name).unwrap_or_default()),
        Recipient::Child(id) => (
            Scope::Down {
                nodes: vec![id.clone()],
            },
            children
                .into_iter()
                .find(|c| &c.node_id == id)
                .map(|c| c.name)
                .unwrap_or_default(),
        ),
    };
    let payload = Payload::SupportRequest(request.clone());
    let txn = db.begin().await?;
    let id = outbox::send(&txn, &me.id, scope, request.incident, &payload, None, now).await?;
    let row = row_of(id, (&me.id, &me.name), (to.node(), &to_name), &request, now);
    row.insert(&txn).await?;
    by.audit(
        &txn,
        "support.request",
        format!("support:{id}"),
        None,
        serde_json::to_value(&request).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

fn row_of(
    id: Uuid,
    (from_node, from_name): (&str, &str),
    (to_node, to_name): (&str, &str),
    r: &SupportRequest,
    sent: i64,
) -> support_request::ActiveModel {
    support_request::ActiveModel {
        id: Set(id),
        outgoing: Set(true),
        from_node: Set(from_node.into()),
        from_name: Set(from_name.into()),
        to_node: Set(to_node.into()),
        to_name: Set(to_name.into()),
        kind: Set(r.need.kind.key().into()),
        quantity: Set(i32::try_from(r.need.quantity).unwrap_or(i32::MAX)),
        detail: Set(r.need.detail.clone()),
        place: Set(r.place.clone()),
        note: Set(r.note.clone()),
        requested_by: Set(r.requested_by.clone()),
        incident_id: Set(r.incident),
        incident_title: Set(r.incident_title.chars().take(200).collect()),
        sent_at: Set(to_time(sent)),
        received_at: Set(None),
    }
}

/// 答复: answers a request received from a neighbour, once.
pub async fn respond(
    db: &DatabaseConnection,
    me: &NodeIdentity,
    by: &Recorder,
    form: &ResponseForm,
    now: i64,
) -> Result<Uuid, SupportError> {
    let response = form
        .validate(&by.name)
        .map_err(|(_, problems)| SupportError::Invalid(problems))?;
    let txn = db.begin().await?;
    let request = support_request::Entity::find_by_id(response.request)
        .one(&txn)
        .await?
        .filter(|r| !r.outgoing)
        .ok_or(SupportError::NotFound)?;
    if answer_of(&txn, request.id, &me.id).await?.is_some() {
        return Err(SupportError::Answered);
    }
    let requester = peer::Entity::find_by_id(request.from_node.as_str())
        .one(&txn)
        .await?;
    // Back the way the request came: up to a parent's request's author is never needed (requests
    // come from neighbours only), so a parent's request is answered up, a child's down to it.
    let scope = match requester.map(|p| p.relation) {
        Some(r) if r == Relation::Parent.key() => Scope::Up,
        _ => Scope::Down {
            nodes: vec![request.from_node.clone()],
        },
    };
    let payload = Payload::SupportResponse(response.clone());
    let id = outbox::send(
        &txn,
        &me.id,
        scope,
        request.incident_id,
        &payload,
        None,
        now,
    )
    .await?;
    answer_row(id, (&me.id, &me.name), &response, now)
        .insert(&txn)
        .await?;
    by.audit(
        &txn,
        "support.respond",
        format!("support:{}", request.id),
        None,
        serde_json::to_value(&response).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

fn answer_row(
    id: Uuid,
    (node_id, node_name): (&str, &str),
    r: &SupportResponse,
    at: i64,
) -> support_response::ActiveModel {
    support_response::ActiveModel {
        id: Set(id),
        request_id: Set(r.request),
        node_id: Set(node_id.into()),
        node_name: Set(node_name.into()),
        answer: Set(r.answer.key().into()),
        detail: Set(r.detail.clone()),
        eta_minutes: Set(r.eta_minutes.and_then(|m| i32::try_from(m).ok())),
        responded_by: Set(r.responded_by.clone()),
        at: Set(to_time(at)),
    }
}

async fn answer_of(
    db: &impl ConnectionTrait,
    request: Uuid,
    node: &str,
) -> Result<Option<support_response::Model>, DbErr> {
    support_response::Entity::find()
        .filter(support_response::Column::RequestId.eq(request))
        .filter(support_response::Column::NodeId.eq(node))
        .one(db)
        .await
}

/// A request received from `sender` and addressed to this node: kept to be answered.
pub async fn take_request(
    txn: &impl ConnectionTrait,
    me: &NodeIdentity,
    sender: &peer::Model,
    message: &Received,
    request: &SupportRequest,
    now: i64,
) -> Result<(), SupportError> {
    request.check().map_err(SupportError::Invalid)?;
    let envelope = &message.envelope;
    let mut row = row_of(
        envelope.id,
        (&sender.node_id, &sender.name),
        (&me.id, &me.name),
        request,
        envelope.sent,
    );
    row.outgoing = Set(false);
    row.received_at = Set(Some(to_time(now)));
    row.insert(txn).await?;
    Ok(())
}

/// An answer from `sender` to one of our requests.
pub async fn take_response(
    txn: &impl ConnectionTrait,
    sender: &peer::Model,
    message: &Received,
    response: &SupportResponse,
) -> Result<(), SupportError> {
    response.check().map_err(SupportError::Invalid)?;
    let ours = support_request::Entity::find_by_id(response.request)
        .one(txn)
        .await?
        .is_some_and(|r| r.outgoing && r.to_node == sender.node_id);
    if !ours {
        return Err(SupportError::NotFound);
    }
    if answer_of(txn, response.request, &sender.node_id)
        .await?
        .is_some()
    {
        return Err(SupportError::Answered);
    }
    let envelope = &message.envelope;
    answer_row(
        envelope.id,
        (&sender.node_id, &sender.name),
        response,
        envelope.sent,
    )
    .insert(txn)
    .await?;
    Ok(())
}

/// Requests sent and received, newest first, each with its answer.
pub async fn list(db: &DatabaseConnection, limit: u64) -> Result<Vec<SupportView>, DbErr> {
    let rows = support_request::Entity::find()
        .order_by_desc(support_request::Column::SentAt)
        .limit(limit)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let answers = support_response::Entity::find()
        .filter(support_response::Column::RequestId.is_in(ids))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let response = answers.iter().find(|a| a.request_id == r.id).and_then(|a| {
                Some(ResponseView {
                    node_name: a.node_name.clone(),
                    answer: Answer::parse(&a.answer)?,
                    detail: a.detail.clone(),
                    eta_minutes: a.eta_minutes.and_then(|m| u32::try_from(m).ok()),
                    responded_by: a.responded_by.clone(),
                    at: a.at.unix_timestamp(),
                })
            });
            Some(SupportView {
                id: r.id,
                outgoing: r.outgoing,
                from_name: r.from_name,
                to_name: r.to_name,
                request: SupportRequest {
                    need: Need {
                        kind: ResourceKind::parse(&r.kind)?,
                        quantity: u32::try_from(r.quantity).unwrap_or(0),
                        detail: r.detail,
                    },
                    place: r.place,
                    note: r.note,
                    requested_by: r.requested_by,
                    incident: r.incident_id,
                    incident_title: r.incident_title,
                },
                sent_at: r.sent_at.unix_timestamp(),
                response,
            })
        })
        .collect())
}

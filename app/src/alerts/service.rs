//! ssr: alerts and their published versions in the database. Every step of the workflow is one
//! transaction: the rule is checked on the row as stored, the result and its audit record are
//! written together, and a stale page (another officer acted first) is refused, not merged.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

use super::cap::{MsgType, Status};
use super::cap_xml::{Envelope, reference};
use super::entity::{alert, alert_version};
use super::level::WarningLevel;
use super::model::AlertContent;
use super::publication::{AlertPublication, concerns};
use super::view::{AlertDetail, AlertStatus, AlertSummary, PublishedVersion};
use super::workflow::{Action, Outcome, Stage, Thread, Work, WorkflowError};
use crate::exchange::{Payload, Scope, outbox};
use crate::incidents::service::Recorder;

/// Most alerts one console list shows.
pub const LIST_LIMIT: u64 = 500;
/// Versions one archive page shows.
pub const ARCHIVE_PAGE: u64 = 50;

#[derive(Debug, thiserror::Error)]
pub enum AlertError {
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("no such alert")]
    NotFound,
    #[error("the alert changed since the page was loaded")]
    Stale,
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
    #[error("the alert expired before it was approved")]
    Expired,
    #[error("an edit needs the content")]
    NoContent,
    /// A copy of another tier's alert: only its author changes it.
    #[error("the alert is a copy from {0}; only its publisher changes it")]
    Copy(String),
}

/// Who publishes: this node, as CAP `sender` and `senderName`, and where its public pages are.
#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    pub node_id: String,
    pub node_name: String,
    /// Whether tiers above this node exist to tell of what it publishes.
    pub has_parent_tier: bool,
    /// Absolute URL prefix of the public portal, e.g. `https://yj.example.cn`; may be empty.
    pub public_base: String,
}

impl Publisher {
    pub fn of(site: &crate::site::SiteInfo) -> Publisher {
        Publisher {
            node_id: site.node.id.clone(),
            node_name: site.node.name.clone(),
            has_parent_tier: site.node.tier != crate::site::NodeTier::National,
            public_base: site.public_base.clone(),
        }
    }

    pub fn sender(&self) -> String {
        sender_of(&self.node_id)
    }

    /// The CAP envelope of a stored version; a copy keeps its author as sender.
    pub fn envelope(&self, v: &alert_version::Model) -> Envelope {
        let (sender, sender_name) = match (&v.origin_node, &v.origin_name) {
            (Some(node), Some(name)) => (sender_of(node), name.clone()),
            _ => (self.sender(), self.node_name.clone()),
        };
        Envelope {
            identifier: v.id.to_string(),
            sender,
            sender_name,
            sent: v.sent.unix_timestamp(),
            msg_type: MsgType::parse(&v.msg_type).unwrap_or(MsgType::Alert),
            references: v
                .references
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            web: format!("{}{}", self.public_base, super::portal_path(v.alert_id)),
        }
    }
}

/// The CAP `sender` of a node.
fn sender_of(node: &str) -> String {
    format!("urn:yingji:node:{node}")
}

fn at(unix: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(unix).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn to_json(content: &AlertContent) -> String {
    serde_json::to_string(content).unwrap_or_default()
}

fn from_json(text: &str) -> Option<AlertContent> {
    serde_json::from_str(text).ok()
}

/// The content of the version being prepared.
fn work_content(row: &alert::Model) -> Option<AlertContent> {
    row.work_content.as_deref().and_then(from_json)
}

fn thread_of(m: &alert::Model) -> Thread {
    let kind = m.work_kind.as_deref().and_then(MsgType::parse);
    let stage = m.work_stage.as_deref().and_then(Stage::parse);
    let work = match (kind, stage, m.work_author) {
        (Some(kind), Some(stage), Some(author)) => Some(Work {
            kind,
            stage,
            author,
        }),
        _ => None,
    };
    Thread {
        work,
        last_published: m.last_msg_type.as_deref().and_then(MsgType::parse),
    }
}

pub fn to_version(m: alert_version::Model) -> Option<PublishedVersion> {
    Some(PublishedVersion {
        content: from_json(&m.content)?,
        id: m.id,
        alert_id: m.alert_id,
        seq: m.seq,
        msg_type: MsgType::parse(&m.msg_type)?,
        status: Status::parse(&m.status)?,
        sent: m.sent.unix_timestamp(),
        author: m.author_name,
        approver: m.approver_name,
        demo: m.demo,
        origin: m.origin_name,
    })
}

/// A new alert, drafted by `by` for `unit`.
pub async fn create(
    db: &DatabaseConnection,
    by: &Recorder,
    (unit, author): (Uuid, Uuid),
    content: &AlertContent,
    demo: bool,
) -> Result<Uuid, AlertError> {
    let id = Uuid::now_v7();
    let now = OffsetDateTime::now_utc();
    let txn = db.begin().await?;
    alert::ActiveModel {
        id: Set(id),
        unit_id: Set(unit),
        region_code: Set(content.region_code()),
        work_kind: Set(Some(MsgType::Alert.cap().into())),
        work_stage: Set(Some(Stage::Draft.key().into())),
        work_author: Set(Some(author)),
        work_author_name: Set(Some(by.name.clone())),
        work_content: Set(Some(to_json(content))),
        last_version_id: Set(None),
        last_msg_type: Set(None),
        last_status: Set(None),
        last_level: Set(None),
        last_sent: Set(None),
        last_expires: Set(None),
        headline: Set(content.zh.headline.clone()),
        created_by: Set(author),
        created_at: Set(now),
        updated_at: Set(now),
        revision: Set(1),
        demo: Set(demo),
        origin_node: Set(None),
        origin_name: Set(None),
    }
    .insert(&txn)
    .await?;
    let after = json!({ "headline": content.zh.headline, "level": content.level.key() });
    by.audit(&txn, "alert.create", format!("alert:{id}"), None, after)
        .await?;
    txn.commit().await?;
    Ok(id)
}

/// One step of the workflow by `actor` on the alert at `revision`; `content` is the new text of
/// an edit. Returns the published version's id when the step published one.
pub async fn act(
    db: &DatabaseConnection,
    by: &Recorder,
    actor: Uuid,
    (id, revision): (Uuid, i32),
    (action, content): (Action, Option<&AlertContent>),
    publisher: &Publisher,
) -> Result<Option<Uuid>, AlertError> {
    let txn = db.begin().await?;
    let row = alert::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AlertError::NotFound)?;
    if row.revision != revision {
        return Err(AlertError::Stale);
    }
    if let Some(origin) = &row.origin_name {
        return Err(AlertError::Copy(origin.clone()));
    }
    let thread = thread_of(&row);
    let outcome = thread.apply(action, actor)?;
    let now = OffsetDateTime::now_utc();
    let before = json!({ "work": thread.work, "last": thread.last_published.map(MsgType::cap) });
    let mut update: alert::ActiveModel = row.clone().into();
    update.revision = Set(row.revision + 1);
    update.updated_at = Set(now);
    let mut published = None;
    match outcome {
        Outcome::Work(work) => {
            let next = match action {
                Action::Edit => Some(content.ok_or(AlertError::NoContent)?.clone()),
                Action::Update | Action::Cancel => last_content(&txn, &row).await?,
                _ => work_content(&row),
            };
            if let Some(c) = &next {
                update.headline = Set(c.zh.headline.clone());
                if row.last_version_id.is_none() {
                    update.region_code = Set(c.region_code());
                }
            }
            update.work_kind = Set(Some(work.kind.cap().into()));
            update.work_stage = Set(Some(work.stage.key().into()));
            update.work_author = Set(Some(work.author));
            if work.author == actor {
                update.work_author_name = Set(Some(by.name.clone()));
            }
            update.work_content = Set(next.as_ref().map(to_json));
        }
        Outcome::Publish(kind) => {
            let content = work_content(&row).ok_or(AlertError::NoContent)?;
            if kind != MsgType::Cancel && content.expires <= now.unix_timestamp() {
                return Err(AlertError::Expired);
            }
            let version = publish(&txn, &row, kind, &content, (actor, &by.name), publisher).await?;
            tell_other_tiers(&txn, &version, &content, publisher).await?;
            update.last_version_id = Set(Some(version.id));
            update.last_msg_type = Set(Some(kind.cap().into()));
            update.last_status = Set(Some(content.status.cap().into()));
            update.last_level = Set(Some(content.level.key().into()));
            update.last_sent = Set(Some(version.sent));
            update.last_expires = Set(Some(version.expires));
            update.headline = Set(content.zh.headline.clone());
            update.work_kind = Set(None);
            update.work_stage = Set(None);
            update.work_author = Set(None);
            update.work_author_name = Set(None);
            update.work_content = Set(None);
            published = Some(version.id);
        }
    }
    update.update(&txn).await?;
    let after = json!({ "action": action.key(), "published": published });
    by.audit(
        &txn,
        &format!("alert.{}", action.key()),
        format!("alert:{id}"),
        Some(before),
        after,
    )
    .await?;
    txn.commit().await?;
    Ok(published)
}

/// The content of the alert's last published version.
async fn last_content(
    db: &impl ConnectionTrait,
    row: &alert::Model,
) -> Result<Option<AlertContent>, DbErr> {
    let Some(id) = row.last_version_id else {
        return Ok(None);
    };
    Ok(alert_version::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|v| from_json(&v.content)))
}

/// Writes the next version of `row`, referencing every earlier one.
async fn publish(
    db: &impl ConnectionTrait,
    row: &alert::Model,
    kind: MsgType,
    content: &AlertContent,
    (approver, approver_name): (Uuid, &str),
    publisher: &Publisher,
) -> Result<alert_version::Model, AlertError> {
    let earlier = alert_version::Entity::find()
        .filter(alert_version::Column::AlertId.eq(row.id))
        .order_by_asc(alert_version::Column::Seq)
        .all(db)
        .await?;
    let references: Vec<String> = earlier
        .iter()
        .map(|v| reference(&publisher.envelope(v)))
        .collect();
    let seq = earlier.last().map_or(1, |v| v.seq + 1);
    let version = alert_version::ActiveModel {
        id: Set(Uuid::now_v7()),
        alert_id: Set(row.id),
        seq: Set(seq),
        msg_type: Set(kind.cap().into()),
        status: Set(content.status.cap().into()),
        level: Set(content.level.key().into()),
        // CAP times are to the second.
        sent: Set(at(OffsetDateTime::now_utc().unix_timestamp())),
        expires: Set(at(content.expires)),
        region_code: Set(content.region_code()),
        event: Set(content.zh.event.clone()),
        headline: Set(content.zh.headline.clone()),
        content: Set(to_json(content)),
        references: Set(references.join(" ")),
        author_id: Set(row.work_author.unwrap_or(row.created_by)),
        author_name: Set(row.work_author_name.clone().unwrap_or_default()),
        approver_id: Set(approver),
        approver_name: Set(approver_name.to_string()),
        demo: Set(row.demo),
        origin_node: Set(None),
        origin_name: Set(None),
    }
    .insert(db)
    .await?;
    Ok(version)
}

/// Queues a real (`Actual`) published version for the tiers above and below, in the publishing
/// transaction; each keeps a copy if the alert's area concerns it.
async fn tell_other_tiers(
    db: &impl ConnectionTrait,
    v: &alert_version::Model,
    content: &AlertContent,
    publisher: &Publisher,
) -> Result<(), DbErr> {
    if content.status != Status::Actual {
        return Ok(());
    }
    let envelope = publisher.envelope(v);
    let payload = Payload::Alert(Box::new(AlertPublication {
        alert: v.alert_id,
        version: v.id,
        seq: v.seq,
        msg_type: envelope.msg_type,
        status: content.status,
        sent: envelope.sent,
        references: envelope.references,
        author: v.author_name.clone(),
        approver: v.approver_name.clone(),
        content: content.clone(),
        demo: v.demo,
    }));
    let now = v.sent.unix_timestamp();
    let mut scopes = vec![Scope::Down { nodes: vec![] }];
    if publisher.has_parent_tier {
        scopes.push(Scope::Up);
    }
    for scope in scopes {
        outbox::send(db, &publisher.node_id, scope, None, &payload, None, now).await?;
    }
    Ok(())
}

/// Keeps a copy of another tier's published version, inside the receiver's transaction, if
/// its area concerns this node (`region`); a version already held changes nothing. Copies are
/// filed under `unit` and keep their origin (id, name).
pub async fn apply_copy(
    db: &impl ConnectionTrait,
    p: &AlertPublication,
    (origin_node, origin_name): (&str, &str),
    region: &str,
    unit: Uuid,
) -> Result<bool, DbErr> {
    let region_code = p.content.region_code();
    if !concerns(region, &region_code) {
        return Ok(false);
    }
    if alert_version::Entity::find_by_id(p.version)
        .one(db)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let existing = alert::Entity::find_by_id(p.alert).one(db).await?;
    if existing
        .as_ref()
        .is_some_and(|a| a.origin_node.as_deref() != Some(origin_node))
    {
        // An id this node already holds from elsewhere (or its own): never overwritten.
        return Ok(false);
    }
    let sent = at(p.sent);
    let version = alert_version::ActiveModel {
        id: Set(p.version),
        alert_id: Set(p.alert),
        seq: Set(p.seq),
        msg_type: Set(p.msg_type.cap().into()),
        status: Set(p.status.cap().into()),
        level: Set(p.content.level.key().into()),
        sent: Set(sent),
        expires: Set(at(p.content.expires)),
        region_code: Set(region_code.clone()),
        event: Set(p.content.zh.event.clone()),
        headline: Set(p.content.zh.headline.clone()),
        content: Set(to_json(&p.content)),
        references: Set(p.references.join(" ")),
        author_id: Set(Uuid::nil()),
        author_name: Set(p.author.clone()),
        approver_id: Set(Uuid::nil()),
        approver_name: Set(p.approver.clone()),
        demo: Set(p.demo),
        origin_node: Set(Some(origin_node.into())),
        origin_name: Set(Some(origin_name.into())),
    }
    .insert(db)
    .await?;
    let newest = match &existing {
        None => true,
        Some(a) => {
            let last_seq = match a.last_version_id {
                Some(id) => alert_version::Entity::find_by_id(id)
                    .one(db)
                    .await?
                    .map_or(0, |v| v.seq),
                None => 0,
            };
            p.seq > last_seq
        }
    };
    let old_revision = existing.as_ref().map(|a| a.revision);
    let mut row = match existing {
        Some(a) => a.into(),
        None => alert::ActiveModel {
            id: Set(p.alert),
            unit_id: Set(unit),
            region_code: Set(region_code),
            work_kind: Set(None),
            work_stage: Set(None),
            work_author: Set(None),
            work_author_name: Set(None),
            work_content: Set(None),
            last_version_id: Set(None),
            last_msg_type: Set(None),
            last_status: Set(None),
            last_level: Set(None),
            last_sent: Set(None),
            last_expires: Set(None),
            headline: Set(String::new()),
            created_by: Set(Uuid::nil()),
            created_at: Set(sent),
            updated_at: Set(sent),
            revision: Set(0),
            demo: Set(p.demo),
            origin_node: Set(Some(origin_node.into())),
            origin_name: Set(Some(origin_name.into())),
        },
    };
    if newest {
        row.last_version_id = Set(Some(version.id));
        row.last_msg_type = Set(Some(version.msg_type.clone()));
        row.last_status = Set(Some(version.status.clone()));
        row.last_level = Set(Some(version.level.clone()));
        row.last_sent = Set(Some(sent));
        row.last_expires = Set(Some(version.expires));
        row.headline = Set(version.headline.clone());
        row.updated_at = Set(sent);
    }
    match old_revision {
        Some(revision) => {
            row.revision = Set(revision + 1);
            row.update(db).await?;
        }
        None => {
            row.insert(db).await?;
        }
    }
    Ok(true)
}

/// The alerts within a region prefix, most recently changed first.
pub async fn list(
    db: &DatabaseConnection,
    prefix: &str,
    now: i64,
) -> Result<Vec<AlertSummary>, DbErr> {
    let rows = alert::Entity::find()
        .filter(alert::Column::RegionCode.starts_with(prefix))
        .order_by_desc(alert::Column::UpdatedAt)
        .limit(LIST_LIMIT)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|m| {
            let thread = thread_of(&m);
            let expires = m.last_expires.map(|e| e.unix_timestamp());
            let level = m
                .last_level
                .as_deref()
                .and_then(WarningLevel::parse)
                .or_else(|| work_content(&m).map(|c| c.level));
            AlertSummary {
                id: m.id,
                headline: m.headline,
                level,
                status: AlertStatus::of(&thread, expires, now),
                thread,
                region_code: m.region_code,
                updated_at: m.updated_at.unix_timestamp(),
                demo: m.demo,
                origin: m.origin_name,
            }
        })
        .collect())
}

/// The alert row, for jurisdiction checks before anything else is read.
pub async fn find(db: &DatabaseConnection, id: Uuid) -> Result<Option<alert::Model>, DbErr> {
    alert::Entity::find_by_id(id).one(db).await
}

/// An alert as the console shows it to `reader`.
pub async fn detail(
    db: &DatabaseConnection,
    row: alert::Model,
    reader: Uuid,
    now: i64,
) -> Result<AlertDetail, DbErr> {
    let versions = alert_version::Entity::find()
        .filter(alert_version::Column::AlertId.eq(row.id))
        .order_by_desc(alert_version::Column::Seq)
        .all(db)
        .await?;
    let thread = thread_of(&row);
    let expires = row.last_expires.map(|e| e.unix_timestamp());
    Ok(AlertDetail {
        id: row.id,
        status: AlertStatus::of(&thread, expires, now),
        // A copy is read here, acted on only where it was published.
        actions: if row.origin_name.is_some() {
            Vec::new()
        } else {
            thread.actions(reader)
        },
        origin: row.origin_name.clone(),
        thread,
        work: work_content(&row),
        work_author: row.work_author_name,
        versions: versions.into_iter().filter_map(to_version).collect(),
        revision: row.revision,
        demo: row.demo,
    })
}

// ---- the public portal: real (`Actual`) alerts only ----

fn actual() -> sea_orm::Condition {
    sea_orm::Condition::all().add(alert_version::Column::Status.eq(Status::Actual.cap()))
}

/// The alerts in force at `now`: the last version of each, not cancelled and not expired,
/// most severe and then newest first.
pub async fn active(db: &DatabaseConnection, now: i64) -> Result<Vec<PublishedVersion>, DbErr> {
    let rows = alert::Entity::find()
        .filter(alert::Column::LastStatus.eq(Status::Actual.cap()))
        .filter(alert::Column::LastMsgType.ne(MsgType::Cancel.cap()))
        .filter(alert::Column::LastExpires.gt(at(now)))
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().filter_map(|r| r.last_version_id).collect();
    let mut versions: Vec<PublishedVersion> = alert_version::Entity::find()
        .filter(alert_version::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_version)
        .collect();
    versions.sort_by_key(|v| (v.content.level.rank(), -v.sent));
    Ok(versions)
}

/// Every public version of one alert, newest first (empty when there is none).
pub async fn public_versions(
    db: &DatabaseConnection,
    alert_id: Uuid,
) -> Result<Vec<PublishedVersion>, DbErr> {
    Ok(alert_version::Entity::find()
        .filter(actual())
        .filter(alert_version::Column::AlertId.eq(alert_id))
        .order_by_desc(alert_version::Column::Seq)
        .all(db)
        .await?
        .into_iter()
        .filter_map(to_version)
        .collect())
}

/// One public version as stored, for its CAP document.
pub async fn public_version(
    db: &DatabaseConnection,
    id: Uuid,
) -> Result<Option<alert_version::Model>, DbErr> {
    alert_version::Entity::find_by_id(id)
        .filter(actual())
        .one(db)
        .await
}

/// The newest public versions, for the feed.
pub async fn latest(
    db: &DatabaseConnection,
    limit: u64,
) -> Result<Vec<alert_version::Model>, DbErr> {
    alert_version::Entity::find()
        .filter(actual())
        .order_by_desc(alert_version::Column::Sent)
        .limit(limit)
        .all(db)
        .await
}

/// What the archive is searched for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArchiveQuery {
    pub text: String,
    pub level: Option<WarningLevel>,
    /// A region prefix (`14` a province, `1401` a city).
    pub region: String,
    pub page: u64,
}

/// One page of public versions matching `q`, newest first, and how many match in all.
pub async fn archive(
    db: &DatabaseConnection,
    q: &ArchiveQuery,
) -> Result<(Vec<PublishedVersion>, u64), DbErr> {
    let mut find = alert_version::Entity::find().filter(actual());
    if !q.text.is_empty() {
        find = find.filter(
            sea_orm::Condition::any()
                .add(alert_version::Column::Headline.contains(&q.text))
                .add(alert_version::Column::Event.contains(&q.text)),
        );
    }
    if let Some(level) = q.level {
        find = find.filter(alert_version::Column::Level.eq(level.key()));
    }
    if !q.region.is_empty() {
        find = find.filter(alert_version::Column::RegionCode.starts_with(&q.region));
    }
    let total = find.clone().count(db).await?;
    let rows = find
        .order_by_desc(alert_version::Column::Sent)
        .offset(q.page * ARCHIVE_PAGE)
        .limit(ARCHIVE_PAGE)
        .all(db)
        .await?;
    Ok((rows.into_iter().filter_map(to_version).collect(), total))
}

/// When the public pages last changed at `now`: the newest version, or the latest expiry that
/// has passed (an expiry changes the list of warnings in force), for `Last-Modified`.
pub async fn last_change(db: &DatabaseConnection, now: i64) -> Result<Option<i64>, DbErr> {
    let sent = alert_version::Entity::find()
        .filter(actual())
        .order_by_desc(alert_version::Column::Sent)
        .one(db)
        .await?
        .map(|v| v.sent.unix_timestamp());
    let expired = alert::Entity::find()
        .filter(alert::Column::LastStatus.eq(Status::Actual.cap()))
        .filter(alert::Column::LastExpires.lte(at(now)))
        .order_by_desc(alert::Column::LastExpires)
        .one(db)
        .await?
        .and_then(|a| a.last_expires)
        .map(|e| e.unix_timestamp());
    Ok(sent.max(expired))
}

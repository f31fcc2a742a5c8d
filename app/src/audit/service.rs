//! ssr: appending to the audit chain and verifying it.

use sea_orm::prelude::TimeDateTimeWithTimeZone;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder,
};
use uuid::Uuid;

use super::chain::{GENESIS, Link, link_hash};
use super::entity::{head, log};
use super::model::*;

/// The single row of `audit_head`.
const HEAD_ID: i32 = 1;
/// Records read per page while verifying.
const PAGE: u64 = 1000;

/// Appends one record. Call it inside the transaction of the change it records, so the change
/// and its audit record commit (or roll back) together.
pub async fn append(
    db: &impl ConnectionTrait,
    node: &str,
    entry: NewAuditEntry,
) -> Result<i64, DbErr> {
    // Taking the head first locks it (PostgreSQL row lock; SQLite has one writer): appends are
    // serialised and the chain never forks.
    let locked = head::Entity::update_many()
        .col_expr(head::Column::Seq, Expr::col(head::Column::Seq).add(1))
        .filter(head::Column::Id.eq(HEAD_ID))
        .exec(db)
        .await?;
    if locked.rows_affected != 1 {
        return Err(DbErr::RecordNotFound("audit_head".into()));
    }
    let current = head::Entity::find_by_id(HEAD_ID)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("audit_head".into()))?;
    let seq = current.seq;
    let prev_hash = if seq == 1 {
        GENESIS.to_string()
    } else {
        current.hash.clone()
    };

    let id = Uuid::now_v7();
    let at = now_micros();
    let diff = field_diff(entry.before.as_ref(), entry.after.as_ref()).to_string();
    let actor = entry.actor.key();
    let id_text = id.to_string();
    let hash = link_hash(
        &prev_hash,
        &Link {
            seq,
            id: &id_text,
            at_us: micros(at),
            node,
            actor: &actor,
            action: &entry.action,
            target: &entry.target,
            diff: &diff,
        },
    );
    log::Entity::insert(log::ActiveModel {
        seq: Set(seq),
        id: Set(id),
        at: Set(at),
        node: Set(node.to_string()),
        actor: Set(actor),
        action: Set(entry.action),
        target: Set(entry.target),
        diff: Set(diff),
        prev_hash: Set(prev_hash),
        hash: Set(hash.clone()),
    })
    .exec_without_returning(db)
    .await?;
    head::Entity::update(head::ActiveModel {
        id: Set(HEAD_ID),
        seq: Set(seq),
        hash: Set(hash),
    })
    .exec(db)
    .await?;
    Ok(seq)
}

/// Walks the whole chain and names the first record that fails.
pub async fn verify(db: &DatabaseConnection) -> Result<Verification, DbErr> {
    let mut expected_seq = 1;
    let mut prev_hash = GENESIS.to_string();
    let mut pages = log::Entity::find()
        .order_by_asc(log::Column::Seq)
        .paginate(db, PAGE);
    while let Some(rows) = pages.fetch_and_next().await? {
        for row in rows {
            let broken = |kind| {
                Verification::Broken(ChainBreak {
                    seq: row.seq,
                    id: Some(row.id),
                    kind,
                })
            };
            if row.seq != expected_seq {
                return Ok(broken(BreakKind::Gap));
            }
            if row.prev_hash != prev_hash {
                return Ok(broken(BreakKind::LinkBroken));
            }
            let id = row.id.to_string();
            let recomputed = link_hash(
                &prev_hash,
                &Link {
                    seq: row.seq,
                    id: &id,
                    at_us: micros(row.at),
                    node: &row.node,
                    actor: &row.actor,
                    action: &row.action,
                    target: &row.target,
                    diff: &row.diff,
                },
            );
            if recomputed != row.hash {
                return Ok(broken(BreakKind::ContentChanged));
            }
            prev_hash = row.hash;
            expected_seq += 1;
        }
    }
    let records = expected_seq - 1;
    let head = head::Entity::find_by_id(HEAD_ID).one(db).await?;
    let head_ok = head.is_some_and(|h| h.seq == records && (records == 0 || h.hash == prev_hash));
    if !head_ok {
        return Ok(Verification::Broken(ChainBreak {
            seq: records + 1,
            id: None,
            kind: BreakKind::HeadMismatch,
        }));
    }
    Ok(Verification::Intact { records })
}

/// Records per page when browsing.
pub const BROWSE_PAGE: u64 = 100;

/// Records matching `query`, newest first, one page at a time. Actor labels are left to the
/// caller, which knows the users.
pub async fn browse(db: &DatabaseConnection, query: &AuditQuery) -> Result<AuditPage, DbErr> {
    use sea_orm::QuerySelect;
    let mut select = log::Entity::find().order_by_desc(log::Column::Seq);
    if let Some(action) = query.action.as_deref().filter(|a| !a.is_empty()) {
        select = select.filter(like(
            log::Column::Action,
            &format!("{}%", escape_like(action)),
        ));
    }
    if let Some(actors) = &query.actors {
        select = select.filter(log::Column::Actor.is_in(actors.iter().map(String::as_str)));
    }
    if let Some(target) = query.target.as_deref().filter(|t| !t.is_empty()) {
        select = select.filter(like(
            log::Column::Target,
            &format!("%{}%", escape_like(target)),
        ));
    }
    let at = |unix: i64| TimeDateTimeWithTimeZone::from_unix_timestamp(unix).ok();
    if let Some(from) = query.from.and_then(at) {
        select = select.filter(log::Column::At.gte(from));
    }
    if let Some(until) = query.until.and_then(at) {
        select = select.filter(log::Column::At.lt(until));
    }
    if let Some(seq) = query.older_than {
        select = select.filter(log::Column::Seq.lt(seq));
    }
    // One more than a page tells whether an older page exists.
    let mut rows = select.limit(BROWSE_PAGE + 1).all(db).await?;
    let more = rows.len() as u64 > BROWSE_PAGE;
    rows.truncate(BROWSE_PAGE as usize);
    let older_than = more.then(|| rows.last().map(|r| r.seq)).flatten();
    let entries = rows
        .into_iter()
        .map(|row| AuditEntryView {
            seq: row.seq,
            at: row.at.unix_timestamp(),
            node: row.node,
            actor_label: row.actor.clone(),
            actor: row.actor,
            action: row.action,
            target: row.target,
            diff: serde_json::from_str(&row.diff).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    Ok(AuditPage {
        entries,
        older_than,
    })
}

fn like(column: log::Column, pattern: &str) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::LikeExpr;
    Expr::col(column).like(LikeExpr::new(pattern).escape('\\'))
}

/// The text as a literal inside a LIKE pattern: a `%` typed by a reader matches a `%`.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Now, truncated to the microseconds both databases store, so the hash survives a round trip.
fn now_micros() -> TimeDateTimeWithTimeZone {
    let now = TimeDateTimeWithTimeZone::now_utc();
    now.replace_nanosecond(now.nanosecond() / 1000 * 1000)
        .unwrap_or(now)
}

fn micros(at: TimeDateTimeWithTimeZone) -> i64 {
    i64::try_from(at.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

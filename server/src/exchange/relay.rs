//! The outbox relay: sends committed messages to this node's JetStream in the order they were
//! written, signing our own, until JetStream acknowledges each. A failure stops the batch (so
//! nothing overtakes) and is retried with backoff; the rows wait in the database meanwhile.

use std::sync::Arc;
use std::time::Duration;

use app::exchange::entity::outbox;
use app::exchange::outbox::{LOCAL, PENDING, SENT};
use app::incidents::tier_above;
use app::site::{NodeIdentity, NodeTier};
use async_nats::jetstream;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait},
};
use uuid::Uuid;

use super::keys::NodeKey;
use super::streams::{down_subject, up_subject};

/// Header carrying the author's signature over the body.
pub const SIGNATURE: &str = "Yingji-Signature";
const BATCH: u64 = 256;

pub struct Relay {
    pub db: DatabaseConnection,
    pub js: jetstream::Context,
    pub me: NodeIdentity,
    pub key: Arc<NodeKey>,
    pub board: app::exchange::LinkBoard,
    pub wake: Arc<tokio::sync::Notify>,
}

/// What to do with a pending row.
enum Plan {
    Send {
        subject: String,
        signature: String,
    },
    /// Our own report that no tier above this node needs (its grade stops here).
    Local,
}

impl Relay {
    fn plan(&self, row: &outbox::Model) -> Plan {
        let reach: Option<NodeTier> = row.reach.as_deref().and_then(|r| r.parse().ok());
        if row.direction == "up" && reach.is_some_and(|r| !tier_above(r, self.me.tier)) {
            return Plan::Local;
        }
        let subject = if row.direction == "up" {
            up_subject(&self.me.id)
        } else {
            down_subject(&self.me.id)
        };
        let signature = row
            .signature
            .clone()
            .unwrap_or_else(|| self.key.sign(row.body.as_bytes()));
        Plan::Send { subject, signature }
    }

    /// Sends one batch; the number of rows it settled.
    async fn batch(&self) -> Result<usize, async_nats::Error> {
        let rows = outbox::Entity::find()
            .filter(outbox::Column::State.eq(PENDING))
            .order_by_asc(outbox::Column::Id)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        if rows.is_empty() {
            return Ok(0);
        }
        let mut local = Vec::new();
        let mut acks = Vec::new();
        for row in &rows {
            match self.plan(row) {
                Plan::Local => local.push(row.id),
                Plan::Send { subject, signature } => {
                    let mut headers = async_nats::HeaderMap::new();
                    headers.insert(
                        async_nats::header::NATS_MESSAGE_ID,
                        row.id.to_string().as_str(),
                    );
                    headers.insert(SIGNATURE, signature.as_str());
                    let body = row.body.clone().into_bytes().into();
                    // Publishing in order on one connection keeps the stream in outbox order;
                    // the acknowledgements are awaited after.
                    match self.js.publish_with_headers(subject, headers, body).await {
                        Ok(ack) => acks.push((row.id, ack)),
                        Err(err) => {
                            self.failed(row.id, &err.to_string()).await;
                            break;
                        }
                    }
                }
            }
        }
        mark(&self.db, &local, LOCAL).await?;
        let mut sent = Vec::new();
        let mut error = None;
        for (id, ack) in acks {
            match ack.await {
                Ok(_) => sent.push(id),
                Err(err) => {
                    self.failed(id, &err.to_string()).await;
                    error = Some(err);
                    break;
                }
            }
        }
        mark(&self.db, &sent, SENT).await?;
        match error {
            Some(err) => Err(err.into()),
            None => Ok(local.len() + sent.len()),
        }
    }

    async fn failed(&self, id: Uuid, error: &str) {
        let update = outbox::Entity::update_many()
            .col_expr(
                outbox::Column::Attempts,
                Expr::col(outbox::Column::Attempts).add(1),
            )
            .col_expr(outbox::Column::LastError, Expr::value(error))
            .filter(outbox::Column::Id.eq(id))
            .exec(&self.db)
            .await;
        if let Err(err) = update {
            tracing::error!(%err, "outbox error not recorded");
        }
    }

    /// Runs until the process ends.
    pub async fn run(self) {
        let mut backoff = Duration::from_millis(200);
        loop {
            match self.batch().await {
                Ok(settled) => {
                    backoff = Duration::from_millis(200);
                    self.board.update(|s| s.error = None);
                    if settled == 0 {
                        // Woken by the receivers; our own writes are picked up within 100 ms.
                        let idle = tokio::time::sleep(Duration::from_millis(100));
                        tokio::select! {
                            _ = self.wake.notified() => {}
                            _ = idle => {}
                        }
                    }
                }
                Err(err) => {
                    tracing::warn!(%err, "exchange relay: retrying");
                    self.board.update(|s| s.error = Some(err.to_string()));
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_secs(5));
                }
            }
        }
    }
}

async fn mark(db: &DatabaseConnection, ids: &[Uuid], state: &str) -> Result<(), sea_orm::DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    let now = app::incidents::service::to_time(app::ui::time::now_unix());
    for chunk in ids.chunks(500) {
        let mut update = outbox::Entity::update_many()
            .col_expr(outbox::Column::State, Expr::value(state))
            .filter(outbox::Column::Id.is_in(chunk.iter().copied()));
        if state == SENT {
            update = update.col_expr(outbox::Column::SentAt, Expr::value(Some(now)));
        }
        update.exec(db).await?;
    }
    Ok(())
}

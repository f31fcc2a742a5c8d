//! Receiving: one task per inbound stream takes messages in stream order, checks the author's
//! signature against the registered key, applies the message in one transaction and only then
//! acknowledges it. A database failure retries the same message, so nothing overtakes it.

use std::sync::Arc;
use std::time::Duration;

use app::exchange::Envelope;
use app::exchange::receive::{Outcome, REJECTED, Received, accept, record};
use app::live::Bus;
use app::site::NodeIdentity;
use async_nats::jetstream;
use futures_util::StreamExt;
use sea_orm::DatabaseConnection;
use tokio::sync::Notify;

use super::keys::verify;
use super::relay::SIGNATURE;

pub struct Inbound {
    pub db: DatabaseConnection,
    pub bus: Bus,
    pub me: NodeIdentity,
    /// Wakes the relay: what was just applied may have queued receipts and messages to pass on.
    pub wake: Arc<Notify>,
    pub stats: Arc<super::Counters>,
    /// A report may attach (or withdraw) cameras of its scene: they are pulled through its origin.
    pub media: app::video::MediaLink,
}

impl Inbound {
    /// Checks and applies one message; `Err` only when the database failed (retry it).
    pub async fn take(
        &self,
        body: &[u8],
        signature: Option<&str>,
    ) -> Result<Outcome, sea_orm::DbErr> {
        let now = app::ui::time::now_unix();
        let text = String::from_utf8_lossy(body).into_owned();
        let signature = signature.unwrap_or_default();
        let envelope = match Envelope::from_bytes(body) {
            Ok(envelope) => envelope,
            Err(err) => {
                return self
                    .refused("?", None, (&text, signature), &err.to_string(), now)
                    .await;
            }
        };
        let sender = envelope.sender.clone();
        let sender = sender.as_str();
        let Some(peer) = app::exchange::service::peer(&self.db, sender).await? else {
            let reason = format!("unknown node `{sender}`: not registered here");
            return self
                .refused(sender, Some(&envelope), (&text, signature), &reason, now)
                .await;
        };
        if signature.is_empty() {
            return self
                .refused(sender, Some(&envelope), (&text, signature), "unsigned", now)
                .await;
        }
        if !verify(&peer.public_key, body, signature) {
            let reason = "signature does not match the registered key";
            return self
                .refused(sender, Some(&envelope), (&text, signature), reason, now)
                .await;
        }
        let received = Received {
            envelope,
            body: text,
            signature: signature.to_string(),
        };
        match accept(&self.db, &self.bus, &self.me, &peer, &received, now).await {
            Ok(outcome) => {
                match &outcome {
                    Outcome::Applied => {
                        self.stats.applied();
                        if received.envelope.kind == app::exchange::Kind::Report.key() {
                            let media = self.media.0.as_ref();
                            if let Err(err) =
                                app::cameras::service::reconcile(&self.db, media).await
                            {
                                tracing::error!(%err, "relayed cameras not brought up to date");
                            }
                        }
                    }
                    Outcome::Deferred(reason) | Outcome::Rejected(reason) => {
                        tracing::warn!(%sender, %reason, "exchange message not applied")
                    }
                    Outcome::Duplicate => {}
                }
                Ok(outcome)
            }
            Err(app::exchange::receive::ReceiveError::Db(err)) => Err(err),
            Err(other) => {
                // A message this node cannot apply at all (e.g. no unit to file copies under):
                // kept as refused with the reason rather than retried forever.
                let reason = other.to_string();
                let signed = (received.body.as_str(), received.signature.as_str());
                let e = Some(&received.envelope);
                self.refused(sender, e, signed, &reason, now).await
            }
        }
    }

    async fn refused(
        &self,
        sender: &str,
        envelope: Option<&Envelope>,
        signed: (&str, &str),
        reason: &str,
        now: i64,
    ) -> Result<Outcome, sea_orm::DbErr> {
        tracing::warn!(%sender, %reason, "exchange message refused");
        record(&self.db, sender, envelope, signed, (REJECTED, reason), now).await?;
        Ok(Outcome::Rejected(reason.to_string()))
    }

    /// Consumes `stream` until the process ends, re-attaching after transport errors.
    pub async fn run(self: Arc<Self>, js: jetstream::Context, stream: &'static str) {
        loop {
            if let Err(err) = self.consume(&js, stream).await {
                tracing::warn!(%err, stream, "exchange consumer: re-attaching");
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn consume(
        &self,
        js: &jetstream::Context,
        stream: &str,
    ) -> Result<(), async_nats::Error> {
        let consumer = super::streams::consumer(js, stream).await?;
        let mut messages = consumer.messages().await?;
        while let Some(message) = messages.next().await {
            let message = message?;
            let signature = message
                .headers
                .as_ref()
                .and_then(|h| h.get(SIGNATURE))
                .map(|v| v.as_str().to_string());
            let mut delay = Duration::from_millis(100);
            loop {
                match self.take(&message.payload, signature.as_deref()).await {
                    Ok(_) => break,
                    Err(err) => {
                        tracing::error!(%err, "exchange message not stored; retrying");
                        tokio::time::sleep(delay).await;
                        delay = (delay * 2).min(Duration::from_secs(10));
                    }
                }
            }
            message.ack().await?;
            self.wake.notify_one();
        }
        Ok(())
    }
}

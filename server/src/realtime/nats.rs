//! `--nats-url`: the server processes of one node share the live bus through NATS. Each
//! process publishes its committed changes to the node's subject, in order, through one task;
//! each delivers everything on that subject (its own included) to its tabs — so an event
//! reaches every tab of the node exactly once, whichever process serves the tab.

use std::sync::Arc;

use app::live::{Audience, Bus, Relay, RelayedEvent};
use futures_util::StreamExt;
use tokio::sync::mpsc;

#[derive(Debug)]
struct NatsRelay {
    outbox: mpsc::UnboundedSender<RelayedEvent>,
}

impl Relay for NatsRelay {
    fn send(&self, event: RelayedEvent) {
        if self.outbox.send(event).is_err() {
            tracing::error!("the NATS publisher has stopped; a live event was not sent");
        }
    }
}

/// The subject a node's processes share.
pub fn subject(node: &str) -> String {
    format!("yingji.{node}.live")
}

/// Connects `bus` to the node's subject on the NATS server at `url`.
pub async fn connect(
    url: &str,
    node: &str,
    bus: &Bus,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let client = async_nats::connect(url).await?;
    let subject = subject(node);
    let mut incoming = client.subscribe(subject.clone()).await?;
    let delivering = bus.clone();
    tokio::spawn(async move {
        while let Some(message) = incoming.next().await {
            match serde_json::from_slice::<RelayedEvent>(&message.payload) {
                Ok(event) => {
                    let audience = Audience {
                        region: event.region,
                        shared_with: event.shared_with,
                    };
                    delivering.deliver(audience, event.json);
                }
                Err(err) => tracing::warn!(%err, "unreadable live event from NATS"),
            }
        }
        tracing::error!("the NATS subscription ended: live events from other processes stop");
    });
    let (outbox, mut pending) = mpsc::unbounded_channel::<RelayedEvent>();
    tokio::spawn(async move {
        // One task, so events leave in the order they were committed.
        while let Some(event) = pending.recv().await {
            let payload = match serde_json::to_vec(&event) {
                Ok(payload) => payload,
                Err(err) => {
                    tracing::error!(%err, "live event does not serialise");
                    continue;
                }
            };
            if let Err(err) = client.publish(subject.clone(), payload.into()).await {
                tracing::error!(%err, "live event not sent to NATS");
            }
        }
    });
    bus.set_relay(Arc::new(NatsRelay { outbox }));
    Ok(())
}

//! 互联互通 over NATS JetStream: this node's streams, the outbox relay and the receivers. The
//! node runs alone when no NATS server or no node key is configured; its outbox then keeps
//! what it owes upward until the exchange is set up.

pub mod commands;
pub mod inbound;
pub mod keys;
pub mod relay;
pub mod streams;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use app::exchange::{LinkState, Relation};
use app::state::AppState;
use async_nats::jetstream;
use tokio::sync::Notify;

use crate::config::Config;
use keys::NodeKey;

/// Counts kept for benchmarks and logs.
#[derive(Debug, Default)]
pub struct Counters {
    applied: AtomicU64,
}

impl Counters {
    pub fn applied(&self) {
        self.applied.fetch_add(1, Ordering::Relaxed);
    }

    pub fn applied_total(&self) -> u64 {
        self.applied.load(Ordering::Relaxed)
    }
}

/// A running exchange.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub counters: Arc<Counters>,
}

/// Starts the exchange if this node is configured for it; `None` when it runs alone.
pub async fn start(state: &AppState, config: &Config) -> Result<Option<Exchange>, keys::KeyError> {
    let board = state.exchange.clone();
    let Some(url) = config.nats_url.clone() else {
        board.set(LinkState::default());
        return Ok(None);
    };
    if !config.node_key.exists() {
        tracing::warn!(
            path = %config.node_key.display(),
            "no node key: the tier exchange is off (create one with `yingji exchange keygen`)"
        );
        board.set(LinkState::default());
        return Ok(None);
    }
    let key = Arc::new(NodeKey::load(&config.node_key)?);
    board.set(LinkState {
        configured: true,
        ..LinkState::default()
    });
    // The node starts whether or not its nats-server is up; the client keeps trying.
    let client = match async_nats::ConnectOptions::new()
        .retry_on_initial_connect()
        .connect(url.as_str())
        .await
    {
        Ok(client) => client,
        Err(err) => {
            board.update(|s| s.error = Some(err.to_string()));
            tracing::error!(%err, %url, "the tier exchange cannot reach NATS");
            return Ok(None);
        }
    };
    let js = jetstream::new(client.clone());
    let counters = Arc::new(Counters::default());
    let wake = Arc::new(Notify::new());
    tokio::spawn(watch_connection(client, board.clone()));
    let relay = relay::Relay {
        db: state.db.clone(),
        js: js.clone(),
        me: state.site.node.clone(),
        key,
        board: board.clone(),
        wake: wake.clone(),
    };
    let inbound = Arc::new(inbound::Inbound {
        db: state.db.clone(),
        bus: state.bus.clone(),
        me: state.site.node.clone(),
        wake: wake.clone(),
        stats: counters.clone(),
        media: state.media.clone(),
    });
    tokio::spawn(keep_streams(state.clone(), js, inbound, relay));
    Ok(Some(Exchange { counters }))
}

async fn watch_connection(client: async_nats::Client, board: app::exchange::LinkBoard) {
    loop {
        let connected = client.connection_state() == async_nats::connection::State::Connected;
        board.update(|s| s.connected = connected);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Sets up the streams (again whenever a node is registered), then keeps one receiver per
/// inbound stream and the relay running.
async fn keep_streams(
    state: AppState,
    js: jetstream::Context,
    inbound: Arc<inbound::Inbound>,
    relay: relay::Relay,
) {
    let me = state.site.node.id.clone();
    let mut relay = Some(relay);
    let (mut children_seen, mut parent_seen) = (None::<Vec<String>>, None::<String>);
    loop {
        let result: Result<(), async_nats::Error> = async {
            streams::ensure(&js, streams::up(&me)).await?;
            streams::ensure(&js, streams::down(&me)).await?;
            if let Some(relay) = relay.take() {
                tokio::spawn(relay.run());
            }
            let peers = app::exchange::service::peers(&state.db).await?;
            let related = |r: Relation| {
                peers
                    .iter()
                    .filter(move |p| p.relation == r.key())
                    .map(|p| p.node_id.clone())
            };
            let children: Vec<String> = related(Relation::Child).collect();
            if !children.is_empty() && children_seen.as_ref() != Some(&children) {
                streams::ensure(&js, streams::from_children(&children)).await?;
                if children_seen.is_none() {
                    tokio::spawn(inbound.clone().run(js.clone(), streams::FROM_CHILDREN));
                }
                children_seen = Some(children);
            }
            if let Some(parent) = related(Relation::Parent).next()
                && parent_seen.is_none()
            {
                streams::ensure(&js, streams::from_parent(&parent)).await?;
                tokio::spawn(inbound.clone().run(js.clone(), streams::FROM_PARENT));
                parent_seen = Some(parent);
            }
            Ok(())
        }
        .await;
        if let Err(err) = result {
            tracing::warn!(%err, "exchange streams not ready; retrying");
            state.exchange.update(|s| s.error = Some(err.to_string()));
        }
        tokio::time::sleep(Duration::from_secs(5)).await;
    }
}

//! The JetStream layout of one node. Each node runs its own nats-server with its own JetStream
//! domain (named after the node id) and a leaf-node link to its parent's server:
//! - `UP`: what this node sends up (subject `yingji.<node>.up`);
//! - `DOWN`: what it sends down (subject `yingji.<node>.down`);
//! - `FROM_CHILDREN`: sources every child's `UP` from the child's domain;
//! - `FROM_PARENT`: mirrors the parent's `DOWN` from the parent's domain.
//!
//! Sources and mirrors are JetStream's own catch-up machinery: a link that is down for hours
//! resumes from the last sequence it copied, so nothing is lost and nothing copied twice.

use std::time::Duration;

use async_nats::jetstream::{self, stream};

pub const UP: &str = "UP";
pub const DOWN: &str = "DOWN";
pub const FROM_CHILDREN: &str = "FROM_CHILDREN";
pub const FROM_PARENT: &str = "FROM_PARENT";
/// The durable consumer through which this node applies what it receives.
pub const CONSUMER: &str = "apply";

pub fn up_subject(node: &str) -> String {
    format!("yingji.{node}.up")
}

pub fn down_subject(node: &str) -> String {
    format!("yingji.{node}.down")
}

/// Where another node's JetStream answers: its domain's API prefix.
fn in_domain(node: &str, stream: &str) -> stream::Source {
    stream::Source {
        name: stream.to_string(),
        external: Some(stream::External {
            api_prefix: format!("$JS.{node}.API"),
            delivery_prefix: None,
        }),
        ..Default::default()
    }
}

fn base(name: &str) -> stream::Config {
    stream::Config {
        name: name.to_string(),
        storage: stream::StorageType::File,
        // The outbox may resend after a crash between publish and bookkeeping: JetStream
        // drops a repeat of the same message id within this window.
        duplicate_window: Duration::from_secs(600),
        ..Default::default()
    }
}

pub fn up(node: &str) -> stream::Config {
    stream::Config {
        subjects: vec![up_subject(node)],
        ..base(UP)
    }
}

pub fn down(node: &str) -> stream::Config {
    stream::Config {
        subjects: vec![down_subject(node)],
        ..base(DOWN)
    }
}

pub fn from_children(children: &[String]) -> stream::Config {
    stream::Config {
        sources: Some(children.iter().map(|c| in_domain(c, UP)).collect()),
        ..base(FROM_CHILDREN)
    }
}

pub fn from_parent(parent: &str) -> stream::Config {
    stream::Config {
        mirror: Some(in_domain(parent, DOWN)),
        ..base(FROM_PARENT)
    }
}

/// Creates the stream, or brings an existing one to `config` (a child registered since).
pub async fn ensure(
    js: &jetstream::Context,
    config: stream::Config,
) -> Result<(), async_nats::Error> {
    match js.get_stream(&config.name).await {
        Ok(mut existing) => {
            let info = existing.info().await?;
            let same = info.config.subjects == config.subjects
                && info.config.sources == config.sources
                && info.config.mirror.as_ref().map(|m| &m.name)
                    == config.mirror.as_ref().map(|m| &m.name);
            if !same {
                js.update_stream(&config).await?;
            }
        }
        Err(_) => {
            js.create_stream(config).await?;
        }
    }
    Ok(())
}

/// The durable pull consumer on `stream` that this node applies messages through.
pub async fn consumer(
    js: &jetstream::Context,
    stream: &str,
) -> Result<jetstream::consumer::PullConsumer, async_nats::Error> {
    let stream = js.get_stream(stream).await?;
    let consumer = stream
        .get_or_create_consumer(
            CONSUMER,
            jetstream::consumer::pull::Config {
                durable_name: Some(CONSUMER.to_string()),
                ack_policy: jetstream::consumer::AckPolicy::Explicit,
                ack_wait: Duration::from_secs(60),
                ..Default::default()
            },
        )
        .await?;
    Ok(consumer)
}

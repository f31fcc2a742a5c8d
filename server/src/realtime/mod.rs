//! The live event stream (`GET /events`): one Server-Sent Events stream per browser tab,
//! resumable by `Last-Event-ID`, carrying only what the signed-in user may see; and, with
//! `--nats-url`, the bus shared by the node's processes.

pub mod nats;
mod sse;

pub use sse::events;

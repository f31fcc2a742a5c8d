//! The message envelope: who sent what to whom, under which schema version. The sender signs
//! the envelope's bytes exactly as they travel (its serde JSON form), so a receiver verifies
//! what it received and never re-serialises before checking.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The schema version this build writes. Readers accept every version up to it
/// ("下级兼容上级": an upgraded parent still reads its children's older messages).
pub const SCHEMA_VERSION: u16 = 1;

/// What a message is about; the payload's type follows from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An accident report, first (初报) or follow-up (续报): the whole record as the origin has it.
    Report,
    /// A receiving tier acknowledges a report or a directive (签收).
    Receipt,
    /// A directive or notice sent down (下发指令/通知).
    Directive,
    /// 跨区域支援: a request for resources to the parent or a child.
    SupportRequest,
    /// The answer to a support request.
    SupportResponse,
    /// A published public warning (CAP), up and down to the tiers its area concerns.
    Alert,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Report,
        Kind::Receipt,
        Kind::Directive,
        Kind::SupportRequest,
        Kind::SupportResponse,
        Kind::Alert,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Report => "report",
            Kind::Receipt => "receipt",
            Kind::Directive => "directive",
            Kind::SupportRequest => "support_request",
            Kind::SupportResponse => "support_response",
            Kind::Alert => "alert",
        }
    }

    pub fn parse(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Which way a message travels and who it is for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Up the chain of parents; each tier decides by the routing rules how far it goes.
    Up,
    /// Down from the sender: to the named nodes, or to every node below when `nodes` is empty.
    Down { nodes: Vec<String> },
}

/// The envelope around a payload. `kind` stays a string here so that a message of a kind this
/// build does not know can still be read, kept and reported instead of dropped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    /// UUIDv7: unique across nodes, and the JetStream de-duplication id.
    pub id: Uuid,
    /// Node id of the author (a relaying tier forwards the bytes unchanged).
    pub sender: String,
    pub kind: String,
    pub schema: u16,
    /// Unix seconds at the sender.
    pub sent: i64,
    pub scope: Scope,
    /// The incident the message belongs to, if any: messages of one incident apply in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Uuid>,
    pub payload: serde_json::Value,
}

/// Why a received message cannot be applied now.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    #[error("not a message envelope: {0}")]
    Malformed(String),
    /// Written by a newer build: kept until this node is upgraded, never dropped.
    #[error("schema version {0} is newer than this node reads ({SCHEMA_VERSION})")]
    NewerSchema(u16),
    #[error("unknown message kind `{0}`")]
    UnknownKind(String),
    #[error("payload of a {kind} message is invalid: {reason}")]
    Payload { kind: &'static str, reason: String },
}

impl EnvelopeError {
    /// Whether the message should be kept for a later version of this node rather than refused.
    pub fn is_for_later(&self) -> bool {
        matches!(
            self,
            EnvelopeError::NewerSchema(_) | EnvelopeError::UnknownKind(_)
        )
    }
}

impl Envelope {
    /// A new message from `sender` (server side: ids are made where messages are written).
    #[cfg(feature = "ssr")]
    pub fn new(
        sender: &str,
        kind: Kind,
        scope: Scope,
        incident: Option<Uuid>,
        payload: serde_json::Value,
        sent: i64,
    ) -> Envelope {
        Envelope {
            id: Uuid::now_v7(),
            sender: sender.to_string(),
            kind: kind.key().to_string(),
            schema: SCHEMA_VERSION,
            sent,
            scope,
            incident,
            payload,
        }
    }

    /// The bytes that travel and are signed.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A struct of strings, numbers and a JSON value always serialises.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads an envelope; the payload is decoded later, by kind.
    pub fn from_bytes(bytes: &[u8]) -> Result<Envelope, EnvelopeError> {
        serde_json::from_slice(bytes).map_err(|e| EnvelopeError::Malformed(e.to_string()))
    }

    /// The kind, if this build reads this message at all.
    pub fn readable_kind(&self) -> Result<Kind, EnvelopeError> {
        if self.schema > SCHEMA_VERSION {
            return Err(EnvelopeError::NewerSchema(self.schema));
        }
        Kind::parse(&self.kind).ok_or_else(|| EnvelopeError::UnknownKind(self.kind.clone()))
    }

    /// Whether `node` is among the message's addressees.
    pub fn is_for(&self, node: &str) -> bool {
        match &self.scope {
            Scope::Up => true,
            Scope::Down { nodes } => nodes.is_empty() || nodes.iter().any(|n| n == node),
        }
    }

    /// Whether a node that received this from its parent passes it on to its own children:
    /// a downward message goes on unless it was addressed to this node alone.
    pub fn continues_down_from(&self, node: &str) -> bool {
        match &self.scope {
            Scope::Up => false,
            Scope::Down { nodes } => nodes.is_empty() || nodes.iter().any(|n| n != node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn envelope(scope: Scope) -> Envelope {
        Envelope::new(
            "city-taiyuan",
            Kind::Directive,
            scope,
            None,
            serde_json::json!({ "b": 1, "a": [1.5, "x"] }),
            1_796_383_800,
        )
    }

    #[test]
    fn bytes_read_back_to_the_same_envelope_and_the_same_bytes() {
        let e = envelope(Scope::Up);
        let bytes = e.to_bytes();
        let read = Envelope::from_bytes(&bytes).unwrap();
        assert_eq!(read, e);
        assert_eq!(read.to_bytes(), bytes);
    }

    #[test]
    fn a_newer_schema_or_an_unknown_kind_is_kept_for_later() {
        let mut e = envelope(Scope::Up);
        e.schema = SCHEMA_VERSION + 1;
        let err = e.readable_kind().unwrap_err();
        assert_eq!(err, EnvelopeError::NewerSchema(SCHEMA_VERSION + 1));
        assert!(err.is_for_later());
        e.schema = SCHEMA_VERSION;
        e.kind = "video_offer".into();
        assert!(e.readable_kind().unwrap_err().is_for_later());
        e.kind = "receipt".into();
        assert_eq!(e.readable_kind(), Ok(Kind::Receipt));
    }

    #[test]
    fn an_older_schema_is_read() {
        let mut e = envelope(Scope::Up);
        e.schema = 0;
        assert_eq!(e.readable_kind(), Ok(Kind::Directive));
    }

    #[test]
    fn garbage_is_malformed_not_for_later() {
        let err = Envelope::from_bytes(b"{\"id\":1}").unwrap_err();
        assert!(matches!(err, EnvelopeError::Malformed(_)));
        assert!(!err.is_for_later());
    }

    #[test]
    fn downward_addressing() {
        let all = envelope(Scope::Down { nodes: vec![] });
        assert!(all.is_for("sx") && all.continues_down_from("sx"));
        let one = envelope(Scope::Down {
            nodes: vec!["city-taiyuan".into()],
        });
        assert!(!one.is_for("sx"));
        assert!(one.continues_down_from("sx"));
        assert!(one.is_for("city-taiyuan"));
        assert!(!one.continues_down_from("city-taiyuan"));
        assert!(!envelope(Scope::Up).continues_down_from("sx"));
    }
}

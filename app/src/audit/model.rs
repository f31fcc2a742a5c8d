use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// Who made a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    /// The node itself: start-up, demo data, scheduled work.
    System,
    User(Uuid),
    ApiKey(Uuid),
}

impl Actor {
    /// The stored form: `system`, `user:<id>`, `api_key:<id>`.
    pub fn key(&self) -> String {
        match self {
            Actor::System => "system".to_string(),
            Actor::User(id) => format!("user:{id}"),
            Actor::ApiKey(id) => format!("api_key:{id}"),
        }
    }
}

/// A change to record.
#[derive(Clone, Debug, PartialEq)]
pub struct NewAuditEntry {
    pub actor: Actor,
    /// `feature.verb`, e.g. `directory.create`.
    pub action: String,
    /// `kind:id` of what was changed.
    pub target: String,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

/// Why verification stopped at a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BreakKind {
    /// The record's content no longer matches its hash: it was edited.
    ContentChanged,
    /// The record does not point at the hash of the one before it.
    LinkBroken,
    /// A sequence number is missing: a record was deleted.
    Gap,
    /// The chain head does not match the last record: records were removed from the end.
    HeadMismatch,
}

/// The first record where the chain fails.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainBreak {
    pub seq: i64,
    pub id: Option<Uuid>,
    pub kind: BreakKind,
}

/// The outcome of checking the whole chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verification {
    Intact { records: i64 },
    Broken(ChainBreak),
}

/// One audit record as administrators browse it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub seq: i64,
    /// Unix seconds.
    pub at: i64,
    pub node: String,
    /// The stored actor key (`user:<id>`, `api_key:<id>`, `system`).
    pub actor: String,
    /// Who that is, for people: a user name, a key's prefix.
    pub actor_label: String,
    pub action: String,
    pub target: String,
    /// `{ field: [before, after] }`.
    pub diff: Value,
}

/// One page of records, newest first, and where the next (older) page starts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntryView>,
    pub older_than: Option<i64>,
}

/// What to look for; every part optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// Actions starting with this, e.g. `identity.` or `access.refused`.
    pub action: Option<String>,
    /// Exactly these actors (their stored keys); `None` means everybody.
    pub actors: Option<Vec<String>>,
    /// Targets containing this.
    pub target: Option<String>,
    /// Unix seconds, inclusive start and exclusive end.
    pub from: Option<i64>,
    pub until: Option<i64>,
    /// Only records older than this sequence number (the next page).
    pub older_than: Option<i64>,
}

/// The difference between two states of a record: `{ field: [before, after] }` for every field
/// that differs; a creation or deletion lists every field against `null`.
pub fn field_diff(before: Option<&Value>, after: Option<&Value>) -> Value {
    let empty = Map::new();
    let as_object = |v: Option<&Value>| -> Map<String, Value> {
        match v {
            Some(Value::Object(map)) => map.clone(),
            Some(other) => Map::from_iter([("value".to_string(), other.clone())]),
            None => empty.clone(),
        }
    };
    let (b, a) = (as_object(before), as_object(after));
    let mut diff = Map::new();
    for key in b.keys().chain(a.keys()) {
        let old = b.get(key).cloned().unwrap_or(Value::Null);
        let new = a.get(key).cloned().unwrap_or(Value::Null);
        if old != new && !diff.contains_key(key) {
            diff.insert(key.clone(), Value::Array(vec![old, new]));
        }
    }
    Value::Object(diff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_changed_fields_are_kept() {
        let before = json!({"name": "甲", "grade": 4, "same": true});
        let after = json!({"name": "乙", "grade": 4, "same": true, "new": 1});
        assert_eq!(
            field_diff(Some(&before), Some(&after)),
            json!({"name": ["甲", "乙"], "new": [null, 1]})
        );
    }

    #[test]
    fn creation_and_deletion_list_every_field() {
        let record = json!({"a": 1, "b": "x"});
        assert_eq!(
            field_diff(None, Some(&record)),
            json!({"a": [null, 1], "b": [null, "x"]})
        );
        assert_eq!(
            field_diff(Some(&record), None),
            json!({"a": [1, null], "b": ["x", null]})
        );
        assert_eq!(field_diff(Some(&record), Some(&record)), json!({}));
    }

    #[test]
    fn actors_have_stable_keys() {
        let id = Uuid::nil();
        assert_eq!(Actor::System.key(), "system");
        assert_eq!(Actor::User(id).key(), format!("user:{id}"));
    }
}

//! ssr: the hash that links each audit record to the one before it.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash before the first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Everything a record's hash covers, in a fixed order.
#[derive(Serialize)]
pub struct Link<'a> {
    pub seq: i64,
    pub id: &'a str,
    /// Microseconds since the Unix epoch: the precision both databases keep.
    pub at_us: i64,
    pub node: &'a str,
    pub actor: &'a str,
    pub action: &'a str,
    pub target: &'a str,
    pub diff: &'a str,
}

/// SHA-256 over the previous hash and the record's canonical JSON, as lowercase hex.
pub fn link_hash(prev_hash: &str, link: &Link<'_>) -> String {
    // Serializing a struct of strings and integers cannot fail.
    let body = serde_json::to_string(link).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(body.as_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(action: &str) -> Link<'_> {
        Link {
            seq: 1,
            id: "x",
            at_us: 1,
            node: "n",
            actor: "system",
            action,
            target: "t",
            diff: "{}",
        }
    }

    #[test]
    fn every_field_and_the_previous_hash_change_the_hash() {
        let base = link_hash(GENESIS, &link("a.create"));
        assert_eq!(base.len(), 64);
        assert_eq!(base, link_hash(GENESIS, &link("a.create")));
        assert_ne!(base, link_hash(GENESIS, &link("a.update")));
        assert_ne!(base, link_hash(&base, &link("a.create")));
    }
}

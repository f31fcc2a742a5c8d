//! API keys for machine clients (call centres, sensors, other systems): what a key may do and
//! what it looks like.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Permission;

/// 接口权限范围: one thing a key may do. A key acts for its unit, within that unit's
/// jurisdiction, and only through its scopes (never with a role's full set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiScope {
    /// Read the directory of centres, enterprises and bases.
    DirectoryRead,
    /// Read incidents (e.g. a display system).
    IncidentsRead,
    /// Report incidents (110/119/120/122 call centres).
    IncidentsWrite,
    /// Read rescue resources.
    ResourcesRead,
}

impl ApiScope {
    pub const ALL: [ApiScope; 4] = [
        ApiScope::DirectoryRead,
        ApiScope::IncidentsRead,
        ApiScope::IncidentsWrite,
        ApiScope::ResourcesRead,
    ];

    /// The stored and documented form, e.g. `incidents:write`.
    pub fn key(self) -> &'static str {
        match self {
            ApiScope::DirectoryRead => "directory:read",
            ApiScope::IncidentsRead => "incidents:read",
            ApiScope::IncidentsWrite => "incidents:write",
            ApiScope::ResourcesRead => "resources:read",
        }
    }

    pub fn parse(key: &str) -> Option<ApiScope> {
        ApiScope::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The one permission this scope grants.
    pub fn permission(self) -> Permission {
        match self {
            ApiScope::DirectoryRead => Permission::DirectoryRead,
            ApiScope::IncidentsRead => Permission::IncidentRead,
            ApiScope::IncidentsWrite => Permission::IncidentWrite,
            ApiScope::ResourcesRead => Permission::ResourceRead,
        }
    }
}

/// Scopes in their stored form: keys separated by spaces, unknown keys dropped.
pub fn parse_scopes(stored: &str) -> Vec<ApiScope> {
    stored
        .split_whitespace()
        .filter_map(ApiScope::parse)
        .collect()
}

pub fn join_scopes(scopes: &[ApiScope]) -> String {
    scopes.iter().map(|s| s.key()).collect::<Vec<_>>().join(" ")
}

/// Every key starts with this, so leaked keys are easy to recognise (and to scan for).
pub const KEY_PREFIX: &str = "yjk_";

/// Whether `key` has the shape of one of our keys: the prefix and 64 lowercase hex digits.
pub fn well_formed_key(key: &str) -> bool {
    key.strip_prefix(KEY_PREFIX).is_some_and(|secret| {
        secret.len() == 64
            && secret
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// Longest validity an administrator may give a key.
pub const MAX_KEY_DAYS: u32 = 730;

/// A key as the administration lists it (never its secret).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiKeyView {
    pub id: Uuid,
    pub name: String,
    pub unit_name: String,
    pub scopes: Vec<ApiScope>,
    /// The key's first characters, e.g. `yjk_3f9a01`.
    pub prefix: String,
    /// Unix seconds.
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

/// A freshly created key: the only time its secret is ever shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IssuedKey {
    pub id: Uuid,
    pub key: String,
}

/// The machine client of an API request, as its key makes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApiClient {
    pub key_id: Uuid,
    pub name: String,
    pub unit_id: Uuid,
    pub unit_name: String,
    pub unit_region: String,
    pub scopes: Vec<ApiScope>,
    /// Unix seconds.
    pub expires_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_and_unknown_ones_are_dropped() {
        for scope in ApiScope::ALL {
            assert_eq!(ApiScope::parse(scope.key()), Some(scope));
        }
        let stored = join_scopes(&[ApiScope::IncidentsWrite, ApiScope::DirectoryRead]);
        assert_eq!(stored, "incidents:write directory:read");
        assert_eq!(
            parse_scopes("incidents:write admin:all directory:read"),
            vec![ApiScope::IncidentsWrite, ApiScope::DirectoryRead]
        );
    }

    #[test]
    fn keys_have_one_shape() {
        let good = format!("{KEY_PREFIX}{}", "0a".repeat(32));
        assert!(well_formed_key(&good));
        assert!(!well_formed_key(&good[..good.len() - 1]));
        assert!(!well_formed_key(&good.to_uppercase()));
        assert!(!well_formed_key(&format!("xyz_{}", "0a".repeat(32))));
        assert!(!well_formed_key(""));
    }
}

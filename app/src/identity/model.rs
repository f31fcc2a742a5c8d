use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Role;
use crate::site::NodeTier;

/// 机构类别: what kind of organisation a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    /// 应急管理部门
    EmergencyDept,
    /// 矿山救援指挥中心
    MineRescueCommand,
    /// 企业应急机构
    EnterpriseEmergency,
    /// 救援队伍
    RescueTeam,
    /// 医疗救护
    Medical,
}

impl OrgKind {
    pub const ALL: [OrgKind; 5] = [
        OrgKind::EmergencyDept,
        OrgKind::MineRescueCommand,
        OrgKind::EnterpriseEmergency,
        OrgKind::RescueTeam,
        OrgKind::Medical,
    ];

    pub fn key(self) -> &'static str {
        match self {
            OrgKind::EmergencyDept => "emergency_dept",
            OrgKind::MineRescueCommand => "mine_rescue_command",
            OrgKind::EnterpriseEmergency => "enterprise_emergency",
            OrgKind::RescueTeam => "rescue_team",
            OrgKind::Medical => "medical",
        }
    }

    pub fn parse(key: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The signed-in user as every page and server function sees it (no secrets).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub unit_id: Uuid,
    pub unit_name: String,
    pub unit_tier: NodeTier,
    /// The unit's region: the root of the user's jurisdiction.
    pub unit_region: String,
}

/// Why a login was refused, as the reader is told (never whether the account exists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginRefusal {
    /// Wrong user name or password (or an inactive account).
    BadCredentials,
    /// Too many failures for this account name or from this address: wait.
    Locked { minutes: u32 },
}

/// An organisation unit as lists show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrgUnitView {
    pub id: Uuid,
    pub name: String,
    pub tier: NodeTier,
    pub kind: OrgKind,
    pub region_code: String,
    pub parent_id: Option<Uuid>,
    pub demo: bool,
}

/// A user as the administration list shows it (no secrets).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub unit_id: Uuid,
    pub unit_name: String,
    pub active: bool,
    pub demo: bool,
}

/// A live session as administrators see it (never its token or the token's hash).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: Uuid,
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub address: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// A user name: 3–64 of lowercase letters, digits, `.`, `_`, `-`.
pub fn check_username(username: &str) -> bool {
    (3..=64).contains(&username.len())
        && username
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_are_short_lowercase_slugs() {
        assert!(check_username("sx.duty-2"));
        assert!(!check_username("ab"));
        assert!(!check_username("Zhang"));
        assert!(!check_username("zhang wei"));
        assert!(!check_username(&"a".repeat(65)));
    }
}

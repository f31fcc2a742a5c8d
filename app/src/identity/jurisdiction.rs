//! 属地为主: a unit sees and changes the records of its own region and the regions below it.

use super::api_key::ApiClient;
use super::role::{Permission, Role};
use crate::reference::NATIONAL_REGION_CODE;

/// Whoever acts: a signed-in user through its role, a machine client through its key's scopes.
pub trait Grants {
    fn grants(&self, permission: Permission) -> bool;
}

impl Grants for Role {
    fn grants(&self, permission: Permission) -> bool {
        self.can(permission)
    }
}

impl Grants for ApiClient {
    fn grants(&self, permission: Permission) -> bool {
        self.scopes.iter().any(|s| s.permission() == permission)
    }
}

/// Whether a unit whose region is `scope` has jurisdiction over a record in region `code`, by
/// the structure of GB/T 2260 codes: `PP0000` a province, `PPCC00` a prefecture, `PPCCDD` a
/// county; the national code covers everything.
pub fn region_covers(scope: &str, code: &str) -> bool {
    let well_formed = |c: &str| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit());
    if !well_formed(code) {
        return false;
    }
    match region_prefix(scope) {
        Some("") => true,
        Some(prefix) => code.starts_with(prefix) && code != NATIONAL_REGION_CODE,
        None => false,
    }
}

/// The code prefix every region within `scope` starts with (empty for the national scope), so
/// queries can filter by jurisdiction in SQL; `None` for a malformed scope.
pub fn region_prefix(scope: &str) -> Option<&str> {
    if scope.len() != 6 || !scope.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if scope == NATIONAL_REGION_CODE {
        ""
    } else if scope.ends_with("0000") {
        &scope[..2]
    } else if scope.ends_with("00") {
        &scope[..4]
    } else {
        scope
    })
}

/// A record a guarded action touches: its kind (`incident`, `user`, ...), id and region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    pub kind: &'static str,
    pub id: uuid::Uuid,
    pub region: String,
}

/// Why a record was opened to a unit outside its jurisdiction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareReason {
    /// 上报: a lower tier reported it up.
    UpwardReport,
    /// 下发: an upper tier sent it down (a directive, a notice).
    Directive,
}

impl ShareReason {
    pub fn key(self) -> &'static str {
        match self {
            ShareReason::UpwardReport => "upward_report",
            ShareReason::Directive => "directive",
        }
    }
}

/// The outcome of an authorization check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// The role lacks the permission: 403.
    Forbidden,
    /// Outside the unit's jurisdiction: answered as 404, since the record's existence is itself
    /// not the reader's business.
    OutOfJurisdiction,
}

/// The one rule every guarded action applies: the role (or key) grants the permission, and the
/// record lies in the unit's region subtree or was shared with the unit (an upward report, a
/// directive).
pub fn authorize(
    actor: &impl Grants,
    permission: Permission,
    unit_region: &str,
    record_region: &str,
    shared: bool,
) -> Decision {
    if !actor.grants(permission) {
        Decision::Forbidden
    } else if shared || region_covers(unit_region, record_region) {
        Decision::Allow
    } else {
        Decision::OutOfJurisdiction
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn regions_cover_their_subtree_only() {
        // (unit scope, record region, covered)
        let rows = [
            ("100000", "140105", true),  // national over a county
            ("140000", "140000", true),  // own province
            ("140000", "140105", true),  // province over its county
            ("140000", "130100", false), // sibling province's city
            ("140100", "140105", true),  // city over its county
            ("140100", "140200", false), // sibling city
            ("140100", "140000", false), // its own province: a superior
            ("140105", "140105", true),  // county itself
            ("140105", "140106", false), // sibling county
            ("140000", "100000", false), // the nation is above every province
            ("14000", "140000", false),  // malformed scope
            ("140000", "14x000", false), // malformed record code
        ];
        for (scope, code, covered) in rows {
            assert_eq!(region_covers(scope, code), covered, "{scope} over {code}");
        }
    }

    #[test]
    fn the_authorization_matrix() {
        use Decision::*;
        // role × jurisdiction (own / sub / sibling / superior / shared) × action
        let city = "140100";
        let rows = [
            (Role::DutyOfficer, IncidentWrite, "140100", false, Allow),
            (Role::DutyOfficer, IncidentWrite, "140105", false, Allow),
            (
                Role::DutyOfficer,
                IncidentWrite,
                "140200",
                false,
                OutOfJurisdiction,
            ),
            (
                Role::DutyOfficer,
                IncidentWrite,
                "140000",
                false,
                OutOfJurisdiction,
            ),
            (Role::DutyOfficer, IncidentRead, "140200", true, Allow),
            (Role::ReadOnly, IncidentWrite, "140100", false, Forbidden),
            (Role::ReadOnly, IncidentRead, "140105", false, Allow),
            (
                Role::ReadOnly,
                IncidentRead,
                "130100",
                false,
                OutOfJurisdiction,
            ),
            (Role::HallOperator, Dispatch, "140100", false, Forbidden),
            (Role::Commander, Dispatch, "140105", false, Allow),
            (Role::Admin, UserAdmin, "140200", false, OutOfJurisdiction),
            (Role::Admin, UserAdmin, "140200", true, Allow),
        ];
        for (role, permission, record, shared, expected) in rows {
            assert_eq!(
                authorize(&role, permission, city, record, shared),
                expected,
                "{role:?} {permission:?} on {record} (shared: {shared})"
            );
        }
    }

    #[test]
    fn a_key_acts_through_its_scopes_within_its_units_region() {
        use super::super::api_key::{ApiClient, ApiScope};
        use Decision::*;
        let key = ApiClient {
            key_id: uuid::Uuid::nil(),
            name: "太原 110".into(),
            unit_id: uuid::Uuid::nil(),
            unit_name: "太原市应急管理局".into(),
            unit_region: "140100".into(),
            scopes: vec![ApiScope::IncidentsWrite],
            expires_at: 0,
        };
        let rows = [
            (IncidentWrite, "140105", Allow),
            (IncidentWrite, "140200", OutOfJurisdiction),
            (IncidentRead, "140105", Forbidden),
            (DirectoryRead, "140100", Forbidden),
            (UserAdmin, "140100", Forbidden),
        ];
        for (permission, record, expected) in rows {
            assert_eq!(
                authorize(&key, permission, &key.unit_region, record, false),
                expected,
                "{permission:?} on {record}"
            );
        }
    }
}

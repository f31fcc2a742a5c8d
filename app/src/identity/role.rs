use serde::{Deserialize, Serialize};

/// 角色: what a user does in a command centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 系统管理员
    Admin,
    /// 值班员
    DutyOfficer,
    /// 指挥长
    Commander,
    /// 专家
    Expert,
    /// 分析员
    Analyst,
    /// 现场指挥
    FieldCommander,
    /// 预警发布员
    AlertOfficer,
    /// 大厅操作员
    HallOperator,
    /// 只读
    ReadOnly,
}

/// 权限: one kind of action a server function or API endpoint guards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    DirectoryRead,
    DirectoryWrite,
    IncidentRead,
    IncidentWrite,
    /// Grading, reporting up the tiers, acknowledging receipt.
    IncidentReport,
    ResourceRead,
    ResourceWrite,
    Dispatch,
    PlanRead,
    PlanWrite,
    ModelRun,
    AlertPublish,
    HallControl,
    StatsRead,
    AuditRead,
    UserAdmin,
    OrgAdmin,
    ApiKeyAdmin,
}

use Permission::*;

const READ: &[Permission] = &[
    DirectoryRead,
    IncidentRead,
    ResourceRead,
    PlanRead,
    StatsRead,
];

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Admin,
        Role::DutyOfficer,
        Role::Commander,
        Role::Expert,
        Role::Analyst,
        Role::FieldCommander,
        Role::AlertOfficer,
        Role::HallOperator,
        Role::ReadOnly,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::DutyOfficer => "duty_officer",
            Role::Commander => "commander",
            Role::Expert => "expert",
            Role::Analyst => "analyst",
            Role::FieldCommander => "field_commander",
            Role::AlertOfficer => "alert_officer",
            Role::HallOperator => "hall_operator",
            Role::ReadOnly => "read_only",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// The permission table: what each role may do beyond reading (every role reads).
    /// Adding a feature means adding its permissions here, in one place.
    fn extra(self) -> &'static [Permission] {
        match self {
            Role::Admin => &[DirectoryWrite, AuditRead, UserAdmin, OrgAdmin, ApiKeyAdmin],
            Role::DutyOfficer => &[IncidentWrite, IncidentReport, DirectoryWrite, ResourceWrite],
            Role::Commander => &[
                IncidentWrite,
                IncidentReport,
                ResourceWrite,
                Dispatch,
                PlanWrite,
                ModelRun,
                AlertPublish,
            ],
            Role::Expert => &[ModelRun],
            Role::Analyst => &[ModelRun],
            Role::FieldCommander => &[IncidentWrite, Dispatch],
            Role::AlertOfficer => &[AlertPublish],
            Role::HallOperator => &[HallControl],
            Role::ReadOnly => &[],
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        READ.contains(&permission) || self.extra().contains(&permission)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn the_table_reads_as_intended() {
        // (role, permission, allowed)
        let rows = [
            (Role::ReadOnly, IncidentRead, true),
            (Role::ReadOnly, IncidentWrite, false),
            (Role::DutyOfficer, IncidentReport, true),
            (Role::DutyOfficer, Dispatch, false),
            (Role::Commander, Dispatch, true),
            (Role::Commander, UserAdmin, false),
            (Role::AlertOfficer, AlertPublish, true),
            (Role::HallOperator, HallControl, true),
            (Role::HallOperator, IncidentWrite, false),
            (Role::Admin, AuditRead, true),
            (Role::Admin, Dispatch, false),
            (Role::Expert, ModelRun, true),
        ];
        for (role, permission, allowed) in rows {
            assert_eq!(role.can(permission), allowed, "{role:?} {permission:?}");
        }
    }

    #[test]
    fn only_administrators_read_the_audit_log_or_manage_users() {
        for role in Role::ALL {
            let admin = role == Role::Admin;
            assert_eq!(role.can(AuditRead), admin, "{role:?}");
            assert_eq!(role.can(UserAdmin), admin, "{role:?}");
        }
    }
}

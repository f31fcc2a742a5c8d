//! Demo organisations and one account for every role at several tiers (演示账号). All share
//! the documented demo password; none exists without `YINGJI_DEMO`.

use app::audit::Actor;
use app::identity::service::{IdentityError, NewOrgUnit, NewUser, create_org_unit, create_user};
use app::identity::{OrgKind, Role};
use app::site::NodeTier;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

/// The password of every demo account (also in the README).
pub const DEMO_PASSWORD: &str = "Demo#Duty-2026";

/// (unit name, tier, kind, region, parent index)
pub const UNITS: [(&str, NodeTier, OrgKind, &str, Option<usize>); 6] = [
    (
        "国家安全生产应急救援指挥中心（演示）",
        NodeTier::National,
        OrgKind::EmergencyDept,
        "100000",
        None,
    ),
    (
        "山西省安全生产应急救援指挥中心（演示）",
        NodeTier::Provincial,
        OrgKind::EmergencyDept,
        "140000",
        Some(0),
    ),
    (
        "太原市应急管理局（演示）",
        NodeTier::City,
        OrgKind::EmergencyDept,
        "140100",
        Some(1),
    ),
    (
        "大同市应急管理局（演示）",
        NodeTier::City,
        OrgKind::EmergencyDept,
        "140200",
        Some(1),
    ),
    (
        "晋北煤业有限公司应急中心（演示）",
        NodeTier::Enterprise,
        OrgKind::EnterpriseEmergency,
        "140213",
        Some(3),
    ),
    (
        "国家矿山应急救援大同队（演示）",
        NodeTier::Base,
        OrgKind::RescueTeam,
        "140200",
        Some(3),
    ),
];

/// (user name, display name, unit index, role)
pub const ACCOUNTS: [(&str, &str, usize, Role); 18] = [
    ("nat.admin", "国家中心管理员（演示）", 0, Role::Admin),
    ("nat.duty", "国家中心值班员（演示）", 0, Role::DutyOfficer),
    (
        "nat.commander",
        "国家中心指挥长（演示）",
        0,
        Role::Commander,
    ),
    ("nat.analyst", "国家中心分析员（演示）", 0, Role::Analyst),
    (
        "nat.alert",
        "国家中心预警发布员（演示）",
        0,
        Role::AlertOfficer,
    ),
    (
        "nat.hall",
        "国家中心大厅操作员（演示）",
        0,
        Role::HallOperator,
    ),
    ("sx.admin", "山西省管理员（演示）", 1, Role::Admin),
    ("sx.duty", "山西省值班员（演示）", 1, Role::DutyOfficer),
    ("sx.commander", "山西省指挥长（演示）", 1, Role::Commander),
    ("sx.expert", "山西省专家（演示）", 1, Role::Expert),
    ("ty.admin", "太原市管理员（演示）", 2, Role::Admin),
    ("ty.duty", "太原市值班员（演示）", 2, Role::DutyOfficer),
    (
        "ty.field",
        "太原市现场指挥（演示）",
        2,
        Role::FieldCommander,
    ),
    ("ty.readonly", "太原市只读用户（演示）", 2, Role::ReadOnly),
    ("dt.admin", "大同市管理员（演示）", 3, Role::Admin),
    ("dt.duty", "大同市值班员（演示）", 3, Role::DutyOfficer),
    ("jb.duty", "晋北煤业值班员（演示）", 4, Role::DutyOfficer),
    (
        "dtd.field",
        "大同救援队现场指挥（演示）",
        5,
        Role::FieldCommander,
    ),
];

/// Creates the demo units and accounts once; returns how many accounts were added.
pub async fn load(db: &DatabaseConnection, node: &str) -> Result<u32, IdentityError> {
    if app::identity::service::username_exists(db, ACCOUNTS[0].0).await? {
        return Ok(0);
    }
    let mut ids: Vec<Uuid> = Vec::with_capacity(UNITS.len());
    for (name, tier, kind, region, parent) in UNITS {
        let unit = NewOrgUnit {
            name: name.into(),
            tier,
            kind,
            region_code: region.into(),
            parent_id: parent.map(|i| ids[i]),
            demo: true,
        };
        ids.push(create_org_unit(db, &Actor::System, node, unit).await?);
    }
    for (username, display_name, unit, role) in ACCOUNTS {
        let user = NewUser {
            username: username.into(),
            display_name: display_name.into(),
            org_unit_id: ids[unit],
            role,
            password: DEMO_PASSWORD.into(),
            demo: true,
        };
        create_user(db, &Actor::System, node, user).await?;
    }
    Ok(ACCOUNTS.len() as u32)
}

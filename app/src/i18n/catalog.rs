//! The shape of a UI catalogue. Every locale fills all of it.

use crate::directory::BaseKind;
use crate::identity::Role;
use crate::sections::Section;
use crate::site::NodeTier;

pub struct Texts {
    /// Full product name, as in the page title.
    pub app_name: &'static str,
    /// Short name in the top bar.
    pub app_short: &'static str,
    pub tagline: &'static str,
    pub nav_label: &'static str,
    pub skip_to_content: &'static str,
    pub language_label: &'static str,
    pub loading: &'static str,
    /// 演示数据: the label every demo record carries.
    pub demo_badge: &'static str,
    pub demo_banner: &'static str,
    pub this_node: &'static str,
    pub region: &'static str,
    pub status_available: &'static str,
    pub status_building: &'static str,
    pub building_notice: &'static str,
    pub planned_title: &'static str,
    pub tiers: TierTexts,
    pub base_kinds: BaseKindTexts,
    pub sections: SectionTexts,
    pub home: HomeTexts,
    pub map: MapTexts,
    pub identity: IdentityTexts,
    pub admin: AdminTexts,
    pub account: AccountTexts,
    pub units: UnitTexts,
    pub keys: KeyTexts,
    pub sessions: SessionTexts,
    pub audit: AuditTexts,
    pub incidents: super::IncidentTexts,
    pub form: super::FormTexts,
    pub resources: super::ResourceTexts,
    pub dispatch: super::DispatchTexts,
    pub models: super::ModelTexts,
    pub alerts: super::AlertTexts,
    pub exchange: super::ExchangeTexts,
    pub hall: super::HallTexts,
    pub video: super::VideoTexts,
    pub cameras: super::CameraTexts,
    pub roles: RoleTexts,
    pub not_found: NotFoundTexts,
    pub error: ErrorTexts,
}

pub struct TierTexts {
    pub national: &'static str,
    pub provincial: &'static str,
    pub city: &'static str,
    pub county: &'static str,
    pub enterprise: &'static str,
    pub base: &'static str,
}

pub struct BaseKindTexts {
    pub mine_rescue: &'static str,
    pub hazchem: &'static str,
    pub drainage: &'static str,
    pub medical: &'static str,
}

pub struct SectionText {
    pub name: &'static str,
    pub summary: &'static str,
    /// What the section will do, from the 2006 guidance; shown while it is being built.
    pub planned: &'static [&'static str],
}

pub struct SectionTexts {
    pub duty: SectionText,
    pub map: SectionText,
    pub resources: SectionText,
    pub decision: SectionText,
    pub plans: SectionText,
    pub drills: SectionText,
    pub stats: SectionText,
    pub video: SectionText,
    pub hall: SectionText,
    pub alerts: SectionText,
    pub exchange: SectionText,
    pub admin: SectionText,
}

pub struct HomeTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub directory_title: &'static str,
    pub nodes: &'static str,
    pub enterprises: &'static str,
    pub bases: &'static str,
    pub directory_empty: &'static str,
    pub sections_title: &'static str,
}

pub struct MapTexts {
    pub title: &'static str,
    pub map_label: &'static str,
    pub layer_world: &'static str,
    pub layer_provinces: &'static str,
    pub layer_tiles: &'static str,
    pub layer_nodes: &'static str,
    pub layer_enterprises: &'static str,
    pub layer_bases: &'static str,
    pub layer_incidents: &'static str,
    pub base_map_failed: &'static str,
    pub needs_script: &'static str,
    pub coordinates_note: &'static str,
}

pub struct IdentityTexts {
    pub login_title: &'static str,
    pub username: &'static str,
    pub password: &'static str,
    pub sign_in: &'static str,
    pub sign_out: &'static str,
    pub bad_credentials: &'static str,
    /// `{minutes}` is replaced by the wait.
    pub locked: &'static str,
}

pub struct AdminTexts {
    pub users_title: &'static str,
    pub create_title: &'static str,
    pub username: &'static str,
    pub display_name: &'static str,
    pub unit: &'static str,
    pub role: &'static str,
    pub password: &'static str,
    pub create: &'static str,
    pub created: &'static str,
    pub choose: &'static str,
    pub sign_in_required: &'static str,
    pub status: &'static str,
    pub active: &'static str,
    pub inactive: &'static str,
    pub tab_users: &'static str,
    pub tab_units: &'static str,
    pub tab_keys: &'static str,
    pub tab_sessions: &'static str,
    pub tab_audit: &'static str,
    pub tabs_label: &'static str,
    pub back_to_users: &'static str,
    pub activate: &'static str,
    pub deactivate: &'static str,
    pub status_changed: &'static str,
    pub cannot_change_own_role: &'static str,
    pub change_role: &'static str,
    pub role_changed: &'static str,
    pub cannot_deactivate_self: &'static str,
    pub reset_title: &'static str,
    pub new_password: &'static str,
    pub reset: &'static str,
    pub reset_done: &'static str,
    pub username_rule: &'static str,
    pub display_name_rule: &'static str,
    pub role_rule: &'static str,
    pub unit_rule: &'static str,
    pub password_too_short: &'static str,
    pub password_too_long: &'static str,
    pub password_too_few_kinds: &'static str,
    pub password_contains_username: &'static str,
    pub password_common: &'static str,
}

impl AdminTexts {
    pub fn password_problem(&self, problem: crate::identity::PasswordProblem) -> &'static str {
        use crate::identity::PasswordProblem::*;
        match problem {
            TooShort => self.password_too_short,
            TooLong => self.password_too_long,
            TooFewKinds => self.password_too_few_kinds,
            ContainsUsername => self.password_contains_username,
            Common => self.password_common,
        }
    }
}

pub struct AccountTexts {
    pub title: &'static str,
    pub change_title: &'static str,
    pub current: &'static str,
    pub new_password: &'static str,
    pub confirm: &'static str,
    pub change: &'static str,
    pub changed: &'static str,
    pub mismatch: &'static str,
    pub wrong_current: &'static str,
    pub policy: &'static str,
}

pub struct UnitTexts {
    pub title: &'static str,
    pub create_title: &'static str,
    pub name: &'static str,
    pub tier: &'static str,
    pub kind: &'static str,
    pub region: &'static str,
    pub region_hint: &'static str,
    pub parent: &'static str,
    pub create: &'static str,
    pub created: &'static str,
    pub name_rule: &'static str,
    pub tier_rule: &'static str,
    pub kind_rule: &'static str,
    pub parent_rule: &'static str,
    pub region_rule: &'static str,
    pub region_outside_parent: &'static str,
    pub emergency_dept: &'static str,
    pub mine_rescue_command: &'static str,
    pub enterprise_emergency: &'static str,
    pub rescue_team: &'static str,
    pub medical: &'static str,
}

impl UnitTexts {
    pub fn kind_name(&self, kind: crate::identity::OrgKind) -> &'static str {
        use crate::identity::OrgKind::*;
        match kind {
            EmergencyDept => self.emergency_dept,
            MineRescueCommand => self.mine_rescue_command,
            EnterpriseEmergency => self.enterprise_emergency,
            RescueTeam => self.rescue_team,
            Medical => self.medical,
        }
    }
}

pub struct KeyTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub create_title: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub scopes: &'static str,
    pub valid_days: &'static str,
    pub create: &'static str,
    /// Shown with the new key: the only time it is visible.
    pub shown_once: &'static str,
    pub prefix: &'static str,
    pub created_at: &'static str,
    pub expires_at: &'static str,
    pub last_used: &'static str,
    pub never: &'static str,
    pub status: &'static str,
    pub valid: &'static str,
    pub revoked: &'static str,
    pub expired: &'static str,
    pub revoke: &'static str,
    pub none: &'static str,
    pub name_rule: &'static str,
    pub unit_rule: &'static str,
    pub scopes_rule: &'static str,
    pub valid_days_rule: &'static str,
    pub directory_read: &'static str,
    pub incidents_read: &'static str,
    pub incidents_write: &'static str,
    pub resources_read: &'static str,
}

impl KeyTexts {
    pub fn scope(&self, scope: crate::identity::ApiScope) -> &'static str {
        use crate::identity::ApiScope::*;
        match scope {
            DirectoryRead => self.directory_read,
            IncidentsRead => self.incidents_read,
            IncidentsWrite => self.incidents_write,
            ResourcesRead => self.resources_read,
        }
    }
}

pub struct SessionTexts {
    pub title: &'static str,
    pub user: &'static str,
    pub address: &'static str,
    pub started: &'static str,
    pub last_seen: &'static str,
    pub revoke: &'static str,
    pub none: &'static str,
}

pub struct AuditTexts {
    pub title: &'static str,
    pub action: &'static str,
    pub action_hint: &'static str,
    pub actor: &'static str,
    pub target: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub search: &'static str,
    pub time: &'static str,
    pub node: &'static str,
    pub changes: &'static str,
    pub older: &'static str,
    pub newest: &'static str,
    pub none: &'static str,
    pub system: &'static str,
    pub date_rule: &'static str,
    pub actor_rule: &'static str,
}

pub struct RoleTexts {
    pub admin: &'static str,
    pub duty_officer: &'static str,
    pub commander: &'static str,
    pub expert: &'static str,
    pub analyst: &'static str,
    pub field_commander: &'static str,
    pub alert_officer: &'static str,
    pub hall_operator: &'static str,
    pub read_only: &'static str,
}

pub struct NotFoundTexts {
    pub title: &'static str,
    pub body: &'static str,
    pub back_home: &'static str,
}

pub struct ErrorTexts {
    pub title: &'static str,
    pub not_found: &'static str,
    pub invalid: &'static str,
    pub unauthorized: &'static str,
    pub forbidden: &'static str,
    pub conflict: &'static str,
    pub internal: &'static str,
    pub unavailable: &'static str,
    pub reference: &'static str,
}

impl Texts {
    pub fn section(&self, section: Section) -> &SectionText {
        let s = &self.sections;
        match section {
            Section::Duty => &s.duty,
            Section::Map => &s.map,
            Section::Resources => &s.resources,
            Section::Decision => &s.decision,
            Section::Plans => &s.plans,
            Section::Drills => &s.drills,
            Section::Stats => &s.stats,
            Section::Video => &s.video,
            Section::Hall => &s.hall,
            Section::Alerts => &s.alerts,
            Section::Exchange => &s.exchange,
            Section::Admin => &s.admin,
        }
    }

    pub fn base_kind(&self, kind: BaseKind) -> &'static str {
        let k = &self.base_kinds;
        match kind {
            BaseKind::MineRescue => k.mine_rescue,
            BaseKind::Hazchem => k.hazchem,
            BaseKind::Drainage => k.drainage,
            BaseKind::Medical => k.medical,
        }
    }

    pub fn role(&self, role: Role) -> &'static str {
        let r = &self.roles;
        match role {
            Role::Admin => r.admin,
            Role::DutyOfficer => r.duty_officer,
            Role::Commander => r.commander,
            Role::Expert => r.expert,
            Role::Analyst => r.analyst,
            Role::FieldCommander => r.field_commander,
            Role::AlertOfficer => r.alert_officer,
            Role::HallOperator => r.hall_operator,
            Role::ReadOnly => r.read_only,
        }
    }

    pub fn tier(&self, tier: NodeTier) -> &'static str {
        let t = &self.tiers;
        match tier {
            NodeTier::National => t.national,
            NodeTier::Provincial => t.provincial,
            NodeTier::City => t.city,
            NodeTier::County => t.county,
            NodeTier::Enterprise => t.enterprise,
            NodeTier::Base => t.base,
        }
    }
}

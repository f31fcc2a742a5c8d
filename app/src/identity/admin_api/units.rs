use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::OrgUnitView;

/// Units of the administrator's jurisdiction: its own and those below it.
#[server(endpoint = "identity/units")]
pub async fn list_units() -> Result<Vec<OrgUnitView>, AppError> {
    use crate::identity::{Permission, guard, service};
    let admin = guard::require(Permission::UserAdmin).await?;
    Ok(service::units_within(&crate::state::db()?, &admin.unit_region).await?)
}

/// Adds a unit below one of the administrator's units, in a region within its parent's.
#[server(endpoint = "identity/units/create")]
pub async fn create_unit(
    name: String,
    tier: String,
    kind: String,
    region_code: String,
    parent_id: String,
) -> Result<Uuid, AppError> {
    use crate::error::FieldErrors;
    use crate::identity::service::{NewOrgUnit, create_org_unit};
    use crate::identity::{OrgKind, Permission, guard, region_covers};
    use crate::site::{NodeTier, check_region};

    let admin = guard::require(Permission::OrgAdmin).await?;
    let state = crate::state::app_state()?;
    let t = &crate::i18n::detect_locale().texts().units;
    let mut errors = FieldErrors::default();
    let name = name.trim().to_string();
    if name.is_empty() || name.chars().count() > 100 {
        errors.add(t.name, t.name_rule);
    }
    let tier: Option<NodeTier> = tier.parse().ok().filter(|t| *t != NodeTier::National);
    if tier.is_none() {
        errors.add(t.tier, t.tier_rule);
    }
    let kind = OrgKind::parse(&kind);
    if kind.is_none() {
        errors.add(t.kind, t.kind_rule);
    }
    let parent = super::unit_within(&state.db, &admin.unit_region, &parent_id).await?;
    if parent.is_none() {
        errors.add(t.parent, t.parent_rule);
    }
    let region_code = region_code.trim().to_string();
    let region_ok = tier.is_some_and(|tier| check_region(tier, &region_code).is_ok());
    let within_parent = parent
        .as_ref()
        .is_some_and(|(_, parent_region)| region_covers(parent_region, &region_code));
    if !region_ok {
        errors.add(t.region, t.region_rule);
    } else if parent.is_some() && !within_parent {
        errors.add(t.region, t.region_outside_parent);
    }
    errors.finish()?;
    let (Some(tier), Some(kind), Some((parent_id, _))) = (tier, kind, parent) else {
        return Err(AppError::Validation(vec![]));
    };
    let unit = NewOrgUnit {
        name,
        tier,
        kind,
        region_code,
        parent_id: Some(parent_id),
        demo: false,
    };
    let actor = crate::audit::Actor::User(admin.id);
    Ok(create_org_unit(&state.db, &actor, &state.site.node.id, unit).await?)
}

//! Server functions of the major-hazard registry.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::{HazardForm, MajorHazard};
use crate::error::AppError;

/// The installations within the reader's jurisdiction, most severe first.
#[server(endpoint = "hazards/list")]
pub async fn list_hazards() -> Result<Vec<MajorHazard>, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let user = guard::require(Permission::ResourceRead).await?;
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    super::service::list(&crate::state::db()?, prefix).await
}

/// Adds an installation, identified and graded on the server whatever the browser showed.
#[server(endpoint = "hazards/save")]
pub async fn save_hazard(form: HazardForm) -> Result<Uuid, AppError> {
    use crate::identity::{Permission, guard, region_covers};
    let user = guard::require(Permission::ResourceWrite).await?;
    let texts = crate::i18n::detect_locale().texts();
    let new = form.validate(texts)?;
    if !region_covers(&user.unit_region, &new.region_code) {
        return Err(AppError::field(
            texts.resources.region_code,
            texts.resources.outside_jurisdiction,
        ));
    }
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    super::service::create(&crate::state::db()?, &by, user.unit_id, new, false).await
}

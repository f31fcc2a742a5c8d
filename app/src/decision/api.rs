//! Server functions of the decision page: its context, and saving an assessment.

use leptos::prelude::*;
use uuid::Uuid;

use super::model::DecisionContext;
use crate::error::AppError;
use crate::models::scenario::Scenario;

/// The incident and the registry entries within reach of its zones, in the reader's
/// jurisdiction (as the incident's nearest candidates are: reading the incident is enough).
#[server(endpoint = "decision/context")]
pub async fn load_decision(id: Uuid) -> Result<DecisionContext, AppError> {
    use crate::identity::{Permission, guard, region_prefix};
    let db = crate::state::db()?;
    let record = crate::incidents::service::record_ref(&db, id).await?;
    let user = guard::require_record(Permission::IncidentRead, &record).await?;
    let detail = crate::incidents::service::detail(&db, id).await?;
    let incident = detail.summary;
    let chemical =
        super::model::chemical_in(&format!("{} {}", detail.facts.hazmat, incident.title));
    let prefix = region_prefix(&user.unit_region).ok_or(AppError::Forbidden)?;
    let resources = crate::resources::service::near(
        &db,
        prefix,
        (incident.lon, incident.lat),
        super::model::CONTEXT_RADIUS_KM,
        2000,
    )
    .await?;
    Ok(DecisionContext {
        incident,
        resources,
        chemical,
    })
}

/// Records the assessment of `scenario` in the incident's timeline. The zones are computed
/// again here: what is recorded never depends on what a browser sent as results.
#[server(endpoint = "decision/save")]
pub async fn save_assessment(id: Uuid, scenario: Scenario) -> Result<(), AppError> {
    use crate::identity::{Permission, guard};
    let state = crate::state::app_state()?;
    let record = crate::incidents::service::record_ref(&state.db, id).await?;
    let user = guard::require_record(Permission::IncidentWrite, &record).await?;
    let t = &crate::i18n::detect_locale().texts().models;
    let zones = crate::models::scenario::threat_zones(&scenario).map_err(|p| t.invalid(&p))?;
    let mark = super::model::AssessmentMark::of(&scenario, &zones);
    let by = crate::incidents::service::Recorder::for_request(&user)?;
    let now = crate::ui::time::now_unix();
    crate::incidents::service::add_assessment(&state.db, &state.bus, &by, id, mark, now).await?;
    Ok(())
}

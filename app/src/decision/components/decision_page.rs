//! `/incidents/:id/decision`: choose a scenario, see the threat zones, what lies inside them,
//! how far to evacuate; save the assessment to the timeline.

use leptos::prelude::*;
use leptos_meta::Title;

use super::scenario_form::ScenarioForm;
use super::zone_map::ZoneMap;
use super::zone_summary::ZoneSummary;
use crate::decision::{DecisionContext, affected, demo_population, load_decision, save_assessment};
use crate::error::{AppError, ErrorNotice};
use crate::i18n::use_i18n;
use crate::models::geo::Position;
use crate::models::scenario::{Scenario, threat_zones};
use crate::models::stability::Insolation;

/// Demo population is laid out this far around the incident, km.
const POPULATION_HALF_KM: f64 = 15.0;

#[component]
pub fn DecisionPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::incidents::use_incident_id();
    let loaded = Resource::new(
        move || id.get(),
        |id| async move { load_decision(id.ok_or(AppError::NotFound)?).await },
    );
    let body = move || {
        loaded.get().map(|result| match result {
            Ok(context) => view! { <Decision context /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--decision" data-testid="decision-page">
            <Title text=move || i18n.t().models.title />
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn Decision(context: DecisionContext) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().models;
    let incident = context.incident.clone();
    let source = Position {
        lon: incident.lon,
        lat: incident.lat,
    };
    let scenario = RwSignal::new(Scenario {
        chemical: context
            .chemical
            .clone()
            .unwrap_or_else(|| "chlorine".into()),
        amount: 1.0,
        wind_speed: 3.0,
        wind_from: 0.0,
        daytime: true,
        insolation: Some(Insolation::Moderate),
        cloud_oktas: 4,
        source,
        ..Scenario::default()
    });
    // Everything below is computed here, in the browser, on every change.
    let zones = Memo::new(move |_| threat_zones(&scenario.get()));
    let cells = StoredValue::new(demo_population(source, POPULATION_HALF_KM));
    let resources = StoredValue::new(context.resources.clone());
    let inside = Memo::new(move |_| {
        zones.with(|z| {
            z.as_ref()
                .ok()
                .map(|z| affected(z, &cells.read_value(), &resources.read_value()))
        })
    });
    let save = Action::new(move |s: &Scenario| save_assessment(incident.id, s.clone()));
    let saved = move || {
        match save.value().get() {
        Some(Ok(())) => view! { <p class="notice notice--ok" role="status" data-testid="assessment-saved">{t().saved}</p> }.into_any(),
        Some(Err(_)) => view! { <p class="notice notice--error" role="alert">{t().save_failed}</p> }.into_any(),
        None => ().into_any(),
    }
    };
    let href = format!("/incidents/{}", context.incident.id);
    let dispatch_href = format!("{href}#dispatch");
    view! {
        <header class="page__header">
            <h1>{move || t().title}</h1>
            <p class="muted">
                <a href=href.clone()>{move || t().back_to_incident}</a>
                " · " {context.incident.title.clone()}
            </p>
        </header>
        <div class="decision">
            <div class="decision__side">
                <ScenarioForm scenario zones />
                <ZoneSummary zones inside />
                <div class="decision__actions">
                    <a class="button" href=dispatch_href>{move || t().to_dispatch}</a>
                    <button class="button button--primary" type="button" data-testid="save-assessment"
                        disabled=move || save.pending().get() || zones.with(|z| z.is_err())
                        on:click=move |_| { save.dispatch(scenario.get_untracked()); }>
                        {move || t().save}
                    </button>
                </div>
                {saved}
            </div>
            <ZoneMap centre=(incident.lon, incident.lat) resources=context.resources zones />
        </div>
        <p class="hint muted">{move || t().hint}</p>
    }
    .into_any()
}

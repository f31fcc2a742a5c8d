//! One incident: the reporting chain with its countdowns, what to do next (follow-up, status,
//! receipts, notes), the facts, the timeline (跟踪反馈) and every version. Live: any change by
//! anyone reloads it.

use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

use super::actions::{Actions, IncidentActions};
use super::attachments::Attachments;
use super::badges::{GradeBadge, StatusTag};
use super::duties::DutyTable;
use super::history::{Timeline, Versions};
use crate::error::{AppError, ErrorNotice};
use crate::i18n::use_i18n;
use crate::incidents::{IncidentDetail, get_incident};
use crate::live::{LiveEvent, use_live_events};
use crate::ui::DemoBadge;
use crate::ui::OriginBadge;

/// The incident id of the current route, if it is one.
pub fn use_incident_id() -> Memo<Option<Uuid>> {
    crate::ui::url::use_route_id()
}

/// The incident of the route, reloaded after our actions and on every live change of it.
pub fn use_incident(
    actions: Option<IncidentActions>,
) -> Resource<Result<IncidentDetail, AppError>> {
    let id = use_incident_id();
    let changed = RwSignal::new(0_u32);
    use_live_events(move |event| match event {
        LiveEvent::Incident { incident } if Some(incident.id) == id.get_untracked() => {
            changed.update(|n| *n += 1);
        }
        _ => {}
    });
    Resource::new(
        move || (id.get(), changed.get(), actions.map(|a| a.version())),
        |(id, _, _)| async move {
            match id {
                Some(id) => get_incident(id).await,
                None => Err(AppError::NotFound),
            }
        },
    )
}

#[component]
pub fn IncidentPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = IncidentActions::new();
    let detail = use_incident(Some(actions));
    // The scene video outlives reloads of the incident: the chosen camera and its connection.
    crate::cameras::PanelKeeper::provide();
    let camera = RwSignal::new(None);
    let body = move || {
        detail.get().map(|result| match result {
            Ok(detail) => view! { <IncidentView detail actions camera /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--incident" data-testid="incident-page">
            <p class="no-print"><a href="/duty">{move || i18n.t().incidents.back_to_desk}</a></p>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn IncidentView(
    detail: IncidentDetail,
    actions: IncidentActions,
    camera: RwSignal<Option<Option<Uuid>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().incidents;
    let s = detail.summary.clone();
    let title = s.title.clone();
    view! {
        <Title text=title.clone() />
        <header class="page__header incident__header">
            <h1>{title}</h1>
            <GradeBadge grade=s.grade />
            <StatusTag status=s.status />
            {s.demo.then(|| view! { <DemoBadge /> })}
            <OriginBadge origin=s.origin.clone() label=|t| t.incidents.origin_badge />
            <a class="button button--small no-print" href=format!("/incidents/{}/report", s.id)>{move || t().quick_report}</a>
            <a class="button button--small button--primary no-print" href="#dispatch">{move || i18n.t().dispatch.incident_title}</a>
            <a class="button button--small no-print" href={crate::video::RoomRef::Incident { id: s.id }.path()} data-testid="consult-link">{move || i18n.t().video.consult}</a>
            <a class="button button--small no-print" href=format!("/incidents/{}/decision", s.id) data-testid="decision-link">{move || i18n.t().models.open_decision}</a>
            <a class="button button--small no-print" href=format!("/alerts/new?incident={}", s.id) data-testid="alert-link">{move || i18n.t().alerts.for_incident}</a>
            <a class="button button--small no-print" href=format!("/incidents/{}/evaluation", s.id) data-testid="evaluation-link">{move || i18n.t().dispatch.evaluation_title}</a>
        </header>
        <p class="muted">{move || t().grade_by}</p>
        <div class="incident">
            <div class="incident__main">
                <h2>{move || t().duties_title}</h2>
                <DutyTable summary=s.clone() actions />
                <Actions detail=detail.clone() actions />
                <crate::dispatch::IncidentDispatchPanel incident=s.id closed=s.status == crate::incidents::IncidentStatus::Closed />
                <h2>{move || t().timeline_title}</h2>
                <Timeline entries=detail.timeline.clone() />
            </div>
            <div class="incident__side">
                <crate::cameras::IncidentCameras incident=s.id chosen=camera />
                <h2>{move || t().facts_title}</h2>
                <Facts detail=detail.clone() />
                <h2>{move || t().versions_title}</h2>
                <Versions versions=detail.versions.clone() />
                <Attachments incident=s.id attachments=detail.attachments.clone() />
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn Facts(detail: IncidentDetail) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let t = &i18n.t().incidents;
    let f = &detail.facts;
    let kind = crate::reference::accident_types()
        .iter()
        .find(|a| a.code == f.accident_type)
        .map_or("", |a| a.name(locale));
    let industry = crate::reference::industries()
        .iter()
        .find(|i| i.code == f.industry)
        .map_or(f.industry.as_str(), |i| i.name(locale));
    let c = f.casualties;
    let rows: Vec<(&'static str, String)> = vec![
        (t.accident_type, kind.to_string()),
        (t.industry, industry.to_string()),
        (
            t.occurred_at,
            crate::ui::time::format_minutes(f.occurred_at),
        ),
        (
            t.received_at,
            crate::ui::time::format_minutes(detail.summary.received_at),
        ),
        (
            t.place,
            format!(
                "{} {}",
                super::board_table::place_name(&f.region_code),
                f.address
            ),
        ),
        (t.lon, format!("{:.5}, {:.5}", f.lon, f.lat)),
        (t.enterprise, f.enterprise.clone()),
        (t.deaths, c.deaths.to_string()),
        (t.missing, c.missing.to_string()),
        (t.serious_injuries, c.serious_injuries.to_string()),
        (t.minor_injuries, c.minor_injuries.to_string()),
        (t.trapped, c.trapped.to_string()),
        (t.direct_loss, f.direct_loss_cny.to_string()),
        (t.hazmat, f.hazmat.clone()),
        (t.description, f.description.clone()),
        (t.source, t.source(detail.source).to_string()),
        (
            t.reporter,
            format!("{} {}", detail.reporter, detail.reporter_phone),
        ),
        (
            t.recorded_by,
            format!(
                "{} ({})",
                detail.unit_name,
                i18n.t().tier(detail.entered_tier)
            ),
        ),
        (
            t.followup_until,
            crate::ui::time::format_minutes(detail.summary.followup_until()),
        ),
    ];
    view! {
        <dl class="facts" data-testid="facts">
            {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
    .into_any()
}

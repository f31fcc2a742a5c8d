//! The incident page's scene video: its cameras and those of installations near the scene,
//! the first online one shown; the state of each in the picker.

use leptos::prelude::*;
use uuid::Uuid;

use super::panel::CameraPanel;
use super::picker::SourcePicker;
use crate::cameras::{LinkState, incident_cameras};
use crate::i18n::use_i18n;

/// `chosen` belongs to the page, so a reload of the incident keeps the reader's choice (and,
/// with the page's [`super::PanelKeeper`], the running video); until the reader chooses
/// (`None`) the first online camera shows.
#[component]
pub fn IncidentCameras(incident: Uuid, chosen: RwSignal<Option<Option<Uuid>>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().cameras;
    // Loaded in the browser only: the panel is nothing without it, and a resource nested in
    // the incident page's own (reloading) transition did not hydrate reliably.
    let cameras = LocalResource::new(move || incident_cameras(incident));
    let body = move || {
        let list = cameras.get()?.ok()?;
        let first = list
            .iter()
            .find(|c| c.health.state == LinkState::Online)
            .or(list.first())
            .map(|c| c.id);
        let shown = Signal::derive(move || chosen.get().unwrap_or(first));
        Some(if list.is_empty() {
            view! {
                <p class="muted">
                    {t().none_for_incident} " "
                    <a href=format!("/video/cameras?subject=incident:{incident}")>{t().register_one}</a>
                </p>
            }
            .into_any()
        } else {
            let full = move || {
                shown
                    .get()
                    .map(|id| crate::video::RoomRef::Camera { id }.path())
            };
            let choose = Callback::new(move |id| chosen.set(Some(id)));
            // A camera of a lower node's report says which node its video comes through.
            let relays: Vec<(Uuid, String)> = list
                .iter()
                .filter_map(|c| Some((c.id, c.relayed_from.clone()?)))
                .collect();
            let via = move || {
                let id = shown.get()?;
                let (_, node) = relays.iter().find(|(c, _)| *c == id)?;
                Some(
                    view! { <p class="muted camera-via" data-testid="camera-via">{t().relayed_via}{node.clone()}</p> },
                )
            };
            view! {
                <div class="camera-bar">
                    <SourcePicker cameras=list shown choose />
                    {move || full().map(|href| view! { <a class="button button--small" href=href>{t().open_full}</a> })}
                </div>
                <CameraPanel camera=shown keep="incident" />
                {via}
            }
            .into_any()
        })
    };
    view! {
        <section class="scene-video no-print" data-testid="scene-video">
            <h2>{move || t().scene_video}</h2>
            <Transition fallback=|| ()>{body}</Transition>
        </section>
    }
}

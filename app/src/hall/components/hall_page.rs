//! `/hall`: scenes to recall at the top, the wall layout editor on the left, every device with
//! its live status and controls on the right.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;

use super::device_card::DeviceCard;
use super::scene_bar::SceneBar;
use super::wall_editor::{EditorState, WallEditor};
use crate::error::ErrorNotice;
use crate::hall::{DeviceStatus, SaveHallScene, get_hall};
use crate::i18n::use_i18n;
use crate::live::{LiveEvent, use_live_events};

/// Live statuses by device id, shared by the cards.
pub type Statuses = RwSignal<HashMap<String, DeviceStatus>>;

#[component]
pub fn HallPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().hall;
    let save = ServerAction::<SaveHallScene>::new();
    let hall = Resource::new(move || save.version().get(), |_| get_hall());
    let statuses: Statuses = RwSignal::new(HashMap::new());
    let editor = EditorState::new();
    use_live_events(move |event| {
        if let LiveEvent::HallDevice { id, status } = event {
            statuses.update(|map| {
                map.insert(id.clone(), status.clone());
            });
        }
    });
    let loading = move || view! { <p>{move || i18n.t().loading}</p> };
    let body = move || {
        hall.get().map(|result| match result {
            Ok(hall) => {
                statuses.update_untracked(|map| {
                    for d in &hall.devices {
                        map.entry(d.id.clone()).or_insert_with(|| d.status.clone());
                    }
                });
                let cards = hall
                    .devices
                    .iter()
                    .cloned()
                    .map(|device| view! { <DeviceCard device statuses /> })
                    .collect_view();
                view! {
                    <SceneBar scenes=hall.scenes.clone() devices=hall.devices.clone() />
                    <div class="hall">
                        <section class="hall__wall">
                            <WallEditor hall=hall.clone() save state=editor />
                        </section>
                        <section class="hall__devices" data-testid="hall-devices">
                            <h2>{t().devices}</h2>
                            {cards}
                        </section>
                    </div>
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--hall" data-testid="section-hall">
            <Title text=move || t().title />
            <header class="page__header">
                <h1>{move || t().title}</h1>
                <p class="muted">{move || t().hint}</p>
            </header>
            <Transition fallback=loading>{body}</Transition>
        </section>
    }
    .into_any()
}

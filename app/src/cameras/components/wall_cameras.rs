//! The video wall's scene video: two panels under the map, each with its own camera. The
//! choice is remembered by the wall's browser, so the hall sets it once; until then the first
//! online cameras are shown. Nothing shows while the jurisdiction has no cameras.

use leptos::prelude::*;
use uuid::Uuid;

use super::panel::CameraPanel;
use super::picker::SourcePicker;
use crate::cameras::{Camera, LinkState, list_cameras};

const SLOTS: [&str; 2] = ["wall-a", "wall-b"];

#[component]
pub fn WallCameras() -> impl IntoView {
    let registry = Resource::new(|| (), |_| list_cameras());
    let body = move || {
        let cameras = registry.get()?.ok()?.cameras;
        if cameras.is_empty() {
            return None;
        }
        let defaults = first_online(&cameras);
        let panels = SLOTS
            .into_iter()
            .zip(defaults)
            .map(|(slot, default)| {
                let chosen = RwSignal::new(default);
                // In the browser only (the server cannot know): first restore, then remember.
                let list = cameras.clone();
                Effect::new(move |restored: Option<()>| {
                    let now = chosen.get();
                    if restored.is_none() {
                        if let Some(id) = remembered(slot, &list).filter(|id| now != Some(*id)) {
                            chosen.set(Some(id));
                        }
                    } else {
                        remember(slot, now);
                    }
                });
                view! {
                    <div class="wall__camera">
                        <SourcePicker cameras=cameras.clone() shown=chosen choose=Callback::new(move |id| chosen.set(id)) />
                        <CameraPanel camera=chosen keep=slot wall=true />
                    </div>
                }
            })
            .collect_view();
        Some(view! { <div class="wall__video" data-testid="wall-video">{panels}</div> })
    };
    view! { <Transition fallback=|| ()>{body}</Transition> }
}

/// One camera per slot, online ones first.
fn first_online(cameras: &[Camera]) -> [Option<Uuid>; 2] {
    let mut order: Vec<&Camera> = cameras.iter().collect();
    order.sort_by_key(|c| c.health.state != LinkState::Online);
    [order.first().map(|c| c.id), order.get(1).map(|c| c.id)]
}

fn key(slot: &str) -> String {
    format!("yingji.wall.{slot}")
}

/// The slot's remembered camera, if it is still one of `cameras`.
fn remembered(slot: &str, cameras: &[Camera]) -> Option<Uuid> {
    #[cfg(feature = "hydrate")]
    {
        let storage = web_sys::window()?.local_storage().ok()??;
        let id = Uuid::parse_str(&storage.get_item(&key(slot)).ok()??).ok()?;
        cameras.iter().any(|c| c.id == id).then_some(id)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (key(slot), cameras);
        None
    }
}

fn remember(slot: &str, camera: Option<Uuid>) {
    #[cfg(feature = "hydrate")]
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = match camera {
            Some(id) => storage.set_item(&key(slot), &id.to_string()),
            None => storage.remove_item(&key(slot)),
        };
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (slot, camera);
}

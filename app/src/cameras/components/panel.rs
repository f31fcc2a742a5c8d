//! One live camera in a `<video>`, with its state over it. The element and its connection are
//! made in the browser; a [`PanelKeeper`] from the page keeps them across re-renders of the
//! part of the page the panel sits in, so a reload of the page's data never blanks the video.

use leptos::html::Div;
use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::video::SignalProblem;

/// What a panel shows (set by the browser's viewer).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Watch {
    /// No camera chosen.
    #[default]
    Idle,
    Connecting,
    Live,
    /// The camera is not sending (the node cannot reach it).
    Offline,
    /// The signalling socket closed.
    Lost,
    Refused(SignalProblem),
}

impl Watch {
    fn key(self) -> &'static str {
        match self {
            Watch::Idle => "idle",
            Watch::Connecting => "connecting",
            Watch::Live => "live",
            Watch::Offline => "offline",
            Watch::Lost => "lost",
            Watch::Refused(_) => "refused",
        }
    }
}

/// Keeps panels' video elements and connections, by slot, while the page lives.
#[derive(Clone, Copy)]
pub struct PanelKeeper {
    #[cfg(feature = "hydrate")]
    kept: StoredValue<Vec<(&'static str, Kept)>, LocalStorage>,
}

#[cfg(feature = "hydrate")]
struct Kept {
    camera: Uuid,
    video: web_sys::HtmlVideoElement,
    viewer: super::super::viewer::Viewer,
}

impl PanelKeeper {
    /// A keeper for the page; panels below it find it in the context.
    pub fn provide() {
        provide_context(PanelKeeper {
            #[cfg(feature = "hydrate")]
            kept: StoredValue::new_local(Vec::new()),
        });
    }
}

#[component]
pub fn CameraPanel(
    #[prop(into)] camera: Signal<Option<Uuid>>,
    /// Names the panel for the page's keeper (one name per panel of the page).
    keep: &'static str,
    /// Larger text for the video wall.
    #[prop(optional)]
    wall: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(Watch::Idle);
    let screen = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    attach(camera, keep, state, screen);
    #[cfg(not(feature = "hydrate"))]
    let _ = (camera, keep);
    let status = move || {
        let t = &i18n.t().cameras;
        match state.get() {
            Watch::Idle => Some(t.no_source.to_string()),
            Watch::Connecting => Some(t.connecting.to_string()),
            Watch::Live => None,
            Watch::Offline => Some(t.offline.to_string()),
            Watch::Lost => Some(t.lost.to_string()),
            Watch::Refused(problem) => Some(i18n.t().video.problem(problem).to_string()),
        }
    };
    view! {
        <div class="camera-panel" class:camera-panel--wall=wall data-state=move || state.get().key() data-testid="camera-panel">
            <div class="camera-panel__screen" node_ref=screen></div>
            {move || status().map(|text| view! { <p class="camera-panel__status" role="status">{text}</p> })}
        </div>
    }
}

/// Puts the chosen camera's video into the screen: the kept one if the page kept it, a new
/// element and connection otherwise; hands them back to the keeper when the panel goes.
#[cfg(feature = "hydrate")]
fn attach(
    camera: Signal<Option<Uuid>>,
    slot: &'static str,
    state: RwSignal<Watch>,
    screen: NodeRef<Div>,
) {
    use wasm_bindgen::JsCast;

    let keeper = use_context::<PanelKeeper>();
    let own = StoredValue::new_local(None::<Kept>);
    Effect::new(move |_| {
        let Some(el) = screen.get() else { return };
        let chosen = camera.get();
        let previous = own.try_update_value(Option::take).flatten().or_else(|| {
            keeper.and_then(|k| {
                k.kept.try_update_value(|kept| {
                    let at = kept.iter().position(|(s, _)| *s == slot)?;
                    Some(kept.remove(at).1)
                })?
            })
        });
        let Some(chosen) = chosen else {
            drop(previous);
            el.set_inner_html("");
            state.set(Watch::Idle);
            return;
        };
        let kept = match previous {
            Some(kept) if kept.camera == chosen => {
                kept.viewer.rebind(state);
                kept
            }
            other => {
                drop(other);
                let Some(video) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.create_element("video").ok())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlVideoElement>().ok())
                else {
                    return;
                };
                // Muted and inline: browsers autoplay only silent, inline video.
                video.set_muted(true);
                video.set_autoplay(true);
                let _ = video.set_attribute("playsinline", "");
                video.set_class_name("camera-panel__video");
                let Some(viewer) =
                    super::super::viewer::Viewer::watch(chosen, video.clone(), state)
                else {
                    state.set(Watch::Lost);
                    return;
                };
                Kept {
                    camera: chosen,
                    video,
                    viewer,
                }
            }
        };
        el.set_inner_html("");
        let _ = el.append_child(&kept.video);
        // A video moved in the document pauses; carry on.
        let _ = kept.video.play();
        own.set_value(Some(kept));
    });
    on_cleanup(move || {
        let Some(kept) = own.try_update_value(Option::take).flatten() else {
            return;
        };
        match keeper {
            Some(k) => {
                let _ = k.kept.try_update_value(|all| all.push((slot, kept)));
            }
            None => drop(kept),
        }
    });
}

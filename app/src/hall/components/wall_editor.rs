//! The wall layout editor: the wall's tiles as a grid, a source chosen for each; tiles showing
//! the same source side by side become one spanning window when saved. A saved scene can be
//! loaded to change it (its displays and cameras are kept).

use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::hall::{HallView, SaveHallScene, Scene, tiles_from_windows, windows_from_tiles};
use crate::i18n::use_i18n;

/// What is being edited; it lives with the page, so a reload of the hall after a save (or a
/// refused save) keeps the operator's work.
#[derive(Clone, Copy)]
pub struct EditorState {
    tiles: RwSignal<Vec<Option<String>>>,
    name: RwSignal<String>,
    /// The scene being changed, whose displays and cameras a save keeps.
    base: RwSignal<Option<Scene>>,
}

impl EditorState {
    pub fn new() -> EditorState {
        EditorState {
            tiles: RwSignal::new(Vec::new()),
            name: RwSignal::new(String::new()),
            base: RwSignal::new(None),
        }
    }
}

#[component]
pub fn WallEditor(
    hall: HallView,
    save: ServerAction<SaveHallScene>,
    state: EditorState,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().hall;
    let wall = hall.wall.clone();
    let EditorState { tiles, name, base } = state;
    if tiles.with_untracked(Vec::len) != wall.tiles() {
        tiles.set(vec![None; wall.tiles()]);
    }
    let sources = hall.sources.clone();
    let scenes = hall.scenes.clone();
    let load = {
        let wall = wall.clone();
        move |scene: Scene| {
            tiles.set(tiles_from_windows(&wall, &scene.windows));
            name.set(scene.name.clone());
            base.set(Some(scene));
        }
    };
    let loaders = scenes
        .into_iter()
        .map(|s| {
            let load = load.clone();
            let label = s.scene.name.clone();
            view! { <button class="button" type="button" on:click=move |_| load(s.scene.clone())>{label}</button> }
        })
        .collect_view();
    let grid = (0..wall.tiles())
        .map(|i| {
            let options = sources
                .iter()
                .map(|s| {
                    let id = s.id.clone();
                    let selected = move || tiles.with(|t| t[i].as_deref() == Some(id.as_str()));
                    view! { <option value=s.id.clone() selected=selected>{s.name.clone()}</option> }
                })
                .collect_view();
            let source_index = {
                let sources = sources.clone();
                move || {
                    tiles.with(|t| {
                        t[i].as_ref()
                            .and_then(|id| sources.iter().position(|s| &s.id == id))
                            .map_or("none".to_string(), |p| (p % 8).to_string())
                    })
                }
            };
            let label = format!("{} {}", t.wall, i + 1);
            view! {
                <label class=move || format!("wall__tile wall__tile--{}", source_index())>
                    <span class="wall__number">{(i + 1).to_string()}</span>
                    <select aria-label=label
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            tiles.update(|t| t[i] = (!value.is_empty()).then_some(value));
                        }>
                        <option value="" selected=move || tiles.with(|t| t[i].is_none())>{t.empty_tile}</option>
                        {options}
                    </select>
                </label>
            }
        })
        .collect_view();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let windows = windows_from_tiles(&wall, &tiles.get_untracked());
        let kept = base.get_untracked();
        save.dispatch(SaveHallScene {
            scene: Scene {
                name: name.get_untracked(),
                windows,
                displays: kept
                    .as_ref()
                    .map(|s| s.displays.clone())
                    .unwrap_or_default(),
                cameras: kept.map(|s| s.cameras).unwrap_or_default(),
            },
        });
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.saved}</p> })
    };
    let failed = move || match save.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <h2>{t.wall}</h2>
        <div class="wall__loaders">{loaders}</div>
        <form class="form" on:submit=submit data-testid="wall-editor">
            <div class="wall" style=format!("--wall-cols: {}", hall.wall.cols) data-testid="wall">{grid}</div>
            <label class="field">
                <span class="field__label">{t.scene_name}</span>
                <input maxlength="60" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
            </label>
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.save_scene}</button>
            </div>
            {saved}
            {failed}
        </form>
    }
}

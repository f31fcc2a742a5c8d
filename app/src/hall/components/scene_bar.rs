//! One button per saved scene; after a recall, what failed (device and reason) while the rest
//! applied, or that everything did.

use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::hall::{DeviceView, RecallScene, SceneView};
use crate::i18n::use_i18n;
use crate::ui::DemoBadge;

#[component]
pub fn SceneBar(scenes: Vec<SceneView>, devices: Vec<DeviceView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().hall;
    let recall = ServerAction::<RecallScene>::new();
    let buttons = if scenes.is_empty() {
        view! { <p class="muted">{t.no_scenes}</p> }.into_any()
    } else {
        scenes
            .into_iter()
            .map(|s| {
                let id = s.id;
                let label = format!("{} {}", t.recall, s.scene.name);
                view! {
                    <button class="button button--primary scene-button" type="button"
                        disabled=move || recall.pending().get()
                        on:click=move |_| { recall.dispatch(RecallScene { id }); }>
                        {label}
                    </button>
                    {s.demo.then(|| view! { <DemoBadge /> })}
                }
            })
            .collect_view()
            .into_any()
    };
    let name_of = move |id: &str| {
        devices
            .iter()
            .find(|d| d.id == id)
            .map_or_else(|| id.to_string(), |d| d.name.clone())
    };
    let report = move || {
        recall.value().get().map(|result| match result {
            Ok(outcomes) => {
                let failed: Vec<String> = outcomes
                    .iter()
                    .filter(|o| o.error.is_some())
                    .map(|o| t.failed_step(&name_of(&o.step.device), o))
                    .collect();
                if failed.is_empty() {
                    view! { <p class="notice notice--ok" role="status" data-testid="scene-report">{t.recalled}</p> }
                        .into_any()
                } else {
                    let items = failed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view();
                    view! {
                        <div class="notice notice--error" role="alert" data-testid="scene-report">
                            <p>{t.recall_failed}</p>
                            <ul>{items}</ul>
                        </div>
                    }
                    .into_any()
                }
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="scene-bar" aria-label=t.scenes data-testid="scene-bar">
            <h2>{t.scenes}</h2>
            <div class="scene-bar__buttons">{buttons}</div>
            {report}
        </section>
    }
}

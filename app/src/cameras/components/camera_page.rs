//! `/video/camera/:id`: one camera, as large as the screen allows (a tablet in the field, a
//! window of the video wall).

use leptos::prelude::*;
use leptos_meta::Title;

use super::panel::CameraPanel;
use crate::cameras::list_cameras;
use crate::i18n::use_i18n;
use crate::ui::DemoBadge;

#[component]
pub fn CameraPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().cameras;
    let id = crate::ui::url::use_route_id();
    let registry = Resource::new(|| (), |_| list_cameras());
    // The camera's name and subject; a camera outside the list (an incident shared with this
    // unit) still plays, under the generic title.
    let heading = move || {
        let camera = registry
            .get()
            .and_then(Result::ok)
            .and_then(|r| r.cameras.into_iter().find(|c| Some(c.id) == id.get()));
        match camera {
            Some(c) => view! {
                <h1>{c.name.clone()}</h1>
                <span class="muted">{format!("{} · {}", t().kind_name(c.kind), c.subject_name)}</span>
                {c.demo.then(|| view! { <DemoBadge /> })}
            }
            .into_any(),
            None => view! { <h1>{t().scene_video}</h1> }.into_any(),
        }
    };
    view! {
        <section class="page page--camera" data-testid="camera-page">
            <Title text=move || t().scene_video />
            <header class="page__header camera-page__header">
                <Transition fallback=move || view! { <h1>{t().scene_video}</h1> }>{heading}</Transition>
                <a class="button button--small" href="/video/cameras">{move || t().registry_link}</a>
            </header>
            <CameraPanel camera=id keep="page" />
        </section>
    }
}

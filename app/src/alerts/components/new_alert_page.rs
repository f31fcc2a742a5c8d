//! `/alerts/new` (`?incident=<id>` starts from that incident): the form for a new draft; saved,
//! the alert's own page takes over.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use uuid::Uuid;

use super::alert_form::AlertForm;
use crate::alerts::model::AlertForm as Values;
use crate::alerts::{SaveAlert, draft_from_incident};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;

#[component]
pub fn NewAlertPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().alerts;
    let query = use_query_map();
    let incident = Memo::new(move |_| {
        query
            .read()
            .get("incident")
            .and_then(|s| Uuid::parse_str(&s).ok())
    });
    // Loaded through a resource even when blank, so server and browser start from one form.
    let initial = Resource::new(
        move || incident.get(),
        |incident| async move {
            match incident {
                Some(id) => draft_from_incident(id).await,
                None => Ok(Values::blank(crate::ui::time::now_unix())),
            }
        },
    );
    let save = ServerAction::<SaveAlert>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = save.value().get() {
            navigate(&format!("/alerts/{id}"), Default::default());
        }
    });
    let body = move || {
        initial.get().map(|result| match result {
            Ok(initial) => view! { <AlertForm initial id=None revision=0 save /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--alert-new" data-testid="new-alert-page">
            <Title text=move || t().new_title />
            <header class="page__header">
                <p><a href="/alerts">{move || t().title}</a></p>
                <h1>{move || t().new_title}</h1>
            </header>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

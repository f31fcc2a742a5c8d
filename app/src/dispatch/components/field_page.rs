//! 现场终端: the tablet page of a unit on the ground. One dispatch, big buttons for its next
//! step, and its position (the tablet's location fix, or typed when there is none).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

use super::live_cards::merged;
use crate::dispatch::{
    DispatchCard, DispatchStatus, ReportDispatchPosition, SetDispatchStatus, apply, get_dispatch,
};
use crate::error::{AppError, ErrorNotice};
use crate::i18n::use_i18n;
use crate::live::{LiveEvent, use_live_events};
use crate::resources::format_quantity;
use crate::ui::time::format_hm;

#[component]
pub fn FieldPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = crate::ui::url::use_route_id();
    let step = ServerAction::<SetDispatchStatus>::new();
    let loaded = Resource::new(
        move || (id.get(), step.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_dispatch(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let (live, set_live) = signal(Vec::<DispatchCard>::new());
    use_live_events(move |event| {
        if let LiveEvent::Dispatch { dispatch } = event
            && Some(dispatch.id) == id.get_untracked()
        {
            set_live.update(|list| apply(list, dispatch.clone()));
        }
    });
    let body = move || {
        loaded.get().map(|result| match result {
            Ok(loaded) => {
                let card = live
                    .with(|l| merged(std::slice::from_ref(&loaded), l))
                    .pop()
                    .unwrap_or(loaded);
                view! { <FieldView card step /> }.into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <Title text=move || i18n.t().dispatch.field_title />
        <section class="page page--field" data-testid="field-page">
            <header class="page__header page__header--compact">
                <h1>{move || i18n.t().dispatch.field_title}</h1>
                <crate::incidents::LiveStatus />
            </header>
            <p class="muted">{move || i18n.t().dispatch.field_hint}</p>
            <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
        </section>
    }
    .into_any()
}

#[component]
fn FieldView(card: DispatchCard, step: ServerAction<SetDispatchStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale_untracked();
    let (t, rt) = (&locale.texts().dispatch, &locale.texts().resources);
    let id = card.id.to_string();
    // The next step stands out; later ones (a step the unit forgot) and withdrawal follow.
    let steps = card
        .status
        .next()
        .enumerate()
        .map(|(i, next)| {
            let id = id.clone();
            let class = if i == 0 && next != DispatchStatus::Withdrawn {
                "button button--huge button--primary"
            } else {
                "button button--huge"
            };
            view! {
                <ActionForm action=step attr:class="terminal__step">
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="status" value=next.key() />
                    <button class=class type="submit" data-testid=format!("step-{}", next.key())>{t.action(next)}</button>
                </ActionForm>
            }
        })
        .collect_view();
    let quantity = card
        .resource_kind
        .by_quantity()
        .then(|| format!(" · {}{}", format_quantity(card.quantity), card.unit));
    view! {
        <div class="terminal">
            <h2 class="terminal__name">{card.resource_name.clone()}</h2>
            <p class="terminal__status">
                <span class=format!("tag tag--large tag--dispatch-{}", card.status.key()) data-testid="field-status">{t.status(card.status)}</span>
            </p>
            <p>{rt.kind(card.resource_kind)} {quantity}</p>
            <p><a href=format!("/incidents/{}", card.incident_id)>{card.incident_title.clone()}</a></p>
            <p class="muted">{rt.eta} " " {format_hm(card.expected_arrival())}</p>
            <div class="terminal__steps">{steps}</div>
            {move || match step.value().get() {
                Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
                _ => None,
            }}
            {card.status.is_active().then(|| view! { <PositionForm id=card.id /> })}
        </div>
    }
    .into_any()
}

#[component]
fn PositionForm(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = &i18n.locale_untracked().texts().dispatch;
    let report = ServerAction::<ReportDispatchPosition>::new();
    let lon = RwSignal::new(String::new());
    let lat = RwSignal::new(String::new());
    let no_fix = RwSignal::new(false);
    // The tablet's fix fills the fields and sends them; without one the fields stay to type in.
    let locate = move |_| {
        #[cfg(feature = "hydrate")]
        super::super::geolocation::locate(move |fix| match fix {
            Some((x, y)) => {
                lon.set(format!("{x:.6}"));
                lat.set(format!("{y:.6}"));
                report.dispatch(ReportDispatchPosition {
                    id,
                    lon: lon.get_untracked(),
                    lat: lat.get_untracked(),
                });
            }
            None => no_fix.set(true),
        });
    };
    view! {
        <section class="terminal__position">
            <button class="button button--huge" type="button" on:click=locate data-testid="locate">{t.report_position}</button>
            {move || no_fix.get().then(|| view! { <p class="notice">{t.position_unavailable}</p> })}
            <ActionForm action=report attr:class="form form__row" attr:aria-label=t.report_position>
                <input type="hidden" name="id" value=id.to_string() />
                <label class="field"><span class="field__label">{t.lon}</span>
                    <input name="lon" inputmode="decimal" prop:value=lon on:input=move |e| lon.set(event_target_value(&e)) />
                </label>
                <label class="field"><span class="field__label">{t.lat}</span>
                    <input name="lat" inputmode="decimal" prop:value=lat on:input=move |e| lat.set(event_target_value(&e)) />
                </label>
                <button class="button" type="submit">{t.report_typed}</button>
            </ActionForm>
            {move || match report.value().get() {
                Some(Ok(())) => Some(view! { <p class="notice notice--ok" role="status">{t.position_sent}</p> }.into_any()),
                Some(Err(error)) => Some(view! { <ErrorNotice error /> }.into_any()),
                None => None,
            }}
        </section>
    }
    .into_any()
}

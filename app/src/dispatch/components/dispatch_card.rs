//! One dispatch as a card: who, where it stands, when it should arrive (red once late), and
//! the buttons that move it on.

use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::dispatch::{DispatchCard, DispatchStatus, SetDispatchStatus};
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::resources::format_quantity;
use crate::ui::clock::use_now;
use crate::ui::time::{format_hm, format_seconds};

/// What the card shows besides the resource: the incident (on the global board) and the
/// buttons (where the reader may dispatch).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct CardOptions {
    pub show_incident: bool,
    pub actions: bool,
}

#[component]
pub fn DispatchCardView(card: DispatchCard, options: CardOptions) -> impl IntoView {
    let i18n = use_i18n();
    // Its own action, so an error shows on the card it concerns; the new state arrives live.
    let action = ServerAction::<SetDispatchStatus>::new();
    let now = use_now();
    let locale = i18n.locale_untracked();
    let t = &locale.texts().dispatch;
    let rt = &locale.texts().resources;
    let late = {
        let card = card.clone();
        Signal::derive(move || card.overdue(now.get()))
    };
    let id = card.id.to_string();
    // The next step, and withdrawal: one obvious action per card (skipping a step is for the
    // field terminal).
    let buttons = (options.actions && card.status.is_active()).then(|| {
        card.status
            .next()
            .enumerate()
            .filter(|(i, next)| *i == 0 || *next == DispatchStatus::Withdrawn)
            .map(|(_, next)| {
                let id = id.clone();
                let class = if next == DispatchStatus::Withdrawn {
                    "button button--small"
                } else {
                    "button button--small button--primary"
                };
                view! {
                    <ActionForm action attr:class="inline">
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="status" value=next.key() />
                        <button class=class type="submit">{t.action(next)}</button>
                    </ActionForm>
                }
            })
            .collect_view()
    });
    let quantity = card
        .resource_kind
        .by_quantity()
        .then(|| format!(" · {}{}", format_quantity(card.quantity), card.unit));
    let arrival = match card.arrived_at {
        Some(at) => format!("{} {}", t.status(DispatchStatus::Arrived), format_hm(at)),
        None => format!(
            "{} {} · {:.0} {}",
            rt.eta,
            format_hm(card.expected_arrival()),
            card.distance_km,
            rt.km
        ),
    };
    view! {
        <article class="dispatch-card" class:dispatch-card--late=late data-testid="dispatch-card" data-status=card.status.key()>
            <header class="dispatch-card__head">
                <strong class="dispatch-card__name">{card.resource_name.clone()}</strong>
                <span class=format!("tag tag--dispatch-{}", card.status.key())>{t.status(card.status)}</span>
            </header>
            <p class="dispatch-card__line muted">{rt.kind(card.resource_kind)} {quantity}</p>
            {options.show_incident.then(|| view! {
                <p class="dispatch-card__line"><a href=format!("/incidents/{}", card.incident_id)>{card.incident_title.clone()}</a></p>
            })}
            <p class="dispatch-card__line">{arrival}</p>
            <p class="dispatch-card__late" role="status">{move || late.get().then_some(t.late)}</p>
            {card.position.map(|(lon, lat, at)| view! {
                <p class="dispatch-card__line muted">{t.last_position} " " {format!("{lon:.4}, {lat:.4}")} " · " {format_seconds(at)}</p>
            })}
            {(!card.contact_phone.is_empty()).then(|| view! {
                <p class="dispatch-card__line"><a href=format!("tel:{}", card.contact_phone)>{card.contact_phone.clone()}</a></p>
            })}
            <div class="dispatch-card__actions">
                {buttons}
                {(options.actions && card.status.is_active()).then(|| view! {
                    <a class="button button--small" href=format!("/dispatch/{}/field", card.id)>{t.field_link}</a>
                })}
            </div>
            {move || match action.value().get() {
                Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
                _ => None,
            }}
        </article>
    }
    .into_any()
}

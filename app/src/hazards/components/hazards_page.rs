//! `/decision`: the decision-support section's home — the major-hazard registry of the unit's
//! jurisdiction, graded after GB 18218-2018, on a map and in a table, with the form to add one.

use leptos::prelude::*;
use leptos_meta::Title;

use super::hazard_form::HazardForm;
use crate::error::ErrorNotice;
use crate::hazards::{MajorHazard, SaveHazard, list_hazards};
use crate::i18n::use_i18n;
use crate::map::{ListLayer, ListMap};
use crate::models::hazard::HazardGrade;

#[component]
pub fn HazardsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().models;
    let save = ServerAction::<SaveHazard>::new();
    let items = Resource::new(move || save.version().get(), |_| list_hazards());
    let body = move || {
        items.get().map(|result| match result {
            Ok(items) => view! { <Registry items /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <section class="page page--hazards" data-testid="section-decision">
            <Title text=move || t().hazards_title />
            <header class="page__header">
                <h1>{move || i18n.t().sections.decision.name}</h1>
                <p class="muted">{move || t().hazards_hint}</p>
            </header>
            <div class="hazards">
                <div>
                    <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
                </div>
                <HazardForm save />
            </div>
        </section>
    }
    .into_any()
}

pub fn grade_key(grade: Option<HazardGrade>) -> &'static str {
    match grade {
        Some(HazardGrade::First) => "first",
        Some(HazardGrade::Second) => "second",
        Some(HazardGrade::Third) => "third",
        Some(HazardGrade::Fourth) => "fourth",
        None => "none",
    }
}

#[component]
fn Registry(items: Vec<MajorHazard>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().models;
    let rows = items
        .iter()
        .map(|h| {
            let substances = h
                .substances
                .iter()
                .map(|s| {
                    let name = s.substance.as_deref().map_or_else(|| s.category.clone().unwrap_or_default(), |k| i18n.t().models.chemical(k));
                    format!("{name} {} t", crate::resources::format_quantity(s.quantity_t.unwrap_or_default()))
                })
                .collect::<Vec<_>>()
                .join("、");
            let grade = h.grade;
            view! {
                <tr data-testid="hazard-row">
                    <td>{h.name.clone()}{h.demo.then(|| view! { " " <span class="badge badge--demo">{move || i18n.t().demo_badge}</span> })}</td>
                    <td>{h.enterprise.clone()}</td>
                    <td>{substances}</td>
                    <td class="num">{format!("{:.2}", h.sum_ratio)}</td>
                    <td class="num">{format!("{:.1}", h.r_value)}</td>
                    <td><span class=format!("hazard-grade hazard-grade--{}", grade_key(grade))>{move || t().hazard_grade(grade)}</span></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <ListMap layer=ListLayer::Hazards(items.clone()) label=|t| t.models.hazards_title testid="hazard-map" />
        <div class="table-wrap">
            <table class="table table--dense" data-testid="hazards">
                <thead><tr>
                    <th>{move || t().hazard_name}</th>
                    <th>{move || t().enterprise}</th>
                    <th>{move || t().substance}</th>
                    <th class="num">"S"</th>
                    <th class="num">"R"</th>
                    <th>{move || t().grade}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="field__hint">{move || t().hazards_standard}</p>
    }
    .into_any()
}

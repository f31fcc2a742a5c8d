//! The scenario: substance, event, amount and weather. Every change recomputes at once; a
//! value out of range is marked at its field and leaves the last zones on the map.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::models::chemicals;
use crate::models::scenario::{Event, Scenario, ThreatZones};
use crate::models::sigma::SigmaSet;
use crate::models::stability::Insolation;
use crate::models::{Problems, StabilityClass};

#[component]
pub fn ScenarioForm(
    scenario: RwSignal<Scenario>,
    zones: Memo<Result<ThreatZones, Problems>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().models;
    let error = move |field: &'static str| {
        move || {
            zones.with(|z| match z {
                Err(p) => p.0.iter().find(|(f, _)| f == field).map(|(_, problem)| {
                    view! { <span class="field__error" role="alert">{t().problem(problem)}</span> }
                }),
                Ok(_) => None,
            })
        }
    };
    let number = move |set: fn(&mut Scenario, f64)| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev)
                .trim()
                .parse::<f64>()
                .unwrap_or(f64::NAN);
            scenario.update(|s| set(s, value));
        }
    };
    let english = move || i18n.t().models.english;
    let daytime = move || scenario.with(|s| s.daytime);
    view! {
        <form class="decision__form" on:submit=|ev| ev.prevent_default() data-testid="scenario-form">
            <div class="decision__row">
            <label class="field">
                <span class="field__label">{move || t().chemical}</span>
                <select name="chemical" on:change=move |ev| { let v = event_target_value(&ev); scenario.update(|s| s.chemical = v); }>
                    {move || chemicals::all().iter().map(|c| {
                        let key = c.key.clone();
                        let selected = scenario.with_untracked(|s| s.chemical == key);
                        let name = if english() { c.name_en.clone() } else { c.name_zh.clone() };
                        view! { <option value=key selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                {error("chemical")}
            </label>
            <label class="field">
                <span class="field__label">{move || t().event}</span>
                <select name="event" on:change=move |ev| {
                    if let Some(e) = Event::parse(&event_target_value(&ev)) { scenario.update(|s| s.event = e); }
                }>
                    {Event::ALL.into_iter().map(|e| view! {
                        <option value=e.key() selected=move || scenario.with(|s| s.event == e)>{move || t().event(e)}</option>
                    }).collect_view()}
                </select>
                {error("event")}
            </label>
            </div>
            <div class="decision__row">
            <label class="field">
                <span class="field__label">{move || t().amount(scenario.with(|s| s.event))}</span>
                <input name="amount" type="number" inputmode="decimal" step="any" min="0"
                    prop:value=move || scenario.with_untracked(|s| s.amount.to_string())
                    on:input=number(|s, v| s.amount = v) />
                {error("amount")}
            </label>
                <label class="field">
                    <span class="field__label">{move || t().wind_speed}</span>
                    <input name="wind_speed" type="number" inputmode="decimal" step="any" min="0"
                        prop:value=move || scenario.with_untracked(|s| s.wind_speed.to_string())
                        on:input=number(|s, v| s.wind_speed = v) />
                    {error("wind_speed")}
                </label>
                <label class="field">
                    <span class="field__label">{move || t().wind_from}</span>
                    <input name="wind_from" type="number" inputmode="numeric" step="any" min="0" max="360"
                        prop:value=move || scenario.with_untracked(|s| s.wind_from.to_string())
                        on:input=number(|s, v| s.wind_from = v) />
                    {error("wind_from")}
                </label>
            </div>
            <div class="decision__row">
                <label class="field">
                    <span class="field__label">{move || format!("{} / {}", t().daytime, t().night)}</span>
                    <select name="daytime" on:change=move |ev| { let day = event_target_value(&ev) == "day"; scenario.update(|s| s.daytime = day); }>
                        <option value="day" selected=daytime>{move || t().daytime}</option>
                        <option value="night" selected=move || !daytime()>{move || t().night}</option>
                    </select>
                </label>
                <label class="field" class:hidden=move || !daytime()>
                    <span class="field__label">{move || t().insolation}</span>
                    <select name="insolation" on:change=move |ev| {
                        let i = match event_target_value(&ev).as_str() { "strong" => Insolation::Strong, "slight" => Insolation::Slight, _ => Insolation::Moderate };
                        scenario.update(|s| s.insolation = Some(i));
                    }>
                        {[(Insolation::Strong, "strong"), (Insolation::Moderate, "moderate"), (Insolation::Slight, "slight")].into_iter().map(|(i, key)| view! {
                            <option value=key selected=move || scenario.with(|s| s.insolation == Some(i))>{move || t().insolation(i)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().cloud_oktas}</span>
                    <select name="cloud_oktas" on:change=move |ev| {
                        let c = event_target_value(&ev).parse().unwrap_or(0);
                        scenario.update(|s| s.cloud_oktas = c);
                    }>
                        {(0..=8u8).map(|c| view! { <option value=c.to_string() selected=move || scenario.with(|s| s.cloud_oktas == c)>{c.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <div class="decision__row">
                <label class="field">
                    <span class="field__label">{move || t().stability}</span>
                    <select name="stability" on:change=move |ev| {
                        let class = StabilityClass::parse(&event_target_value(&ev));
                        scenario.update(|s| s.stability = class);
                    }>
                        <option value="" selected=move || scenario.with(|s| s.stability.is_none())>
                            {move || {
                                let used = zones.with(|z| z.as_ref().ok().and_then(|z| z.stability));
                                format!("{}{}", t().stability_auto, used.map(|c| format!("（{}）", c.letter())).unwrap_or_default())
                            }}
                        </option>
                        {StabilityClass::ALL.into_iter().map(|c| view! {
                            <option value=c.letter() selected=move || scenario.with(|s| s.stability == Some(c))>{c.letter()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field__label">{move || t().sigma_set}</span>
                    <select name="sigma_set" on:change=move |ev| {
                        let key = event_target_value(&ev);
                        if let Some(set) = SigmaSet::ALL.into_iter().find(|s| s.key() == key) { scenario.update(|s| s.sigma_set = set); }
                    }>
                        {SigmaSet::ALL.into_iter().map(|set| view! {
                            <option value=set.key() selected=move || scenario.with(|s| s.sigma_set == set)>{move || t().sigma_set(set)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
        </form>
    }
    .into_any()
}

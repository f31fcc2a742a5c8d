//! The zones' reach, the evacuation distance, what lies inside, and the model's fine print.

use leptos::prelude::*;

use crate::decision::Affected;
use crate::i18n::use_i18n;
use crate::models::Problems;
use crate::models::scenario::ThreatZones;

/// Demo counts to two significant figures: the grid is no finer than that.
fn people_text(people: f64) -> String {
    if people < 100.0 {
        return format!("{people:.0}");
    }
    let scale = 10f64.powf(people.log10().floor() - 1.0);
    format!("≈{:.0}", (people / scale).round() * scale)
}

#[component]
pub fn ZoneSummary(
    zones: Memo<Result<ThreatZones, Problems>>,
    inside: Memo<Option<Affected>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().models;
    let rt = move || &i18n.t().resources;
    let summary = move || {
        let z = zones.get().ok()?;
        let affected = inside.get().unwrap_or_default();
        let evacuation = z.evacuation_m.map(|m| {
            view! {
                <p class="decision__evacuation" data-testid="evacuation">
                    <span>{t().evacuation}</span>
                    <strong>{t().distance(m)}</strong>
                </p>
            }
        });
        let rows = z.zones.iter().map(|zone| {
            let contents = affected.zones.iter().find(|c| c.tier == zone.tier);
            let people = contents.map_or(0.0, |c| c.people);
            let names = contents.map(|c| c.resources.iter().map(|r| format!("{}（{}）", r.name, rt().kind(r.kind))).collect::<Vec<_>>().join("、")).unwrap_or_default();
            let tier = zone.tier;
            view! {
                <tr class=format!("zone-row zone-row--{}", tier.key()) data-testid="zone-row">
                    <th scope="row"><span class="zone-swatch"></span>{t().tier(tier)}</th>
                    <td>{zone.level.clone()}</td>
                    <td class="num">{t().distance(zone.distance_m)}</td>
                    <td class="num" data-testid="zone-people">{people_text(people)}</td>
                    <td>{if names.is_empty() { t().none_inside.to_string() } else { names }}</td>
                </tr>
            }
        }).collect_view();
        let shelters = affected
            .shelters
            .iter()
            .map(|r| r.name.clone())
            .collect::<Vec<_>>()
            .join("、");
        let warnings = z
            .warnings
            .iter()
            .map(|w| view! { <li>{t().warning(w)}</li> })
            .collect_view();
        let assumptions = z.assumptions.iter().map(|a| view! {
            <li>{format!("{} = {}", a.key, a.value)}{a.defaulted.then(|| format!("（{}）", t().defaulted))}</li>
        }).collect_view();
        Some(view! {
            {evacuation}
            <p class="muted">{format!("{}：{}", t().model_used, t().model(z.model))}" · "{t().computed_here}</p>
            <div class="table-wrap">
                <table class="table table--dense" data-testid="zones">
                    <thead><tr>
                        <th>{t().zone}</th><th>{t().level}</th><th class="num">{t().reach}</th>
                        <th class="num">{t().people_demo}</th>
                        <th>{t().resources_inside}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="field__hint">{t().population_demo}</p>
            <p><strong>{t().shelters_outside}</strong>"：" {if shelters.is_empty() { t().none_inside.to_string() } else { shelters }}</p>
            {(!z.warnings.is_empty()).then(|| view! {
                <div class="notice notice--building" data-testid="model-warnings"><strong>{t().warnings}</strong><ul>{warnings}</ul></div>
            })}
            <details class="decision__assumptions"><summary>{t().assumptions}</summary><ul>{assumptions}</ul></details>
        })
    };
    view! { <div class="decision__summary" data-testid="zone-summary">{summary}</div> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::people_text;

    #[test]
    fn demo_people_are_shown_to_two_figures() {
        assert_eq!(people_text(42.4), "42");
        assert_eq!(people_text(6013.0), "≈6000");
        assert_eq!(people_text(26_272.0), "≈26000");
        assert_eq!(people_text(70_285.0), "≈70000");
    }
}

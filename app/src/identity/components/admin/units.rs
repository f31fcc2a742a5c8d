use leptos::form::ActionForm;
use leptos::prelude::*;

use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::identity::{CreateUnit, OrgKind, OrgUnitView, list_units};
use crate::site::NodeTier;
use crate::ui::{Field, SelectField};

/// Units of the jurisdiction as a table, and a form to add one below them.
#[component]
pub fn UnitsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateUnit>::new();
    let units = Resource::new(move || create.version().get(), |_| list_units());
    let form_ref = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(form)) = (create.value().get(), form_ref.get()) {
            form.reset();
        }
    });
    let outcome = move || match create.value().get()? {
        Ok(_) => {
            Some(view! { <p class="notice" role="status">{i18n.t().units.created}</p> }.into_any())
        }
        Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
    };
    let list = move || {
        units.get().map(|result| match result {
            Ok(units) => view! { <UnitTable units /> }.into_any(),
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    let parent_options = move || {
        units
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|unit| view! { <option value=unit.id.to_string()>{unit.name}</option> })
            .collect_view()
    };
    let tier_options = move || {
        NodeTier::ALL
            .into_iter()
            .filter(|tier| *tier != NodeTier::National)
            .map(|tier| view! { <option value=tier.as_str()>{i18n.t().tier(tier)}</option> })
            .collect_view()
    };
    let kind_options = move || {
        OrgKind::ALL
            .into_iter()
            .map(
                |kind| view! { <option value=kind.key()>{i18n.t().units.kind_name(kind)}</option> },
            )
            .collect_view()
    };
    let form = move || {
        let t = &i18n.t().units;
        let choose = i18n.t().admin.choose;
        view! {
            <h2>{t.create_title}</h2>
            <ActionForm action=create node_ref=form_ref attr:class="form form--wide">
                <Field label=t.name><input name="name" required maxlength="100" /></Field>
                <SelectField label=t.parent name="parent_id" placeholder=choose>{parent_options}</SelectField>
                <SelectField label=t.tier name="tier" placeholder=choose>{tier_options}</SelectField>
                <SelectField label=t.kind name="kind" placeholder=choose>{kind_options}</SelectField>
                <Field label=t.region hint=t.region_hint><input name="region_code" required inputmode="numeric" pattern="[0-9]{6}" maxlength="6" /></Field>
                <button class="button button--primary" type="submit" disabled=move || create.pending().get()>
                    {t.create}
                </button>
            </ActionForm>
            {outcome}
        }
    };
    view! {
        <h2>{move || i18n.t().units.title}</h2>
        <Transition fallback=|| ()>{list}</Transition>
        // The form reads a resource (its choice of units): inside a Transition like every
        // resource read, or concurrent server rendering can deadlock the reactive graph.
        <Transition fallback=|| ()>{form}</Transition>
    }
}

#[component]
fn UnitTable(units: Vec<OrgUnitView>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || &i18n.t().units;
    let names: std::collections::HashMap<_, _> =
        units.iter().map(|u| (u.id, u.name.clone())).collect();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="unit-table">
                <thead>
                    <tr>
                        <th>{move || t().name}</th>
                        <th>{move || t().tier}</th>
                        <th>{move || t().kind}</th>
                        <th>{move || t().region}</th>
                        <th>{move || t().parent}</th>
                    </tr>
                </thead>
                <tbody>
                    {units.into_iter().map(|unit| {
                        let (tier, kind) = (unit.tier, unit.kind);
                        let parent = unit.parent_id.and_then(|p| names.get(&p).cloned());
                        view! {
                            <tr>
                                <td>{unit.name}</td>
                                <td>{move || i18n.t().tier(tier)}</td>
                                <td>{move || t().kind_name(kind)}</td>
                                <td>{unit.region_code}</td>
                                <td>{parent.unwrap_or_default()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

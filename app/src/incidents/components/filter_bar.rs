//! The filter of a board or map: grade (this or graver) and province, kept in the address.

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::i18n::use_i18n;
use crate::incidents::{Grade, IncidentFilter};
use crate::reference::{RegionLevel, regions};

/// The filter in the current address.
pub fn use_filter() -> Memo<IncidentFilter> {
    let query = use_query_map();
    Memo::new(move |_| {
        let query = query.read();
        IncidentFilter::parse(
            query.get("grade").as_deref(),
            query.get("region").as_deref(),
        )
    })
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let i18n = use_i18n();
    let filter = use_filter();
    let form = move || {
        let t = &i18n.t().incidents;
        let current = filter.get();
        let grades = Grade::ALL
            .into_iter()
            .map(|g| {
                let selected = current.grade == Some(g);
                view! { <option value=g.key() selected=selected>{t.grade(g)} {t.at_least}</option> }
            })
            .collect_view();
        let provinces = regions()
            .iter()
            .filter(|r| r.level == RegionLevel::Province)
            .map(|r| {
                let selected = current.region.as_deref() == Some(r.code);
                view! { <option value=r.code selected=selected>{r.name}</option> }
            })
            .collect_view();
        view! {
            <Form method="GET" action="" attr:class="filters" attr:aria-label=t.filter_title>
                <label class="filters__field">
                    <span>{t.filter_grade}</span>
                    <select name="grade">
                        <option value="">{t.filter_all}</option>
                        {grades}
                    </select>
                </label>
                <label class="filters__field">
                    <span>{t.filter_region}</span>
                    <select name="region">
                        <option value="">{t.filter_all}</option>
                        {provinces}
                    </select>
                </label>
                <button class="button" type="submit">{t.filter_apply}</button>
            </Form>
        }
    };
    view! { {form} }
}

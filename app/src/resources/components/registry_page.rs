//! 应急资源: the registry of the unit's jurisdiction, filtered from the address (so a list can
//! be shared, printed and exported as shown), with the form that adds or edits an entry.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use super::import_panel::ImportPanel;
use super::resource_editor::ResourceEditor;
use super::resource_table::ResourceTable;
use crate::error::ErrorNotice;
use crate::i18n::use_i18n;
use crate::map::{ListLayer, ListMap};
use crate::resources::{Capability, ResourceKind, ResourceQuery, SaveResource, list_resources};

/// The query in the current address.
pub fn use_resource_query() -> Memo<ResourceQuery> {
    let params = use_query_map();
    Memo::new(move |_| {
        let params = params.read();
        ResourceQuery::from_params(|key| params.get(key))
    })
}

#[component]
pub fn RegistryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_resource_query();
    let save = ServerAction::<SaveResource>::new();
    let imported = RwSignal::new(0_u32);
    let page = Resource::new(
        move || (query.get(), save.version().get(), imported.get()),
        |(query, _, _)| list_resources(query),
    );
    let body = move || {
        page.get().map(|result| match result {
            Ok(page) => {
                let t = &i18n.t().resources;
                let shown = page.items.len() as u64;
                let count = if shown < page.total {
                    format!("{} {} · {} {shown}", t.total, page.total, t.shown)
                } else {
                    format!("{} {}", t.total, page.total)
                };
                view! {
                    <p class="muted" data-testid="resource-count">{count}</p>
                    <ListMap layer=ListLayer::Resources(page.items.clone()) label=|t| t.resources.map_label testid="resource-map" />
                    <ResourceTable items=page.items />
                }
                .into_any()
            }
            Err(error) => view! { <ErrorNotice error /> }.into_any(),
        })
    };
    view! {
        <Title text=move || i18n.t().resources.registry_title />
        <section class="page page--registry" data-testid="registry-page">
            <header class="page__header page__header--compact">
                <h1>{move || i18n.t().resources.registry_title}</h1>
                <a class="button button--small" href="/dispatch">{move || i18n.t().dispatch.board_title}</a>
            </header>
            <p class="muted">{move || i18n.t().resources.registry_hint}</p>
            <div class="registry">
                <div class="registry__list">
                    <QueryBar query />
                    <ImportPanel query on_imported=move || imported.update(|n| *n += 1) />
                    <Transition fallback=move || view! { <p>{move || i18n.t().loading}</p> }>{body}</Transition>
                </div>
                <aside class="registry__editor">
                    <ResourceEditor save />
                </aside>
            </div>
        </section>
    }
    .into_any()
}

/// Kind, capability, text and ready-only, as a GET form (works without JavaScript).
#[component]
fn QueryBar(query: Memo<ResourceQuery>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let t = &i18n.t().resources;
        let current = query.get();
        let kinds = ResourceKind::ALL
            .into_iter()
            .map(|k| view! { <option value=k.key() selected=current.kind == Some(k)>{t.kind(k)}</option> })
            .collect_view();
        let caps = Capability::ALL
            .into_iter()
            .map(|c| {
                view! { <option value=c.key() selected=current.capability == Some(c)>{t.capability(c)}</option> }
            })
            .collect_view();
        view! {
            <Form method="GET" action="" attr:class="filters" attr:aria-label=t.apply>
                <label class="filters__field">
                    <span>{t.kind}</span>
                    <select name="kind"><option value="">{t.all_kinds}</option>{kinds}</select>
                </label>
                <label class="filters__field">
                    <span>{t.capabilities}</span>
                    <select name="cap"><option value="">{t.any_capability}</option>{caps}</select>
                </label>
                <label class="filters__field">
                    <span>{t.search}</span>
                    <input type="search" name="q" value=current.text.clone() maxlength="50" />
                </label>
                <label class="filters__check">
                    <input type="checkbox" name="ready" value="1" checked=current.ready_only />
                    {t.ready_only}
                </label>
                <button class="button" type="submit">{t.apply}</button>
            </Form>
        }
    }
}

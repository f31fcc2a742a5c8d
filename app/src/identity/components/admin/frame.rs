use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::identity::Permission;
use crate::identity::context::signed_in_can;
use crate::sections::Section;

/// The administration's heading and tabs, and a plain word for those who are not administrators.
#[component]
pub fn AdminFrame(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let allowed = move || signed_in_can(Permission::UserAdmin);
    let tabs = move || {
        let t = &i18n.t().admin;
        [
            ("/admin", t.tab_users),
            ("/admin/units", t.tab_units),
            ("/admin/keys", t.tab_keys),
            ("/admin/sessions", t.tab_sessions),
            ("/admin/audit", t.tab_audit),
        ]
        .into_iter()
        .map(|(href, label)| view! { <A href=href exact=true>{label}</A> })
        .collect_view()
    };
    view! {
        <Title text=move || i18n.t().section(Section::Admin).name />
        <section class="page page--admin" data-testid="section-admin">
            <h1>{move || i18n.t().section(Section::Admin).name}</h1>
            // Only the notice depends on the user (a resource, so read inside a Transition); the
            // page itself is always built, outside it, and its server functions refuse others.
            <Transition fallback=|| ()>
                {move || (!allowed()).then(|| view! {
                    <p class="notice notice--error" role="alert">{move || i18n.t().admin.sign_in_required}</p>
                })}
            </Transition>
            <nav class="tabs" aria-label=move || i18n.t().admin.tabs_label>{tabs}</nav>
            {children()}
        </section>
    }
}

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::use_i18n;
use crate::sections::Section;

/// Navigation for every subsystem; sections not built yet are marked, never hidden.
#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    let item = move |section: Section| {
        let name = move || i18n.t().section(section).name;
        view! {
            <li>
                <A href=section.path() attr:class="nav__link" attr:data-section=section.key()>
                    <span class="nav__glyph" aria-hidden="true">{section.glyph()}</span>
                    <span class="nav__name">{name}</span>
                    {(!section.is_available())
                        .then(|| view! { <span class="nav__building" aria-hidden="true"></span> })}
                </A>
            </li>
        }
    };
    view! {
        <nav class="nav" aria-label=move || i18n.t().nav_label>
            <ul>
                <li>
                    <A href="/" attr:class="nav__link" attr:data-section="home" exact=true>
                        <span class="nav__glyph" aria-hidden="true">"览"</span>
                        <span class="nav__name">{move || i18n.t().home.title}</span>
                    </A>
                </li>
                {Section::ALL.into_iter().map(item).collect_view()}
            </ul>
        </nav>
    }
}

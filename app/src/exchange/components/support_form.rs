//! 请求支援: whom to ask (the parent or a child), what, how many, where to, for which incident.

use leptos::form::ActionForm;
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::ErrorNotice;
use crate::exchange::support::RequestSupport;
use crate::exchange::{PeerView, Relation};
use crate::i18n::use_i18n;
use crate::resources::ResourceKind;
use crate::ui::{Field, SelectField};

#[component]
pub fn SupportRequestForm(
    ask: ServerAction<RequestSupport>,
    neighbours: Vec<PeerView>,
    incidents: Vec<(Uuid, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let texts = i18n.locale_untracked().texts();
    let t = &texts.exchange;
    if neighbours.is_empty() {
        return view! { <p class="muted" data-testid="support-unavailable">{t.no_neighbours}</p> }
            .into_any();
    }
    let node = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if let (Some(Ok(_)), Some(el)) = (ask.value().get(), node.get()) {
            el.reset();
        }
    });
    let recipients = neighbours
        .into_iter()
        .map(|p| {
            let label = format!("{}（{}）", p.name, t.relation(p.relation));
            let selected = p.relation == Relation::Parent;
            view! { <option value=p.node_id selected=selected>{label}</option> }
        })
        .collect_view();
    let kinds = ResourceKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.key()>{texts.resources.kind(k)}</option> })
        .collect_view();
    let incidents = incidents
        .into_iter()
        .map(|(id, title)| view! { <option value=id.to_string()>{title}</option> })
        .collect_view();
    let sent = move || {
        matches!(ask.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice notice--ok" role="status">{t.request_sent}</p> })
    };
    let failed = move || match ask.value().get() {
        Some(Err(error)) => Some(view! { <ErrorNotice error /> }),
        _ => None,
    };
    view! {
        <ActionForm action=ask node_ref=node attr:class="form" attr:aria-label=t.new_support attr:data-testid="support-form">
            <h3>{t.new_support}</h3>
            <SelectField label=t.support_to name="form[to]" placeholder=t.choose_recipient>{recipients}</SelectField>
            <div class="form__row">
                <SelectField label=t.need_kind name="form[kind]" placeholder=t.choose_kind>{kinds}</SelectField>
                <Field label=t.quantity><input name="form[quantity]" type="number" min="1" max="9999" inputmode="numeric" /></Field>
            </div>
            <Field label=t.need_detail><input name="form[detail]" maxlength="500" /></Field>
            <Field label=t.place><input name="form[place]" maxlength="200" /></Field>
            <Field label=t.incident_link>
                <select name="form[incident]">
                    <option value="">{t.no_incident}</option>
                    {incidents}
                </select>
            </Field>
            <Field label=t.note><textarea name="form[note]" rows="2"></textarea></Field>
            <div class="form__actions">
                <button class="button button--primary" type="submit">{t.request_send}</button>
            </div>
            {sent}
            {failed}
        </ActionForm>
    }
    .into_any()
}

use leptos::prelude::*;

/// A labelled form control: the label above, the control, and an optional hint below.
#[component]
pub fn Field(
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            {children()}
            {hint.map(|hint| view! { <span class="field__hint">{hint}</span> })}
        </label>
    }
}

/// A required choice in a form: label, the list, and an empty first option asking to choose.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    placeholder: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <Field label>
            <select name=name required>
                <option value="">{placeholder}</option>
                {children()}
            </select>
        </Field>
    }
}

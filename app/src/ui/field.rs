use leptos::prelude::*;

/// A required choice in a form: label, the list, and an empty first option asking to choose.
#[component]
pub fn SelectField(
    label: &'static str,
    name: &'static str,
    placeholder: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field__label">{label}</span>
            <select name=name required>
                <option value="">{placeholder}</option>
                {children()}
            </select>
        </label>
    }
}

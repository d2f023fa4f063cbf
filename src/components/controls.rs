//! The controls a [`Field`] wraps; each takes its id and aria wiring from the field.

use super::field::{field_ctx, Field, FieldLayout};
use leptos::prelude::*;

/// The kinds of text a [`TextInput`] takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    /// Never offered to a password manager to save: `autocomplete` says what it is.
    Password,
    Url,
    Search,
    /// Whole numbers: the numeric keyboard on touch screens, checked by the form.
    Number,
}

impl InputKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Password => "password",
            Self::Url => "url",
            Self::Search => "search",
            Self::Number => "text",
        }
    }
    fn input_mode(self) -> Option<&'static str> {
        (self == Self::Number).then_some("numeric")
    }
}

/// A text input wired to its [`Field`].
#[component]
pub fn TextInput(
    value: RwSignal<String>,
    #[prop(optional)] kind: InputKind,
    #[prop(into, optional)] placeholder: MaybeProp<String>,
    /// The `autocomplete` token; `off` when not given.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// Monospaced, for ids and dates.
    #[prop(optional)]
    mono: bool,
) -> impl IntoView {
    let f = field_ctx();
    view! {
        <input id=f.id class="field__input" class:mono=mono type=kind.as_str() inputmode=kind.input_mode() placeholder=move || placeholder.get()
            autocomplete=autocomplete.unwrap_or("off") required=f.required disabled=move || f.disabled.get()
            aria-invalid=move || f.invalid.get().to_string() aria-describedby=f.described_by
            prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())/>
    }
}

/// A multi-line text input wired to its [`Field`].
#[component]
pub fn TextArea(value: RwSignal<String>, #[prop(default = 4)] rows: u32) -> impl IntoView {
    let f = field_ctx();
    view! {
        <textarea id=f.id class="field__input" rows=rows disabled=move || f.disabled.get()
            aria-invalid=move || f.invalid.get().to_string() aria-describedby=f.described_by
            prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())></textarea>
    }
}

/// A select wired to its [`Field`]; `options` are (value, label) pairs.
#[component]
pub fn Select(
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    /// The first option, with the empty value ("Choose…", "All").
    #[prop(into)]
    empty: String,
) -> impl IntoView {
    let f = field_ctx();
    let option = move |(v, label): (String, String)| {
        let key = v.clone();
        view! { <option value=v selected=move || value.with(|cur| *cur == key)>{label}</option> }
    };
    view! {
        <select id=f.id class="field__input" disabled=move || f.disabled.get()
            aria-invalid=move || f.invalid.get().to_string() aria-describedby=f.described_by
            on:change:target=move |ev| value.set(ev.target().value())>
            <option value="" selected=move || value.with(String::is_empty)>{empty}</option>
            {options.into_iter().map(option).collect_view()}
        </select>
    }
}

/// A checkbox wired to its [`Field`] (use [`FieldLayout::Check`]).
#[component]
pub fn Checkbox(checked: RwSignal<bool>) -> impl IntoView {
    let f = field_ctx();
    view! {
        <input id=f.id type="checkbox" class="field__check" disabled=move || f.disabled.get()
            aria-describedby=f.described_by prop:checked=move || checked.get()
            on:change:target=move |ev| checked.set(ev.target().checked())/>
    }
}

/// Radio buttons as one segmented choice, inside a [`FieldLayout::Group`] field.
#[component]
pub fn Segmented<T>(
    value: RwSignal<T>,
    /// (value, the radio's `value` attribute, its label).
    options: Vec<(T, &'static str, &'static str)>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let f = field_ctx();
    let radio = move |(choice, attr, label): (T, &'static str, &'static str)| {
        view! {
            <label class="segmented__option">
                <input type="radio" name=f.id.clone() value=attr prop:checked=move || value.get() == choice
                    on:change=move |_| value.set(choice)/>
                {format!(" {label}")}
            </label>
        }
    };
    view! { <div class="segmented">{options.into_iter().map(radio).collect_view()}</div> }
}

/// A labelled text input: a [`Field`] around a [`TextInput`].
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: MaybeProp<String>,
    #[prop(into, optional)] placeholder: MaybeProp<String>,
    #[prop(optional)] kind: InputKind,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <Field id label hint error required disabled>
            <TextInput value kind placeholder autocomplete=autocomplete.unwrap_or("off")/>
        </Field>
    }
}

/// A labelled checkbox: a [`Field`] around a [`Checkbox`].
#[component]
pub fn CheckField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(into, optional)] hint: MaybeProp<String>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <Field id label hint disabled layout=FieldLayout::Check>
            <Checkbox checked/>
        </Field>
    }
}

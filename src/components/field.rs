//! One way to give any control its label, hint and error: a [`Field`] provides the ids and the
//! invalid state through context, and each control ([`TextInput`], [`TextArea`], [`Select`],
//! [`Checkbox`], [`Segmented`], the key/value editor) reads them, so the wiring for screen
//! readers (`for`, `aria-describedby`, `aria-invalid`) is written once.

use crate::models::FieldErrors;
use leptos::context::Provider;
use leptos::prelude::*;

/// How a field places its label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FieldLayout {
    /// Label above the control, hint and error below.
    #[default]
    Stacked,
    /// A checkbox: the control first, its label beside it.
    Check,
    /// Several controls (radios, key/value rows) in a fieldset named by a legend.
    Group,
    /// A compact field in a filter bar.
    Toolbar,
}

/// What a control needs from the field around it.
#[derive(Clone)]
pub struct FieldCtx {
    pub id: String,
    pub described_by: String,
    pub invalid: Signal<bool>,
    pub disabled: Signal<bool>,
    pub required: bool,
}

fn field_ctx() -> FieldCtx {
    expect_context::<FieldCtx>()
}

#[component]
pub fn Field(
    /// The control's id; the label points at it, `{id}-hint` and `{id}-error` describe it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    #[prop(into, optional)] hint: MaybeProp<String>,
    /// The field's validation message, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
    #[prop(into, optional)] disabled: Signal<bool>,
    #[prop(optional)] layout: FieldLayout,
    children: Children,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let has_hint = hint.get_untracked().is_some();
    let described_by = if has_hint { format!("{hint_id} {error_id}") } else { error_id.clone() };
    let invalid = Signal::derive(move || error.with(Option::is_some));
    let ctx = FieldCtx { id: id.clone(), described_by: described_by.clone(), invalid, disabled, required };
    let star = required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> });
    let hint = has_hint.then(|| view! { <p class="field__hint" id=hint_id>{move || hint.get()}</p> });
    let error = view! { <p class="field__error" id=error_id aria-live="polite">{move || error.get()}</p> };
    let control = view! { <Provider value=ctx>{children()}</Provider> };
    match layout {
        FieldLayout::Stacked => view! {
            <div class="field" class:field--invalid=invalid>
                <label class="field__label" for=id>{label}{star}</label>
                {control}{hint}{error}
            </div>
        }
        .into_any(),
        FieldLayout::Check => view! {
            <div class="field field--check">
                {control}<label class="field__label" for=id>{label}</label>{hint}{error}
            </div>
        }
        .into_any(),
        FieldLayout::Group => view! {
            <fieldset class="field-group" class:field--invalid=invalid aria-describedby=described_by
                disabled=move || disabled.get()>
                <legend class="field__label">{label}{star}</legend>
                {control}{hint}{error}
            </fieldset>
        }
        .into_any(),
        FieldLayout::Toolbar => view! {
            <div class="toolbar__field" class:field--invalid=invalid>
                <label for=id>{label}</label>{control}{error}
            </div>
        }
        .into_any(),
    }
}

/// The kinds of text a [`TextInput`] takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputKind {
    #[default]
    Text,
    /// Never offered to a password manager to save: `autocomplete` says what it is.
    Password,
    Url,
    Search,
}

impl InputKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Password => "password",
            Self::Url => "url",
            Self::Search => "search",
        }
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
        <input id=f.id class="field__input" class:mono=mono type=kind.as_str() placeholder=move || placeholder.get()
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

/// The message a form's errors hold for one of its fields, as a field's `error`.
pub trait ErrorsOf<F> {
    fn error_of(self, field: F) -> Signal<Option<String>>;
}

impl<F: Copy + PartialEq + Send + Sync + 'static> ErrorsOf<F> for RwSignal<FieldErrors<F>> {
    fn error_of(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || self.with(|e| e.get(field).map(str::to_owned)))
    }
}

/// Shows `checked`'s errors on the form and, when there are any, moves focus to the first.
pub fn show_errors<F: Copy + PartialEq + Send + Sync + 'static>(
    errors: RwSignal<FieldErrors<F>>,
    checked: Result<(), FieldErrors<F>>,
) -> bool {
    let ok = checked.is_ok();
    errors.set(checked.err().unwrap_or_default());
    if !ok {
        focus_first_invalid();
    }
    ok
}

/// Moves focus to the first field marked invalid, so keyboard users land on the problem.
pub fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    // Errors render after this tick; look once the DOM has them.
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        if let Ok(Some(el)) = doc.query_selector("[aria-invalid=\"true\"]") {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

//! One way to give any control its label, hint and error: a [`Field`] provides the ids and the
//! invalid state through context, and each control (`controls.rs`, the key/value editor) reads
//! them, so the wiring for screen readers (`for`, `aria-describedby`, `aria-invalid`) is
//! written once.

use super::focus_when_drawn;
use crate::models::{FieldErrors, Validate};
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

pub(super) fn field_ctx() -> FieldCtx {
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
    let ctx = FieldCtx {
        id: id.clone(),
        described_by: described_by.clone(),
        invalid,
        disabled,
        required,
    };
    let star =
        required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> });
    let hint =
        has_hint.then(|| view! { <p class="field__hint" id=hint_id>{move || hint.get()}</p> });
    let error =
        view! { <p class="field__error" id=error_id aria-live="polite">{move || error.get()}</p> };
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

/// The message a form's errors hold for one of its fields, as a field's `error`.
pub trait ErrorsOf<F> {
    fn error_of(self, field: F) -> Signal<Option<String>>;
}

impl<F: Copy + PartialEq + Send + Sync + 'static> ErrorsOf<F> for RwSignal<FieldErrors<F>> {
    fn error_of(self, field: F) -> Signal<Option<String>> {
        Signal::derive(move || self.with(|e| e.get(field).map(str::to_owned)))
    }
}

/// A form's submit handler: nothing while `busy` (no double submit); the values `read`
/// gathers are checked at their fields, focus moving to the first problem; only valid values
/// go to `send`. What was typed stays in the fields whatever happens.
pub fn on_submit<T: Validate>(
    busy: Signal<bool>,
    errors: RwSignal<FieldErrors<T::Field>>,
    read: impl Fn() -> T + 'static,
    send: impl Fn(T) + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static {
    move |ev| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let values = read();
        match values.validate() {
            Ok(()) => {
                errors.set(FieldErrors::default());
                send(values);
            }
            Err(found) => {
                errors.set(found);
                focus_first_invalid();
            }
        }
    }
}

/// Moves focus to the first field marked invalid, so keyboard users land on the problem.
pub fn focus_first_invalid() {
    focus_when_drawn(&["[aria-invalid=\"true\"]"]);
}

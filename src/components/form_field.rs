use leptos::prelude::*;

/// A labelled text input with its hint and its error, wired for screen readers
/// (`aria-describedby`, `aria-invalid`).
#[component]
pub fn TextField(
    /// The input's id; the label points at it.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    /// The field's validation message, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    #[prop(into, optional)] hint: String,
    #[prop(into, optional)] placeholder: String,
    /// `text`, `password`, `url`…
    #[prop(into, default = "text".to_owned())]
    input_type: String,
    #[prop(optional)] required: bool,
    #[prop(into, optional)] autocomplete: String,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = !hint.is_empty();
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>
                {label}
                {required.then(|| view! { <span class="field__required" aria-hidden="true">" *"</span> })}
            </label>
            <input
                id=id
                class="field__input"
                type=input_type
                placeholder=placeholder
                autocomplete=if autocomplete.is_empty() { "off".to_owned() } else { autocomplete }
                required=required
                disabled=move || disabled.get()
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
            {has_hint.then(|| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
            <p class="field__error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
        </div>
    }
}

/// A labelled checkbox with an optional hint.
#[component]
pub fn CheckField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(into, optional)] hint: String,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let has_hint = !hint.is_empty();
    view! {
        <div class="field field--check">
            <input
                id=id.clone()
                type="checkbox"
                class="field__check"
                disabled=move || disabled.get()
                aria-describedby=if has_hint { hint_id.clone() } else { String::new() }
                prop:checked=move || checked.get()
                on:change:target=move |ev| checked.set(ev.target().checked())
            />
            <label class="field__label" for=id>{label}</label>
            {has_hint.then(|| view! { <p class="field__hint" id=hint_id>{hint}</p> })}
        </div>
    }
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

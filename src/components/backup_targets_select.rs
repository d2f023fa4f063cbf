use crate::models::BackupTarget;
use leptos::prelude::*;

/// How a target is named in pickers: its export and kind, since targets have no name.
pub fn target_label(t: &BackupTarget) -> String {
    let export = if t.export().is_empty() { t.id.as_str() } else { t.export() };
    let default = if t.is_default { ", default" } else { "" };
    format!("{export} ({}{default})", t.kind_label())
}

/// A labelled select of backup targets.
#[component]
pub fn BackupTargetSelect(
    #[prop(into)] id: String,
    targets: Vec<BackupTarget>,
    selected: RwSignal<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="field" class:field--invalid=move || error.with(Option::is_some)>
            <label class="field__label" for=id.clone()>"Backup target"<span class="field__required" aria-hidden="true">" *"</span></label>
            <select id=id class="field__input" disabled=move || disabled.get() aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:change:target=move |ev| selected.set(ev.target().value())>
                <option value="" selected=move || selected.get().is_empty()>"Choose a backup target…"</option>
                {targets.into_iter().map(|t| {
                    let value = t.id.clone();
                    let v2 = value.clone();
                    view! { <option value=value selected=move || selected.get() == v2>{target_label(&t)}</option> }
                }).collect_view()}
            </select>
            <p class="field__error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

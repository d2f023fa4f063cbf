use leptos::prelude::*;

/// One editable metadata row.
#[derive(Clone, Debug, PartialEq)]
pub struct KvRow {
    pub id: u64,
    pub key: String,
    pub value: String,
}

impl KvRow {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self { id: super::confirm_dialog::next_id(), key: key.into(), value: value.into() }
    }
}

/// The non-empty rows as pairs, or what is wrong with them (empty key, duplicate key).
pub fn validate_rows(rows: &[KvRow]) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let key = row.key.trim();
        let value = row.value.trim();
        if key.is_empty() && value.is_empty() {
            continue;
        }
        if key.is_empty() {
            return Err(format!("Row {}: enter a key for the value \"{value}\".", i + 1));
        }
        if key.len() > 255 || value.len() > 255 {
            return Err(format!("Row {}: keys and values are limited to 255 characters.", i + 1));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(format!("Row {}: the key \"{key}\" is used twice.", i + 1));
        }
        out.push((key.to_owned(), value.to_owned()));
    }
    Ok(out)
}

/// Key/value rows with add and remove buttons.
#[component]
pub fn KeyValueEditor(
    /// Unique prefix for the inputs' ids.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    rows: RwSignal<Vec<KvRow>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let set_field = move |row_id: u64, is_key: bool, text: String| {
        rows.update(|list| {
            if let Some(r) = list.iter_mut().find(|r| r.id == row_id) {
                if is_key {
                    r.key = text;
                } else {
                    r.value = text;
                }
            }
        })
    };
    let prefix = id.clone();
    let described_by = error_id.clone();
    view! {
        <fieldset class="kv-editor" aria-describedby=described_by>
            <legend class="field__label">{legend}</legend>
            <For each={move || rows.get().into_iter().enumerate().collect::<Vec<_>>()} key=|(_, r): &(usize, KvRow)| r.id let:item>
                {
                    let (index, row) = item;
                    let row_id = row.id;
                    let key_id = format!("{prefix}-key-{row_id}");
                    let value_id = format!("{prefix}-value-{row_id}");
                    view! {
                        <div class="kv-editor__row">
                            <label class="visually-hidden" for=key_id.clone()>{format!("Key {}", index + 1)}</label>
                            <input id=key_id class="field__input" placeholder="key" disabled=move || disabled.get()
                                prop:value=row.key.clone()
                                on:input:target=move |ev| set_field(row_id, true, ev.target().value()) />
                            <label class="visually-hidden" for=value_id.clone()>{format!("Value {}", index + 1)}</label>
                            <input id=value_id class="field__input" placeholder="value" disabled=move || disabled.get()
                                prop:value=row.value.clone()
                                on:input:target=move |ev| set_field(row_id, false, ev.target().value()) />
                            <button type="button" class="btn btn--ghost" disabled=move || disabled.get()
                                aria-label=format!("Remove metadata row {}", index + 1)
                                on:click=move |_| rows.update(|l| l.retain(|r| r.id != row_id))>"Remove"</button>
                        </div>
                    }
                }
            </For>
            <button type="button" class="btn btn--secondary btn--small" disabled=move || disabled.get()
                on:click=move |_| rows.update(|l| l.push(KvRow::new("", "")))>"Add metadata row"</button>
            <p class="field__error" id=error_id aria-live="polite">{move || error.get()}</p>
        </fieldset>
    }
}

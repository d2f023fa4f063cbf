use super::field::{Field, FieldLayout};
use leptos::prelude::*;

/// One editable metadata row; `id` keeps its inputs when other rows come and go.
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
    /// The rows as typed, for a model to validate.
    pub fn pairs(rows: &[KvRow]) -> Vec<(String, String)> {
        rows.iter().map(|r| (r.key.clone(), r.value.clone())).collect()
    }
}

/// Key/value rows with add and remove buttons, in one field named by `legend`.
#[component]
pub fn KeyValueEditor(
    /// Unique prefix for the inputs' ids; `{id}-error` holds the rows' error.
    #[prop(into)]
    id: String,
    #[prop(into)] legend: String,
    rows: RwSignal<Vec<KvRow>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let set_field = move |row_id: u64, is_key: bool, text: String| {
        rows.update(|list| {
            if let Some(r) = list.iter_mut().find(|r| r.id == row_id) {
                *(if is_key { &mut r.key } else { &mut r.value }) = text;
            }
        })
    };
    let prefix = id.clone();
    let row_view = move |(index, row): (usize, KvRow)| {
        let (row_id, n) = (row.id, index + 1);
        let (key_id, value_id) =
            (format!("{prefix}-key-{row_id}"), format!("{prefix}-value-{row_id}"));
        view! {
            <div class="kv-editor__row">
                <label class="visually-hidden" for=key_id.clone()>{format!("Key {n}")}</label>
                <input id=key_id class="field__input" placeholder="key" prop:value=row.key
                    on:input:target=move |ev| set_field(row_id, true, ev.target().value())/>
                <label class="visually-hidden" for=value_id.clone()>{format!("Value {n}")}</label>
                <input id=value_id class="field__input" placeholder="value" prop:value=row.value
                    on:input:target=move |ev| set_field(row_id, false, ev.target().value())/>
                <button type="button" class="btn btn--ghost" aria-label=format!("Remove metadata row {n}")
                    on:click=move |_| rows.update(|l| l.retain(|r| r.id != row_id))>"Remove"</button>
            </div>
        }
    };
    let numbered = move || rows.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <Field id label=legend error disabled layout=FieldLayout::Group>
            <div class="kv-editor">
                <For each=numbered key=|(_, r): &(usize, KvRow)| r.id children=row_view/>
                <button type="button" class="btn btn--secondary btn--small"
                    on:click=move |_| rows.update(|l| l.push(KvRow::new("", "")))>"Add metadata row"</button>
            </div>
        </Field>
    }
}

use super::field::{Field, FieldLayout};
use super::focus::focus_id;
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
    // Each row's inputs are `{id}-key-{row}` and `{id}-value-{row}`.
    let prefix = StoredValue::new(id.clone());
    let field_id =
        move |part: &str, row_id: u64| prefix.with_value(|p| format!("{p}-{part}-{row_id}"));
    let add_id = move || prefix.with_value(|p| format!("{p}-add"));
    // The rows' order alone: a keystroke changes `rows` but not this, so the rows' numbers are
    // not worked out again on every keystroke.
    let order = Memo::new(move |_| rows.with(|l| l.iter().map(|r| r.id).collect::<Vec<_>>()));
    let editor = NodeRef::<leptos::html::Div>::new();
    // A row added or removed changes the form as typing does, and a form holding the page
    // (`GuardedForm`) listens for typing. It hears of it before focus moves: focus entering a
    // form that holds nothing notes what the form holds as clean.
    let edit_rows = move |edit: &dyn Fn(&mut Vec<KvRow>), focus: String| {
        rows.update(|list| edit(list));
        let Some(editor) = editor.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            fields_changed(editor.into()).await;
            focus_id(&focus);
        });
    };
    // Focus goes where the removed row's button was (the next row, else "Add metadata row")
    // instead of falling to the document with the button.
    let remove = move |row_id: u64| {
        let next =
            order.with_untracked(|o| o.iter().skip_while(|id| **id != row_id).nth(1).copied());
        let focus = next.map_or_else(add_id, |next| field_id("key", next));
        edit_rows(&|list| list.retain(|r| r.id != row_id), focus);
    };
    // Focus goes to the new row's key, where typing starts.
    let add = move || {
        let row = KvRow::new("", "");
        let focus = field_id("key", row.id);
        edit_rows(&|list| list.push(row.clone()), focus);
    };
    let row_view = move |row: KvRow| {
        let row_id = row.id;
        // A row's number follows the rows removed above it.
        let n =
            move || order.with(|o| o.iter().position(|id| *id == row_id).map_or(0, |at| at + 1));
        let (key_id, value_id) = (field_id("key", row_id), field_id("value", row_id));
        view! {
            <div class="kv-editor__row">
                <label class="visually-hidden" for=key_id.clone()>{move || format!("Key {}", n())}</label>
                <input id=key_id class="field__input" placeholder="key" prop:value=row.key
                    on:input:target=move |ev| set_field(row_id, true, ev.target().value())/>
                <label class="visually-hidden" for=value_id.clone()>{move || format!("Value {}", n())}</label>
                <input id=value_id class="field__input" placeholder="value" prop:value=row.value
                    on:input:target=move |ev| set_field(row_id, false, ev.target().value())/>
                <button type="button" class="btn btn--ghost" aria-label=move || format!("Remove metadata row {}", n())
                    on:click=move |_| remove(row_id)>"Remove"</button>
            </div>
        }
    };
    view! {
        <Field id label=legend error disabled layout=FieldLayout::Group>
            <div class="kv-editor" node_ref=editor>
                <For each=move || rows.get() key=|r: &KvRow| r.id children=row_view/>
                <button type="button" id=add_id() class="btn btn--secondary btn--small"
                    on:click=move |_| add()>"Add metadata row"</button>
            </div>
        </Field>
    }
}

/// Tells the form around `control` that its fields changed without a keystroke (a row of fields
/// added or removed by a button), as typing does: with an `input` event, once the change is
/// drawn, so that the form compares what it holds then.
async fn fields_changed(control: web_sys::Element) {
    leptos::task::tick().await;
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = control.dispatch_event(&event);
    }
}

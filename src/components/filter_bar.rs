use super::controls::{InputKind, Select, TextInput};
use super::field::{Field, FieldLayout};
use leptos::prelude::*;

/// The filter row above a list: free text over every column, and one choice.
#[component]
pub fn FilterBar(
    search_id: &'static str,
    search: RwSignal<String>,
    /// What the text matches, e.g. "Export, type name, status…".
    placeholder: &'static str,
    choice_id: &'static str,
    choice_label: &'static str,
    choice: RwSignal<String>,
    /// (value, label) of each choice besides "all".
    options: Vec<(String, String)>,
    /// The label of the empty choice, e.g. "All types".
    all: &'static str,
) -> impl IntoView {
    view! {
        <div class="toolbar" role="search">
            <Field id=search_id label="Filter" layout=FieldLayout::Toolbar>
                <TextInput value=search kind=InputKind::Search placeholder/>
            </Field>
            <Field id=choice_id label=choice_label layout=FieldLayout::Toolbar>
                <Select value=choice options empty=all/>
            </Field>
        </div>
    }
}

/// `(value, label)` pairs for a [`FilterBar`] or a `Select`.
pub fn options(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect()
}

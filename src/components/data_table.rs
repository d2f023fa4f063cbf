//! Sorting shared by every table: one state, one header cell component.

use leptos::prelude::*;
use std::cmp::Ordering;

/// Which column a table is sorted by and in which direction.
#[derive(Clone, Copy)]
pub struct SortState {
    pub column: RwSignal<&'static str>,
    pub ascending: RwSignal<bool>,
}

impl SortState {
    pub fn new(column: &'static str, ascending: bool) -> Self {
        Self { column: RwSignal::new(column), ascending: RwSignal::new(ascending) }
    }

    pub fn toggle(&self, column: &'static str) {
        if self.column.get_untracked() == column {
            self.ascending.update(|a| *a = !*a);
        } else {
            self.column.set(column);
            self.ascending.set(true);
        }
    }

    /// Sorts `rows` by `key(row, column)`, keeping the original order among equals. Each
    /// row's key is computed once: live lists re-sort thousands of rows on every poll.
    pub fn apply<T>(&self, rows: &mut Vec<T>, key: impl Fn(&T, &str) -> SortKey) {
        let column = self.column.get();
        let ascending = self.ascending.get();
        let mut keyed: Vec<(SortKey, T)> = rows.drain(..).map(|r| (key(&r, column), r)).collect();
        keyed.sort_by(|a, b| {
            let o = a.0.cmp(&b.0);
            if ascending { o } else { o.reverse() }
        });
        rows.extend(keyed.into_iter().map(|(_, r)| r));
    }
}

/// What a column sorts by: text (case-insensitive) or a number, where a missing number
/// sorts after every present one.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey {
    Text(String),
    Number(Option<f64>),
}

impl Eq for SortKey {}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Number(a), SortKey::Number(b)) => cmp_opt_f64(*a, *b),
            // One column never mixes the two; any fixed order keeps this total.
            (SortKey::Text(_), SortKey::Number(_)) => Ordering::Less,
            (SortKey::Number(_), SortKey::Text(_)) => Ordering::Greater,
        }
    }
}

/// Case-insensitive text key for sorting.
pub fn text_key(text: &str) -> SortKey {
    SortKey::Text(text.to_lowercase())
}

/// Compares floats where `None` sorts last.
pub fn cmp_opt_f64(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A `<th>` whose button sorts the table; `aria-sort` tells screen readers the state.
#[component]
pub fn SortHeader(
    #[prop(into)] label: String,
    column: &'static str,
    sort: SortState,
) -> impl IntoView {
    let active = move || sort.column.get() == column;
    let aria = move || match (active(), sort.ascending.get()) {
        (false, _) => "none",
        (true, true) => "ascending",
        (true, false) => "descending",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort-button" on:click=move |_| sort.toggle(column)>
                {label}
                <span class="sort-button__icon" aria-hidden="true">
                    {move || match (active(), sort.ascending.get()) {
                        (false, _) => "↕",
                        (true, true) => "▲",
                        (true, false) => "▼",
                    }}
                </span>
            </button>
        </th>
    }
}

/// A column of a [`DataTable`]: its header text and, when it sorts, its sort key.
#[derive(Clone, Debug)]
pub struct Column {
    pub label: String,
    pub sort: Option<&'static str>,
}

/// A sortable column.
pub fn sortable(label: impl Into<String>, key: &'static str) -> Column {
    Column { label: label.into(), sort: Some(key) }
}

/// A column without sorting (actions, checkboxes).
pub fn fixed(label: impl Into<String>) -> Column {
    Column { label: label.into(), sort: None }
}

/// The frame every list uses: a live count line, a horizontally scrolling frame, the header
/// row with sortable columns, and the rows given as children.
#[component]
pub fn DataTable(
    /// The table's accessible name.
    #[prop(into)]
    label: String,
    columns: Vec<Column>,
    sort: SortState,
    /// The line above the table, e.g. "Showing 3 of 4 targets".
    #[prop(into)]
    count: Signal<String>,
    /// Header cells before the columns (a select-all checkbox).
    #[prop(optional)]
    lead: Option<Children>,
    /// The body rows.
    children: Children,
) -> impl IntoView {
    view! {
        <p class="table-count" aria-live="polite">{move || count.get()}</p>
        <div class="table-wrap">
            <table class="data-table" aria-label=label>
                <thead>
                    <tr>
                        {lead.map(|l| l())}
                        {columns.into_iter().map(|c| match c.sort {
                            Some(key) => view! { <SortHeader label=c.label column=key sort/> }.into_any(),
                            None => view! { <th scope="col">{c.label}</th> }.into_any(),
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

//! Sorting and the table frame shared by every list: one state, one header cell, one frame.

use crate::order::natural_cmp;
use leptos::prelude::*;
use std::cmp::Ordering;

/// The columns a table sorts by: an enum per table.
pub trait SortColumn: Copy + PartialEq + Send + Sync + 'static {}

impl<T: Copy + PartialEq + Send + Sync + 'static> SortColumn for T {}

/// Which column a table is sorted by and in which direction.
pub struct SortState<C: SortColumn> {
    pub column: RwSignal<C>,
    pub ascending: RwSignal<bool>,
}

impl<C: SortColumn> Clone for SortState<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: SortColumn> Copy for SortState<C> {}

impl<C: SortColumn> SortState<C> {
    pub fn new(column: C, ascending: bool) -> Self {
        Self { column: RwSignal::new(column), ascending: RwSignal::new(ascending) }
    }

    /// The page's order for this table, by `column` at first: it stays when the list reloads
    /// and the table is drawn anew (`kept`).
    pub fn kept(column: C, ascending: bool) -> Self {
        super::kept(|| Self::new(column, ascending))
    }

    pub fn toggle(&self, column: C) {
        if self.column.get_untracked() == column {
            self.ascending.update(|a| *a = !*a);
        } else {
            self.column.set(column);
            self.ascending.set(true);
        }
    }

    /// Sorts `rows` by `key(row, column)`, keeping the original order among equals. Each
    /// row's key is computed once: live lists re-sort thousands of rows on every poll.
    pub fn apply<T>(&self, rows: &mut Vec<T>, key: impl Fn(&T, C) -> SortKey) {
        let column = self.column.get();
        sort_rows(rows, |r| key(r, column), self.ascending.get());
    }

    /// The positions of `rows` in sorted order (see `apply`): the rows themselves stay put,
    /// so a long list is neither cloned nor moved to be sorted.
    pub fn order<T>(&self, rows: &[T], key: impl Fn(&T, C) -> SortKey) -> Vec<u32> {
        let column = self.column.get();
        let keyed: Vec<(SortKey, u32)> =
            rows.iter().zip(0u32..).map(|(r, i)| (key(r, column), i)).collect();
        sorted_positions(keyed, self.ascending.get())
    }

    fn aria_sort(&self, column: C) -> &'static str {
        match (self.column.get() == column, self.ascending.get()) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }
}

/// `rows` put in the order of their keys, equal keys in their original order (`SortState::apply`
/// without a table's state: a list given its table's first order before the table is drawn).
pub fn sort_rows<T>(rows: &mut Vec<T>, key: impl Fn(&T) -> SortKey, ascending: bool) {
    let keyed = rows.iter().zip(0u32..).map(|(r, i)| (key(r), i)).collect();
    let order = sorted_positions(keyed, ascending);
    let mut taken: Vec<Option<T>> = rows.drain(..).map(Some).collect();
    rows.extend(order.into_iter().filter_map(|i| taken.get_mut(i as usize)?.take()));
}

/// The positions, sorted by their keys, equal keys in their original order. Not generic, and
/// never inlined: every table shares this one copy of the sort (a sort is kilobytes of wasm).
#[inline(never)]
fn sorted_positions(mut keyed: Vec<(SortKey, u32)>, ascending: bool) -> Vec<u32> {
    fold_text_keys(&mut keyed);
    keyed.sort_by(|a, b| if ascending { a.0.cmp(&b.0) } else { b.0.cmp(&a.0) });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The names' keys folded all at once (`fold_texts`: case and accents), not one by one.
fn fold_text_keys(keyed: &mut [(SortKey, u32)]) {
    let mut texts: Vec<String> = keyed
        .iter_mut()
        .filter_map(|(k, _)| match k {
            SortKey::Folded(text) => Some(std::mem::take(text)),
            _ => None,
        })
        .collect();
    crate::format::fold_texts(&mut texts);
    let mut folded = texts.into_iter();
    for (k, _) in keyed.iter_mut() {
        if let SortKey::Folded(text) = k {
            *text = folded.next().unwrap_or_default();
        }
    }
}

/// What a column sorts by: text as written, text as people order names (case and accents
/// folded when the column is sorted, numbers in it by their value), or a number, where a
/// missing number sorts after every present one.
#[derive(Clone, Debug, PartialEq)]
pub enum SortKey {
    Text(String),
    Folded(String),
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
            (SortKey::Folded(a), SortKey::Folded(b)) => natural_cmp(a, b),
            (SortKey::Text(a) | SortKey::Folded(a), SortKey::Text(b) | SortKey::Folded(b)) => {
                a.cmp(b)
            }
            (SortKey::Number(a), SortKey::Number(b)) => cmp_opt_f64(*a, *b),
            // One column never mixes text and numbers; any fixed order keeps this total.
            (_, SortKey::Number(_)) => Ordering::Less,
            (SortKey::Number(_), _) => Ordering::Greater,
        }
    }
}

/// A key that sorts as it is written (ISO 8601 times): no lower-casing needed.
pub fn exact_key(text: &str) -> SortKey {
    SortKey::Text(text.to_owned())
}

/// A name's key: case and accents aside, and `web-9` before `web-10` (`natural_cmp`).
pub fn text_key(text: &str) -> SortKey {
    SortKey::Folded(text.to_owned())
}

/// A yes/no column: the "yes" rows first when ascending.
pub fn flag_key(flag: bool) -> SortKey {
    SortKey::Number(Some(if flag { 0.0 } else { 1.0 }))
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

/// The sortable columns of a table, in display order; every table ends with "Actions".
pub trait TableColumn: SortColumn {
    const ALL: &'static [Self];
    fn header(self) -> String;
    /// Left out while the table is narrower than its columns (a half-screen window, Horizon's
    /// panel), so the others and the row's actions fit without a sideways scroll. A line above
    /// the table names what is left out; the CSV export and the row's own page keep it.
    fn secondary(self) -> bool {
        false
    }
}

/// How wide a table's columns need: below it, its secondary columns are left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TableWidth {
    /// Secondary columns go below 54rem (the snapshots, the types; style/tables.css).
    #[default]
    Standard,
    /// Secondary columns go below 65rem (the backup targets).
    Wide,
}

impl TableWidth {
    fn class(self) -> &'static str {
        match self {
            Self::Standard => "table-wrap",
            Self::Wide => "table-wrap table-wrap--wide",
        }
    }
}

/// The line above a narrow table that names its secondary columns, in order.
fn left_out_line(headers: &[String]) -> Option<String> {
    let (last, rest) = headers.split_last()?;
    let list =
        if rest.is_empty() { last.clone() } else { format!("{} and {last}", rest.join(", ")) };
    let verb = if rest.is_empty() { "is" } else { "are" };
    Some(format!(
        "At this width {list} {verb} left out of the table; a wider window, the CSV export and each row's page show them."
    ))
}

/// A `<th>` whose button sorts the table; `aria-sort` tells screen readers the state.
#[component]
pub fn SortHeader<C: SortColumn>(
    #[prop(into)] label: String,
    column: C,
    sort: SortState<C>,
    /// Left out while the table is narrow (`TableColumn::secondary`).
    #[prop(optional)]
    secondary: bool,
) -> impl IntoView {
    let icon = move || match sort.aria_sort(column) {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    };
    view! {
        <th scope="col" class=("col--secondary", secondary) aria-sort=move || sort.aria_sort(column)>
            <button type="button" class="sort-button" on:click=move |_| sort.toggle(column)>
                {label}<span class="sort-button__icon" aria-hidden="true">{icon}</span>
            </button>
        </th>
    }
}

/// The frame every list uses: a live count line, a horizontally scrolling frame, the header
/// row with sortable columns, the rows given as children, and a line when none match.
#[component]
pub fn DataTable<C: TableColumn>(
    /// The table's accessible name.
    #[prop(into)]
    label: String,
    sort: SortState<C>,
    /// How many rows are shown, of how many there are.
    #[prop(into)]
    count: Signal<(usize, usize)>,
    /// What the rows are, e.g. "targets", for "Showing 3 of 4 targets".
    noun: &'static str,
    /// Said in the table when no row matches the filters.
    no_match: &'static str,
    /// Header cells before the columns (a select-all checkbox).
    #[prop(optional)]
    lead: Option<Children>,
    /// "Export CSV" of the rows as shown.
    #[prop(optional)]
    export: Option<super::CsvExport>,
    /// How wide the columns need; a row's cells of secondary columns carry `col--secondary`.
    #[prop(optional)]
    width: TableWidth,
    /// The body rows.
    children: Children,
) -> impl IntoView {
    let colspan = C::ALL.len() + 1 + usize::from(lead.is_some());
    let header = move |c: &C| view! { <SortHeader label=c.header() column=*c sort secondary=c.secondary()/> };
    let secondary: Vec<String> =
        C::ALL.iter().filter(|c| c.secondary()).map(|c| c.header()).collect();
    let left_out = left_out_line(&secondary)
        .map(|line| view! { <p class="table-left-out small muted">{line}</p> });
    let empty = move || {
        (count.get().0 == 0).then(
            || view! { <tr><td colspan=colspan class="data-table__empty">{no_match}</td></tr> },
        )
    };
    view! {
        <div class="table-tools">
            <p class="table-count" aria-live="polite">
                {move || format!("Showing {} of {} {noun}", count.get().0, count.get().1)}
            </p>
            {export.map(|export| view! { <super::CsvButton export/> })}
        </div>
        <div class=width.class()>
            {left_out}
            <table class="data-table" aria-label=label>
                <thead>
                    <tr>
                        {lead.map(|l| l())}
                        {C::ALL.iter().map(header).collect_view()}
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>{children()}{empty}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_left_out_line_names_every_secondary_column() {
        let line = |h: &[&str]| left_out_line(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(line(&[]), None);
        assert!(line(&["Host"]).unwrap().starts_with("At this width Host is left out"));
        assert!(line(&["Version", "Types", "Created"])
            .unwrap()
            .starts_with("At this width Version, Types and Created are left out"));
    }

    #[test]
    fn missing_numbers_sort_last_and_text_ignores_case() {
        assert_eq!(cmp_opt_f64(Some(1.0), None), Ordering::Less);
        assert_eq!(cmp_opt_f64(None, None), Ordering::Equal);
        assert!(flag_key(true) < flag_key(false));
        let keyed = ["Beta", "alpha", "ÉTÉ", "Zeta", "été", "BETA"]
            .iter()
            .zip(0u32..)
            .map(|(t, i)| (text_key(t), i))
            .collect();
        // Folded, then by code point; equal keys keep their order.
        assert_eq!(sorted_positions(keyed, true), vec![1, 0, 5, 3, 2, 4]);
    }

    #[test]
    fn names_sort_by_their_numbers_and_times_as_written() {
        let keyed = |texts: &[&str], key: fn(&str) -> SortKey| {
            texts.iter().zip(0u32..).map(|(t, i)| (key(t), i)).collect::<Vec<_>>()
        };
        let names = ["web-10", "Web-9", "web-1", "db"];
        assert_eq!(sorted_positions(keyed(&names, text_key), true), vec![3, 2, 1, 0]);
        assert_eq!(sorted_positions(keyed(&names, text_key), false), vec![0, 1, 2, 3]);
        // A fraction of a second is not a number of its own: ".5" is later than ".10".
        let times = ["2026-12-04T10:00:00.5", "2026-12-04T10:00:00.10"];
        assert_eq!(sorted_positions(keyed(&times, exact_key), true), vec![1, 0]);
    }
}

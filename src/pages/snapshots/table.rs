//! The snapshot table over the shared, live-updated rows.

use super::row::{set_member, SnapshotRow};
use crate::api::ApiError;
use crate::components::data_table::{sort_rows, text_key, SortKey};
use crate::components::{
    rows_in_steps, table_csv, CsvExport, DataTable, DeleteSubject, EmptyState, Pager, Paging,
    SortState, TableColumn,
};
use crate::format::{
    api_time_millis, decimal, fold_texts, holds_every, local_time, search_words, zone_name,
};
use crate::models::{Ownership, Snapshot, StatusFilter};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    Status,
    Progress,
    Kind,
    Workload,
    Host,
    Created,
}

impl TableColumn for Column {
    const ALL: &'static [Self] = &[
        Self::Name,
        Self::Status,
        Self::Progress,
        Self::Kind,
        Self::Workload,
        Self::Host,
        Self::Created,
    ];
    fn header(self) -> String {
        match self {
            Self::Created => return format!("Created ({})", zone_name()),
            Self::Name => "Name",
            Self::Status => "Status",
            Self::Progress => "Progress",
            Self::Kind => "Type",
            Self::Workload => "Workload",
            Self::Host => "Host",
        }
        .to_owned()
    }
    fn secondary(self) -> bool {
        matches!(self, Self::Kind | Self::Host)
    }
}

/// What the search looks in, one text a row, folded once per list rather than once per
/// keystroke.
fn haystacks(rows: &[Snapshot]) -> Vec<String> {
    let mut texts: Vec<String> = rows
        .iter()
        .map(|s| {
            let (name, description) = (s.name.as_deref().unwrap_or(""), s.description.as_deref());
            format!("{name} {} {}", description.unwrap_or(""), s.id)
        })
        .collect();
    fold_texts(&mut texts);
    texts
}

/// The positions in `order` whose haystack holds every word of `needle`.
fn search_rows(order: &[u32], haystacks: &[String], needle: &str) -> Vec<u32> {
    let words = search_words(needle);
    if words.is_empty() {
        return order.to_vec();
    }
    let hit = |i: &&u32| {
        let hay = haystacks.get(**i as usize).map(String::as_str).unwrap_or("");
        holds_every(hay, &words)
    };
    order.iter().filter(hit).copied().collect()
}

fn sort_key(s: &Snapshot, column: Column, names: &HashMap<String, String>) -> SortKey {
    let text = |v: &Option<String>| text_key(v.as_deref().unwrap_or(""));
    match column {
        Column::Name => text_key(s.label()),
        Column::Status => text_key(s.status()),
        Column::Progress => SortKey::Number(s.progress_percent),
        Column::Kind => text(&s.snapshot_type),
        Column::Workload => text(&workload_label(s, names)),
        Column::Host => text(&s.host),
        // A number: no string per row, and a cheap compare. A missing time sorts as the oldest.
        Column::Created => SortKey::Number(Some(
            s.created_at.as_deref().and_then(api_time_millis).unwrap_or(f64::NEG_INFINITY),
        )),
    }
}

/// The order a snapshot table opens in: newest first.
const FIRST_ORDER: (Column, bool) = (Column::Created, false);

/// Puts `rows` in the order a snapshot table opens in (`FIRST_ORDER`). Done as the list
/// arrives, in a task of its own: the table's own sort then finds them in order (one pass,
/// 10,000 rows in a few milliseconds) in the task that draws the rows.
pub fn in_first_order(rows: &mut Vec<Snapshot>) {
    let (column, ascending) = FIRST_ORDER;
    let names = HashMap::new();
    sort_rows(rows, |s| sort_key(s, column, &names), ascending);
}

/// What the order by `column` depends on, hashed: polling changes status and progress, so a
/// poll re-sorts only when the table is sorted by one of those (or rows came or went).
fn sort_fingerprint(rows: &[Snapshot], column: Column, names: &HashMap<String, String>) -> u64 {
    let mut h = DefaultHasher::new();
    rows.len().hash(&mut h);
    for s in rows {
        s.id.hash(&mut h);
        match column {
            Column::Name => s.label().hash(&mut h),
            Column::Status => s.status.hash(&mut h),
            Column::Progress => s.progress_percent.map(f64::to_bits).hash(&mut h),
            Column::Kind => s.snapshot_type.hash(&mut h),
            Column::Workload => workload_label(s, names).hash(&mut h),
            Column::Host => s.host.hash(&mut h),
            Column::Created => s.created_at.hash(&mut h),
        }
    }
    h.finish()
}

/// What a column says, as text for the CSV export.
fn cell(s: &Snapshot, column: Column, names: &HashMap<String, String>) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match column {
        Column::Name => s.label().to_owned(),
        Column::Status => s.status().to_owned(),
        Column::Progress => s.progress_percent.map(|p| decimal(p, 0)).unwrap_or_default(),
        Column::Kind => text(&s.snapshot_type),
        Column::Workload => workload_label(s, names).unwrap_or_default(),
        Column::Host => text(&s.host),
        Column::Created => s.created_at.as_deref().map(local_time).unwrap_or_default(),
    }
}

/// The workload's name when `GET /workloads` knows it, its id otherwise.
pub fn workload_label(s: &Snapshot, names: &HashMap<String, String>) -> Option<String> {
    s.workload_id.as_ref().map(|w| names.get(w).cloned().unwrap_or_else(|| w.clone()))
}

#[component]
pub fn SnapshotsTable(
    rows: RwSignal<Vec<Snapshot>>,
    #[prop(into)] search: Signal<String>,
    /// Which statuses are shown (from the URL).
    #[prop(into, optional)]
    status: Signal<StatusFilter>,
    /// Workload id → name, from `GET /workloads` (which may answer after the list).
    #[prop(into)]
    workload_names: Signal<HashMap<String, String>>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<DeleteSubject>,
    /// While a cancel runs, every row's Cancel waits.
    #[prop(into, optional)]
    cancelling: Signal<bool>,
    /// The snapshots whose cancel the server accepted: their Cancel says so and stays off.
    #[prop(into, optional)]
    cancel_accepted: Signal<HashSet<String>>,
    /// The snapshots polling could not refresh, with the last error.
    #[prop(into, optional)]
    stale: Signal<HashMap<String, ApiError>>,
    /// Which rows are other projects' (listed with "all projects"): shown, with no action
    /// from here.
    #[prop(into, optional)]
    foreign: Signal<Ownership>,
    /// The page shown and the page size: the list page's, so that they stay when the list is
    /// read again and the table drawn anew; without it, the table's own.
    #[prop(optional)]
    paging: Paging,
) -> impl IntoView {
    let sort = SortState::kept(FIRST_ORDER.0, FIRST_ORDER.1);
    let names = workload_names;
    // Positions into `rows`, never copies of them: sorted, then searched, then one page of
    // rows is cloned for the view.
    // The search texts exist only while something is searched for: not on the way to the
    // first rows, and not rebuilt by polls while nobody searches.
    let searching = Memo::new(move |_| search.with(|q| !q.trim().is_empty()));
    let haystacks = Memo::new(move |_| {
        if !searching.get() {
            return Vec::new();
        }
        rows.with(|r| haystacks(r))
    });
    let sorted_on = Memo::new(move |_| {
        let column = sort.column.get();
        rows.with(|r| names.with(|n| sort_fingerprint(r, column, n)))
    });
    let order = Memo::new(move |_| {
        sorted_on.track();
        rows.with_untracked(|r| names.with_untracked(|n| sort.order(r, |s, c| sort_key(s, c, n))))
    });
    let visible = Memo::new(move |_| {
        let mut hits = order.with(|o| haystacks.with(|h| search.with(|q| search_rows(o, h, q))));
        let status = status.get();
        if status != StatusFilter::All {
            rows.with(|r| hits.retain(|&i| r.get(i as usize).is_some_and(|s| status.admits(s))));
        }
        hits
    });
    let export = CsvExport::new("snapshots.csv", move || {
        let names = names.get_untracked();
        visible.with_untracked(|v| {
            rows.with_untracked(|r| {
                let shown = v.iter().filter_map(|&i| r.get(i as usize));
                table_csv(shown, |s, c| cell(s, c, &names))
            })
        })
    });
    let total = Signal::derive(move || visible.with(Vec::len));
    let shown = Memo::new(move |_| {
        let range = paging.range(total.get());
        visible.with(|v| {
            rows.with(|r| {
                v[range].iter().filter_map(|&i| r.get(i as usize).cloned()).collect::<Vec<_>>()
            })
        })
    });
    // A new search or order starts at the first page.
    Effect::watch(
        move || (search.get(), status.get(), sort.column.get(), sort.ascending.get()),
        move |_, _, _| paging.page.set(0),
        false,
    );
    let drawn = rows_in_steps(shown, move || (paging.page.get(), paging.size.get()));
    let count = Signal::derive(move || (shown.with(Vec::len), total.get()));
    let all_shown_selected = move || {
        let sel = selected.get();
        shown.with(|list| !list.is_empty() && list.iter().all(|s| sel.contains(&s.id)))
    };
    let select_all = move |on: bool| {
        let ids: Vec<String> = shown.with_untracked(|l| {
            foreign.with_untracked(|f| {
                l.iter()
                    .filter(|s| s.can_delete() && !f.is_foreign(s))
                    .map(|s| s.id.clone())
                    .collect()
            })
        });
        selected.update(|sel| ids.into_iter().for_each(|id| set_member(sel, id, on)));
    };
    let lead = move || -> Children {
        Box::new(move || {
            view! {
                <th scope="col" class="cell--check">
                    <input type="checkbox" aria-label="Select all shown snapshots that can be deleted"
                        prop:checked=all_shown_selected on:change:target=move |ev| select_all(ev.target().checked())/>
                </th>
            }
            .into_any()
        })
    };
    // Re-rendered when what a row shows changes; otherwise kept.
    let row_key = |s: &Snapshot| {
        (
            s.id.clone(),
            s.status.clone(),
            s.progress_percent.map(f64::to_bits),
            s.progress_msg.clone(),
        )
    };
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! {
            <EmptyState title="No snapshots"
                hint="No snapshot matches these filters. Clear the filters or take a snapshot of a workload."/>
        }>
            <DataTable label="Snapshots" sort count lead=lead() noun="snapshots" export
                no_match="No snapshot matches the search.">
                <For each=move || drawn.get() key=row_key let:s>
                    <SnapshotRow foreign snapshot=s names selected on_cancel on_delete cancelling cancel_accepted stale/>
                </For>
            </DataTable>
            <Pager paging total noun="snapshots"/>
        </Show>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(id: &str, name: &str, description: &str) -> Snapshot {
        Snapshot {
            id: id.into(),
            name: Some(name.into()),
            description: Some(description.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_list_arrives_in_the_order_the_table_opens_in() {
        let at = |id: &str, created: Option<&str>| Snapshot {
            id: id.into(),
            created_at: created.map(Into::into),
            ..Default::default()
        };
        let mut rows = vec![
            at("old", Some("2026-12-01T10:00:00")),
            at("none", None),
            at("new", Some("2026-12-04T09:00:00.5")),
            at("tie-1", Some("2026-12-02T00:00:00")),
            at("newer", Some("2026-12-04T09:00:00.75")),
            at("tie-2", Some("2026-12-02T00:00:00.000")),
        ];
        in_first_order(&mut rows);
        let ids: Vec<_> = rows.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["newer", "new", "tie-1", "tie-2", "old", "none"]);
        let sort = SortState::new(FIRST_ORDER.0, FIRST_ORDER.1);
        let order = sort.order(&rows, |s, c| sort_key(s, c, &HashMap::new()));
        assert_eq!(order, (0..6).collect::<Vec<u32>>(), "the table keeps that order");
    }

    #[test]
    fn search_keeps_the_order_and_needs_every_word_in_name_description_or_id() {
        let rows = [
            snap("id-1", "Nightly DB", "full"),
            snap("id-2", "web", "Nightly"),
            snap("x", "db", ""),
        ];
        let hay = haystacks(&rows);
        let order = [2, 1, 0];
        assert_eq!(search_rows(&order, &hay, ""), vec![2, 1, 0]);
        assert_eq!(search_rows(&order, &hay, "nightly"), vec![1, 0]);
        assert_eq!(search_rows(&order, &hay, "DB nightly"), vec![0]);
        assert_eq!(search_rows(&order, &hay, "id-2"), vec![1]);
        assert_eq!(search_rows(&order, &hay, "absent"), Vec::<u32>::new());
    }
}

//! The snapshot table over the shared, live-updated rows.

use super::row::{set_member, SnapshotRow};
use crate::api::ApiError;
use crate::components::data_table::{text_key, SortKey};
use crate::components::{DataTable, DeleteSubject, EmptyState, SortState, TableColumn};
use crate::format::zone_name;
use crate::models::Snapshot;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

/// How many rows are drawn at first; more on request, so thousands stay fast.
pub const PAGE_SIZE: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
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
}

fn matches_text(s: &Snapshot, needle: &str) -> bool {
    let name = s.name.as_deref().unwrap_or("");
    let hay = format!("{name} {} {}", s.description.as_deref().unwrap_or(""), s.id).to_lowercase();
    needle.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

/// The workload's name when `GET /workloads` knows it, its id otherwise.
pub fn workload_label(s: &Snapshot, names: &HashMap<String, String>) -> Option<String> {
    s.workload_id.as_ref().map(|w| names.get(w).cloned().unwrap_or_else(|| w.clone()))
}

#[component]
pub fn SnapshotsTable(
    rows: RwSignal<Vec<Snapshot>>,
    #[prop(into)] search: Signal<String>,
    /// Workload id → name, from `GET /workloads` (which may answer after the list).
    #[prop(into)]
    workload_names: Signal<HashMap<String, String>>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<DeleteSubject>,
    /// While a cancel runs, every row's Cancel waits.
    #[prop(into, optional)]
    cancelling: Signal<bool>,
    /// The snapshots polling could not refresh, with the last error.
    #[prop(into, optional)]
    stale: Signal<HashMap<String, ApiError>>,
    /// Rows of other projects (listed with "all projects"): shown, with no action from here.
    #[prop(into, optional)]
    foreign: Signal<HashSet<String>>,
) -> impl IntoView {
    let sort = SortState::new(Column::Created, false);
    let limit = RwSignal::new(PAGE_SIZE);
    let names = workload_names;
    let visible = Memo::new(move |_| {
        let needle = search.get();
        let mut list: Vec<Snapshot> =
            rows.with(|r| r.iter().filter(|s| matches_text(s, &needle)).cloned().collect());
        let text = |v: &Option<String>| text_key(v.as_deref().unwrap_or(""));
        names.with(|n| {
            sort.apply(&mut list, |s, column| match column {
                Column::Name => text_key(s.label()),
                Column::Status => text_key(s.status()),
                Column::Progress => SortKey::Number(s.progress_percent),
                Column::Kind => text(&s.snapshot_type),
                Column::Workload => text(&workload_label(s, n)),
                Column::Host => text(&s.host),
                Column::Created => text(&s.created_at),
            })
        });
        list
    });
    let total = move || visible.with(Vec::len);
    let shown = Memo::new(move |_| {
        visible.with(|v| v.iter().take(limit.get()).cloned().collect::<Vec<_>>())
    });
    let count = Signal::derive(move || (total().min(limit.get()), total()));
    let all_shown_selected = move || {
        let sel = selected.get();
        shown.with(|list| !list.is_empty() && list.iter().all(|s| sel.contains(&s.id)))
    };
    let select_all = move |on: bool| {
        let ids: Vec<String> = shown.with_untracked(|l| {
            foreign.with_untracked(|f| {
                l.iter()
                    .filter(|s| s.can_delete() && !f.contains(&s.id))
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
    let more = move || (total() - limit.get()).min(PAGE_SIZE);
    view! {
        <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! {
            <EmptyState title="No snapshots"
                hint="No snapshot matches these filters. Clear the filters or take a snapshot of a workload."/>
        }>
            <DataTable label="Snapshots" sort count lead=lead() noun="snapshots"
                no_match="No snapshot matches the search.">
                <For each=move || shown.get() key=row_key let:s>
                    <SnapshotRow foreign snapshot=s names selected on_cancel on_delete cancelling stale/>
                </For>
            </DataTable>
            <Show when=move || { total() > limit.get() }>
                <button type="button" class="btn btn--secondary" on:click=move |_| limit.update(|l| *l += PAGE_SIZE)>
                    {move || format!("Show {} more", more())}
                </button>
            </Show>
        </Show>
    }
}

//! The snapshot table over the shared, live-updated rows.

use super::snapshot_subject;
use crate::api::ApiError;
use crate::components::data_table::{text_key, SortKey};
use crate::components::{
    ApiText, DataTable, DeleteSubject, EmptyState, ProgressBar, SortState, StatusBadge,
    TableColumn, Tag, Time, CELL_CHARS,
};
use crate::format::{or_dash, zone_name};
use crate::models::Snapshot;
use crate::routes;
use leptos::either::Either;
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
fn workload_label(s: &Snapshot, names: &HashMap<String, String>) -> Option<String> {
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
            l.iter().filter(|s| s.can_delete()).map(|s| s.id.clone()).collect()
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
                    <SnapshotRow snapshot=s names selected on_cancel on_delete cancelling stale/>
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

fn set_member(set: &mut HashSet<String>, id: String, on: bool) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}

#[component]
fn SnapshotRow(
    snapshot: Snapshot,
    names: Signal<HashMap<String, String>>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<DeleteSubject>,
    cancelling: Signal<bool>,
    stale: Signal<HashMap<String, ApiError>>,
) -> impl IntoView {
    let s = snapshot;
    let name = s.label().to_owned();
    let for_workload = s.clone();
    let workload =
        move || names.with(|n| workload_label(&for_workload, n)).unwrap_or_else(|| "—".to_owned());
    let progress = if s.is_final() {
        let done = if s.status().eq_ignore_ascii_case("available") { "Complete" } else { "—" };
        Either::Left(view! { <span class="muted">{done}</span> })
    } else {
        let (p, msg) =
            (s.progress_percent.unwrap_or(0.0), s.progress_msg.clone().unwrap_or_default());
        Either::Right(
            view! { <ProgressBar percent=p label=format!("Progress of {name}") detail=msg/> },
        )
    };
    let stale_id = s.id.clone();
    let stale_note = move || {
        // Short in the row; the live indicator above names the request.
        let e = stale.with(|m| m.get(&stale_id).cloned())?;
        let status = e.status().map(|s| format!("HTTP {s}")).unwrap_or_else(|| e.title());
        let (full, text) = (e.to_string(), format!("Could not be refreshed ({status})"));
        Some(view! { <div class="stale-notice small" title=full>{text}</div> })
    };
    let description = s.description.clone().filter(|d| !d.is_empty() && d != "-");
    let (id, for_check) = (s.id.clone(), s.id.clone());
    let (for_cancel, subject) = (s.clone(), snapshot_subject(&s));
    view! {
        <tr data-snapshot-id=s.id.clone() data-status=s.status().to_owned()>
            <td class="cell--check">
                <input type="checkbox" aria-label=format!("Select snapshot {name}") disabled=!s.can_delete()
                    prop:checked=move || selected.with(|sel| sel.contains(&for_check))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        selected.update(|sel| set_member(sel, id.clone(), on));
                    }/>
            </td>
            <td>
                <a href=routes::snapshot(&s.id)><ApiText text=name.clone() max=CELL_CHARS/></a>
                {description.map(|d| view! { <div class="muted small"><ApiText text=d max=CELL_CHARS/></div> })}
            </td>
            <td><StatusBadge status=s.status().to_owned()/>{stale_note}</td>
            <td class="cell--usage">{progress}</td>
            <td><Tag text=or_dash(s.snapshot_type.as_deref())/></td>
            <td>{workload}</td>
            <td>{or_dash(s.host.as_deref())}</td>
            <td class="cell--nowrap"><Time value=s.created_at.clone()/></td>
            <td class="cell--actions">
                {s.can_cancel().then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" aria-label=format!("Cancel snapshot {name}")
                        disabled=move || cancelling.get()
                        on:click=move |_| on_cancel.run(for_cancel.clone())>"Cancel"</button>
                })}
                {s.can_delete().then(|| view! {
                    <button type="button" class="btn btn--danger-ghost btn--small" aria-label=format!("Delete snapshot {name}")
                        on:click=move |_| on_delete.run(subject.clone())>"Delete"</button>
                })}
            </td>
        </tr>
    }
}

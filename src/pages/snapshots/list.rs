//! The snapshot list: filters in the URL, instant text search, live progress, bulk delete.

use super::poller::use_snapshot_poller;
use super::{cancel_action, refresh_one, snapshot_href, DeleteSnapshotDialog, TakeSnapshotForm};
use crate::api::snapshots::{delete_snapshot, list_snapshots};
use crate::api::workloads::list_workloads;
use crate::components::data_table::{text_key, SortKey};
use crate::components::status_badge::Tag;
use crate::components::data_table::{fixed, sortable, DataTable};
use crate::components::{use_toasts, ConfirmDialog, DeleteSubject, ErrorPanel, PageHeader, ProgressBar, SortState, StatusBadge};
use crate::format::{or_dash, zone_name};
use crate::models::snapshot::is_valid_filter_date;
use crate::models::{Snapshot, SnapshotFilter, Workload};
use crate::pages::{with_client, EmptyState, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use std::collections::{HashMap, HashSet};

/// How many rows are drawn at first; more on request, so thousands stay fast.
pub const PAGE_SIZE: usize = 100;

/// `?workload_id=..&host=..` for the page URL: the same names as the API's parameters.
pub fn filter_query_string(filter: &SnapshotFilter) -> String {
    crate::api::build_url("", "", &filter.query())
}

fn matches_text(s: &Snapshot, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay = format!("{} {} {}", s.name.as_deref().unwrap_or(""), s.description.as_deref().unwrap_or(""), s.id).to_lowercase();
    needle.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| {
            SnapshotFilter::from_pairs(
                ["workload_id", "host", "date_from", "date_to", "all"]
                    .into_iter()
                    .filter_map(|k| q.get_str(k).map(|v| (k, v)))
                    .collect::<Vec<_>>(),
            )
        })
    });
    let reload = RwSignal::new(0u32);
    let rows = RwSignal::new(Vec::<Snapshot>::new());
    let loaded = LocalResource::new(move || {
        reload.track();
        let f = filter.get();
        async move { with_client(ctx, |c| async move { list_snapshots(&c, &f).await }).await }
    });
    // The list is the server's; polling and actions then update it in place.
    Effect::new(move |_| {
        if let Some(Ok(list)) = loaded.get() {
            rows.set(list);
        }
    });
    let workloads = LocalResource::new(move || async move { with_client(ctx, |c| async move { list_workloads(&c).await }).await.unwrap_or_default() });
    let live = use_snapshot_poller(rows);

    // Filter form state, starting from the URL.
    let f0 = filter.get_untracked();
    let workload_pick = RwSignal::new(f0.workload_id.clone());
    let host = RwSignal::new(f0.host.clone());
    let date_from = RwSignal::new(f0.date_from.clone());
    let date_to = RwSignal::new(f0.date_to.clone());
    let all = RwSignal::new(f0.all);
    let from_err = RwSignal::new(None::<String>);
    let to_err = RwSignal::new(None::<String>);
    let search = RwSignal::new(String::new());
    let show_take = RwSignal::new(false);

    let apply = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let check = |v: String| (!v.trim().is_empty() && !is_valid_filter_date(v.trim())).then(|| "Use YYYY-MM-DDTHH:MM:SS, e.g. 2024-03-04T10:59:51.".to_owned());
            from_err.set(check(date_from.get_untracked()));
            to_err.set(check(date_to.get_untracked()));
            if from_err.get_untracked().is_some() || to_err.get_untracked().is_some() {
                return;
            }
            let f = SnapshotFilter {
                workload_id: workload_pick.get_untracked(),
                host: host.get_untracked(),
                date_from: date_from.get_untracked(),
                date_to: date_to.get_untracked(),
                all: all.get_untracked(),
            };
            navigate(&format!("/snapshots{}", filter_query_string(&f)), NavigateOptions::default());
        }
    };
    let clear = move |_| {
        for s in [workload_pick, host, date_from, date_to] {
            s.set(String::new());
        }
        all.set(false);
        navigate("/snapshots", NavigateOptions::default());
    };

    // Row actions.
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let cancel = cancel_action(rows);
    let selected = RwSignal::new(HashSet::<String>::new());
    let bulk_open = RwSignal::new(false);
    let bulk = Action::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        async move {
            let mut done = 0;
            for id in ids {
                let name = rows.with_untracked(|r| r.iter().find(|s| s.id == id).map(|s| s.name().to_owned())).unwrap_or_else(|| id.clone());
                let key = id.clone();
                match with_client(ctx, |c| async move { delete_snapshot(&c, &key).await }).await {
                    Ok(_) => {
                        done += 1;
                        selected.update(|s| {
                            s.remove(&id);
                        });
                        refresh_one(ctx, rows, id).await;
                    }
                    Err(e) => toasts.error(format!("Could not delete snapshot {name}"), &e),
                }
            }
            if done > 0 {
                toasts.success(format!("Deleting {done} snapshot{}.", if done == 1 { "" } else { "s" }));
            }
            bulk_open.set(false);
        }
    });
    let bulk_busy = bulk.pending();
    let selected_names = move || {
        let sel = selected.get();
        rows.with(|r| r.iter().filter(|s| sel.contains(&s.id)).map(|s| s.name().to_owned()).collect::<Vec<_>>())
    };

    view! {
        <section class="page">
            <PageHeader title="Snapshots" description="Backups of workloads, newest first. Progress updates live.">
                <span class="live-indicator" aria-live="polite">{move || if live.get() { "● Live: following snapshots in progress" } else { "" }}</span>
                <button type="button" class="btn btn--secondary" on:click=move |_| reload.update(|n| *n += 1)>"Refresh"</button>
                <button type="button" class="btn btn--primary" aria-expanded=move || show_take.get().to_string()
                    on:click=move |_| show_take.update(|v| *v = !*v)>"Take snapshot"</button>
            </PageHeader>
            <Show when=move || show_take.get()>
                <Transition fallback=|| view! { <Loading text="Loading workloads…"/> }>
                    {move || Suspend::new(async move {
                        let list = workloads.await;
                        view! {
                            <TakeSnapshotForm workloads=list preselected=filter.get_untracked().workload_id
                                on_cancel=Callback::new(move |_| show_take.set(false))
                                on_taken=Callback::new(move |s: Snapshot| {
                                    // Shown at once, as the server returned it; polling takes over.
                                    rows.update(|r| { r.retain(|x| x.id != s.id); r.insert(0, s); });
                                    show_take.set(false);
                                })/>
                        }
                    })}
                </Transition>
            </Show>
            <form class="toolbar" role="search" aria-label="Snapshot filters" on:submit=apply novalidate>
                <div class="toolbar__field">
                    <label for="filter-workload">"Workload"</label>
                    <Transition fallback=|| view! { <span class="muted">"…"</span> }>
                        {move || Suspend::new(async move {
                            let list = workloads.await;
                            view! { <WorkloadPicker workloads=list value=workload_pick/> }
                        })}
                    </Transition>
                </div>
                <div class="toolbar__field">
                    <label for="filter-workload-id">"or workload ID"</label>
                    <input id="filter-workload-id" class="field__input mono" placeholder="paste an ID"
                        prop:value=move || workload_pick.get() on:input:target=move |ev| workload_pick.set(ev.target().value())/>
                </div>
                <div class="toolbar__field">
                    <label for="filter-host">"Host"</label>
                    <input id="filter-host" class="field__input" placeholder="TVM1" prop:value=move || host.get()
                        on:input:target=move |ev| host.set(ev.target().value())/>
                </div>
                <DateFilter id="filter-date-from" label="From (UTC)" value=date_from error=from_err/>
                <DateFilter id="filter-date-to" label="To (UTC)" value=date_to error=to_err/>
                <div class="toolbar__field toolbar__field--check">
                    <input id="filter-all" type="checkbox" prop:checked=move || all.get() on:change:target=move |ev| all.set(ev.target().checked())/>
                    <label for="filter-all">"All projects (admin)"</label>
                </div>
                <button type="submit" class="btn btn--secondary">"Apply filters"</button>
                <button type="button" class="btn btn--ghost" on:click=clear>"Clear"</button>
                <div class="toolbar__field">
                    <label for="snapshots-search">"Search name, description, ID"</label>
                    <input id="snapshots-search" type="search" class="field__input" prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())/>
                </div>
            </form>
            <Show when=move || !selected.with(HashSet::is_empty)>
                <div class="bulk-bar" role="region" aria-label="Selection">
                    <span>{move || format!("{} selected", selected.with(HashSet::len))}</span>
                    <button type="button" class="btn btn--danger btn--small" on:click=move |_| bulk_open.set(true)>"Delete selected"</button>
                    <button type="button" class="btn btn--ghost btn--small" on:click=move |_| selected.set(HashSet::new())>"Clear selection"</button>
                </div>
            </Show>
            <Transition fallback=|| view! { <Loading text="Loading snapshots…"/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Err(e) => view! { <ErrorPanel error=e context="Could not load snapshots" on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/> }.into_any(),
                        Ok(_) => {
                            let names = workloads.await.into_iter().map(|w| (w.id.clone(), w.label().to_owned())).collect::<HashMap<_, _>>();
                            view! {
                                <SnapshotsTable rows search workload_names=names selected
                                    on_cancel=Callback::new(move |s: Snapshot| { cancel.dispatch(s); })
                                    on_delete=Callback::new(move |s: Snapshot| to_delete.set(Some(DeleteSubject { id: s.id.clone(), label: s.name().to_owned() })))/>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <DeleteSnapshotDialog subject=to_delete on_deleted=Callback::new(move |id: String| {
                leptos::task::spawn_local(refresh_one(ctx, rows, id));
            })/>
            <ConfirmDialog open=bulk_open on_close=Callback::new(move |_| bulk_open.set(false)) title=Signal::derive(move || format!("Delete {} snapshots?", selected.with(HashSet::len)))
                confirm_label=Signal::derive(|| "Delete snapshots".to_owned()) busy=bulk_busy danger=true
                on_confirm=Callback::new(move |_| { bulk.dispatch(selected.get_untracked().into_iter().collect()); })>
                <p>"These snapshots will be deleted. This cannot be undone."</p>
                <ul>{move || selected_names().into_iter().map(|n| view! { <li class="mono">{n}</li> }).collect_view()}</ul>
            </ConfirmDialog>
        </section>
    }
}

#[component]
fn WorkloadPicker(workloads: Vec<Workload>, value: RwSignal<String>) -> impl IntoView {
    view! {
        <select id="filter-workload" class="field__input" on:change:target=move |ev| value.set(ev.target().value())>
            <option value="" selected=move || value.get().is_empty()>"All workloads"</option>
            {workloads.into_iter().map(|w| {
                let (id, id2) = (w.id.clone(), w.id.clone());
                view! { <option value=id selected=move || value.get() == id2>{w.label().to_owned()}</option> }
            }).collect_view()}
        </select>
    }
}

#[component]
fn DateFilter(id: &'static str, label: &'static str, value: RwSignal<String>, error: RwSignal<Option<String>>) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="toolbar__field" class:field--invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            <input id=id class="field__input mono" placeholder="YYYY-MM-DDTHH:MM:SS" aria-describedby=described
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get() on:input:target=move |ev| value.set(ev.target().value())/>
            <span class="field__error" id=error_id aria-live="polite">{move || error.get()}</span>
        </div>
    }
}

/// The snapshot table over the shared, live-updated rows.
#[component]
pub fn SnapshotsTable(
    rows: RwSignal<Vec<Snapshot>>,
    #[prop(into)] search: Signal<String>,
    /// Workload id → name, from `GET /workloads`.
    workload_names: HashMap<String, String>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<Snapshot>,
) -> impl IntoView {
    let sort = SortState::new("created", false);
    let limit = RwSignal::new(PAGE_SIZE);
    let names = StoredValue::new(workload_names);
    let visible = Memo::new(move |_| {
        let needle = search.get();
        let mut list: Vec<Snapshot> = rows.with(|r| r.iter().filter(|s| matches_text(s, &needle)).cloned().collect());
        names.with_value(|n| {
            sort.apply(&mut list, |s, col| match col {
                "progress" => SortKey::Number(s.progress_percent),
                "name" => text_key(s.name()),
                "status" => text_key(s.status()),
                "type" => text_key(s.snapshot_type.as_deref().unwrap_or("")),
                "workload" => text_key(&s.workload_id.as_ref().map(|w| n.get(w).cloned().unwrap_or_else(|| w.clone())).unwrap_or_default()),
                "host" => text_key(s.host.as_deref().unwrap_or("")),
                _ => text_key(s.created_at.as_deref().unwrap_or("")),
            })
        });
        list
    });
    let total = move || visible.with(Vec::len);
    let shown = Memo::new(move |_| visible.with(|v| v.iter().take(limit.get()).cloned().collect::<Vec<_>>()));
    let all_shown_selected = move || {
        let sel = selected.get();
        shown.with(|list| !list.is_empty() && list.iter().all(|s| sel.contains(&s.id)))
    };
    let zone = zone_name();
    view! {
        {move || (rows.with(Vec::is_empty)).then(|| view! {
            <EmptyState title="No snapshots" hint="No snapshot matches these filters. Clear the filters or take a snapshot of a workload."/>
        })}
        <Show when=move || !rows.with(Vec::is_empty)>
            <DataTable label="Snapshots" sort
                count=Signal::derive(move || format!("Showing {} of {} snapshots", total().min(limit.get()), total()))
                lead=Box::new(move || view! {
                    <th scope="col" class="cell--check">
                        <input type="checkbox" aria-label="Select all shown snapshots that can be deleted"
                            prop:checked=all_shown_selected
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                let ids: Vec<String> = shown.with_untracked(|l| l.iter().filter(|s| s.can_delete()).map(|s| s.id.clone()).collect());
                                selected.update(|sel| for id in ids { if on { sel.insert(id); } else { sel.remove(&id); } });
                            }/>
                    </th>
                }.into_any())
                columns=vec![
                    sortable("Name", "name"), sortable("Status", "status"), sortable("Progress", "progress"),
                    sortable("Type", "type"), sortable("Workload", "workload"), sortable("Host", "host"),
                    sortable(format!("Created ({zone})"), "created"), fixed("Actions"),
                ]>
                        <For each=move || shown.get() key=|s| (s.id.clone(), s.status.clone(), s.progress_percent.map(|p| p.to_bits()), s.progress_msg.clone()) let:s>
                            <SnapshotRow snapshot=s names selected on_cancel on_delete/>
                        </For>
                        {move || (total() == 0).then(|| view! { <tr><td colspan="9" class="data-table__empty">"No snapshot matches the search."</td></tr> })}
            </DataTable>
            <Show when=move || { total() > limit.get() }>
                <button type="button" class="btn btn--secondary" on:click=move |_| limit.update(|l| *l += PAGE_SIZE)>
                    {move || format!("Show {} more", (total() - limit.get()).min(PAGE_SIZE))}
                </button>
            </Show>
        </Show>
    }
}

#[component]
fn SnapshotRow(
    snapshot: Snapshot,
    names: StoredValue<HashMap<String, String>>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<Snapshot>,
) -> impl IntoView {
    let s = snapshot;
    let id = s.id.clone();
    let id_check = id.clone();
    let row_id = id.clone();
    let workload = s
        .workload_id
        .clone()
        .map(|w| names.with_value(|n| n.get(&w).cloned()).unwrap_or(w))
        .unwrap_or_else(|| "—".to_owned());
    let (s_cancel, s_delete) = (s.clone(), s.clone());
    let name = s.name().to_owned();
    let progress = (!s.is_final()).then(|| (s.progress_percent.unwrap_or(0.0), s.progress_msg.clone().unwrap_or_default()));
    view! {
        <tr data-snapshot-id=row_id data-status=s.status().to_owned()>
            <td class="cell--check">
                <input type="checkbox" aria-label=format!("Select snapshot {name}") disabled=!s.can_delete()
                    prop:checked=move || selected.with(|sel| sel.contains(&id_check))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        let id = id.clone();
                        selected.update(|sel| { if on { sel.insert(id); } else { sel.remove(&id); } });
                    }/>
            </td>
            <td><a href=snapshot_href(&s.id)>{name.clone()}</a>
                {s.description.clone().filter(|d| !d.is_empty() && d != "-").map(|d| view! { <div class="muted small">{d}</div> })}</td>
            <td><StatusBadge status=s.status().to_owned()/></td>
            <td class="cell--usage">{match progress {
                Some((p, msg)) => view! { <ProgressBar percent=Signal::derive(move || p) label=format!("Progress of {name}") detail=Signal::derive(move || msg.clone())/> }.into_any(),
                None => view! { <span class="muted">{if s.status().eq_ignore_ascii_case("available") { "Complete" } else { "—" }}</span> }.into_any(),
            }}</td>
            <td><Tag text=or_dash(s.snapshot_type.as_deref())/></td>
            <td>{workload}</td>
            <td>{or_dash(s.host.as_deref())}</td>
            <td class="cell--nowrap"><Time value=s.created_at.clone()/></td>
            <td class="cell--actions">
                {s.can_cancel().then(|| view! {
                    <button type="button" class="btn btn--secondary btn--small" aria-label=format!("Cancel snapshot {}", s_cancel.name())
                        on:click=move |_| on_cancel.run(s_cancel.clone())>"Cancel"</button>
                })}
                {s.can_delete().then(|| view! {
                    <button type="button" class="btn btn--danger-ghost btn--small" aria-label=format!("Delete snapshot {}", s_delete.name())
                        on:click=move |_| on_delete.run(s_delete.clone())>"Delete"</button>
                })}
            </td>
        </tr>
    }
}

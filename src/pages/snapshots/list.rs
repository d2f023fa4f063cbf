//! The snapshot list: filters in the URL, instant text search, live progress, bulk delete.

use super::bulk::BulkDelete;
use super::filters::SnapshotFilters;
use super::live::LiveIndicator;
use super::poller::use_snapshot_poller;
use super::warm::warm_up_table;
use super::{
    in_first_order, refresh_one, CancelSnapshots, DeleteSnapshotDialog, SnapshotsTable,
    TakeSnapshotForm,
};
use crate::api::snapshots::{list_request, list_snapshots};
use crate::api::workloads::{self, list_workloads};
use crate::api::{ApiError, ApiRequest};
use crate::components::{
    api_resource, DeleteSubject, Handoff, Loader, PageHeader, Paging, RefreshButton,
    UnreadableNotice,
};
use crate::models::{Listed, Ownership, Snapshot, SnapshotFilter, Workload};
use crate::routes::{self, use_snapshot_filter};
use crate::session::use_session;
use crate::timing::{Mark, SliceClock};
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A page's snapshot list: loaded (again whenever `filter` changes), then handed over once
/// into `rows`, which polling and actions patch in place from then on.
pub struct LoadedSnapshots {
    pub loaded: LocalResource<Result<Handoff<Listed<Snapshot>>, ApiError>>,
    pub rows: RwSignal<Vec<Snapshot>>,
    /// What the server sent that could not be read as a snapshot, said above the table.
    pub unreadable: RwSignal<Vec<String>>,
}

pub fn use_snapshot_rows(filter: impl Fn() -> SnapshotFilter + 'static) -> LoadedSnapshots {
    let loaded = api_resource(filter, |c, f| async move {
        let mut list = list_snapshots(&c, &f).await?;
        let sort = Mark::start("sort snapshots".to_owned());
        in_first_order(&mut list.rows);
        sort.end();
        // The rows are drawn in a task of their own, not in the one that sorted them.
        SliceClock::start().yield_now().await;
        Ok(Handoff::new(list))
    });
    let rows = RwSignal::new(Vec::<Snapshot>::new());
    let unreadable = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        if let Some(list) = loaded.get().and_then(Result::ok).and_then(|h| h.take()) {
            unreadable.set(list.unreadable);
            rows.set(list.rows);
        }
    });
    LoadedSnapshots { loaded, rows, unreadable }
}

/// The reads the page opens with (what it asks the server for, and the workloads), for its
/// route to send while the page's code is still arriving.
pub fn snapshots_page_reads() -> Vec<ApiRequest> {
    let listed = routes::snapshot_filter_now().listed();
    vec![list_request(&listed), workloads::list_request()]
}

#[component]
pub fn SnapshotsPage() -> impl IntoView {
    let ctx = use_session();
    let filter = use_snapshot_filter();
    // What the server is asked for; choosing a status filters the answer instead.
    let listed = Memo::new(move |_| filter.with(SnapshotFilter::listed));
    let status = Memo::new(move |_| filter.with(|f| f.status));
    let LoadedSnapshots { loaded, rows, unreadable } = use_snapshot_rows(move || listed.get());
    // Refresh, a delete or a failed read tried again keep the page the admin is on; another
    // list (new filters) starts at its first page, in the page size chosen.
    let paging = Paging::new();
    Effect::watch(move || listed.track(), move |_, _, _| paging.page.set(0), false);
    let workloads = api_resource(|| (), |c, ()| async move { list_workloads(&c).await });
    // With "all projects", which rows are other projects': the API is project-scoped, so they
    // are neither polled nor acted on from here.
    let foreign = Memo::new(move |_| {
        if !filter.with(|f| f.all) {
            return Ownership::AllOwn;
        }
        let project = ctx.session.with_untracked(|s| s.as_ref().map(|s| s.project_id.clone()));
        let own = workloads.with(|w| {
            let ids = w.as_ref()?.as_ref().ok()?.iter().map(|w| w.id.clone()).collect();
            Some(Arc::new(ids))
        });
        Ownership::Mixed(project.zip(own))
    });
    let live = use_snapshot_poller(rows, foreign.into(), Some(listed.into()));
    warm_up_table(move || loaded.try_with_untracked(Option::is_none) == Some(true));
    let search = RwSignal::new(String::new());
    let show_take = RwSignal::new(false);
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let cancel = CancelSnapshots::new(rows);
    let selected = RwSignal::new(HashSet::<String>::new());
    let names = Memo::new(move |_| {
        let list = workloads.get().and_then(Result::ok).unwrap_or_default();
        list.into_iter()
            .map(|w: Workload| (w.id.clone(), w.label().to_owned()))
            .collect::<HashMap<_, _>>()
    });
    let on_taken = Callback::new(move |s: Snapshot| {
        // Shown at once, as the server returned it; polling takes over.
        rows.update(|r| {
            r.retain(|x| x.id != s.id);
            r.insert(0, s);
        });
        show_take.set(false);
    });
    // The workloads as the Take snapshot page shows them: loading, the error with Retry, or the
    // form; never a Workload list silently empty because the read is pending or failed.
    let take_form = move || {
        view! {
            <Loader resource=workloads loading="Loading workloads…" failure="Could not load workloads" let:list>
                <TakeSnapshotForm workloads=list preselected=filter.get_untracked().workload_id
                    on_cancel=Callback::new(move |_| show_take.set(false)) on_taken/>
            </Loader>
        }
    };
    view! {
        <section class="page">
            <PageHeader title="Snapshots" description="Backups of workloads, newest first. Progress updates live.">
                <LiveIndicator status=live following="● Live: following snapshots in progress"/>
                <RefreshButton on_refresh=Callback::new(move |()| loaded.refetch())/>
                <button type="button" class="btn btn--primary" aria-expanded=move || show_take.get().to_string()
                    on:click=move |_| show_take.update(|v| *v = !*v)>"Take snapshot"</button>
            </PageHeader>
            <Show when=move || show_take.get()>{take_form}</Show>
            <SnapshotFilters filter workloads search/>
            <BulkDelete rows selected/>
            <Loader resource=loaded loading="Loading snapshots…" failure="Could not load snapshots" let:_list>
                {move || view! { <UnreadableNotice lines=unreadable.get() noun="snapshot"/> }}
                <SnapshotsTable rows search status workload_names=names selected stale=live.stale foreign paging
                    on_cancel=cancel.on_cancel() cancelling=cancel.running() cancel_accepted=cancel.accepted()
                    on_delete=Callback::new(move |s| to_delete.set(Some(s)))/>
            </Loader>
            <DeleteSnapshotDialog subject=to_delete on_deleted=Callback::new(move |id: String| {
                leptos::task::spawn_local(refresh_one(ctx, rows, id));
            })/>
        </section>
    }
}

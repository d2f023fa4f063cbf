//! Everything `GET /snapshots/{id}` returns, organised for reading, kept live while it moves.

use super::instance::{metadata_value, InstanceView, STRUCTURED_KEYS};
use super::live::{LiveIndicator, StaleNotice};
use super::poller::{use_snapshot_poller, PollStatus};
use super::{snapshot_subject, CancelSnapshots, DeleteSnapshotDialog};
use crate::api::snapshots::show_snapshot;
use crate::api::snapshots::{cancel_request, delete_request, show_request};
use crate::api::workloads::list_workloads;
use crate::api::{workloads, ApiRequest};
use crate::components::{
    api_resource, compact_table, prop_row, Breadcrumb, CopyCurl, DeleteSubject, Loader, PageHeader,
    ProblemPanel, ProgressBar,
};
use crate::components::{StatusBadge, Tag, Time};
use crate::format::{duration, opt_bytes, or_dash};
use crate::models::{Ownership, Snapshot};
use crate::routes::{self, use_id};
use leptos::either::Either;
use leptos::prelude::*;

/// The reads the page opens with, for its route to send while the page's code arrives.
pub fn snapshot_detail_page_reads() -> Vec<ApiRequest> {
    vec![show_request(&routes::id_now()), workloads::list_request()]
}

#[component]
pub fn SnapshotDetailPage() -> impl IntoView {
    let id = use_id();
    let loaded =
        api_resource(move || id.get(), |c, id| async move { show_snapshot(&c, &id).await });
    let workloads = api_resource(|| (), |c, ()| async move { list_workloads(&c).await });
    // One row, so the list's poller keeps this page live too.
    let rows = RwSignal::new(Vec::<Snapshot>::new());
    Effect::new(move |_| {
        if let Some(Ok(s)) = loaded.get() {
            rows.set(vec![s]);
        }
    });
    let live = use_snapshot_poller(rows, Signal::from(Ownership::AllOwn), None);
    let cancel = CancelSnapshots::new(rows);
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let router = routes::use_router();
    let on_deleted = Callback::new(move |_| router.go(routes::SNAPSHOTS));
    let workload_of = move |s: &Snapshot| {
        let id = s.workload_id.clone()?;
        let names = workloads.get().and_then(Result::ok).unwrap_or_default();
        Some(names.iter().find(|w| w.id == id).map(|w| w.label().to_owned()).unwrap_or(id))
    };
    let current = move || match rows.with(|r| r.first().cloned()) {
        Some(s) => Either::Left(view! {
            <SnapshotDetail workload=workload_of(&s) snapshot=s live cancel to_delete/>
        }),
        None => Either::Right(
            view! { <p class="notice" role="status">"This snapshot no longer exists: it was deleted."</p> },
        ),
    };
    view! {
        <section class="page">
            <Breadcrumb area="Snapshots" href=routes::SNAPSHOTS here="Detail"/>
            <Loader resource=loaded loading="Loading snapshot…" failure="Could not load this snapshot" let:_snapshot>
                {current}
            </Loader>
            <DeleteSnapshotDialog subject=to_delete on_deleted/>
        </section>
    }
}

/// The detail sections of one snapshot.
#[component]
pub fn SnapshotDetail(
    snapshot: Snapshot,
    workload: Option<String>,
    /// The poller's word on this snapshot: live, or not refreshed.
    live: PollStatus,
    /// Cancels the snapshot.
    cancel: CancelSnapshots,
    to_delete: RwSignal<Option<DeleteSubject>>,
) -> impl IntoView {
    let s = snapshot;
    let (for_cancel, subject) = (s.clone(), snapshot_subject(&s));
    let error = s.error_msg.clone().filter(|m| !m.is_empty());
    let error = error.map(|m| view! { <ProblemPanel title="Error" message=m/> });
    let instance_count = format!("Instances ({})", s.instances.len());
    let (can_cancel, can_delete) = (s.can_cancel(), s.can_delete());
    let instances = if s.instances.is_empty() {
        Either::Left(view! { <p class="muted">"The server listed no instances."</p> })
    } else {
        Either::Right(
            s.instances
                .clone()
                .into_iter()
                .map(|i| view! { <InstanceView instance=i/> })
                .collect_view(),
        )
    };
    let warning = s.warning_msg.clone().filter(|m| !m.is_empty());
    let warning = warning
        .map(|m| view! { <p class="warning" role="note"><strong>"Warning: "</strong>{m}</p> });
    view! {
        <PageHeader title=s.label().to_owned() description=format!("Snapshot {}", s.id.clone())>
            <LiveIndicator status=live following="● Live"/>
            {can_cancel.then(|| cancel.button(for_cancel, "btn--secondary", false))}
            {can_delete.then(|| view! {
                <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(subject.clone()))>"Delete"</button>
            })}
        </PageHeader>
        <div class="curl-bar" role="group" aria-label="The documented requests, as curl">
            <CopyCurl request=show_request(&s.id) action="GET"/>
            {can_cancel.then(|| view! { <CopyCurl request=cancel_request(&s.id) action="cancel"/> })}
            {can_delete.then(|| view! { <CopyCurl request=delete_request(&s.id) action="delete"/> })}
        </div>
        <div class="snapshot-messages"><StaleNotice status=live id=s.id.clone()/>{error}{warning}</div>
        <div class="cards cards--pair">
            <SnapshotSummary snapshot=s.clone() workload/>
            <SnapshotMetadata snapshot=s.clone()/>
            <section class="card card--wide" aria-labelledby="snap-instances">
                <h2 class="card__title" id="snap-instances">{instance_count}</h2>
                {instances}
            </section>
        </div>
    }
}

#[component]
fn SnapshotSummary(snapshot: Snapshot, workload: Option<String>) -> impl IntoView {
    let s = snapshot;
    let progress = match s.progress_percent {
        Some(p) => Either::Left(view! {
            <ProgressBar percent=p label="Snapshot progress" detail=s.progress_msg.clone().unwrap_or_default()/>
        }),
        None => Either::Right(or_dash(s.progress_msg.as_deref())),
    };
    view! {
        <section class="card" aria-labelledby="snap-summary">
            <h2 class="card__title" id="snap-summary">"Summary"</h2>
            <dl class="props">
                {prop_row("Status", view! { <StatusBadge status=s.status().to_owned()/> })}
                {prop_row("Progress", progress)}
                {prop_row("Type", view! { <Tag text=or_dash(s.snapshot_type.as_deref())/> })}
                {prop_row("Workload", view! { <span>{workload.unwrap_or_else(|| "—".into())}</span> })}
                {prop_row("Description", or_dash(s.description.as_deref()))}
                {prop_row("Host", or_dash(s.host.as_deref()))}
                {prop_row("Size", opt_bytes(s.size))}
                {prop_row("Restore size", opt_bytes(s.restore_size))}
                {prop_row("Uploaded size", opt_bytes(s.uploaded_size))}
                {prop_row("Time taken", s.time_taken.map(duration).unwrap_or_else(|| "—".into()))}
                {prop_row("Pinned", if s.pinned { "Yes" } else { "No" })}
                {prop_row("Created", view! { <Time value=s.created_at.clone()/> })}
                {prop_row("Updated", view! { <Time value=s.updated_at.clone()/> })}
                {prop_row("Finished", view! { <Time value=s.finished_at.clone()/> })}
                {prop_row("Project", view! { <code>{or_dash(s.project_id.as_deref())}</code> })}
                {prop_row("User", view! { <code>{or_dash(s.user_id.as_deref())}</code> })}
                {prop_row("ID", view! { <code>{s.id.clone()}</code> })}
            </dl>
        </section>
    }
}

#[component]
fn SnapshotMetadata(snapshot: Snapshot) -> impl IntoView {
    let count = snapshot.metadata.len();
    let mut pairs: Vec<(String, String)> =
        snapshot.metadata.iter().map(|m| (m.key().to_owned(), m.value().to_owned())).collect();
    // The structured values (instance lists, VM metadata) first: they say the most.
    pairs.sort_by_key(|(k, _)| !STRUCTURED_KEYS.contains(&k.as_str()));
    let cells = |(k, v): (String, String)| {
        let cell_class = if STRUCTURED_KEYS.contains(&k.as_str()) { "" } else { "mono" };
        view! { <td class="mono">{k.clone()}</td><td class=cell_class>{metadata_value(&k, v)}</td> }
    };
    let body = if count == 0 {
        Either::Left(view! { <p class="muted">"No metadata."</p> })
    } else {
        Either::Right(compact_table("Snapshot metadata", &["Key", "Value"], pairs, cells))
    };
    view! {
        <section class="card" aria-labelledby="snap-meta">
            <h2 class="card__title" id="snap-meta">{format!("Metadata ({count})")}</h2>
            {body}
        </section>
    }
}

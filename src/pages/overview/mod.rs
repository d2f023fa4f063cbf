//! The overview, where an admin lands: are my backups healthy? The targets, what runs now
//! (with an estimate and a warning when it stands still), recent failures, and which
//! workloads have no recent good snapshot. It updates live with the snapshot list's polling.

mod coverage;
mod failures;
mod running;
mod settings;
mod targets;

use super::snapshots::live::LiveIndicator;
use super::snapshots::poller::use_snapshot_poller;
use super::snapshots::{use_snapshot_rows, LoadedSnapshots};
use crate::api::backup_targets::{self, list_backup_targets_detail};
use crate::api::workloads::{self, list_workloads};
use crate::api::{snapshots, ApiRequest};
use crate::components::{
    api_resource, use_clock, Loader, PageHeader, RefreshButton, UnreadableNotice,
};
use crate::models::{Ownership, SnapshotFilter};
use crate::routes::use_thresholds;
use leptos::prelude::*;

pub use running::RunningNow;

/// How often times that count (elapsed, estimates, stall warnings) are redrawn.
const CLOCK_MS: u32 = 1_000;

/// The reads the page opens with, for its route to send while the page's code arrives.
pub fn overview_page_reads() -> Vec<ApiRequest> {
    vec![
        backup_targets::list_detail_request(),
        snapshots::list_request(&SnapshotFilter::default()),
        workloads::list_request(),
    ]
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let thresholds = use_thresholds();
    let targets = api_resource(|| (), |c, ()| async move { list_backup_targets_detail(&c).await });
    let LoadedSnapshots { loaded, rows, unreadable } = use_snapshot_rows(SnapshotFilter::default);
    let workloads = api_resource(|| (), |c, ()| async move { list_workloads(&c).await });
    // The list is this project's own: every moving row can be polled.
    let live = use_snapshot_poller(
        rows,
        Signal::derive(Ownership::default),
        Some(Signal::derive(SnapshotFilter::default)),
    );
    let now = use_clock(CLOCK_MS);
    let refresh = move |()| {
        targets.refetch();
        loaded.refetch();
        workloads.refetch();
    };
    view! {
        <section class="page">
            <PageHeader title="Overview" description="Are the backups healthy? Targets, snapshots running now, recent failures and protection coverage.">
                <LiveIndicator status=live following="● Live: following snapshots in progress"/>
                <RefreshButton on_refresh=Callback::new(refresh)/>
            </PageHeader>
            <settings::ThresholdsForm thresholds/>
            <targets::TargetsHealth targets/>
            <Loader resource=loaded loading="Loading snapshots…" failure="Could not load snapshots" let:_list>
                {move || view! { <UnreadableNotice lines=unreadable.get() noun="snapshot"/> }}
                <running::RunningNow rows now thresholds/>
                <failures::Failures rows/>
                <coverage::CoverageTable rows workloads now thresholds/>
            </Loader>
        </section>
    }
}

//! The snapshot table drawn once, unseen, while a page waits for its list.
//!
//! V8 compiles a wasm function on its first call, on the main thread. The task that draws a
//! long list's first rows called about 600 functions for the first time (the table's frame, its
//! sort, a row and what a row is made of): 20 to 30 ms of its 45 to 70 at 10,000 snapshots.
//! Drawn once while the browser is idle (the list is on its way), they are compiled by then.

use super::row::SnapshotRow;
use super::SnapshotsTable;
use crate::models::{Ownership, Snapshot};
use crate::timing::{idle, Mark, SliceClock};
use leptos::prelude::*;
use leptos::tachys::view::Render;
use std::collections::{HashMap, HashSet};

/// Two rows, one moving and one done, so that both kinds of row are drawn.
fn sample_rows() -> Vec<Snapshot> {
    let row = |id: &str, status: &str| Snapshot {
        id: id.to_owned(),
        name: Some(id.to_owned()),
        description: Some(id.to_owned()),
        status: Some(status.to_owned()),
        snapshot_type: Some("full".to_owned()),
        workload_id: Some(id.to_owned()),
        created_at: Some("2026-01-01T00:00:00.000000".to_owned()),
        progress_percent: Some(50.0),
        ..Default::default()
    };
    vec![row("warm-up-moving", "uploading"), row("warm-up-done", "available")]
}

/// What is drawn unseen, one part per idle moment.
enum Unseen {
    Row(Box<Snapshot>),
    Table(Vec<Snapshot>),
}

impl Unseen {
    /// A row of each kind, then a table of them.
    fn parts() -> Vec<Self> {
        let rows = sample_rows();
        let mut parts: Vec<Self> = rows.iter().map(|s| Self::Row(Box::new(s.clone()))).collect();
        parts.push(Self::Table(rows));
        parts
    }

    fn view(self) -> AnyView {
        match self {
            Self::Row(snapshot) => view! {
                <SnapshotRow snapshot=*snapshot names=Signal::stored(HashMap::new())
                    selected=RwSignal::new(HashSet::new()) on_cancel=Callback::new(|_| {})
                    on_delete=Callback::new(|_| {}) cancelling=Signal::stored(false)
                    cancel_accepted=Signal::stored(HashSet::new())
                    stale=Signal::stored(HashMap::new()) foreign=Signal::stored(Ownership::AllOwn)/>
            }
            .into_any(),
            Self::Table(rows) => view! {
                <SnapshotsTable rows=RwSignal::new(rows) search=String::new()
                    workload_names=HashMap::new() selected=RwSignal::new(HashSet::new())
                    on_cancel=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
            }
            .into_any(),
        }
    }
}

/// Draws `part` into nothing (no element of the page holds it) under a child of `page`, and
/// disposes of it a turn later, once its effects have had their first run.
async fn draw_unseen(page: &Owner, part: Unseen) {
    let mark = Mark::start("warm up the snapshot table".to_owned());
    let warm = page.child();
    warm.with(|| drop(part.view().build()));
    mark.end();
    SliceClock::start().yield_now().await;
    warm.cleanup();
}

/// Once the browser is idle, and only while the page is `waiting` for its list, draws a row of
/// each kind and then a table of them, each in an idle moment of its own: 1 to 25 ms each on
/// this project's 2-core machine, where the 850 functions in one go made a task of 80 to 120 ms.
pub fn warm_up_table(waiting: impl Fn() -> bool + 'static) {
    let Some(page) = Owner::current() else { return };
    leptos::task::spawn_local(async move {
        for part in Unseen::parts() {
            idle().await;
            // The list is here (or failed), or the page was left: nothing to prepare for.
            if !waiting() {
                return;
            }
            draw_unseen(&page, part).await;
        }
    });
}

use super::poller::merge_polled;
use crate::api::snapshots::{cancel_snapshot, delete_snapshot, show_snapshot};
use crate::api::{ApiError, Client};
use crate::components::{
    api_action, dispatch_once, use_toasts, ApiAction, DeleteDialog, DeleteSubject, Isolated,
};
use crate::models::Snapshot;
use crate::session::{use_session, with_client, SessionCtx};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::collections::HashSet;

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move {
        let task = delete_snapshot(&client, &id).await?;
        Ok(task.map(|t| format!(" Task {}.", Isolated(&t))).unwrap_or_default())
    })
}

#[component]
pub fn DeleteSnapshotDialog(
    subject: RwSignal<Option<DeleteSubject>>,
    on_deleted: Callback<String>,
) -> impl IntoView {
    view! { <DeleteDialog subject noun="snapshot" delete=delete_call request=crate::api::snapshots::delete_request on_deleted/> }
}

/// Re-reads one snapshot after an action so the row shows the server's word at once;
/// a 404 removes it. It merges like the poller, so an older answer never wins.
pub async fn refresh_one(ctx: SessionCtx, rows: RwSignal<Vec<Snapshot>>, id: String) {
    let key = id.clone();
    match with_client(ctx, |c| async move { show_snapshot(&c, &key).await }).await {
        Ok(fresh) => {
            rows.try_update(|list| merge_polled(list, fresh));
        }
        Err(ApiError::NotFound { .. }) => {
            rows.try_update(|list| list.retain(|s| s.id != id));
        }
        Err(_) => {}
    }
}

/// Cancel, as the list rows, the overview and the detail page offer it: one request at a time,
/// and none for a snapshot whose cancel the server accepted already (a double click that
/// straddles the answer, or a click before its status moves). Announced, then the row re-read.
#[derive(Clone, Copy)]
pub struct CancelSnapshots {
    action: ApiAction<Snapshot, ()>,
    accepted: RwSignal<HashSet<String>>,
}

impl CancelSnapshots {
    pub fn new(rows: RwSignal<Vec<Snapshot>>) -> Self {
        let ctx = use_session();
        let toasts = use_toasts();
        let accepted = RwSignal::new(HashSet::new());
        let action = api_action(
            |s: &Snapshot| format!("Could not cancel snapshot {}", Isolated(s.label())),
            |client, s: Snapshot| async move { cancel_snapshot(&client, &s.id).await },
            move |s, _| {
                accepted.update(|a| {
                    a.insert(s.id.clone());
                });
                toasts.success(format!("Cancel requested for snapshot {}.", Isolated(s.label())));
                leptos::task::spawn_local(refresh_one(ctx, rows, s.id));
            },
        );
        Self { action, accepted }
    }

    /// What the table's rows take: run a cancel, whether one runs, whose were accepted.
    pub fn on_cancel(self) -> Callback<Snapshot> {
        Callback::new(move |s: Snapshot| {
            if !self.accepted.with_untracked(|a| a.contains(&s.id)) {
                dispatch_once(self.action, s);
            }
        })
    }

    pub fn running(self) -> Signal<bool> {
        self.action.pending().into()
    }

    pub fn accepted(self) -> Signal<HashSet<String>> {
        self.accepted.into()
    }

    /// The Cancel button for `snapshot`, wired to this page's cancels.
    pub fn button(self, snapshot: Snapshot, class: &'static str, in_list: bool) -> impl IntoView {
        view! {
            <CancelButton snapshot class in_list on_cancel=self.on_cancel() running=self.running()
                accepted=self.accepted()/>
        }
    }
}

/// A snapshot's Cancel button: off while any cancel runs, and "Cancel requested" once the
/// server accepted this snapshot's.
#[component]
pub fn CancelButton(
    snapshot: Snapshot,
    on_cancel: Callback<Snapshot>,
    /// A cancel is running (for any snapshot): every Cancel waits.
    #[prop(into)]
    running: Signal<bool>,
    /// The snapshots whose cancel the server accepted.
    #[prop(into)]
    accepted: Signal<HashSet<String>>,
    /// Its look: `btn--secondary`, `btn--danger-ghost btn--small`, …
    class: &'static str,
    /// In a list, the button says "Cancel" and its accessible name says which snapshot.
    in_list: bool,
) -> impl IntoView {
    let requested = {
        let id = snapshot.id.clone();
        Memo::new(move |_| accepted.with(|a| a.contains(&id)))
    };
    let name = snapshot.label().to_owned();
    let words = move || match (requested.get(), in_list) {
        (true, _) => "Cancel requested",
        (false, true) => "Cancel",
        (false, false) => "Cancel snapshot",
    };
    let label = move || {
        in_list.then(|| match requested.get() {
            true => format!("Cancel requested for snapshot {name}"),
            false => format!("Cancel snapshot {name}"),
        })
    };
    view! {
        <button type="button" class=format!("btn {class}") aria-label=label
            disabled=move || running.get() || requested.get()
            on:click=move |_| on_cancel.run(snapshot.clone())>{words}</button>
    }
}

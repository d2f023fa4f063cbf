use super::poller::merge_polled;
use crate::api::snapshots::{cancel_snapshot, delete_snapshot, show_snapshot};
use crate::api::{ApiError, Client};
use crate::components::{api_action, use_toasts, ApiAction, DeleteDialog, DeleteSubject};
use crate::models::Snapshot;
use crate::session::{use_session, with_client, SessionCtx};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move {
        let task = delete_snapshot(&client, &id).await?;
        Ok(task.map(|t| format!(" Task {t}.")).unwrap_or_default())
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

/// Cancel, as the list rows and the detail page offer it: announce, then re-read the row.
pub fn cancel_action(rows: RwSignal<Vec<Snapshot>>) -> ApiAction<Snapshot, ()> {
    let ctx = use_session();
    let toasts = use_toasts();
    api_action(
        |s: &Snapshot| format!("Could not cancel snapshot {}", s.label()),
        |client, s: Snapshot| async move { cancel_snapshot(&client, &s.id).await },
        move |s, _| {
            toasts.success(format!("Cancel requested for snapshot {}.", s.label()));
            leptos::task::spawn_local(refresh_one(ctx, rows, s.id));
        },
    )
}

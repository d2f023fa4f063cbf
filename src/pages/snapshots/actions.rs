use crate::api::snapshots::{delete_snapshot, show_snapshot};
use crate::api::{ApiError, Client};
use crate::components::{DeleteDialog, DeleteSubject};
use crate::models::Snapshot;
use crate::pages::with_client;
use crate::session::SessionCtx;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move {
        delete_snapshot(&client, &id).await.map(|task| task.map(|t| format!(" Task {t}.")).unwrap_or_default())
    })
}

#[component]
pub fn DeleteSnapshotDialog(subject: RwSignal<Option<DeleteSubject>>, on_deleted: Callback<String>) -> impl IntoView {
    view! { <DeleteDialog subject noun="snapshot" delete=delete_call on_deleted/> }
}

/// Re-reads one snapshot after an action so the row shows the server's word at once;
/// a 404 removes it.
pub async fn refresh_one(ctx: SessionCtx, rows: RwSignal<Vec<Snapshot>>, id: String) {
    let key = id.clone();
    match with_client(ctx, |c| async move { show_snapshot(&c, &key).await }).await {
        Ok(fresh) => {
            rows.try_update(|list| {
                if let Some(row) = list.iter_mut().find(|r| r.id == fresh.id) {
                    *row = fresh;
                }
            });
        }
        Err(ApiError::NotFound { .. }) => {
            rows.try_update(|list| list.retain(|s| s.id != id));
        }
        Err(_) => {}
    }
}

//! Backup targets: table, detail, create; set default and delete from both table and detail.

mod create;
mod detail;
mod list;

pub use create::{validate_bucket, validate_nfs_export, validate_s3_url, BackupTargetCreatePage};
pub use detail::BackupTargetDetailPage;
pub use list::{BackupTargetsPage, TargetsTable};

use crate::api::backup_targets::{delete_backup_target, set_default_backup_target};
use crate::api::{ApiError, Client};
use crate::components::{use_toasts, DeleteDialog, DeleteSubject};
use crate::pages::with_client;
use crate::session::use_session;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// The danger notice of the API document, repeated in the delete dialog.
pub const DELETE_WARNING: &str =
    "Removing Backup Target from an active Workload can lead to inconsistent behavior and potential backup operation failures.";

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move { delete_backup_target(&client, &id).await.map(|_| String::new()) })
}

/// The delete dialog for backup targets.
#[component]
pub fn DeleteTargetDialog(subject: RwSignal<Option<DeleteSubject>>, on_deleted: Callback<String>) -> impl IntoView {
    view! { <DeleteDialog subject noun="backup target" warning=DELETE_WARNING delete=delete_call on_deleted/> }
}

/// "Set default" as an action: announces the outcome and bumps `reload` so every view
/// shows the server's new state.
pub fn set_default_action(reload: RwSignal<u32>) -> Action<(String, String), ()> {
    let ctx = use_session();
    let toasts = use_toasts();
    Action::new_local(move |(id, label): &(String, String)| {
        let (id, label) = (id.clone(), label.clone());
        async move {
            match with_client(ctx, |c| async move { set_default_backup_target(&c, &id).await }).await {
                Ok(_) => {
                    toasts.success(format!("{label} is now the default backup target."));
                    reload.update(|n| *n += 1);
                }
                Err(e) => toasts.error(format!("Could not make {label} the default"), &e),
            }
        }
    })
}

/// The detail page of a backup target.
pub fn target_href(id: &str) -> String {
    format!("/backup-targets/{}", crate::api::encode_segment(id))
}

pub fn target_subject(t: &crate::models::BackupTarget) -> DeleteSubject {
    let label = if t.export().is_empty() { t.id.clone() } else { t.export().to_owned() };
    DeleteSubject { id: t.id.clone(), label }
}

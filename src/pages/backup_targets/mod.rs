//! Backup targets: table, detail, create; set default and delete from both table and detail.

mod create;
mod detail;
mod list;
mod table;

pub use create::BackupTargetCreatePage;
pub use detail::BackupTargetDetailPage;
pub use list::{backup_targets_page_reads, BackupTargetsPage};
pub use table::TargetsTable;

use crate::api::backup_targets::{delete_backup_target, set_default_backup_target};
use crate::api::{ApiError, Client};
use crate::components::{api_action, use_toasts, ApiAction, DeleteDialog, DeleteSubject, Isolated};
use crate::models::BackupTarget;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// The danger notice of the API document, repeated in the delete dialog.
pub const DELETE_WARNING: &str = "Removing Backup Target from an active Workload can lead to inconsistent behavior and potential backup operation failures.";

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move { delete_backup_target(&client, &id).await.map(|_| String::new()) })
}

/// The delete dialog for backup targets.
#[component]
pub fn DeleteTargetDialog(
    subject: RwSignal<Option<DeleteSubject>>,
    on_deleted: Callback<String>,
) -> impl IntoView {
    view! { <DeleteDialog subject noun="backup target" warning=DELETE_WARNING delete=delete_call request=crate::api::backup_targets::delete_request on_deleted/> }
}

/// "Set default": announces the outcome; views key their data on its `version()`, so they
/// show the server's new state.
pub fn set_default_action() -> ApiAction<BackupTarget, Option<BackupTarget>> {
    let toasts = use_toasts();
    api_action(
        |t: &BackupTarget| format!("Could not make {} the default", Isolated(t.label())),
        |client, t: BackupTarget| async move { set_default_backup_target(&client, &t.id).await },
        move |t, _| {
            toasts.success(format!("{} is now the default backup target.", Isolated(t.label())))
        },
    )
}

pub fn target_subject(t: &BackupTarget) -> DeleteSubject {
    DeleteSubject { id: t.id.clone(), label: t.label().to_owned() }
}

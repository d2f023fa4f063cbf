//! Backup target types: table, detail (with projects and metadata), create, edit, delete.

mod access;
mod detail;
mod edit;
mod form;
mod list;
mod membership;
mod table;

pub use access::{type_access_page_reads, TypeAccessPage};
pub use detail::TargetTypeDetailPage;
pub use edit::{TargetTypeCreatePage, TargetTypeEditPage};
pub use list::{target_types_page_reads, TargetTypesPage};
pub use table::TypesTable;

use crate::api::backup_targets::show_backup_target;
use crate::api::target_types::{delete_target_type, show_target_type};
use crate::api::{ApiError, Client};
use crate::components::{DeleteDialog, DeleteSubject};
use crate::models::{BackupTarget, TargetType};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

pub const DELETE_WARNING: &str = "Removing Backup Target Types from an active Workload can lead to inconsistent behavior and potential backup operation failures.";

fn delete_call(client: Client, id: String) -> LocalBoxFuture<'static, Result<String, ApiError>> {
    Box::pin(async move { delete_target_type(&client, &id).await.map(|_| String::new()) })
}

#[component]
pub fn DeleteTypeDialog(
    subject: RwSignal<Option<DeleteSubject>>,
    on_deleted: Callback<String>,
) -> impl IntoView {
    view! { <DeleteDialog subject noun="target type" warning=DELETE_WARNING delete=delete_call request=crate::api::target_types::delete_request on_deleted/> }
}

/// A type and, when it can be read, its target: the detail and the edit form name it.
async fn load_type(
    client: Client,
    id: String,
) -> Result<(TargetType, Option<BackupTarget>), ApiError> {
    let t = show_target_type(&client, &id).await?;
    let target = match t.backup_targets_id.as_deref() {
        Some(target_id) => show_backup_target(&client, target_id).await.ok(),
        None => None,
    };
    Ok((t, target))
}

pub fn type_subject(t: &TargetType) -> DeleteSubject {
    DeleteSubject { id: t.id.clone(), label: t.label().to_owned() }
}

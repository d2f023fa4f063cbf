//! The create and edit pages of a target type: each loads what its form needs.

use super::form::TypeForm;
use crate::api::backup_targets::{list_backup_targets_detail, show_backup_target};
use crate::api::target_types::show_target_type;
use crate::api::ApiError;
use crate::components::{Breadcrumb, Loader, PageHeader};
use crate::routes::{self, use_id};
use crate::session::{use_session, with_client};
use leptos::prelude::*;

#[component]
pub fn TargetTypeCreatePage() -> impl IntoView {
    let ctx = use_session();
    let targets =
        LocalResource::new(move || with_client(ctx, |c| async move { list_backup_targets_detail(&c).await }));
    view! {
        <section class="page page--form">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Create"/>
            <PageHeader title="Create target type" description="A named view of a backup target, public or limited to some projects."/>
            <Loader resource=targets loading="Loading backup targets…"
                failure="Could not load the backup targets to choose from" let:list>
                <TypeForm existing=None targets=list/>
            </Loader>
        </section>
    }
}

#[component]
pub fn TargetTypeEditPage() -> impl IntoView {
    let ctx = use_session();
    let id = use_id();
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            let t = with_client(ctx, |c| async move { show_target_type(&c, &id).await }).await?;
            // Editing keeps the target: only its label is needed.
            let target = match t.backup_targets_id.clone() {
                Some(tid) => with_client(ctx, |c| async move { show_backup_target(&c, &tid).await }).await.ok(),
                None => None,
            };
            Ok::<_, ApiError>((t, target.into_iter().collect::<Vec<_>>()))
        }
    });
    view! {
        <section class="page page--form">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Edit"/>
            <Loader resource=data loading="Loading target type…" failure="Could not load this target type" let:loaded>
                <PageHeader title=format!("Edit {}", loaded.0.name())
                    description="Changes are sent with PUT; the lists below replace or extend what is assigned."/>
                <TypeForm existing=Some(loaded.0) targets=loaded.1/>
            </Loader>
        </section>
    }
}

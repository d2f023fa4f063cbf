//! The create and edit pages of a target type: each loads what its form needs.

use super::form::TypeForm;
use super::load_type;
use crate::api::backup_targets::list_backup_targets_detail;
use crate::components::{api_resource, Breadcrumb, Loader, PageHeader};
use crate::routes::{self, use_id};
use leptos::prelude::*;

#[component]
pub fn TargetTypeCreatePage() -> impl IntoView {
    let targets = api_resource(|| (), |c, ()| async move { list_backup_targets_detail(&c).await });
    view! {
        <section class="page page--form">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Create"/>
            <PageHeader title="Create target type" description="A named view of a backup target, public or limited to some projects."/>
            <Loader resource=targets loading="Loading backup targets…"
                failure="Could not load the backup targets to choose from" let:list>
                <TypeForm existing=None targets=list.rows/>
            </Loader>
        </section>
    }
}

#[component]
pub fn TargetTypeEditPage() -> impl IntoView {
    let id = use_id();
    let data = api_resource(move || id.get(), load_type);
    view! {
        <section class="page page--form">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Edit"/>
            <Loader resource=data loading="Loading target type…" failure="Could not load this target type" let:loaded>
                <PageHeader title=format!("Edit {}", loaded.0.name())
                    description="Changes are sent with PUT; the lists below replace or extend what is assigned."/>
                <TypeForm existing=Some(loaded.0) targets=loaded.1.into_iter().collect()/>
            </Loader>
        </section>
    }
}

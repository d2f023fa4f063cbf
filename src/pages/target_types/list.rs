use super::{type_subject, DeleteTypeDialog, TypesTable};
use crate::api::backup_targets::{self, list_backup_targets_detail};
use crate::api::target_types::{self, list_target_types_detail};
use crate::api::ApiRequest;
use crate::components::{
    api_resource, options, DeleteSubject, FilterBar, Loader, PageHeader, RefreshButton,
    UnreadableNotice,
};
use crate::models::{TargetType, Visibility};
use crate::routes;
use leptos::prelude::*;

/// The reads the page opens with, for its route to send while the page's code arrives.
pub fn target_types_page_reads() -> Vec<ApiRequest> {
    vec![target_types::list_detail_request(), backup_targets::list_detail_request()]
}

#[component]
pub fn TargetTypesPage() -> impl IntoView {
    let data = api_resource(
        || (),
        |c, ()| async move {
            let types = list_target_types_detail(&c).await?;
            // Targets only name each type's target; the table still works without them.
            Ok((types, list_backup_targets_detail(&c).await.unwrap_or_default()))
        },
    );
    let search = RwSignal::new(String::new());
    let choice = RwSignal::new(String::new());
    let visibility = Signal::derive(move || match choice.get().as_str() {
        "public" => Some(Visibility::Public),
        "private" => Some(Visibility::Private),
        _ => None,
    });
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let visibilities = options(&[("public", "Public"), ("private", "Private")]);
    view! {
        <section class="page">
            <PageHeader title="Target types" description="Named, per-project views of a backup target.">
                <RefreshButton on_refresh=Callback::new(move |()| data.refetch())/>
                <a class="btn btn--primary" href=routes::NEW_TARGET_TYPE>"Create type"</a>
            </PageHeader>
            <FilterBar search_id="types-search" search placeholder="Name, project, metadata…"
                choice_id="types-visibility" choice_label="Visibility" choice options=visibilities
                all="Public and private"/>
            <Loader resource=data loading="Loading target types…" failure="Could not load target types" let:loaded>
                <UnreadableNotice lines=loaded.0.unreadable noun="target type"/>
                <TypesTable types=loaded.0.rows targets=loaded.1.rows search visibility
                    on_delete=Callback::new(move |t: TargetType| to_delete.set(Some(type_subject(&t))))/>
            </Loader>
            <DeleteTypeDialog subject=to_delete on_deleted=Callback::new(move |_| data.refetch())/>
        </section>
    }
}

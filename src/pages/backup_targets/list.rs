use super::{set_default_action, target_subject, DeleteTargetDialog, TargetsTable};
use crate::api::backup_targets::{self, list_backup_targets_detail};
use crate::api::target_types::{self, list_target_types_detail};
use crate::api::ApiRequest;
use crate::components::{
    api_resource, dispatch_once, options, DeleteSubject, FilterBar, Loader, PageHeader,
    RefreshButton, UnreadableNotice,
};
use crate::models::{BackupTarget, TargetKind};
use crate::routes;
use leptos::prelude::*;

/// The reads the page opens with, for its route to send while the page's code arrives.
pub fn backup_targets_page_reads() -> Vec<ApiRequest> {
    vec![backup_targets::list_detail_request(), target_types::list_detail_request()]
}

#[component]
pub fn BackupTargetsPage() -> impl IntoView {
    let set_default = set_default_action();
    let data = api_resource(
        move || set_default.version().track(),
        |c, ()| async move {
            let targets = list_backup_targets_detail(&c).await?;
            // Types only add links; the table still works without them.
            Ok((targets, list_target_types_detail(&c).await.unwrap_or_default()))
        },
    );
    let search = RwSignal::new(String::new());
    let kind_choice = RwSignal::new(String::new());
    let kind = Signal::derive(move || kind_choice.with(|k| TargetKind::parse(k)));
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let kinds = options(&[("nfs", "NFS"), ("s3", "S3")]);
    view! {
        <section class="page">
            <PageHeader title="Backup targets" description="Where backups are written: NFS exports and S3 buckets.">
                <RefreshButton on_refresh=Callback::new(move |()| data.refetch())/>
                <a class="btn btn--primary" href=routes::NEW_BACKUP_TARGET>"Create target"</a>
            </PageHeader>
            <FilterBar search_id="targets-search" search placeholder="Export, type name, status…"
                choice_id="targets-kind" choice_label="Type" choice=kind_choice options=kinds all="All types"/>
            <Loader resource=data loading="Loading backup targets…" failure="Could not load backup targets" let:loaded>
                <UnreadableNotice lines=loaded.0.unreadable noun="backup target"/>
                <TargetsTable targets=loaded.0.rows types=loaded.1.rows search kind
                    on_set_default=Callback::new(move |t: BackupTarget| dispatch_once(set_default, t)) busy=set_default.pending()
                    on_delete=Callback::new(move |t: BackupTarget| to_delete.set(Some(target_subject(&t))))/>
            </Loader>
            <DeleteTargetDialog subject=to_delete on_deleted=Callback::new(move |_| data.refetch())/>
        </section>
    }
}

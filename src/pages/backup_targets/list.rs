use super::{set_default_action, target_subject, DeleteTargetDialog, TargetsTable};
use crate::api::backup_targets::list_backup_targets_detail;
use crate::api::target_types::list_target_types_detail;
use crate::api::ApiError;
use crate::components::{DeleteSubject, Field, FieldLayout, InputKind, Loader, PageHeader, Select, TextInput};
use crate::models::{BackupTarget, TargetKind};
use crate::routes;
use crate::session::{use_session, with_client};
use leptos::prelude::*;

#[component]
pub fn BackupTargetsPage() -> impl IntoView {
    let ctx = use_session();
    let set_default = set_default_action();
    let data = LocalResource::new(move || {
        set_default.version().track();
        async move {
            let targets = with_client(ctx, |c| async move { list_backup_targets_detail(&c).await }).await?;
            // Types only add links; the table still works without them.
            let types = with_client(ctx, |c| async move { list_target_types_detail(&c).await });
            Ok::<_, ApiError>((targets, types.await.unwrap_or_default()))
        }
    });
    let search = RwSignal::new(String::new());
    let kind_choice = RwSignal::new(String::new());
    let kind = Signal::derive(move || kind_choice.with(|k| TargetKind::parse(k)));
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let kinds = vec![("nfs".to_owned(), "NFS".to_owned()), ("s3".to_owned(), "S3".to_owned())];
    view! {
        <section class="page">
            <PageHeader title="Backup targets" description="Where backups are written: NFS exports and S3 buckets.">
                <button type="button" class="btn btn--secondary" on:click=move |_| data.refetch()>"Refresh"</button>
                <a class="btn btn--primary" href=routes::NEW_BACKUP_TARGET>"Create target"</a>
            </PageHeader>
            <div class="toolbar" role="search">
                <Field id="targets-search" label="Filter" layout=FieldLayout::Toolbar>
                    <TextInput value=search kind=InputKind::Search placeholder="Export, type name, status…"/>
                </Field>
                <Field id="targets-kind" label="Type" layout=FieldLayout::Toolbar>
                    <Select value=kind_choice options=kinds empty="All types"/>
                </Field>
            </div>
            <Loader resource=data loading="Loading backup targets…" failure="Could not load backup targets" let:loaded>
                <TargetsTable targets=loaded.0 types=loaded.1 search kind
                    on_set_default=Callback::new(move |t: BackupTarget| {
                        if !set_default.pending().get_untracked() {
                            set_default.dispatch(t);
                        }
                    })
                    on_delete=Callback::new(move |t: BackupTarget| to_delete.set(Some(target_subject(&t))))/>
            </Loader>
            <DeleteTargetDialog subject=to_delete on_deleted=Callback::new(move |_| data.refetch())/>
        </section>
    }
}

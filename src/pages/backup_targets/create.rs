//! The create-target form: NFS or S3, validated at each field before anything is sent.

use crate::api::backup_targets::create_backup_target;
use crate::api::backup_targets::create_request;
use crate::components::{
    api_action, failure_of, use_toasts, Breadcrumb, CheckField, ErrorPanel, ErrorsOf, Field,
};
use crate::components::{on_submit, CopyCurl, Isolated, Segmented};
use crate::components::{FieldLayout, InputKind, KeyValueEditor, KvRow, PageHeader, TextField};
use crate::models::new_backup_target::TargetField;
use crate::models::{FieldErrors, NewBackupTarget, TargetKind};
use crate::routes;
use crate::routes::{GuardedForm, UnsentInput};
use leptos::prelude::*;
use std::time::Duration;

/// Seconds since `running` turned true, so a long request shows it is still working.
fn elapsed_seconds(running: Memo<bool>) -> RwSignal<u32> {
    let elapsed = RwSignal::new(0u32);
    Effect::new(move |_| {
        if running.get() {
            elapsed.set(0);
            let tick = move || elapsed.update(|s| *s += 1);
            let handle = set_interval_with_handle(tick, Duration::from_secs(1)).ok();
            on_cleanup(move || handle.into_iter().for_each(|h| h.clear()));
        }
    });
    elapsed
}

#[component]
pub fn BackupTargetCreatePage() -> impl IntoView {
    let toasts = use_toasts();
    let router = routes::use_router();
    let kind = RwSignal::new(TargetKind::Nfs);
    let [export, url, bucket, btt_name] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let (is_default, immutable) = (RwSignal::new(false), RwSignal::new(false));
    let meta = RwSignal::new(Vec::<KvRow>::new());
    let errors = RwSignal::new(FieldErrors::<TargetField>::default());
    let unsent = UnsentInput::new();

    let create = api_action(
        |_: &NewBackupTarget| "Could not create the backup target".to_owned(),
        |client, new: NewBackupTarget| async move { create_backup_target(&client, &new).await },
        move |_, target| {
            unsent.sent();
            toasts.success(format!("Backup target {} created.", Isolated(target.export())));
            router.go(&routes::backup_target(&target.id));
        },
    );
    let pending = create.pending();
    let failure = failure_of(create);
    let elapsed = elapsed_seconds(pending);

    let read = move || NewBackupTarget {
        kind: kind.get_untracked(),
        filesystem_export: export.get_untracked(),
        s3_endpoint_url: url.get_untracked(),
        s3_bucket: bucket.get_untracked(),
        is_default: is_default.get_untracked(),
        immutable: immutable.get_untracked(),
        btt_name: btt_name.get_untracked(),
        metadata: meta.with_untracked(|rows| KvRow::pairs(rows)),
    };
    let curl = Signal::derive(move || create_request(&read()));
    let submit = on_submit(pending.into(), errors, read, move |new| {
        create.dispatch(new);
    });
    let busy = Signal::<bool>::from(pending);
    let is_nfs = move || kind.get() == TargetKind::Nfs;
    let error = move |f| errors.error_of(f);
    let kinds = vec![(TargetKind::Nfs, "nfs", "NFS"), (TargetKind::S3, "s3", "S3")];
    let status = move || {
        busy.get().then(|| {
            let secs = elapsed.get();
            format!("Creating the target: the server is validating the storage ({secs} s). This can take several minutes; keep this page open.")
        })
    };

    view! {
        <section class="page page--form">
            <Breadcrumb area="Backup targets" href=routes::BACKUP_TARGETS here="Create"/>
            <PageHeader title="Create backup target"
                description="The server mounts and validates the storage before it answers; this can take a few minutes."/>
            <GuardedForm unsent class="form card" on_submit=submit described_by="create-target-status">
                <Field id="target-kind" label="Storage type" layout=FieldLayout::Group disabled=busy>
                    <Segmented value=kind options=kinds/>
                </Field>
                <Show when=is_nfs>
                    <TextField id="bt-export" label="Filesystem export" value=export error=error(TargetField::Export)
                        required=true disabled=busy placeholder="192.168.1.34:/mnt/tvault/backups"
                        hint="host:/path of the NFS share."/>
                </Show>
                <Show when=move || !is_nfs()>
                    <TextField id="bt-s3-url" label="S3 endpoint URL" value=url error=error(TargetField::S3Url)
                        required=true disabled=busy kind=InputKind::Url placeholder="https://s3.example.com"/>
                    <TextField id="bt-s3-bucket" label="Bucket" value=bucket error=error(TargetField::Bucket)
                        required=true disabled=busy placeholder="trilio-backups"
                        hint="3–63 lowercase letters, digits, dots and hyphens."/>
                    <CheckField id="bt-immutable" label="Immutable (S3 object lock)" checked=immutable disabled=busy
                        hint="The bucket must have object lock enabled."/>
                </Show>
                <TextField id="bt-btt-name" label="Target type name" value=btt_name disabled=busy
                    hint="Optional. Defaults to the export, as the API does."/>
                <CheckField id="bt-default" label="Make this the default backup target" checked=is_default disabled=busy/>
                <KeyValueEditor id="bt-meta" legend="Metadata" rows=meta error=error(TargetField::Metadata) disabled=busy/>
                {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused to create the target"/> })}
                <div class="form__actions">
                    <a class="btn btn--secondary" href=routes::BACKUP_TARGETS>"Cancel"</a>
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get()
                        aria-busy=move || busy.get().to_string()>
                        {move || if busy.get() { "Creating…" } else { "Create target" }}
                    </button>
                    <CopyCurl request=curl/>
                </div>
                <p id="create-target-status" class="form__status" role="status" aria-live="polite">{status}</p>
            </GuardedForm>
        </section>
    }
}

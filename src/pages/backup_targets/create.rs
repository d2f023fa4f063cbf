//! The create-target form: NFS or S3, validated at each field before anything is sent.

use crate::api::backup_targets::create_backup_target;
use crate::api::ApiError;
use crate::components::key_value_editor::validate_rows;
use crate::components::{use_toasts, CheckField, ErrorPanel, KeyValueEditor, KvRow, PageHeader, TextField};
use crate::models::{NewBackupTarget, TargetKind};
use crate::pages::with_client;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// `host:/path`: a host (name, IPv4 or [IPv6]) and an absolute path, no spaces.
pub fn validate_nfs_export(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the NFS export, e.g. 192.168.1.34:/mnt/backups.".into());
    }
    if t.contains(char::is_whitespace) {
        return Some("The export must not contain spaces.".into());
    }
    let Some((host, path)) = t.split_once(":/") else {
        return Some("Use the form host:/path, e.g. nfs.example.com:/exports/backups.".into());
    };
    let host_ok = if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || c == ':')
    } else {
        !host.is_empty()
            && host.split('.').all(|label| {
                !label.is_empty() && label.len() <= 63 && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && !label.starts_with('-') && !label.ends_with('-')
            })
    };
    if !host_ok {
        return Some(format!("\"{host}\" is not a valid host name or IP address."));
    }
    if path.contains("//") {
        return Some("The path must not contain empty segments (//).".into());
    }
    None
}

/// An http or https URL with a host.
pub fn validate_s3_url(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the S3 endpoint URL, e.g. https://s3.example.com.".into());
    }
    let rest = t.strip_prefix("https://").or_else(|| t.strip_prefix("http://"));
    match rest {
        None => Some("The endpoint URL must start with http:// or https://.".into()),
        Some(r) if r.is_empty() || r.starts_with('/') || r.contains(char::is_whitespace) => {
            Some("The endpoint URL needs a host name and no spaces.".into())
        }
        Some(_) => None,
    }
}

/// S3 bucket naming rules: 3–63 characters of lowercase letters, digits, dots and hyphens,
/// starting and ending with a letter or digit, no `..`, not shaped like an IP address.
pub fn validate_bucket(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the bucket name.".into());
    }
    if !(3..=63).contains(&t.len()) {
        return Some("A bucket name has 3 to 63 characters.".into());
    }
    if !t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-') {
        return Some("Use only lowercase letters, digits, dots (.) and hyphens (-).".into());
    }
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !edge_ok(t.chars().next()) || !edge_ok(t.chars().last()) {
        return Some("A bucket name starts and ends with a letter or digit.".into());
    }
    if t.contains("..") || t.contains(".-") || t.contains("-.") {
        return Some("A bucket name has no two adjacent dots and no dot next to a hyphen.".into());
    }
    if t.split('.').count() == 4 && t.split('.').all(|p| p.parse::<u8>().is_ok()) {
        return Some("A bucket name must not look like an IP address.".into());
    }
    None
}

#[component]
pub fn BackupTargetCreatePage() -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let kind = RwSignal::new(TargetKind::Nfs);
    let export = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let bucket = RwSignal::new(String::new());
    let btt_name = RwSignal::new(String::new());
    let is_default = RwSignal::new(false);
    let immutable = RwSignal::new(false);
    let meta = RwSignal::new(Vec::<KvRow>::new());
    let export_err = RwSignal::new(None::<String>);
    let url_err = RwSignal::new(None::<String>);
    let bucket_err = RwSignal::new(None::<String>);
    let meta_err = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let elapsed = RwSignal::new(0u32);

    let create = Action::new_local(move |new: &NewBackupTarget| {
        let new = new.clone();
        async move { with_client(ctx, |c| async move { create_backup_target(&c, &new).await }).await }
    });
    let pending = create.pending();
    // The server may take minutes: count the seconds so the user sees it is still working.
    Effect::new(move |_| {
        if pending.get() {
            elapsed.set(0);
            let handle = set_interval_with_handle(move || elapsed.update(|s| *s += 1), std::time::Duration::from_secs(1)).ok();
            on_cleanup(move || {
                if let Some(h) = handle {
                    h.clear();
                }
            });
        }
    });
    Effect::new(move |_| match create.value().get() {
        Some(Ok(target)) => {
            toasts.success(format!("Backup target {} created.", target.export()));
            navigate(&crate::pages::backup_targets::target_href(&target.id), NavigateOptions::default());
        }
        Some(Err(e)) => {
            toasts.error("Could not create the backup target", &e);
            failure.set(Some(e));
        }
        None => {}
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let k = kind.get_untracked();
        export_err.set((k == TargetKind::Nfs).then(|| validate_nfs_export(&export.get_untracked())).flatten());
        url_err.set((k == TargetKind::S3).then(|| validate_s3_url(&url.get_untracked())).flatten());
        bucket_err.set((k == TargetKind::S3).then(|| validate_bucket(&bucket.get_untracked())).flatten());
        let pairs = validate_rows(&meta.get_untracked());
        meta_err.set(pairs.as_ref().err().cloned());
        let (Ok(metadata), None, None, None) = (pairs, export_err.get_untracked(), url_err.get_untracked(), bucket_err.get_untracked()) else {
            crate::components::form_field::focus_first_invalid();
            return;
        };
        failure.set(None);
        create.dispatch(NewBackupTarget {
            kind: k,
            filesystem_export: export.get_untracked(),
            s3_endpoint_url: url.get_untracked(),
            s3_bucket: bucket.get_untracked(),
            is_default: is_default.get_untracked(),
            immutable: immutable.get_untracked(),
            btt_name: btt_name.get_untracked(),
            metadata,
        });
    };
    let busy = Signal::derive(move || pending.get());
    let is_nfs = move || kind.get() == TargetKind::Nfs;

    view! {
        <section class="page page--form">
            <crate::components::Breadcrumb area="Backup targets" href="/backup-targets" here="Create"/>
            <PageHeader title="Create backup target" description="The server mounts and validates the storage before it answers; this can take a few minutes."/>
            <form class="form card" on:submit=submit novalidate aria-describedby="create-target-status">
                <fieldset class="segmented" disabled=move || busy.get()>
                    <legend class="field__label">"Storage type"</legend>
                    <label class="segmented__option">
                        <input type="radio" name="target-kind" value="nfs" prop:checked=is_nfs on:change=move |_| kind.set(TargetKind::Nfs)/>
                        " NFS"
                    </label>
                    <label class="segmented__option">
                        <input type="radio" name="target-kind" value="s3" prop:checked=move || !is_nfs() on:change=move |_| kind.set(TargetKind::S3)/>
                        " S3"
                    </label>
                </fieldset>
                <Show when=is_nfs>
                    <TextField id="bt-export" label="Filesystem export" value=export error=export_err required=true disabled=busy
                        placeholder="192.168.1.34:/mnt/tvault/backups" hint="host:/path of the NFS share."/>
                </Show>
                <Show when=move || !is_nfs()>
                    <TextField id="bt-s3-url" label="S3 endpoint URL" value=url error=url_err required=true disabled=busy
                        input_type="url" placeholder="https://s3.example.com"/>
                    <TextField id="bt-s3-bucket" label="Bucket" value=bucket error=bucket_err required=true disabled=busy
                        placeholder="trilio-backups" hint="3–63 lowercase letters, digits, dots and hyphens."/>
                    <CheckField id="bt-immutable" label="Immutable (S3 object lock)" checked=immutable disabled=busy
                        hint="The bucket must have object lock enabled."/>
                </Show>
                <TextField id="bt-btt-name" label="Target type name" value=btt_name disabled=busy
                    hint="Optional. Defaults to the export, as the API does."/>
                <CheckField id="bt-default" label="Make this the default backup target" checked=is_default disabled=busy/>
                <KeyValueEditor id="bt-meta" legend="Metadata" rows=meta error=meta_err disabled=busy/>
                {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused to create the target"/> })}
                <div class="form__actions">
                    <a class="btn btn--secondary" href="/backup-targets">"Cancel"</a>
                    <button type="submit" class="btn btn--primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                        {move || if busy.get() { "Creating…" } else { "Create target" }}
                    </button>
                </div>
                <p id="create-target-status" class="form__status" role="status" aria-live="polite">
                    {move || busy.get().then(|| format!(
                        "Creating the target: the server is validating the storage ({} s). This can take several minutes; keep this page open.",
                        elapsed.get()))}
                </p>
            </form>
        </section>
    }
}

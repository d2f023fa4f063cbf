use super::{set_default_action, target_subject, DeleteTargetDialog};
use crate::api::backup_targets::list_backup_targets_detail;
use crate::api::target_types::list_target_types_detail;
use crate::api::ApiError;
use crate::components::data_table::{text_key, SortKey};
use crate::components::status_badge::Tag;
use crate::components::data_table::{fixed, sortable, DataTable};
use crate::components::{ErrorPanel, PageHeader, ProgressBar, SortState, StatusBadge};
use crate::format::{or_dash, zone_name};
use crate::models::target_type::type_id_for;
use crate::models::{BackupTarget, TargetType};
use crate::pages::{with_client, EmptyState, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn BackupTargetsPage() -> impl IntoView {
    let ctx = use_session();
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        async move {
            let targets = with_client(ctx, |c| async move { list_backup_targets_detail(&c).await }).await?;
            // Types only add links; the table still works without them.
            let types = with_client(ctx, |c| async move { list_target_types_detail(&c).await }).await.unwrap_or_default();
            Ok::<_, ApiError>((targets, types))
        }
    });
    let search = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let to_delete = RwSignal::new(None::<crate::components::DeleteSubject>);
    let set_default = set_default_action(reload);
    view! {
        <section class="page">
            <PageHeader title="Backup targets" description="Where backups are written: NFS exports and S3 buckets.">
                <button type="button" class="btn btn--secondary" on:click=move |_| reload.update(|n| *n += 1)>"Refresh"</button>
                <a class="btn btn--primary" href="/backup-targets/new">"Create target"</a>
            </PageHeader>
            <div class="toolbar" role="search">
                <div class="toolbar__field">
                    <label for="targets-search">"Filter"</label>
                    <input id="targets-search" type="search" class="field__input" placeholder="Export, type name, status…"
                        prop:value=move || search.get() on:input:target=move |ev| search.set(ev.target().value())/>
                </div>
                <div class="toolbar__field">
                    <label for="targets-kind">"Type"</label>
                    <select id="targets-kind" class="field__input" on:change:target=move |ev| kind.set(ev.target().value())>
                        <option value="" selected=move || kind.get().is_empty()>"All types"</option>
                        <option value="nfs" selected=move || kind.get() == "nfs">"NFS"</option>
                        <option value="s3" selected=move || kind.get() == "s3">"S3"</option>
                    </select>
                </div>
            </div>
            <Transition fallback=|| view! { <Loading text="Loading backup targets…"/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((targets, types)) => view! {
                            <TargetsTable targets types search=search kind=kind
                                on_set_default=Callback::new(move |t: BackupTarget| { set_default.dispatch((t.id.clone(), t.export().to_owned())); })
                                on_delete=Callback::new(move |t: BackupTarget| to_delete.set(Some(target_subject(&t))))/>
                        }.into_any(),
                        Err(e) => view! {
                            <ErrorPanel error=e context="Could not load backup targets"
                                on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/>
                        }.into_any(),
                    }
                })}
            </Transition>
            <DeleteTargetDialog subject=to_delete on_deleted=Callback::new(move |_| reload.update(|n| *n += 1))/>
        </section>
    }
}

fn matches(t: &BackupTarget, needle: &str, kind: &str) -> bool {
    if !kind.is_empty() && !t.kind.as_deref().unwrap_or("").eq_ignore_ascii_case(kind) {
        return false;
    }
    if needle.is_empty() {
        return true;
    }
    let hay = format!(
        "{} {} {} {} {} {}",
        t.export(),
        t.filesystem_export_mount_path.as_deref().unwrap_or(""),
        t.status.as_deref().unwrap_or(""),
        t.kind.as_deref().unwrap_or(""),
        t.version.as_deref().unwrap_or(""),
        t.type_names().join(" ")
    )
    .to_lowercase();
    needle.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

fn sort_key(t: &BackupTarget, column: &str) -> SortKey {
    if column == "usage" {
        return SortKey::Number(t.usage_ratio());
    }
    let text = match column {
        "type" => t.kind.clone().unwrap_or_default(),
        "default" => if t.is_default { "0" } else { "1" }.to_owned(),
        "status" => t.status.clone().unwrap_or_default(),
        "version" => t.version.clone().unwrap_or_default(),
        "types" => t.type_names().join(","),
        "created" => t.created_at.clone().unwrap_or_default(),
        _ => t.export().to_owned(),
    };
    text_key(&text)
}

/// The targets table: every column sortable, filtered by text and type.
#[component]
pub fn TargetsTable(
    targets: Vec<BackupTarget>,
    /// Used to link type names to their pages.
    types: Vec<TargetType>,
    #[prop(into)] search: Signal<String>,
    #[prop(into)] kind: Signal<String>,
    on_set_default: Callback<BackupTarget>,
    on_delete: Callback<BackupTarget>,
) -> impl IntoView {
    let sort = SortState::new("export", true);
    let total = targets.len();
    let targets = StoredValue::new(targets);
    let types = StoredValue::new(types);
    let rows = move || {
        let needle = search.get();
        let kind = kind.get();
        let mut list: Vec<BackupTarget> = targets.with_value(|t| t.iter().filter(|t| matches(t, &needle, &kind)).cloned().collect());
        sort.apply(&mut list, sort_key);
        list
    };
    let zone = zone_name();
    if total == 0 {
        return view! {
            <EmptyState title="No backup targets yet" hint="Create an NFS or S3 target so workloads have somewhere to write their backups.">
                <a class="btn btn--primary" href="/backup-targets/new">"Create target"</a>
            </EmptyState>
        }.into_any();
    }
    view! {
        <DataTable label="Backup targets" sort count=Signal::derive(move || format!("Showing {} of {} targets", rows().len(), total))
            columns=vec![
                sortable("Type", "type"), sortable("Export / mount path", "export"),
                sortable("Default", "default"), sortable("Status", "status"), sortable("Capacity / used", "usage"),
                sortable("Version", "version"), sortable("Target types", "types"),
                sortable(format!("Created / updated ({zone})"), "created"), fixed("Actions"),
            ]>
                    {move || {
                        let list = rows();
                        if list.is_empty() {
                            return view! { <tr><td colspan="9" class="data-table__empty">"No target matches the filter."</td></tr> }.into_any();
                        }
                        list.into_iter().map(|t| view! { <TargetRow target=t types on_set_default on_delete/> }).collect_view().into_any()
                    }}
        </DataTable>
    }.into_any()
}

#[component]
fn TargetRow(
    target: BackupTarget,
    types: StoredValue<Vec<TargetType>>,
    on_set_default: Callback<BackupTarget>,
    on_delete: Callback<BackupTarget>,
) -> impl IntoView {
    let href = super::target_href(&target.id);
    let kind_class = if target.is_s3() { "tag--s3" } else { "tag--nfs" };
    let usage = target.usage_ratio();
    let usage_detail = format!("{} of {}", or_dash(target.used.as_deref()), or_dash(target.capacity.as_deref()));
    let type_links = types.with_value(|all| {
        let linked: Vec<(String, Option<String>)> = target
            .type_names()
            .into_iter()
            .map(|name| {
                let id = type_id_for(all, &target.id, &name);
                (name, id)
            })
            .collect();
        linked
    });
    let export = target.export().to_owned();
    let (t1, t2) = (target.clone(), target.clone());
    let is_default = target.is_default;
    view! {
        <tr data-target-id=target.id.clone()>
            <td><Tag text=target.kind_label() modifier=kind_class/>{target.is_immutable().then(|| view! { <Tag text="Object lock" modifier="tag--lock"/> })}</td>
            <td class="cell--export">
                <a class="mono" href=href>{if export.is_empty() { target.id.clone() } else { export.clone() }}</a>
                <div class="mono small muted cell--truncate" title=or_dash(target.filesystem_export_mount_path.as_deref())>
                    {or_dash(target.filesystem_export_mount_path.as_deref())}
                </div>
            </td>
            <td>{if is_default { view! { <Tag text="Default" modifier="tag--default"/> }.into_any() } else { view! { <span class="muted">"No"</span> }.into_any() }}</td>
            <td><StatusBadge status=target.status.clone().unwrap_or_else(|| "unknown".into())/></td>
            <td class="cell--usage">{match usage {
                Some(r) => view! { <ProgressBar percent=Signal::derive(move || r * 100.0) kind="usage" label=format!("Capacity used on {export}") detail=Signal::derive(move || usage_detail.clone())/> }.into_any(),
                None => view! { <span>{or_dash(target.used.as_deref())}" / "{or_dash(target.capacity.as_deref())}</span> }.into_any(),
            }}</td>
            <td>{or_dash(target.version.as_deref())}</td>
            <td>{type_links.into_iter().map(|(name, id)| match id {
                Some(id) => view! { <a class="chip" href=format!("/target-types/{}", crate::api::encode_segment(&id))>{name}</a> }.into_any(),
                None => view! { <span class="chip">{name}</span> }.into_any(),
            }).collect_view()}</td>
            <td class="cell--time"><Time value=target.created_at.clone()/><br/><span class="muted small"><Time value=target.updated_at.clone()/></span></td>
            <td class="cell--actions cell--stack">
                <button type="button" class="btn btn--secondary btn--small" disabled=is_default
                    aria-label=format!("Set {} as default", t1.export())
                    on:click=move |_| on_set_default.run(t1.clone())>"Set default"</button>
                <button type="button" class="btn btn--danger-ghost btn--small"
                    aria-label=format!("Delete {}", t2.export())
                    on:click=move |_| on_delete.run(t2.clone())>"Delete"</button>
            </td>
        </tr>
    }
}

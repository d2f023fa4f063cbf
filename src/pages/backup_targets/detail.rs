use super::{set_default_action, target_subject, DeleteTargetDialog};
use crate::api::backup_targets::show_backup_target;
use crate::api::target_types::list_target_types_detail;
use crate::api::ApiError;
use crate::components::status_badge::Tag;
use crate::components::{ErrorPanel, PageHeader, ProgressBar, StatusBadge};
use crate::format::or_dash;
use crate::models::target_type::type_id_for;
use crate::pages::{field, with_client, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

#[component]
pub fn BackupTargetDetailPage() -> impl IntoView {
    let ctx = use_session();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        let id = id();
        async move {
            let target = with_client(ctx, |c| async move { show_backup_target(&c, &id).await }).await?;
            let types = with_client(ctx, |c| async move { list_target_types_detail(&c).await }).await.unwrap_or_default();
            Ok::<_, ApiError>((target, types))
        }
    });
    let to_delete = RwSignal::new(None::<crate::components::DeleteSubject>);
    let set_default = set_default_action(reload);
    let navigate = use_navigate();
    view! {
        <section class="page">
            <crate::components::Breadcrumb area="Backup targets" href="/backup-targets" here="Detail"/>
            <Transition fallback=|| view! { <Loading text="Loading backup target…"/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <ErrorPanel error=e context="Could not load this backup target" on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/> }.into_any(),
                        Ok((target, types)) => {
                            let title = if target.export().is_empty() { target.id.clone() } else { target.export().to_owned() };
                            let (t1, t2) = (target.clone(), target.clone());
                            let usage = target.usage_ratio();
                            let linked: Vec<_> = target.backup_target_types.iter().map(|r| {
                                let name = r.name.clone().unwrap_or_default();
                                let id = r.id.clone().or_else(|| type_id_for(&types, &target.id, &name));
                                (r.clone(), name, id)
                            }).collect();
                            view! {
                                <PageHeader title=title description="Backup target">
                                    <button type="button" class="btn btn--secondary" disabled=t1.is_default
                                        on:click=move |_| { set_default.dispatch((t1.id.clone(), t1.export().to_owned())); }>
                                        {if t1.is_default { "Default target" } else { "Set as default" }}
                                    </button>
                                    <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(target_subject(&t2)))>"Delete"</button>
                                </PageHeader>
                                <div class="cards">
                                    <section class="card" aria-labelledby="bt-summary">
                                        <h2 class="card__title" id="bt-summary">"Summary"</h2>
                                        <dl class="props">
                                            {field("ID", view! { <code>{target.id.clone()}</code> })}
                                            {field("Type", view! { <Tag text=target.kind_label() modifier=if target.is_s3() { "tag--s3" } else { "tag--nfs" }/> })}
                                            {field("Status", view! { <StatusBadge status=target.status.clone().unwrap_or_else(|| "unknown".into())/> })}
                                            {field("Default", view! { {if target.is_default { "Yes" } else { "No" }} })}
                                            {field("Object lock (immutable)", view! { {if target.is_immutable() { "Yes" } else { "No" }} })}
                                            {field("Export", view! { <span class="mono">{or_dash(target.filesystem_export.as_deref())}</span> })}
                                            {field("Mount path", view! { <span class="mono">{or_dash(target.filesystem_export_mount_path.as_deref())}</span> })}
                                            {field("Capacity", view! { {or_dash(target.capacity.as_deref())} })}
                                            {field("Used", view! { {or_dash(target.used.as_deref())}
                                                {usage.map(|r| view! { <ProgressBar percent=Signal::derive(move || r * 100.0) kind="usage" label="Capacity used"/> })}
                                             })}
                                            {field("Version", view! { {or_dash(target.version.as_deref())} })}
                                            {field("Created", view! { <Time value=target.created_at.clone()/> })}
                                            {field("Updated", view! { <Time value=target.updated_at.clone()/> })}
                                        </dl>
                                    </section>
                                    <section class="card" aria-labelledby="bt-meta">
                                        <h2 class="card__title" id="bt-meta">"Metadata"</h2>
                                        {if target.backup_target_metadata.is_empty() {
                                            view! { <p class="muted">"No metadata."</p> }.into_any()
                                        } else {
                                            view! {
                                                <table class="data-table data-table--compact" aria-label="Backup target metadata">
                                                    <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th></tr></thead>
                                                    <tbody>{target.backup_target_metadata.iter().map(|m| view! {
                                                        <tr><td class="mono">{m.key().to_owned()}</td><td class="mono">{m.value().to_owned()}</td></tr>
                                                    }).collect_view()}</tbody>
                                                </table>
                                            }.into_any()
                                        }}
                                    </section>
                                    <section class="card card--wide" aria-labelledby="bt-types">
                                        <h2 class="card__title" id="bt-types">"Target types"</h2>
                                        {if linked.is_empty() {
                                            view! { <p class="muted">"No target type points at this target."</p> }.into_any()
                                        } else {
                                            view! {
                                                <table class="data-table data-table--compact" aria-label="Target types of this backup target">
                                                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Default"</th><th scope="col">"Visibility"</th><th scope="col">"Description"</th><th scope="col">"Created"</th></tr></thead>
                                                    <tbody>{linked.into_iter().map(|(r, name, id)| view! {
                                                        <tr>
                                                            <td>{match id {
                                                                Some(id) => view! { <a href=format!("/target-types/{}", crate::api::encode_segment(&id))>{name}</a> }.into_any(),
                                                                None => view! { <span>{name}</span> }.into_any(),
                                                            }}</td>
                                                            <td>{if r.is_default { "Yes" } else { "No" }}</td>
                                                            <td>{if r.is_public { "Public" } else { "Private" }}</td>
                                                            <td>{or_dash(r.description.as_deref())}</td>
                                                            <td><Time value=r.created_at.clone()/></td>
                                                        </tr>
                                                    }).collect_view()}</tbody>
                                                </table>
                                            }.into_any()
                                        }}
                                    </section>
                                </div>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <DeleteTargetDialog subject=to_delete on_deleted=Callback::new(move |_| navigate("/backup-targets", NavigateOptions::default()))/>
        </section>
    }
}

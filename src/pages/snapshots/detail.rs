//! Everything `GET /snapshots/{id}` returns, organised for reading, kept live while it moves.

use super::poller::use_snapshot_poller;
use super::{cancel_action, DeleteSnapshotDialog};
use crate::api::snapshots::show_snapshot;
use crate::api::workloads::list_workloads;
use crate::components::status_badge::Tag;
use crate::components::{DeleteSubject, ErrorPanel, PageHeader, ProgressBar, StatusBadge};
use crate::format::{duration, opt_bytes, or_dash};
use crate::models::de::value_text;
use crate::models::{Instance, Snapshot};
use crate::pages::{field, with_client, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use serde_json::Value;

/// A metadata value that holds JSON (`vm_metadata`, `hostnames`): parsed when it parses.
#[derive(Clone, Debug, PartialEq)]
pub enum Structured {
    List(Vec<String>),
    Map(Vec<(String, String)>),
    Text(String),
}

pub fn parse_structured(raw: &str) -> Structured {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(items)) => Structured::List(items.iter().map(value_text).collect()),
        Ok(Value::Object(map)) => Structured::Map(map.iter().map(|(k, v)| (k.clone(), value_text(v))).collect()),
        _ => Structured::Text(raw.to_owned()),
    }
}

fn structured_view(raw: &str) -> AnyView {
    match parse_structured(raw) {
        Structured::List(items) => view! { <ul class="structured">{items.into_iter().map(|i| view! { <li class="mono">{i}</li> }).collect_view()}</ul> }.into_any(),
        Structured::Map(pairs) => view! {
            <dl class="props">{pairs.into_iter().map(|(k, v)| field(&k, view! { <span class="mono">{v}</span> })).collect_view()}</dl>
        }.into_any(),
        Structured::Text(t) => view! { <span class="mono">{t}</span> }.into_any(),
    }
}

const STRUCTURED_KEYS: &[&str] = &["vm_metadata", "hostnames", "preferredgroup"];

#[component]
pub fn SnapshotDetailPage() -> impl IntoView {
    let ctx = use_session();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reload = RwSignal::new(0u32);
    let loaded = LocalResource::new(move || {
        reload.track();
        let id = id();
        async move { with_client(ctx, |c| async move { show_snapshot(&c, &id).await }).await }
    });
    let workloads = LocalResource::new(move || async move { with_client(ctx, |c| async move { list_workloads(&c).await }).await.unwrap_or_default() });
    // One row, so the list's poller keeps this page live too.
    let rows = RwSignal::new(Vec::<Snapshot>::new());
    Effect::new(move |_| {
        if let Some(Ok(s)) = loaded.get() {
            rows.set(vec![s]);
        }
    });
    let live = use_snapshot_poller(rows);
    let cancel = cancel_action(rows);
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let navigate = use_navigate();
    view! {
        <section class="page">
            <crate::components::Breadcrumb area="Snapshots" href="/snapshots" here="Detail"/>
            <Transition fallback=|| view! { <Loading text="Loading snapshot…"/> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Err(e) => view! { <ErrorPanel error=e context="Could not load this snapshot" on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/> }.into_any(),
                        Ok(_) => {
                            let names = workloads.await;
                            view! {
                                {move || rows.with(|r| r.first().cloned()).map(|s| {
                                    let workload = s.workload_id.clone().map(|w| names.iter().find(|x| x.id == w).map(|x| x.label().to_owned()).unwrap_or(w));
                                    view! { <SnapshotDetail snapshot=s workload live=live.into() cancel to_delete/> }
                                })}
                                {move || rows.with(Vec::is_empty).then(|| view! {
                                    <p class="notice" role="status">"This snapshot no longer exists: it was deleted."</p>
                                })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <DeleteSnapshotDialog subject=to_delete on_deleted=Callback::new(move |_| navigate("/snapshots", NavigateOptions::default()))/>
        </section>
    }
}

/// The detail sections of one snapshot.
#[component]
pub fn SnapshotDetail(
    snapshot: Snapshot,
    workload: Option<String>,
    live: Signal<bool>,
    /// Cancels the snapshot.
    cancel: Action<Snapshot, ()>,
    to_delete: RwSignal<Option<DeleteSubject>>,
) -> impl IntoView {
    let s = snapshot;
    let (to_cancel, subject) = (s.clone(), DeleteSubject { id: s.id.clone(), label: s.name().to_owned() });
    let progress = s.progress_percent;
    let progress_msg = s.progress_msg.clone().unwrap_or_default();
    let (plain_meta, structured_meta): (Vec<_>, Vec<_>) = s
        .metadata
        .iter()
        .map(|m| (m.key.clone().unwrap_or_default(), m.value.clone().unwrap_or_default()))
        .partition(|(k, _)| !STRUCTURED_KEYS.contains(&k.as_str()));
    let instance_count = s.instances.len();
    let instances = s.instances.clone();
    let (can_cancel, can_delete) = (s.can_cancel(), s.can_delete());
    view! {
        <PageHeader title=s.name().to_owned() description=format!("Snapshot {}", s.id)>
            <span class="live-indicator" aria-live="polite">{move || if live.get() { "● Live" } else { "" }}</span>
            {can_cancel.then(|| view! {
                <button type="button" class="btn btn--secondary" disabled=move || cancel.pending().get()
                    on:click=move |_| { cancel.dispatch(to_cancel.clone()); }>"Cancel snapshot"</button>
            })}
            {can_delete.then(|| view! {
                <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(subject.clone()))>"Delete"</button>
            })}
        </PageHeader>
        <div class="snapshot-messages">
            {s.error_msg.clone().filter(|m| !m.is_empty()).map(|m| view! { <div class="error-panel" role="alert"><p class="error-panel__title">"Error"</p><p class="error-panel__message">{m}</p></div> })}
            {s.warning_msg.clone().filter(|m| !m.is_empty()).map(|m| view! { <p class="warning" role="note"><strong>"Warning: "</strong>{m}</p> })}
        </div>
        <div class="cards">
            <section class="card" aria-labelledby="snap-summary">
                <h2 class="card__title" id="snap-summary">"Summary"</h2>
                <dl class="props">
                    {field("Status", view! { <StatusBadge status=s.status().to_owned()/> })}
                    {field("Progress", view! {
                        {match progress {
                            Some(p) => view! { <ProgressBar percent=Signal::derive(move || p) label="Snapshot progress" detail=Signal::derive(move || progress_msg.clone())/> }.into_any(),
                            None => or_dash(s.progress_msg.as_deref()).into_any(),
                        }}
                    })}
                    {field("Type", view! { <Tag text=or_dash(s.snapshot_type.as_deref())/> })}
                    {field("Workload", view! { <span>{workload.unwrap_or_else(|| "—".into())}</span> })}
                    {field("Description", or_dash(s.description.as_deref()))}
                    {field("Host", or_dash(s.host.as_deref()))}
                    {field("Size", opt_bytes(s.size))}
                    {field("Restore size", opt_bytes(s.restore_size))}
                    {field("Uploaded size", opt_bytes(s.uploaded_size))}
                    {field("Time taken", s.time_taken.map(duration).unwrap_or_else(|| "—".into()))}
                    {field("Pinned", if s.pinned { "Yes" } else { "No" })}
                    {field("Created", view! { <Time value=s.created_at.clone()/> })}
                    {field("Updated", view! { <Time value=s.updated_at.clone()/> })}
                    {field("Finished", view! { <Time value=s.finished_at.clone()/> })}
                    {field("Project", view! { <code>{or_dash(s.project_id.as_deref())}</code> })}
                    {field("User", view! { <code>{or_dash(s.user_id.as_deref())}</code> })}
                    {field("ID", view! { <code>{s.id.clone()}</code> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="snap-meta">
                <h2 class="card__title" id="snap-meta">{format!("Metadata ({})", s.metadata.len())}</h2>
                {if s.metadata.is_empty() { view! { <p class="muted">"No metadata."</p> }.into_any() } else { view! {
                    <table class="data-table data-table--compact" aria-label="Snapshot metadata">
                        <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th></tr></thead>
                        <tbody>
                            {structured_meta.into_iter().map(|(k, v)| view! { <tr><td class="mono">{k}</td><td>{structured_view(&v)}</td></tr> }).collect_view()}
                            {plain_meta.into_iter().map(|(k, v)| view! { <tr><td class="mono">{k}</td><td class="mono">{v}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                }.into_any() }}
            </section>
            <section class="card card--wide" aria-labelledby="snap-instances">
                <h2 class="card__title" id="snap-instances">{format!("Instances ({instance_count})")}</h2>
                {if instance_count == 0 { view! { <p class="muted">"The server listed no instances."</p> }.into_any() } else {
                    instances.into_iter().map(|i| view! { <InstanceView instance=i/> }).collect_view().into_any()
                }}
            </section>
        </div>
    }
}

#[component]
fn InstanceView(instance: Instance) -> impl IntoView {
    let i = instance;
    let flavor = i.flavor.clone().unwrap_or_default();
    let groups: Vec<String> = i
        .security_group
        .iter()
        .map(|g| format!("{} ({})", g.name.as_deref().unwrap_or("?"), g.security_group_type.as_deref().unwrap_or("?")))
        .collect();
    let meta: Vec<(String, Value)> = i.metadata.clone().into_iter().collect();
    let name = i.name.clone().unwrap_or_else(|| i.id.clone().unwrap_or_default());
    view! {
        <article class="instance" aria-label=format!("Instance {name}")>
            <h3 class="instance__title">{name.clone()}<StatusBadge status=i.status.clone().unwrap_or_else(|| "unknown".into())/></h3>
            <dl class="props">
                {field("Instance ID", view! { <code>{or_dash(i.id.as_deref())}</code> })}
                {field("Flavor", format!("{} vCPU · {} MB RAM · {} GB disk · {} GB ephemeral",
                    or_dash(flavor.vcpus.as_deref()), or_dash(flavor.ram.as_deref()), or_dash(flavor.disk.as_deref()), or_dash(flavor.ephemeral.as_deref())))}
                {field("Security groups", if groups.is_empty() { "—".to_owned() } else { groups.join(", ") })}
            </dl>
            <h4 class="card__subtitle">"Network interfaces"</h4>
            <div class="table-wrap">
                <table class="data-table data-table--compact" aria-label=format!("Network interfaces of {name}")>
                    <thead><tr><th scope="col">"MAC"</th><th scope="col">"IP"</th><th scope="col">"Network"</th><th scope="col">"Subnet"</th><th scope="col">"CIDR"</th><th scope="col">"Gateway"</th></tr></thead>
                    <tbody>{i.nics.iter().map(|n| {
                        let net = n.network.clone().unwrap_or_default();
                        let sub = net.subnet.clone().unwrap_or_default();
                        view! { <tr>
                            <td class="mono">{or_dash(n.mac_address.as_deref())}</td>
                            <td class="mono">{or_dash(n.ip_address.as_deref())}</td>
                            <td>{or_dash(net.name.as_deref())}</td>
                            <td>{or_dash(sub.name.as_deref())}</td>
                            <td class="mono">{or_dash(sub.cidr.as_deref().or(net.cidr.as_deref()))}</td>
                            <td class="mono">{or_dash(sub.gateway_ip.as_deref())}</td>
                        </tr> }
                    }).collect_view()}</tbody>
                </table>
            </div>
            <h4 class="card__subtitle">"Disks"</h4>
            <div class="table-wrap">
                <table class="data-table data-table--compact" aria-label=format!("Disks of {name}")>
                    <thead><tr><th scope="col">"Volume ID"</th><th scope="col">"Name"</th><th scope="col">"Size"</th><th scope="col">"Type"</th><th scope="col">"Mount point"</th><th scope="col">"Restore size"</th></tr></thead>
                    <tbody>{i.vdisks.iter().map(|d| view! { <tr>
                        <td class="mono">{or_dash(d.volume_id.as_deref())}</td>
                        <td class="mono">{or_dash(d.volume_name.as_deref())}</td>
                        <td>{d.volume_size.clone().map(|s| format!("{s} GB")).unwrap_or_else(|| "—".into())}</td>
                        <td>{or_dash(d.volume_type.as_deref())}</td>
                        <td class="mono">{or_dash(d.volume_mountpoint.as_deref())}</td>
                        <td>{opt_bytes(d.restore_size)}</td>
                    </tr> }).collect_view()}</tbody>
                </table>
            </div>
            <details>
                <summary>{format!("Instance metadata ({})", meta.len())}</summary>
                <dl class="props">
                    {meta.into_iter().map(|(k, v)| {
                        let text = value_text(&v);
                        let value = if STRUCTURED_KEYS.contains(&k.as_str()) { structured_view(&text) } else { view! { <span class="mono">{text}</span> }.into_any() };
                        field(&k, value)
                    }).collect_view()}
                </dl>
            </details>
        </article>
    }
}

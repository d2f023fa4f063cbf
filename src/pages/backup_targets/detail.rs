//! One backup target: its summary, metadata and types, with set default and delete.

use super::{set_default_action, target_subject, DeleteTargetDialog};
use crate::api::backup_targets::show_backup_target;
use crate::api::backup_targets::{delete_request, set_default_request, show_request};
use crate::api::target_types::list_target_types_detail;
use crate::components::dispatch_once;
use crate::components::{
    api_resource, compact_table, prop_row, Breadcrumb, CopyCurl, DeleteSubject, Loader, MeterKind,
    PageHeader, ProgressBar,
};
use crate::components::{ApiAction, StatusBadge, Tag, TagKind, Time};
use crate::format::or_dash;
use crate::models::target_type::type_id_for;
use crate::models::{BackupTarget, KeyValue, TargetType, TargetTypeRef};
use crate::routes::{self, use_id};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn BackupTargetDetailPage() -> impl IntoView {
    let id = use_id();
    let set_default = set_default_action();
    let data = api_resource(
        move || {
            set_default.version().track();
            id.get()
        },
        |c, id| async move {
            let target = show_backup_target(&c, &id).await?;
            Ok((target, list_target_types_detail(&c).await.unwrap_or_default()))
        },
    );
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let router = routes::use_router();
    let on_deleted = Callback::new(move |_| router.go(routes::BACKUP_TARGETS));
    view! {
        <section class="page">
            <Breadcrumb area="Backup targets" href=routes::BACKUP_TARGETS here="Detail"/>
            <Loader resource=data loading="Loading backup target…" failure="Could not load this backup target" let:loaded>
                <TargetDetail target=loaded.0 types=loaded.1.rows set_default to_delete/>
            </Loader>
            <DeleteTargetDialog subject=to_delete on_deleted/>
        </section>
    }
}

#[component]
fn TargetDetail(
    target: BackupTarget,
    types: Vec<TargetType>,
    set_default: ApiAction<BackupTarget, Option<BackupTarget>>,
    to_delete: RwSignal<Option<DeleteSubject>>,
) -> impl IntoView {
    let t = target;
    let (for_default, subject) = (t.clone(), target_subject(&t));
    let busy = set_default.pending();
    view! {
        <PageHeader title=t.label().to_owned() description="Backup target">
            <button type="button" class="btn btn--secondary" disabled=move || t.is_default || busy.get()
                on:click=move |_| dispatch_once(set_default, for_default.clone())>
                {if t.is_default { "Default target" } else { "Set as default" }}
            </button>
            <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(subject.clone()))>
                "Delete"
            </button>
        </PageHeader>
        <div class="curl-bar" role="group" aria-label="The documented requests, as curl">
            <CopyCurl request=show_request(&t.id) action="GET"/>
            {(!t.is_default).then(|| view! { <CopyCurl request=set_default_request(&t.id) action="set default"/> })}
            <CopyCurl request=delete_request(&t.id) action="delete"/>
        </div>
        <div class="cards cards--pair">
            <TargetSummary target=t.clone()/>
            <MetadataCard target=t.clone()/>
            <TypesCard target=t types/>
        </div>
    }
}

#[component]
fn TargetSummary(target: BackupTarget) -> impl IntoView {
    let t = target;
    let kind = if t.is_s3() { TagKind::S3 } else { TagKind::Nfs };
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    let usage = t.usage_ratio().map(|r| {
        view! { <ProgressBar percent=r * 100.0 kind=MeterKind::Usage label="Capacity used"/> }
    });
    view! {
        <section class="card" aria-labelledby="bt-summary">
            <h2 class="card__title" id="bt-summary">"Summary"</h2>
            <dl class="props">
                {prop_row("ID", view! { <code>{t.id.clone()}</code> })}
                {prop_row("Type", view! { <Tag text=t.kind_label() kind/> })}
                {prop_row("Status", view! { <StatusBadge status=t.status.clone().unwrap_or_else(|| "unknown".into())/> })}
                {prop_row("Default", yes_no(t.is_default))}
                {prop_row("Object lock (immutable)", yes_no(t.is_immutable()))}
                {prop_row("Export", view! { <bdi class="mono">{or_dash(t.filesystem_export.as_deref())}</bdi> })}
                {prop_row("Mount path", view! { <bdi class="mono">{or_dash(t.filesystem_export_mount_path.as_deref())}</bdi> })}
                {prop_row("Capacity", or_dash(t.capacity.as_deref()))}
                {prop_row("Used", view! { {or_dash(t.used.as_deref())}{usage} })}
                {prop_row("Version", or_dash(t.version.as_deref()))}
                {prop_row("Created", view! { <Time value=t.created_at.clone()/> })}
                {prop_row("Updated", view! { <Time value=t.updated_at.clone()/> })}
            </dl>
        </section>
    }
}

#[component]
fn MetadataCard(target: BackupTarget) -> impl IntoView {
    let pairs = target.backup_target_metadata;
    let cells = |m: KeyValue| {
        view! { <td class="mono">{m.key().to_owned()}</td><td class="mono">{m.value().to_owned()}</td> }
    };
    let body = if pairs.is_empty() {
        Either::Left(view! { <p class="muted">"No metadata."</p> })
    } else {
        Either::Right(compact_table("Backup target metadata", &["Key", "Value"], pairs, cells))
    };
    view! {
        <section class="card" aria-labelledby="bt-meta">
            <h2 class="card__title" id="bt-meta">"Metadata"</h2>
            {body}
        </section>
    }
}

#[component]
fn TypesCard(target: BackupTarget, types: Vec<TargetType>) -> impl IntoView {
    let refs = target.backup_target_types.clone();
    let cells = move |r: TargetTypeRef| {
        let name = r.name.clone().unwrap_or_default();
        let link = match r.id.clone().or_else(|| type_id_for(&types, &target.id, &name)) {
            Some(id) => Either::Left(view! { <a href=routes::target_type(&id)>{name}</a> }),
            None => Either::Right(view! { <span>{name}</span> }),
        };
        view! {
            <td>{link}</td>
            <td>{if r.is_default { "Yes" } else { "No" }}</td>
            <td>{if r.is_public { "Public" } else { "Private" }}</td>
            <td>{or_dash(r.description.as_deref())}</td>
            <td><Time value=r.created_at.clone()/></td>
        }
    };
    let headers = ["Name", "Default", "Visibility", "Description", "Created"];
    let body = if refs.is_empty() {
        Either::Left(view! { <p class="muted">"No target type points at this target."</p> })
    } else {
        Either::Right(compact_table("Target types of this backup target", &headers, refs, cells))
    };
    view! {
        <section class="card card--wide" aria-labelledby="bt-types">
            <h2 class="card__title" id="bt-types">"Target types"</h2>
            {body}
        </section>
    }
}

//! One target type: its fields, and the project and metadata operations of the API.

use super::membership::{change_action, MembershipDrafts, MetadataCard, ProjectsCard};
use super::{load_type, type_subject, DeleteTypeDialog};
use crate::api::target_types::{delete_request, show_request};
use crate::components::{
    api_resource, prop_row, Breadcrumb, CopyCurl, DeleteSubject, Loader, PageHeader, Tag, TagKind,
    Time,
};
use crate::format::or_dash;
use crate::models::{BackupTarget, TargetType};
use crate::routes::{self, use_id};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn TargetTypeDetailPage() -> impl IntoView {
    let id = use_id();
    let data = api_resource(move || id.get(), load_type);
    // The last type read. The cards read it in place rather than being rebuilt by the reload
    // after a change, so what the admin is typing there keeps its text and its focus.
    let shown = Memo::new(move |_| data.get().and_then(Result::ok));
    let drafts = MembershipDrafts::new();
    let change = change_action(
        id,
        Callback::new(move |accepted| {
            drafts.clear_after(&accepted);
            data.refetch();
        }),
    );
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let router = routes::use_router();
    let on_deleted = Callback::new(move |_| router.go(routes::TARGET_TYPES));
    let target_type =
        Memo::new(move |_| shown.with(|s| s.as_ref().map(|s| s.0.clone()).unwrap_or_default()));
    let summary =
        move || shown.get().map(|(t, target)| view! { <TypeSummary target_type=t target/> });
    view! {
        <section class="page">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Detail"/>
            <Loader resource=data loading="Loading target type…" failure="Could not load this target type" let:loaded>
                <TypeHeader target_type=loaded.0 to_delete/>
            </Loader>
            <Show when=move || shown.with(Option::is_some)>
                <div class="cards">
                    {summary}
                    <ProjectsCard target_type change drafts/>
                    <MetadataCard target_type change drafts/>
                </div>
            </Show>
            <DeleteTypeDialog subject=to_delete on_deleted/>
        </section>
    }
}

#[component]
fn TypeHeader(
    target_type: TargetType,
    to_delete: RwSignal<Option<DeleteSubject>>,
) -> impl IntoView {
    let subject = type_subject(&target_type);
    let (show, delete) = (show_request(&target_type.id), delete_request(&target_type.id));
    view! {
        <PageHeader title=target_type.label().to_owned() description="Backup target type">
            <a class="btn btn--secondary" href=routes::edit_target_type(&target_type.id)>"Edit"</a>
            <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(subject.clone()))>
                "Delete"
            </button>
        </PageHeader>
        <div class="curl-bar" role="group" aria-label="The documented requests, as curl">
            <CopyCurl request=show action="GET"/>
            <CopyCurl request=delete action="delete"/>
        </div>
    }
}

#[component]
fn TypeSummary(target_type: TargetType, target: Option<BackupTarget>) -> impl IntoView {
    let t = target_type;
    let target_id = t.backup_targets_id.clone().unwrap_or_default();
    let export = target.map(|x| x.label().to_owned()).unwrap_or_else(|| target_id.clone());
    let target = view! { <a class="mono" href=routes::backup_target(&target_id)>{export}</a> };
    let default = if t.is_default {
        Either::Left(view! { <Tag text="Default" kind=TagKind::Default/> })
    } else {
        Either::Right("No")
    };
    view! {
        <section class="card" aria-labelledby="btt-summary">
            <h2 class="card__title" id="btt-summary">"Summary"</h2>
            <dl class="props">
                {prop_row("ID", view! { <code>{t.id.clone()}</code> })}
                {prop_row("Name", view! { <span>{t.name().to_owned()}</span> })}
                {prop_row("Description", or_dash(t.description.as_deref()))}
                {prop_row("Backup target", target)}
                {prop_row("Default", default)}
                {prop_row("Visibility", t.visibility().label())}
                {prop_row("Owner (user)", or_dash(t.user_id.as_deref()))}
                {prop_row("Version", or_dash(t.version.as_deref()))}
                {prop_row("Created", view! { <Time value=t.created_at.clone()/> })}
                {prop_row("Updated", view! { <Time value=t.updated_at.clone()/> })}
            </dl>
        </section>
    }
}

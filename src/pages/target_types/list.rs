use super::{type_subject, DeleteTypeDialog, TypesTable};
use crate::api::backup_targets::list_backup_targets_detail;
use crate::api::target_types::list_target_types_detail;
use crate::api::ApiError;
use crate::components::{DeleteSubject, Field, FieldLayout, InputKind, Loader, PageHeader, Select, TextInput};
use crate::models::{TargetType, Visibility};
use crate::routes;
use crate::session::{use_session, with_client};
use leptos::prelude::*;

#[component]
pub fn TargetTypesPage() -> impl IntoView {
    let ctx = use_session();
    let data = LocalResource::new(move || async move {
        let types = with_client(ctx, |c| async move { list_target_types_detail(&c).await }).await?;
        // Targets only name each type's target; the table still works without them.
        let targets = with_client(ctx, |c| async move { list_backup_targets_detail(&c).await });
        Ok::<_, ApiError>((types, targets.await.unwrap_or_default()))
    });
    let search = RwSignal::new(String::new());
    let choice = RwSignal::new(String::new());
    let visibility = Signal::derive(move || match choice.get().as_str() {
        "public" => Some(Visibility::Public),
        "private" => Some(Visibility::Private),
        _ => None,
    });
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let options = vec![("public".to_owned(), "Public".to_owned()), ("private".to_owned(), "Private".to_owned())];
    view! {
        <section class="page">
            <PageHeader title="Target types" description="Named, per-project views of a backup target.">
                <button type="button" class="btn btn--secondary" on:click=move |_| data.refetch()>"Refresh"</button>
                <a class="btn btn--primary" href=routes::NEW_TARGET_TYPE>"Create type"</a>
            </PageHeader>
            <div class="toolbar" role="search">
                <Field id="types-search" label="Filter" layout=FieldLayout::Toolbar>
                    <TextInput value=search kind=InputKind::Search placeholder="Name, project, metadata…"/>
                </Field>
                <Field id="types-visibility" label="Visibility" layout=FieldLayout::Toolbar>
                    <Select value=choice options empty="Public and private"/>
                </Field>
            </div>
            <Loader resource=data loading="Loading target types…" failure="Could not load target types" let:loaded>
                <TypesTable types=loaded.0 targets=loaded.1 search visibility
                    on_delete=Callback::new(move |t: TargetType| to_delete.set(Some(type_subject(&t))))/>
            </Loader>
            <DeleteTypeDialog subject=to_delete on_deleted=Callback::new(move |_| data.refetch())/>
        </section>
    }
}

//! Create and edit a target type: one form, two modes.

use crate::api::target_types::{
    create_request, create_target_type, update_request, update_target_type,
};
use crate::api::{ApiError, ApiRequest, Client};
use crate::components::{
    api_action, failure_of, use_toasts, CheckField, ErrorPanel, ErrorsOf, Field, Isolated,
};
use crate::components::{on_submit, CopyCurl, TextArea};
use crate::components::{KeyValueEditor, KvRow, Select, TextField};
use crate::models::target_type_form::{split_projects, TypeField};
use crate::models::{
    BackupTarget, FieldErrors, NewTargetType, TargetType, TargetTypeUpdate, Validate,
};
use crate::routes;
use crate::routes::{GuardedForm, UnsentInput};
use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone)]
enum Submit {
    Create(NewTargetType),
    Update(String, TargetTypeUpdate),
}

impl Validate for Submit {
    type Field = TypeField;
    fn validate(&self) -> Result<(), FieldErrors<TypeField>> {
        match self {
            Self::Create(new) => new.validate(),
            Self::Update(_, update) => update.validate(),
        }
    }
}

impl Submit {
    fn request(&self) -> ApiRequest {
        match self {
            Self::Create(new) => create_request(new),
            Self::Update(id, update) => update_request(id, update),
        }
    }

    async fn send(self, client: Client) -> Result<TargetType, ApiError> {
        match self {
            Self::Create(new) => create_target_type(&client, &new).await,
            Self::Update(id, update) => update_target_type(&client, &id, &update).await,
        }
    }
}

#[component]
pub fn TypeForm(existing: Option<TargetType>, targets: Vec<BackupTarget>) -> impl IntoView {
    let toasts = use_toasts();
    let router = routes::use_router();
    let editing = existing.is_some();
    let e = existing.unwrap_or_default();
    let name = RwSignal::new(e.name().to_owned());
    let description = RwSignal::new(e.description.clone().unwrap_or_default());
    let target_id = RwSignal::new(e.backup_targets_id.clone().unwrap_or_default());
    let is_default = RwSignal::new(e.is_default);
    let is_public = RwSignal::new(if editing { e.is_public } else { true });
    let projects = RwSignal::new(e.project_ids().join("\n"));
    let (purge_projects, purge_metadata) = (RwSignal::new(true), RwSignal::new(true));
    let pairs = e.metadata_pairs().into_iter().map(|(k, v)| KvRow::new(k, v));
    let meta = RwSignal::new(pairs.collect::<Vec<_>>());
    let errors = RwSignal::new(FieldErrors::<TypeField>::default());
    let unsent = UnsentInput::new();

    let save = api_action(
        move |_: &Submit| {
            format!("Could not {} the target type", if editing { "update" } else { "create" })
        },
        |client, submit: Submit| submit.send(client),
        move |_, t| {
            unsent.sent();
            toasts.success(format!(
                "Target type {} {}.",
                Isolated(t.name()),
                if editing { "updated" } else { "created" }
            ));
            router.go(&routes::target_type(&t.id));
        },
    );
    let pending = save.pending();
    let failure = failure_of(save);

    let type_id = e.id.clone();
    let read = move || {
        let (name, description) = (name.get_untracked(), description.get_untracked());
        let (is_default, is_public) = (is_default.get_untracked(), is_public.get_untracked());
        let project_list = split_projects(&projects.get_untracked());
        let metadata = meta.with_untracked(|rows| KvRow::pairs(rows));
        if editing {
            let (purge_projects, purge_metadata) =
                (purge_projects.get_untracked(), purge_metadata.get_untracked());
            let update = TargetTypeUpdate {
                name,
                description,
                is_default,
                is_public,
                project_list,
                purge_projects,
                metadata,
                purge_metadata,
            };
            Submit::Update(type_id.clone(), update)
        } else {
            let backup_targets_id = target_id.get_untracked();
            let new = NewTargetType {
                name,
                description,
                backup_targets_id,
                is_default,
                is_public,
                project_list,
                metadata,
            };
            Submit::Create(new)
        }
    };
    let curl = {
        let read = read.clone();
        Signal::derive(move || read().request())
    };
    let submit = on_submit(pending.into(), errors, read, move |submit| {
        save.dispatch(submit);
    });
    let busy = Signal::<bool>::from(pending);
    let error = move |f| errors.error_of(f);
    let cancel_href =
        if editing { routes::target_type(&e.id) } else { routes::TARGET_TYPES.to_owned() };
    let target = if editing {
        let id = e.backup_targets_id.clone().unwrap_or_default();
        let label =
            targets.iter().find(|t| t.id == id).map(BackupTarget::picker_label).unwrap_or(id);
        Either::Left(view! {
            <p class="field__hint">"Backup target: " <span class="mono">{label}</span> " (a type keeps its target)."</p>
        })
    } else {
        let options = targets.iter().map(|t| (t.id.clone(), t.picker_label())).collect();
        Either::Right(view! {
            <Field id="btt-target" label="Backup target" required=true error=error(TypeField::Target) disabled=busy>
                <Select value=target_id options empty="Choose a backup target…"/>
            </Field>
        })
    };
    view! {
        <GuardedForm unsent class="form card" on_submit=submit>
            <TextField id="btt-name" label="Name" value=name error=error(TypeField::Name) required=true disabled=busy/>
            <TextField id="btt-description" label="Description" value=description disabled=busy/>
            {target}
            <CheckField id="btt-default" label="Default target type" checked=is_default disabled=busy/>
            <CheckField id="btt-public" label="Public (visible to every project)" checked=is_public disabled=busy
                hint="Private types are visible only to the projects listed below."/>
            <Show when=move || editing || !is_public.get()>
                <Field id="btt-projects" label="Projects" error=error(TypeField::Projects) disabled=busy
                    hint="Project IDs, one per line or separated by commas.">
                    <TextArea value=projects/>
                </Field>
                {editing.then(|| view! {
                    <CheckField id="btt-purge-projects" label="Replace the assigned projects with this list (purge_projects)"
                        checked=purge_projects disabled=busy
                        hint="Unchecked: the listed projects are added to those already assigned."/>
                })}
            </Show>
            <KeyValueEditor id="btt-meta" legend="Metadata" rows=meta error=error(TypeField::Metadata) disabled=busy/>
            {editing.then(|| view! {
                <CheckField id="btt-purge-metadata" label="Replace all metadata with these pairs (purge_metadata)"
                    checked=purge_metadata disabled=busy
                    hint="Unchecked: these pairs are added to or update the existing metadata."/>
            })}
            {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused the change"/> })}
            <div class="form__actions">
                <a class="btn btn--secondary" href=cancel_href>"Cancel"</a>
                <button type="submit" class="btn btn--primary" disabled=move || busy.get()
                    aria-busy=move || busy.get().to_string()>
                    {move || match (busy.get(), editing) {
                        (true, _) => "Saving…",
                        (false, true) => "Save changes",
                        (false, false) => "Create type",
                    }}
                </button>
                <CopyCurl request=curl/>
            </div>
        </GuardedForm>
    }
}

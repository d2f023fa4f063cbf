//! Create and edit a target type: one form, two modes.

use super::type_href;
use crate::api::backup_targets::{list_backup_targets_detail, show_backup_target};
use crate::api::target_types::{create_target_type, show_target_type, update_target_type};
use crate::api::ApiError;
use crate::components::backup_targets_select::target_label;
use crate::components::key_value_editor::validate_rows;
use crate::components::{use_toasts, CheckField, ErrorPanel, KeyValueEditor, KvRow, PageHeader, TextField};
use crate::models::{BackupTarget, NewTargetType, TargetType, TargetTypeUpdate};
use crate::pages::login::validate_project_id;
use crate::pages::{with_client, Loading};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// Project IDs separated by commas, spaces or new lines; each checked, duplicates dropped.
pub fn parse_project_list(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for id in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
        if let Some(problem) = validate_project_id(id) {
            return Err(format!("\"{id}\": {problem}"));
        }
        if !out.iter().any(|p| p == id) {
            out.push(id.to_owned());
        }
    }
    Ok(out)
}

#[component]
pub fn TargetTypeCreatePage() -> impl IntoView {
    let ctx = use_session();
    let targets = LocalResource::new(move || async move { with_client(ctx, |c| async move { list_backup_targets_detail(&c).await }).await });
    view! {
        <section class="page page--form">
            <crate::components::Breadcrumb area="Target types" href="/target-types" here="Create"/>
            <PageHeader title="Create target type" description="A named view of a backup target, public or limited to some projects."/>
            <Transition fallback=|| view! { <Loading text="Loading backup targets…"/> }>
                {move || Suspend::new(async move {
                    match targets.await {
                        Ok(list) => view! { <TypeForm existing=None targets=list/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e context="Could not load the backup targets to choose from"/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn TargetTypeEditPage() -> impl IntoView {
    let ctx = use_session();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let data = LocalResource::new(move || {
        let id = id();
        async move {
            let t = with_client(ctx, |c| async move { show_target_type(&c, &id).await }).await?;
            // Editing keeps the target: only its label is needed.
            let target = match t.backup_targets_id.clone() {
                Some(tid) => with_client(ctx, |c| async move { show_backup_target(&c, &tid).await }).await.ok(),
                None => None,
            };
            Ok::<_, ApiError>((t, target.into_iter().collect::<Vec<_>>()))
        }
    });
    view! {
        <section class="page page--form">
            <crate::components::Breadcrumb area="Target types" href="/target-types" here="Edit"/>
            <Transition fallback=|| view! { <Loading text="Loading target type…"/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((t, targets)) => view! {
                            <PageHeader title=format!("Edit {}", t.name()) description="Changes are sent with PUT; the lists below replace or extend what is assigned."/>
                            <TypeForm existing=Some(t) targets/>
                        }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e context="Could not load this target type"/> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[derive(Clone)]
enum Submit {
    Create(NewTargetType),
    Update(String, TargetTypeUpdate),
}

#[component]
fn TypeForm(existing: Option<TargetType>, targets: Vec<BackupTarget>) -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let navigate = use_navigate();
    let editing = existing.is_some();
    let e = existing.clone().unwrap_or_default();
    let name = RwSignal::new(e.name().to_owned());
    let description = RwSignal::new(e.description.clone().unwrap_or_default());
    let target_id = RwSignal::new(e.backup_targets_id.clone().unwrap_or_default());
    let is_default = RwSignal::new(e.is_default);
    let is_public = RwSignal::new(if editing { e.is_public } else { true });
    let projects = RwSignal::new(e.project_ids().join("\n"));
    let purge_projects = RwSignal::new(true);
    let meta = RwSignal::new(e.metadata_pairs().into_iter().map(|(k, v)| KvRow::new(k, v)).collect::<Vec<_>>());
    let purge_metadata = RwSignal::new(true);
    let name_err = RwSignal::new(None::<String>);
    let target_err = RwSignal::new(None::<String>);
    let projects_err = RwSignal::new(None::<String>);
    let meta_err = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);

    let save = Action::new_local(move |s: &Submit| {
        let s = s.clone();
        async move {
            with_client(ctx, |c| async move {
                match s {
                    Submit::Create(new) => create_target_type(&c, &new).await,
                    Submit::Update(id, upd) => update_target_type(&c, &id, &upd).await,
                }
            })
            .await
        }
    });
    let pending = save.pending();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(t)) => {
            toasts.success(format!("Target type {} {}.", t.name(), if editing { "updated" } else { "created" }));
            navigate(&type_href(&t.id), NavigateOptions::default());
        }
        Some(Err(err)) => {
            toasts.error(if editing { "Could not update the target type" } else { "Could not create the target type" }, &err);
            failure.set(Some(err));
        }
        None => {}
    });

    let type_id = e.id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let n = name.get_untracked();
        name_err.set(if n.trim().is_empty() {
            Some("Enter a name.".into())
        } else if n.trim().len() > 255 {
            Some("A name has at most 255 characters.".into())
        } else {
            None
        });
        target_err.set((!editing && target_id.get_untracked().is_empty()).then(|| "Choose the backup target this type points at.".to_owned()));
        let project_list = if is_public.get_untracked() && !editing { Ok(Vec::new()) } else { parse_project_list(&projects.get_untracked()) };
        projects_err.set(project_list.as_ref().err().cloned());
        let pairs = validate_rows(&meta.get_untracked());
        meta_err.set(pairs.as_ref().err().cloned());
        let (Ok(project_list), Ok(metadata), None, None) = (project_list, pairs, name_err.get_untracked(), target_err.get_untracked()) else {
            crate::components::form_field::focus_first_invalid();
            return;
        };
        failure.set(None);
        let submit = if editing {
            Submit::Update(type_id.clone(), TargetTypeUpdate {
                name: n,
                description: description.get_untracked(),
                is_default: is_default.get_untracked(),
                is_public: is_public.get_untracked(),
                project_list,
                purge_projects: purge_projects.get_untracked(),
                metadata,
                purge_metadata: purge_metadata.get_untracked(),
            })
        } else {
            Submit::Create(NewTargetType {
                name: n,
                description: description.get_untracked(),
                backup_targets_id: target_id.get_untracked(),
                is_default: is_default.get_untracked(),
                is_public: is_public.get_untracked(),
                project_list,
                metadata,
            })
        };
        save.dispatch(submit);
    };
    let busy = Signal::derive(move || pending.get());
    let cancel_href = if editing { type_href(&e.id) } else { "/target-types".to_owned() };
    let current_target = e.backup_targets_id.clone().and_then(|id| targets.iter().find(|t| t.id == id).map(target_label)).unwrap_or_else(|| e.backup_targets_id.clone().unwrap_or_default());
    view! {
        <form class="form card" on:submit=submit novalidate>
            <TextField id="btt-name" label="Name" value=name error=name_err required=true disabled=busy/>
            <TextField id="btt-description" label="Description" value=description disabled=busy/>
            {if editing {
                view! { <p class="field__hint">"Backup target: " <span class="mono">{current_target}</span> " (a type keeps its target)."</p> }.into_any()
            } else {
                view! { <crate::components::backup_targets_select::BackupTargetSelect id="btt-target" targets selected=target_id error=target_err disabled=busy/> }.into_any()
            }}
            <CheckField id="btt-default" label="Default target type" checked=is_default disabled=busy/>
            <CheckField id="btt-public" label="Public (visible to every project)" checked=is_public disabled=busy
                hint="Private types are visible only to the projects listed below."/>
            <Show when=move || editing || !is_public.get()>
                <div class="field" class:field--invalid=move || projects_err.with(Option::is_some)>
                    <label class="field__label" for="btt-projects">"Projects"</label>
                    <textarea id="btt-projects" class="field__input" rows="4" disabled=move || busy.get()
                        aria-describedby="btt-projects-hint btt-projects-error"
                        aria-invalid=move || projects_err.with(Option::is_some).to_string()
                        prop:value=move || projects.get() on:input:target=move |ev| projects.set(ev.target().value())></textarea>
                    <p class="field__hint" id="btt-projects-hint">"Project IDs, one per line or separated by commas."</p>
                    <p class="field__error" id="btt-projects-error" aria-live="polite">{move || projects_err.get()}</p>
                </div>
                {editing.then(|| view! {
                    <CheckField id="btt-purge-projects" label="Replace the assigned projects with this list (purge_projects)" checked=purge_projects disabled=busy
                        hint="Unchecked: the listed projects are added to those already assigned."/>
                })}
            </Show>
            <KeyValueEditor id="btt-meta" legend="Metadata" rows=meta error=meta_err disabled=busy/>
            {editing.then(|| view! {
                <CheckField id="btt-purge-metadata" label="Replace all metadata with these pairs (purge_metadata)" checked=purge_metadata disabled=busy
                    hint="Unchecked: these pairs are added to or update the existing metadata."/>
            })}
            {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused the change"/> })}
            <div class="form__actions">
                <a class="btn btn--secondary" href=cancel_href>"Cancel"</a>
                <button type="submit" class="btn btn--primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                    {move || match (busy.get(), editing) {
                        (true, _) => "Saving…",
                        (false, true) => "Save changes",
                        (false, false) => "Create type",
                    }}
                </button>
            </div>
        </form>
    }
}

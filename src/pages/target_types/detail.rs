//! One target type: its fields, and the project and metadata operations of the API.

use super::{form::parse_project_list, type_href, type_subject, DeleteTypeDialog};
use crate::api::backup_targets::show_backup_target;
use crate::api::target_types::{add_metadata, add_projects, remove_metadata, remove_projects, show_target_type};
use crate::api::ApiError;
use crate::components::status_badge::Tag;
use crate::components::{use_toasts, DeleteSubject, ErrorPanel, PageHeader};
use crate::format::or_dash;
use crate::models::TargetType;
use crate::pages::{field, with_client, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// The four membership operations of a type, each sent as documented.
#[derive(Clone, Debug)]
enum Change {
    AddProjects(Vec<String>),
    RemoveProject(String),
    AddMetadata(String, String),
    RemoveMetadata(String, String),
}

#[component]
pub fn TargetTypeDetailPage() -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        let id = id();
        async move {
            let t = with_client(ctx, |c| async move { show_target_type(&c, &id).await }).await?;
            // Only its export is shown; the type still shows when the target cannot be read.
            let export = match t.backup_targets_id.clone() {
                Some(tid) => with_client(ctx, |c| async move { show_backup_target(&c, &tid).await })
                    .await
                    .ok()
                    .map(|x| x.export().to_owned()),
                None => None,
            };
            Ok::<_, ApiError>((t, export))
        }
    });
    let change = Action::new_local(move |c: &Change| {
        let c = c.clone();
        let id = id();
        async move {
            let (what, result) = with_client(ctx, |client| async move {
                let (what, r) = match &c {
                    Change::AddProjects(p) => (format!("Added project(s) {}", p.join(", ")), add_projects(&client, &id, p).await),
                    Change::RemoveProject(p) => (format!("Removed project {p}"), remove_projects(&client, &id, std::slice::from_ref(p)).await),
                    Change::AddMetadata(k, v) => (format!("Added metadata {k}={v}"), add_metadata(&client, &id, &[(k.clone(), v.clone())]).await),
                    Change::RemoveMetadata(k, v) => (format!("Removed metadata {k}={v}"), remove_metadata(&client, &id, &[(k.clone(), v.clone())]).await),
                };
                Ok::<_, ApiError>((what, r))
            })
            .await
            .unwrap_or_else(|e| (String::new(), Err(e)));
            match result {
                Ok(_) => {
                    toasts.success(what);
                    reload.update(|n| *n += 1);
                    true
                }
                Err(e) => {
                    toasts.error("The change was refused", &e);
                    false
                }
            }
        }
    });
    let busy = Signal::derive(move || change.pending().get());
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    let navigate = use_navigate();
    view! {
        <section class="page">
            <crate::components::Breadcrumb area="Target types" href="/target-types" here="Detail"/>
            <Transition fallback=|| view! { <Loading text="Loading target type…"/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <ErrorPanel error=e context="Could not load this target type" on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/> }.into_any(),
                        Ok((t, export)) => view! { <TypeDetail target_type=t export change busy to_delete/> }.into_any(),
                    }
                })}
            </Transition>
            <DeleteTypeDialog subject=to_delete on_deleted=Callback::new(move |_| navigate("/target-types", NavigateOptions::default()))/>
        </section>
    }
}

#[component]
fn TypeDetail(
    target_type: TargetType,
    export: Option<String>,
    change: Action<Change, bool>,
    busy: Signal<bool>,
    to_delete: RwSignal<Option<DeleteSubject>>,
) -> impl IntoView {
    let t = target_type;
    let new_projects = RwSignal::new(String::new());
    let projects_err = RwSignal::new(None::<String>);
    let new_key = RwSignal::new(String::new());
    let new_value = RwSignal::new(String::new());
    let meta_err = RwSignal::new(None::<String>);
    // Clear the inputs only once the server accepted the change.
    Effect::new(move |_| {
        if change.value().get() == Some(true) {
            new_projects.set(String::new());
            new_key.set(String::new());
            new_value.set(String::new());
        }
    });
    let add_projects_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_project_list(&new_projects.get_untracked()) {
            Ok(list) if list.is_empty() => projects_err.set(Some("Enter at least one project ID.".into())),
            Ok(list) => {
                projects_err.set(None);
                change.dispatch(Change::AddProjects(list));
            }
            Err(e) => projects_err.set(Some(e)),
        }
    };
    let existing_keys: Vec<String> = t.metadata_pairs().into_iter().map(|(k, _)| k).collect();
    let add_meta_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = new_key.get_untracked().trim().to_owned();
        if k.is_empty() {
            meta_err.set(Some("Enter a key.".into()));
        } else if existing_keys.contains(&k) {
            meta_err.set(Some(format!("The key \"{k}\" exists already; remove it first or edit the type.")));
        } else {
            meta_err.set(None);
            change.dispatch(Change::AddMetadata(k, new_value.get_untracked().trim().to_owned()));
        }
    };
    let title = if t.name().is_empty() { t.id.clone() } else { t.name().to_owned() };
    let subject = type_subject(&t);
    let target_id = t.backup_targets_id.clone().unwrap_or_default();
    let projects = t.project_ids();
    let pairs = t.metadata_pairs();
    let edit_href = format!("{}/edit", type_href(&t.id));
    view! {
        <PageHeader title=title description="Backup target type">
            <a class="btn btn--secondary" href=edit_href>"Edit"</a>
            <button type="button" class="btn btn--danger" on:click=move |_| to_delete.set(Some(subject.clone()))>"Delete"</button>
        </PageHeader>
        <div class="cards">
            <section class="card" aria-labelledby="btt-summary">
                <h2 class="card__title" id="btt-summary">"Summary"</h2>
                <dl class="props">
                    {field("ID", view! { <code>{t.id.clone()}</code> })}
                    {field("Name", view! { <span>{t.name().to_owned()}</span> })}
                    {field("Description", or_dash(t.description.as_deref()))}
                    {field("Backup target", view! { <a class="mono" href=crate::pages::backup_targets::target_href(&target_id)>{export.unwrap_or_else(|| target_id.clone())}</a> })}
                    {field("Default", view! { {if t.is_default { view! { <Tag text="Default" modifier="tag--default"/> }.into_any() } else { "No".into_any() }} })}
                    {field("Visibility", if t.is_public { "Public" } else { "Private" })}
                    {field("Owner (user)", or_dash(t.user_id.as_deref()))}
                    {field("Version", or_dash(t.version.as_deref()))}
                    {field("Created", view! { <Time value=t.created_at.clone()/> })}
                    {field("Updated", view! { <Time value=t.updated_at.clone()/> })}
                </dl>
            </section>
            <section class="card" aria-labelledby="btt-projects-title">
                <h2 class="card__title" id="btt-projects-title">{format!("Projects ({})", projects.len())}</h2>
                {if projects.is_empty() {
                    view! { <p class="muted">{if t.is_public { "Public: every project sees this type." } else { "No project is assigned." }}</p> }.into_any()
                } else {
                    view! {
                        <ul class="projects-list" aria-label="Assigned projects">
                            {projects.into_iter().map(|p| {
                                let p2 = p.clone();
                                view! {
                                    <li><span class="mono">{p.clone()}</span>
                                        <button type="button" class="btn btn--danger-ghost btn--small" disabled=move || busy.get()
                                            aria-label=format!("Remove project {p}")
                                            on:click=move |_| { change.dispatch(Change::RemoveProject(p2.clone())); }>"Remove"</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <form class="list-editor" on:submit=add_projects_submit novalidate>
                    <crate::components::TextField id="btt-add-projects" label="Add projects" value=new_projects error=projects_err disabled=busy
                        hint="One or more project IDs, separated by commas or spaces."/>
                    <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add projects"</button>
                </form>
            </section>
            <section class="card" aria-labelledby="btt-meta-title">
                <h2 class="card__title" id="btt-meta-title">{format!("Metadata ({})", pairs.len())}</h2>
                {if pairs.is_empty() {
                    view! { <p class="muted">"No metadata."</p> }.into_any()
                } else {
                    view! {
                        <table class="data-table data-table--compact" aria-label="Target type metadata">
                            <thead><tr><th scope="col">"Key"</th><th scope="col">"Value"</th><th scope="col">"Actions"</th></tr></thead>
                            <tbody>
                                {pairs.into_iter().map(|(k, v)| {
                                    let (k2, v2) = (k.clone(), v.clone());
                                    view! {
                                        <tr>
                                            <td class="mono">{k.clone()}</td>
                                            <td class="mono">{v.clone()}</td>
                                            <td><button type="button" class="btn btn--danger-ghost btn--small" disabled=move || busy.get()
                                                aria-label=format!("Remove metadata {k}")
                                                on:click=move |_| { change.dispatch(Change::RemoveMetadata(k2.clone(), v2.clone())); }>"Remove"</button></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
                <form class="list-editor" on:submit=add_meta_submit novalidate>
                    <crate::components::TextField id="btt-add-key" label="Key" value=new_key error=meta_err disabled=busy/>
                    <crate::components::TextField id="btt-add-value" label="Value" value=new_value disabled=busy/>
                    <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add metadata"</button>
                </form>
            </section>
        </div>
    }
}

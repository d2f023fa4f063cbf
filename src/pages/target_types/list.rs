use super::{type_href, type_subject, DeleteTypeDialog};
use crate::api::backup_targets::list_backup_targets_detail;
use crate::api::target_types::list_target_types_detail;
use crate::api::ApiError;
use crate::components::data_table::text_key;
use crate::components::status_badge::Tag;
use crate::components::data_table::{fixed, sortable, DataTable};
use crate::components::{DeleteSubject, ErrorPanel, PageHeader, SortState};
use crate::format::or_dash;
use crate::models::{BackupTarget, TargetType};
use crate::pages::{with_client, EmptyState, Loading, Time};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn TargetTypesPage() -> impl IntoView {
    let ctx = use_session();
    let reload = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        reload.track();
        async move {
            let types = with_client(ctx, |c| async move { list_target_types_detail(&c).await }).await?;
            let targets = with_client(ctx, |c| async move { list_backup_targets_detail(&c).await }).await.unwrap_or_default();
            Ok::<_, ApiError>((types, targets))
        }
    });
    let search = RwSignal::new(String::new());
    let visibility = RwSignal::new(String::new());
    let to_delete = RwSignal::new(None::<DeleteSubject>);
    view! {
        <section class="page">
            <PageHeader title="Target types" description="Named, per-project views of a backup target.">
                <button type="button" class="btn btn--secondary" on:click=move |_| reload.update(|n| *n += 1)>"Refresh"</button>
                <a class="btn btn--primary" href="/target-types/new">"Create type"</a>
            </PageHeader>
            <div class="toolbar" role="search">
                <div class="toolbar__field">
                    <label for="types-search">"Filter"</label>
                    <input id="types-search" type="search" class="field__input" placeholder="Name, project, metadata…"
                        prop:value=move || search.get() on:input:target=move |ev| search.set(ev.target().value())/>
                </div>
                <div class="toolbar__field">
                    <label for="types-visibility">"Visibility"</label>
                    <select id="types-visibility" class="field__input" on:change:target=move |ev| visibility.set(ev.target().value())>
                        <option value="">"Public and private"</option>
                        <option value="public">"Public"</option>
                        <option value="private">"Private"</option>
                    </select>
                </div>
            </div>
            <Transition fallback=|| view! { <Loading text="Loading target types…"/> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((types, targets)) => view! {
                            <TypesTable types targets search visibility
                                on_delete=Callback::new(move |t: TargetType| to_delete.set(Some(type_subject(&t))))/>
                        }.into_any(),
                        Err(e) => view! {
                            <ErrorPanel error=e context="Could not load target types" on_retry=Callback::new(move |_| reload.update(|n| *n += 1))/>
                        }.into_any(),
                    }
                })}
            </Transition>
            <DeleteTypeDialog subject=to_delete on_deleted=Callback::new(move |_| reload.update(|n| *n += 1))/>
        </section>
    }
}

fn export_of(targets: &[BackupTarget], id: Option<&str>) -> Option<String> {
    let id = id?;
    targets.iter().find(|t| t.id == id).map(|t| t.export().to_owned())
}

fn matches(t: &TargetType, export: &str, needle: &str, visibility: &str) -> bool {
    match visibility {
        "public" if !t.is_public => return false,
        "private" if t.is_public => return false,
        _ => {}
    }
    if needle.is_empty() {
        return true;
    }
    let meta: Vec<String> = t.metadata_pairs().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    let hay = format!(
        "{} {} {} {} {}",
        t.name(),
        t.description.as_deref().unwrap_or(""),
        export,
        t.project_ids().join(" "),
        meta.join(" ")
    )
    .to_lowercase();
    needle.to_lowercase().split_whitespace().all(|w| hay.contains(w))
}

/// The target types table; each type links to its detail and to its target.
#[component]
pub fn TypesTable(
    types: Vec<TargetType>,
    targets: Vec<BackupTarget>,
    #[prop(into)] search: Signal<String>,
    #[prop(into)] visibility: Signal<String>,
    on_delete: Callback<TargetType>,
) -> impl IntoView {
    let sort = SortState::new("name", true);
    let total = types.len();
    let targets = StoredValue::new(targets);
    let types = StoredValue::new(types);
    let rows = move || {
        let needle = search.get();
        let vis = visibility.get();
        let mut list: Vec<(TargetType, Option<String>)> = types.with_value(|all| {
            targets.with_value(|tg| {
                all.iter()
                    .map(|t| (t.clone(), export_of(tg, t.backup_targets_id.as_deref())))
                    .filter(|(t, e)| matches(t, e.as_deref().unwrap_or(""), &needle, &vis))
                    .collect()
            })
        });
        sort.apply(&mut list, |(t, export), col| {
            text_key(&match col {
                "target" => export.clone().unwrap_or_default(),
                "default" => if t.is_default { "0" } else { "1" }.to_owned(),
                "visibility" => if t.is_public { "public" } else { "private" }.to_owned(),
                "projects" => format!("{:06}", t.backup_target_type_projects.len()),
                "metadata" => format!("{:?}", t.metadata_pairs()),
                "description" => t.description.clone().unwrap_or_default(),
                "created" => t.created_at.clone().unwrap_or_default(),
                _ => t.name().to_owned(),
            })
        });
        list
    };
    if total == 0 {
        return view! {
            <EmptyState title="No target types yet" hint="Create a type to give projects a named view of a backup target.">
                <a class="btn btn--primary" href="/target-types/new">"Create type"</a>
            </EmptyState>
        }.into_any();
    }
    view! {
        <DataTable label="Backup target types" sort count=Signal::derive(move || format!("Showing {} of {} types", rows().len(), total))
            columns=vec![
                sortable("Name", "name"), sortable("Target", "target"), sortable("Default", "default"),
                sortable("Visibility", "visibility"), sortable("Projects", "projects"), sortable("Metadata", "metadata"),
                sortable("Description", "description"), sortable("Created", "created"), fixed("Actions"),
            ]>
                    {move || {
                        let list = rows();
                        if list.is_empty() {
                            return view! { <tr><td colspan="9" class="data-table__empty">"No type matches the filter."</td></tr> }.into_any();
                        }
                        list.into_iter().map(|(t, export)| view! { <TypeRow target_type=t export on_delete/> }).collect_view().into_any()
                    }}
        </DataTable>
    }.into_any()
}

#[component]
fn TypeRow(target_type: TargetType, export: Option<String>, on_delete: Callback<TargetType>) -> impl IntoView {
    let t = target_type;
    let projects = t.project_ids();
    let count = projects.len();
    let target_id = t.backup_targets_id.clone().unwrap_or_default();
    let target_link = crate::pages::backup_targets::target_href(&target_id);
    let target_text = export.unwrap_or_else(|| target_id.clone());
    let edit_href = format!("{}/edit", type_href(&t.id));
    let name = t.name().to_owned();
    let t_del = t.clone();
    view! {
        <tr data-type-id=t.id.clone()>
            <td><a href=type_href(&t.id)>{if name.is_empty() { t.id.clone() } else { name.clone() }}</a></td>
            <td class="mono">{if target_id.is_empty() { view! { <span class="muted">"—"</span> }.into_any() } else { view! { <a href=target_link>{target_text}</a> }.into_any() }}</td>
            <td>{if t.is_default { view! { <Tag text="Default" modifier="tag--default"/> }.into_any() } else { view! { <span class="muted">"No"</span> }.into_any() }}</td>
            <td>{if t.is_public { "Public" } else { "Private" }}</td>
            <td>{if count == 0 {
                view! { <span class="muted">{if t.is_public { "All (public)" } else { "None" }}</span> }.into_any()
            } else {
                view! {
                    <details>
                        <summary>{format!("{count} project{}", if count == 1 { "" } else { "s" })}</summary>
                        <ul class="projects-list">{projects.into_iter().map(|p| view! { <li class="mono">{p}</li> }).collect_view()}</ul>
                    </details>
                }.into_any()
            }}</td>
            <td>{t.metadata_pairs().into_iter().map(|(k, v)| view! { <span class="chip">{format!("{k}={v}")}</span> }).collect_view()}</td>
            <td>{or_dash(t.description.as_deref())}</td>
            <td class="cell--nowrap"><Time value=t.created_at.clone()/></td>
            <td class="cell--actions">
                <a class="btn btn--secondary btn--small" href=edit_href aria-label=format!("Edit {name}")>"Edit"</a>
                <button type="button" class="btn btn--danger-ghost btn--small" aria-label=format!("Delete {name}")
                    on:click=move |_| on_delete.run(t_del.clone())>"Delete"</button>
            </td>
        </tr>
    }
}

//! Which project may use which target type, as one grid: projects (from the types' project
//! lists, this project, and any the admin adds) by target types. A change is confirmed, sent
//! with the documented add/remove-projects call, and its result stays in its cell.

use crate::api::target_types::{self, change_membership, list_target_types_detail, Membership};
use crate::api::{ApiError, ApiRequest};
use crate::components::{
    api_action, api_resource, dispatch_once, use_toasts, ApiText, Breadcrumb, ConfirmDialog,
    CopyCurl, CsvButton, CsvExport, Isolated, Loader, PageHeader, RefreshButton, Tag, TagKind,
    TextField, UnreadableNotice, CELL_CHARS,
};
use crate::models::csv::csv_text;
use crate::models::{validate, TargetType};
use crate::routes;
use crate::session::use_session;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashMap};

/// One cell's change, waiting for the admin's confirmation.
#[derive(Clone, Debug, PartialEq)]
struct CellChange {
    type_id: String,
    type_name: String,
    project: String,
    add: bool,
}

impl CellChange {
    fn membership(&self) -> Membership {
        let list = vec![self.project.clone()];
        if self.add {
            Membership::AddProjects(list)
        } else {
            Membership::RemoveProjects(list)
        }
    }
    fn key(&self) -> (String, String) {
        (self.type_id.clone(), self.project.clone())
    }
}

/// What became of the last change of a cell.
#[derive(Clone, Debug, PartialEq)]
enum CellResult {
    Done(&'static str),
    /// The server said yes, but the type it sent back does not show the change.
    NotApplied,
    Refused(ApiError),
}

fn failed_text(c: &CellChange) -> String {
    format!(
        "Could not change access of project {} to {}",
        Isolated(&c.project),
        Isolated(&c.type_name)
    )
}

/// The reads the page opens with, for its route to send while the page's code arrives.
pub fn type_access_page_reads() -> Vec<ApiRequest> {
    vec![target_types::list_detail_request()]
}

#[component]
pub fn TypeAccessPage() -> impl IntoView {
    let data = api_resource(|| (), |c, ()| async move { list_target_types_detail(&c).await });
    view! {
        <section class="page">
            <Breadcrumb area="Target types" href=routes::TARGET_TYPES here="Access"/>
            <PageHeader title="Target type access"
                description="Which projects may use which target types. Public types are open to every project.">
                <RefreshButton on_refresh=Callback::new(move |()| data.refetch())/>
            </PageHeader>
            <Loader resource=data loading="Loading target types…" failure="Could not load target types" let:listed>
                <UnreadableNotice lines=listed.unreadable noun="target type"/>
                <AccessMatrix types=listed.rows/>
            </Loader>
        </section>
    }
}

#[component]
fn AccessMatrix(types: Vec<TargetType>) -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let here =
        StoredValue::new(ctx.session.with_untracked(|s| s.as_ref().map(|s| s.project_id.clone())));
    // The server's answer to each change replaces that type in place.
    let types = RwSignal::new(types);
    let added_rows = RwSignal::new(Vec::<String>::new());
    // A row once shown stays, even when its last type is taken away: rows never move under
    // the admin's hand.
    let projects = Memo::new(move |shown: Option<&Vec<String>>| {
        let mut all: BTreeSet<String> =
            types.with(|ts| ts.iter().flat_map(TargetType::project_ids).collect());
        all.extend(shown.into_iter().flatten().cloned());
        all.extend(here.get_value());
        all.extend(added_rows.get());
        all.into_iter().collect::<Vec<_>>()
    });
    let asked = RwSignal::new(None::<CellChange>);
    let results = RwSignal::new(HashMap::<(String, String), CellResult>::new());
    let action = api_action(
        failed_text,
        |client, c: CellChange| async move {
            match change_membership(&client, &c.type_id, &c.membership()).await {
                Ok(t) => Ok(Ok(t)),
                // Said in the cell; an unknown outcome goes on to reload the page.
                Err(e @ ApiError::OutcomeUnknown { .. }) => Err(e),
                Err(e) => Ok(Err(e)),
            }
        },
        move |c, outcome| {
            let result = match outcome {
                Ok(fresh) => {
                    let applied = fresh.project_ids().contains(&c.project) == c.add;
                    types.update(|ts| {
                        ts.iter_mut().filter(|t| t.id == fresh.id).for_each(|t| *t = fresh.clone())
                    });
                    if applied {
                        let done = if c.add { "Added" } else { "Removed" };
                        toasts.success(format!(
                            "{done}: project {} and type {}.",
                            Isolated(&c.project),
                            Isolated(&c.type_name)
                        ));
                        CellResult::Done(done)
                    } else {
                        CellResult::NotApplied
                    }
                }
                Err(e) => {
                    toasts.error(failed_text(&c), &e);
                    CellResult::Refused(e)
                }
            };
            results.update(|r| {
                r.insert(c.key(), result);
            });
            asked.set(None);
        },
    );
    let new_row = RwSignal::new(String::new());
    let row_error = RwSignal::new(None::<String>);
    let add_row = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate::project_list(&new_row.get_untracked()) {
            Ok(list) if list.is_empty() => row_error.set(Some("Enter a project ID.".into())),
            Ok(list) => {
                row_error.set(None);
                added_rows.update(|r| r.extend(list));
                new_row.set(String::new());
            }
            Err(e) => row_error.set(Some(e)),
        }
    };
    // The grid's shape changes only with the types and projects; a change of access patches
    // its cell in place, so focus stays where the admin was.
    let columns = Memo::new(move |_| {
        types.with(|ts| {
            ts.iter().map(|t| (t.id.clone(), t.label().to_owned(), t.is_public)).collect::<Vec<_>>()
        })
    });
    let header = move || {
        columns.get().into_iter().map(|(id, label, public)| {
            let public = public.then(|| view! { <Tag text="Public" kind=TagKind::Default/> });
            view! { <th scope="col"><a href=routes::target_type(&id)><ApiText text=label max=CELL_CHARS/></a>" "{public}</th> }
        }).collect_view()
    };
    let cell = move |(type_id, type_name, public): (String, String, bool), project: String| {
        let key = (type_id.clone(), project.clone());
        let result = move || {
            results.with(|r| r.get(&key).cloned()).map(|r| match r {
                CellResult::Done(word) => {
                    view! { <span class="cell-result">{word}</span> }.into_any()
                }
                CellResult::NotApplied => view! {
                    <span class="cell-result cell-result--error">
                        "The server answered, but its type does not show the change"
                    </span>
                }
                .into_any(),
                CellResult::Refused(e) => {
                    let id = e
                        .request_id()
                        .map(|r| format!(" (request {})", Isolated(r)))
                        .unwrap_or_default();
                    let text = format!("{}: {}{id}", e.title(), Isolated(&e.message()));
                    view! { <span class="cell-result cell-result--error" dir="auto">{text}</span> }
                        .into_any()
                }
            })
        };
        if public {
            return view! { <td class="matrix__cell"><span class="muted small">"Every project"</span>{result}</td> }.into_any();
        }
        let assigned = {
            let (type_id, project) = (type_id.clone(), project.clone());
            Memo::new(move |_| {
                types.with(|ts| {
                    ts.iter()
                        .find(|t| t.id == type_id)
                        .is_some_and(|t| t.project_ids().contains(&project))
                })
            })
        };
        let label = format!("Project {project} may use {type_name}");
        let ask = move |ev: leptos::ev::MouseEvent| {
            // The box changes only once the server has agreed.
            ev.prevent_default();
            let change = CellChange {
                type_id: type_id.clone(),
                type_name: type_name.clone(),
                project: project.clone(),
                add: !assigned.get_untracked(),
            };
            asked.set(Some(change));
        };
        view! {
            <td class="matrix__cell">
                <input type="checkbox" aria-label=label prop:checked=assigned disabled=move || action.pending().get() on:click=ask/>
                <span class="matrix__state">{move || if assigned.get() { " Assigned" } else { " Not assigned" }}</span>
                {result}
            </td>
        }
        .into_any()
    };
    let rows = move || {
        let columns = columns.get();
        projects.get().into_iter().map(|p| {
            let mine = here.with_value(|h| h.as_deref() == Some(p.as_str()));
            let cells = columns.iter().map(|c| cell(c.clone(), p.clone())).collect_view();
            view! {
                <tr data-project-id=p.clone()>
                    <th scope="row" class="mono"><bdi>{p.clone()}</bdi>{mine.then(|| view! { <span class="muted small">" (this project)"</span> })}</th>
                    {cells}
                </tr>
            }
        }).collect_view()
    };
    let title = Signal::derive(move || {
        asked.with(|a| match a {
            Some(c) if c.add => {
                format!("Let project {} use {}?", Isolated(&c.project), Isolated(&c.type_name))
            }
            Some(c) => {
                format!(
                    "Take {} away from project {}?",
                    Isolated(&c.type_name),
                    Isolated(&c.project)
                )
            }
            None => String::new(),
        })
    });
    let confirm_label = Signal::derive(move || {
        if asked.with(|a| a.as_ref().is_some_and(|c| c.add)) {
            "Add project"
        } else {
            "Remove project"
        }
        .to_owned()
    });
    let request = Signal::derive(move || {
        asked
            .with(|a| a.as_ref().map(|c| c.membership().request(&c.type_id)))
            .unwrap_or_else(|| Membership::AddProjects(Vec::new()).request(""))
    });
    let confirm = Callback::new(move |_| {
        if let Some(c) = asked.get_untracked() {
            dispatch_once(action, c);
        }
    });
    // The grid as a file: a row per project, a column per type.
    let export = CsvExport::new("type-access.csv", move || {
        let columns = columns.get_untracked();
        let mut header = vec!["Project".to_owned()];
        header.extend(columns.iter().map(|(_, label, _)| label.clone()));
        let rows: Vec<Vec<String>> = projects
            .get_untracked()
            .into_iter()
            .map(|p| {
                let mut line = vec![p.clone()];
                line.extend(columns.iter().map(|(id, _, public)| {
                    let assigned = types.with_untracked(|ts| {
                        ts.iter()
                            .find(|t| &t.id == id)
                            .is_some_and(|t| t.project_ids().contains(&p))
                    });
                    match (public, assigned) {
                        (true, _) => "public",
                        (false, true) => "assigned",
                        (false, false) => "",
                    }
                    .to_owned()
                }));
                line
            })
            .collect();
        csv_text(&header, &rows)
    });
    view! {
        <div class="table-tools"><p class="table-count">{move || format!("{} projects, {} types", projects.with(Vec::len), columns.with(Vec::len))}</p>
            <CsvButton export/></div>
        <form class="toolbar" aria-label="Add a project row" on:submit=add_row novalidate>
            <TextField id="matrix-project" label="Add a project by ID" value=new_row error=row_error/>
            <button type="submit" class="btn btn--secondary">"Add row"</button>
        </form>
        <div class="table-wrap">
            <table class="data-table matrix" aria-label="Projects by target type">
                <thead><tr><th scope="col">"Project"</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <ConfirmDialog open=Signal::derive(move || asked.with(Option::is_some)) on_close=Callback::new(move |_| asked.set(None))
            title confirm_label busy=action.pending() on_confirm=confirm>
            <p>"This sends the documented "<code>{move || request.with(|r| format!("{} {}", r.method.as_str(), r.path))}</code>
                " call for this one project."</p>
            <CopyCurl request/>
        </ConfirmDialog>
    }
}

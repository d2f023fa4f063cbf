//! The projects and metadata of a type, each changed with its own documented call.

use crate::api::target_types::{change_membership, Membership};
use crate::components::dispatch_once;
use crate::components::{api_action, compact_table, use_toasts, ApiAction, CopyCurl, TextField};
use crate::models::{validate, TargetType};
use leptos::either::Either;
use leptos::prelude::*;

/// What the toast says once the server accepted a change.
fn describe(change: &Membership) -> String {
    let pairs = |m: &[(String, String)]| {
        m.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
    };
    match change {
        Membership::AddProjects(p) => format!("Added project(s) {}", p.join(", ")),
        Membership::RemoveProjects(p) => format!("Removed project {}", p.join(", ")),
        Membership::AddMetadata(m) => format!("Added metadata {}", pairs(m)),
        Membership::RemoveMetadata(m) => format!("Removed metadata {}", pairs(m)),
    }
}

/// Changes the type `id`; `on_changed` runs once the server accepted.
pub fn change_action(
    id: Memo<String>,
    on_changed: Callback<()>,
) -> ApiAction<Membership, TargetType> {
    let toasts = use_toasts();
    api_action(
        |_: &Membership| "The change was refused".to_owned(),
        move |client, change: Membership| async move {
            change_membership(&client, &id.get_untracked(), &change).await
        },
        move |change, _| {
            toasts.success(describe(&change));
            on_changed.run(());
        },
    )
}

/// A "Remove" button for one entry, off while a change runs.
fn remove_button(
    action: ApiAction<Membership, TargetType>,
    what: String,
    change: Membership,
) -> impl IntoView {
    let busy = action.pending();
    view! {
        <button type="button" class="btn btn--danger-ghost btn--small" disabled=move || busy.get()
            aria-label=format!("Remove {what}") on:click=move |_| dispatch_once(action, change.clone())>"Remove"</button>
    }
}

#[component]
pub fn ProjectsCard(
    target_type: TargetType,
    change: ApiAction<Membership, TargetType>,
) -> impl IntoView {
    let projects = target_type.project_ids();
    let new_projects = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = Signal::<bool>::from(change.pending());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match validate::project_list(&new_projects.get_untracked()) {
            Ok(list) if list.is_empty() => error.set(Some("Enter at least one project ID.".into())),
            Ok(list) => {
                error.set(None);
                dispatch_once(change, Membership::AddProjects(list));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let id = target_type.id.clone();
    let curl = Signal::derive(move || {
        let list = validate::project_list(&new_projects.get()).unwrap_or_default();
        Membership::AddProjects(list).request(&id)
    });
    let title = format!("Projects ({})", projects.len());
    let list = if projects.is_empty() {
        let text = if target_type.is_public {
            "Public: every project sees this type."
        } else {
            "No project is assigned."
        };
        Either::Left(view! { <p class="muted">{text}</p> })
    } else {
        let item = move |p: String| {
            let remove = remove_button(
                change,
                format!("project {p}"),
                Membership::RemoveProjects(vec![p.clone()]),
            );
            view! { <li><span class="mono">{p}</span>{remove}</li> }
        };
        let items = projects.into_iter().map(item).collect_view();
        Either::Right(
            view! { <ul class="projects-list" aria-label="Assigned projects">{items}</ul> },
        )
    };
    view! {
        <section class="card" aria-labelledby="btt-projects-title">
            <h2 class="card__title" id="btt-projects-title">{title}</h2>
            {list}
            <form class="list-editor" on:submit=submit novalidate>
                <TextField id="btt-add-projects" label="Add projects" value=new_projects error disabled=busy
                    hint="One or more project IDs, separated by commas or spaces."/>
                <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add projects"</button>
                <CopyCurl request=curl/>
            </form>
        </section>
    }
}

#[component]
pub fn MetadataCard(
    target_type: TargetType,
    change: ApiAction<Membership, TargetType>,
) -> impl IntoView {
    let pairs = target_type.metadata_pairs();
    let (new_key, new_value) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    let busy = Signal::<bool>::from(change.pending());
    let existing: Vec<String> = pairs.iter().map(|(k, _)| k.clone()).collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = new_key.get_untracked().trim().to_owned();
        if k.is_empty() {
            error.set(Some("Enter a key.".into()));
        } else if existing.contains(&k) {
            error.set(Some(format!(
                "The key \"{k}\" exists already; remove it first or edit the type."
            )));
        } else {
            error.set(None);
            dispatch_once(
                change,
                Membership::AddMetadata(vec![(k, new_value.get_untracked().trim().to_owned())]),
            );
        }
    };
    let id = target_type.id.clone();
    let curl = Signal::derive(move || {
        let pair = (new_key.get().trim().to_owned(), new_value.get().trim().to_owned());
        Membership::AddMetadata(vec![pair]).request(&id)
    });
    let title = format!("Metadata ({})", pairs.len());
    let table = if pairs.is_empty() {
        Either::Left(view! { <p class="muted">"No metadata."</p> })
    } else {
        let cells = move |(k, v): (String, String)| {
            let change_of = Membership::RemoveMetadata(vec![(k.clone(), v.clone())]);
            let remove = remove_button(change, format!("metadata {k}"), change_of);
            view! { <td class="mono">{k}</td><td class="mono">{v}</td><td>{remove}</td> }
        };
        let headers = ["Key", "Value", "Actions"];
        Either::Right(compact_table("Target type metadata", &headers, pairs, cells))
    };
    view! {
        <section class="card" aria-labelledby="btt-meta-title">
            <h2 class="card__title" id="btt-meta-title">{title}</h2>
            {table}
            <form class="list-editor" on:submit=submit novalidate>
                <TextField id="btt-add-key" label="Key" value=new_key error disabled=busy/>
                <TextField id="btt-add-value" label="Value" value=new_value disabled=busy/>
                <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add metadata"</button>
                <CopyCurl request=curl/>
            </form>
        </section>
    }
}

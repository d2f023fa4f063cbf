//! The projects and metadata of a type, each changed with its own documented call.

use crate::api::target_types::{change_membership, Membership};
use crate::components::dispatch_once;
use crate::components::{
    api_action, compact_table, use_toasts, ApiAction, CopyCurl, Isolated, TextField,
};
use crate::models::{validate, TargetType};
use crate::routes::{GuardedForm, UnsentInput};
use leptos::either::Either;
use leptos::prelude::*;

/// What the toast says once the server accepted a change.
fn describe(change: &Membership) -> String {
    let pairs = |m: &[(String, String)]| {
        let pair = |(k, v): &(String, String)| format!("{}={}", Isolated(k), Isolated(v));
        m.iter().map(pair).collect::<Vec<_>>().join(", ")
    };
    let projects = |done: &str, p: &[String]| {
        let noun = if p.len() == 1 { "project" } else { "projects" };
        let names = p.iter().map(|p| Isolated(p).to_string()).collect::<Vec<_>>();
        format!("{done} {noun} {}", names.join(", "))
    };
    match change {
        Membership::AddProjects(p) => projects("Added", p),
        Membership::RemoveProjects(p) => projects("Removed", p),
        Membership::AddMetadata(m) => format!("Added metadata {}", pairs(m)),
        Membership::RemoveMetadata(m) => format!("Removed metadata {}", pairs(m)),
    }
}

/// What is typed in the two add forms. The page holds it, so that neither the reload after a
/// change nor a failed reload wipes it; an accepted add clears its own form only, and until
/// then what a form holds asks before the page is left.
#[derive(Clone, Copy)]
pub struct MembershipDrafts {
    projects: RwSignal<String>,
    key: RwSignal<String>,
    value: RwSignal<String>,
    unsent_projects: UnsentInput,
    unsent_metadata: UnsentInput,
}

impl MembershipDrafts {
    pub fn new() -> Self {
        let empty = || RwSignal::new(String::new());
        Self {
            projects: empty(),
            key: empty(),
            value: empty(),
            unsent_projects: UnsentInput::new(),
            unsent_metadata: UnsentInput::new(),
        }
    }

    pub fn clear_after(self, accepted: &Membership) {
        match accepted {
            Membership::AddProjects(_) => {
                self.projects.set(String::new());
                self.unsent_projects.sent();
            }
            Membership::AddMetadata(_) => {
                self.key.set(String::new());
                self.value.set(String::new());
                self.unsent_metadata.sent();
            }
            Membership::RemoveProjects(_) | Membership::RemoveMetadata(_) => {}
        }
    }
}

/// Changes the type `id`; `on_changed` gets the change once the server accepted it.
pub fn change_action(
    id: Memo<String>,
    on_changed: Callback<Membership>,
) -> ApiAction<Membership, TargetType> {
    let toasts = use_toasts();
    api_action(
        |_: &Membership| "The change was refused".to_owned(),
        move |client, change: Membership| async move {
            change_membership(&client, &id.get_untracked(), &change).await
        },
        move |change, _| {
            toasts.success(describe(&change));
            on_changed.run(change);
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

/// The assigned projects, and a form to add more. It reads the type in place: a reload
/// redraws the list and title, never the form.
#[component]
pub fn ProjectsCard(
    #[prop(into)] target_type: Signal<TargetType>,
    change: ApiAction<Membership, TargetType>,
    drafts: MembershipDrafts,
) -> impl IntoView {
    let new_projects = drafts.projects;
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
    let curl = Signal::derive(move || {
        let list = validate::project_list(&new_projects.get()).unwrap_or_default();
        target_type.with(|t| Membership::AddProjects(list).request(&t.id))
    });
    let title = move || format!("Projects ({})", target_type.with(|t| t.project_ids().len()));
    let list = move || {
        let t = target_type.get();
        let projects = t.project_ids();
        if projects.is_empty() {
            let text = if t.is_public {
                "Public: every project sees this type."
            } else {
                "No project is assigned."
            };
            return Either::Left(view! { <p class="muted">{text}</p> });
        }
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
            <GuardedForm unsent=drafts.unsent_projects class="list-editor" on_submit=submit>
                <TextField id="btt-add-projects" label="Add projects" value=new_projects error disabled=busy
                    hint="One or more project IDs, separated by commas or spaces."/>
                <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add projects"</button>
                <CopyCurl request=curl/>
            </GuardedForm>
        </section>
    }
}

/// The metadata pairs, and a form to add one; like [`ProjectsCard`], the form stays through a reload.
#[component]
pub fn MetadataCard(
    #[prop(into)] target_type: Signal<TargetType>,
    change: ApiAction<Membership, TargetType>,
    drafts: MembershipDrafts,
) -> impl IntoView {
    let (new_key, new_value) = (drafts.key, drafts.value);
    let error = RwSignal::new(None::<String>);
    let busy = Signal::<bool>::from(change.pending());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = new_key.get_untracked().trim().to_owned();
        let exists =
            target_type.with_untracked(|t| t.metadata_pairs().iter().any(|(e, _)| *e == k));
        if k.is_empty() {
            error.set(Some("Enter a key.".into()));
        } else if exists {
            error.set(Some(format!(
                "The key \"{}\" exists already; remove it first or edit the type.",
                Isolated(&k)
            )));
        } else {
            error.set(None);
            dispatch_once(
                change,
                Membership::AddMetadata(vec![(k, new_value.get_untracked().trim().to_owned())]),
            );
        }
    };
    let curl = Signal::derive(move || {
        let pair = (new_key.get().trim().to_owned(), new_value.get().trim().to_owned());
        target_type.with(|t| Membership::AddMetadata(vec![pair]).request(&t.id))
    });
    let title = move || format!("Metadata ({})", target_type.with(|t| t.metadata_pairs().len()));
    let table = move || {
        let pairs = target_type.with(TargetType::metadata_pairs);
        if pairs.is_empty() {
            return Either::Left(view! { <p class="muted">"No metadata."</p> });
        }
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
            <GuardedForm unsent=drafts.unsent_metadata class="list-editor" on_submit=submit>
                <TextField id="btt-add-key" label="Key" value=new_key error disabled=busy/>
                <TextField id="btt-add-value" label="Value" value=new_value disabled=busy/>
                <button type="submit" class="btn btn--secondary" disabled=move || busy.get()>"Add metadata"</button>
                <CopyCurl request=curl/>
            </GuardedForm>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_is_told_in_words_that_count_its_projects() {
        let ids = |ids: &[&str]| ids.iter().map(|id| (*id).to_owned()).collect::<Vec<_>>();
        // Each name from the server or the admin keeps its direction to itself (U+2068..U+2069).
        let added =
            |p| describe(&Membership::AddProjects(ids(p))).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(added(&["p1"]), "Added project p1");
        assert_eq!(added(&["p1", "p2"]), "Added projects p1, p2");
        let removed = describe(&Membership::RemoveProjects(ids(&["p1"])));
        assert_eq!(removed, "Removed project \u{2068}p1\u{2069}");
    }

    #[test]
    fn a_pair_keeps_its_key_before_its_value_whatever_their_script() {
        // Unisolated, an Arabic key and a number read "5=key" in a left-to-right sentence.
        let pair = vec![("مفتاح".to_owned(), "5".to_owned())];
        assert_eq!(
            describe(&Membership::RemoveMetadata(pair)),
            "Removed metadata \u{2068}مفتاح\u{2069}=\u{2068}5\u{2069}"
        );
    }
}

//! One row of the snapshot table.

use super::table::{workload_label, Column};
use super::{snapshot_subject, CancelButton};
use crate::api::ApiError;
use crate::components::{
    ApiText, DeleteSubject, ProgressBar, StatusBadge, TableColumn, Tag, Time, CELL_CHARS,
};
use crate::format::or_dash;
use crate::models::{Ownership, Snapshot};
use crate::routes;
use leptos::either::Either;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

pub fn set_member(set: &mut HashSet<String>, id: String, on: bool) {
    if on {
        set.insert(id);
    } else {
        set.remove(&id);
    }
}

#[component]
pub fn SnapshotRow(
    snapshot: Snapshot,
    names: Signal<HashMap<String, String>>,
    selected: RwSignal<HashSet<String>>,
    on_cancel: Callback<Snapshot>,
    on_delete: Callback<DeleteSubject>,
    cancelling: Signal<bool>,
    cancel_accepted: Signal<HashSet<String>>,
    stale: Signal<HashMap<String, ApiError>>,
    /// Which rows are other projects': shown, not acted on from here.
    foreign: Signal<Ownership>,
) -> impl IntoView {
    let s = snapshot;
    let mine = {
        let s = s.clone();
        Memo::new(move |_| foreign.with(|f| !f.is_foreign(&s)))
    };
    let (can_cancel, can_delete) = (s.can_cancel(), s.can_delete());
    let other_project = move || {
        let text = "Another project's: act on it from that project";
        (!mine.get()).then(|| view! { <div class="muted small">{text}</div> })
    };
    let name = s.label().to_owned();
    let for_workload = s.clone();
    let workload =
        move || names.with(|n| workload_label(&for_workload, n)).unwrap_or_else(|| "—".to_owned());
    let progress = if s.is_final() {
        let done = if s.status().eq_ignore_ascii_case("available") { "Complete" } else { "—" };
        Either::Left(view! { <span class="muted">{done}</span> })
    } else {
        let (p, msg) =
            (s.progress_percent.unwrap_or(0.0), s.progress_msg.clone().unwrap_or_default());
        Either::Right(
            view! { <ProgressBar percent=p label=format!("Progress of {name}") detail=msg/> },
        )
    };
    let stale_id = s.id.clone();
    let stale_note = move || {
        // Short in the row; the live indicator above names the request.
        let e = stale.with(|m| m.get(&stale_id).cloned())?;
        let status = e.status().map(|s| format!("HTTP {s}")).unwrap_or_else(|| e.title());
        let (full, text) = (e.to_string(), format!("Could not be refreshed ({status})"));
        Some(view! { <div class="stale-notice small" title=full>{text}</div> })
    };
    let description = s.description.clone().filter(|d| !d.is_empty() && d != "-");
    let (id, for_check) = (s.id.clone(), s.id.clone());
    let (for_cancel, subject) = (s.clone(), snapshot_subject(&s));
    let delete_label = format!("Delete snapshot {name}");
    view! {
        <tr data-snapshot-id=s.id.clone() data-status=s.status().to_owned()>
            <td class="cell--check">
                <input type="checkbox" aria-label=format!("Select snapshot {name}") disabled=move || !can_delete || !mine.get()
                    prop:checked=move || selected.with(|sel| sel.contains(&for_check))
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        selected.update(|sel| set_member(sel, id.clone(), on));
                    }/>
            </td>
            <td class="cell--name">
                <a href=routes::snapshot(&s.id)><ApiText text=name.clone() max=CELL_CHARS/></a>
                {description.map(|d| view! { <div class="muted small"><ApiText text=d max=CELL_CHARS/></div> })}
            </td>
            <td><StatusBadge status=s.status().to_owned()/>{stale_note}</td>
            <td class="cell--usage">{progress}</td>
            <td class:col--secondary=Column::Kind.secondary()><Tag text=or_dash(s.snapshot_type.as_deref())/></td>
            <td>{workload}</td>
            <td class:col--secondary=Column::Host.secondary()>{or_dash(s.host.as_deref())}</td>
            <td class="cell--nowrap"><Time value=s.created_at.clone()/></td>
            <td class="cell--actions">
                {other_project}
                {move || (can_cancel && mine.get()).then(|| {
                    view! {
                        <CancelButton snapshot=for_cancel.clone() on_cancel running=cancelling
                            accepted=cancel_accepted class="btn--secondary btn--small" in_list=true/>
                    }
                })}
                {move || (can_delete && mine.get()).then(|| {
                    let subject = subject.clone();
                    view! {
                        <button type="button" class="btn btn--danger-ghost btn--small" aria-label=delete_label.clone()
                            on:click=move |_| on_delete.run(subject.clone())>"Delete"</button>
                    }
                })}
            </td>
        </tr>
    }
}

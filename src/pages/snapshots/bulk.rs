//! Deleting the selected snapshots, one documented DELETE each, with one confirmation.

use super::refresh_one;
use crate::api::snapshots::delete_snapshot;
use crate::api::ApiError;
use crate::components::{use_toasts, ConfirmDialog, Isolated};
use crate::models::Snapshot;
use crate::session::{use_session, with_client};
use leptos::prelude::*;
use std::collections::HashSet;

/// The selection bar and its confirmation; each deleted row is re-read from the server.
#[component]
pub fn BulkDelete(
    rows: RwSignal<Vec<Snapshot>>,
    selected: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let open = RwSignal::new(false);
    let name_of = move |id: &str| {
        let name = rows
            .try_with_untracked(|r| r.iter().find(|s| s.id == id).map(|s| s.label().to_owned()));
        name.flatten().unwrap_or_else(|| id.to_owned())
    };
    // The page may be left while this runs: every signal is touched with `try_`.
    let bulk = Action::new_local(move |ids: &Vec<String>| {
        let ids = ids.clone();
        async move {
            let mut done = 0;
            for id in ids {
                let name = name_of(&id);
                let key = id.clone();
                match with_client(ctx, |c| async move { delete_snapshot(&c, &key).await }).await {
                    Ok(_) => {
                        done += 1;
                        selected.try_update(|s| s.remove(&id));
                        refresh_one(ctx, rows, id).await;
                    }
                    Err(e) => {
                        toasts.error(format!("Could not delete snapshot {}", Isolated(&name)), &e);
                        // A 404 may mean it is gone: the row shows what the server says now.
                        if matches!(e, ApiError::NotFound { .. }) {
                            refresh_one(ctx, rows, id).await;
                        }
                    }
                }
            }
            if done > 0 {
                toasts.success(format!(
                    "Deleting {done} snapshot{}.",
                    if done == 1 { "" } else { "s" }
                ));
            }
            open.try_set(false);
        }
    });
    let count = move || selected.with(HashSet::len);
    let names = move || {
        let sel = selected.get();
        let names: Vec<String> = rows.with(|r| {
            r.iter().filter(|s| sel.contains(&s.id)).map(|s| s.label().to_owned()).collect()
        });
        names.into_iter().map(|n| view! { <li class="mono">{n}</li> }).collect_view()
    };
    let confirm = Callback::new(move |_| {
        if !bulk.pending().get_untracked() {
            bulk.dispatch(selected.get_untracked().into_iter().collect());
        }
    });
    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label="Selection">
                <span>{move || format!("{} selected", count())}</span>
                <button type="button" class="btn btn--danger btn--small" on:click=move |_| open.set(true)>
                    "Delete selected"
                </button>
                <button type="button" class="btn btn--ghost btn--small" on:click=move |_| selected.set(HashSet::new())>
                    "Clear selection"
                </button>
            </div>
        </Show>
        <ConfirmDialog open on_close=Callback::new(move |_| open.set(false))
            title=Signal::derive(move || format!("Delete {} snapshots?", count()))
            confirm_label="Delete snapshots" busy=bulk.pending() danger=true on_confirm=confirm>
            <p>"These snapshots will be deleted. This cannot be undone."</p>
            <ul>{names}</ul>
        </ConfirmDialog>
    }
}

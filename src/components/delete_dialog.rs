//! The one delete confirmation used by every resource: names what goes, repeats the API
//! document's warning, and reports success only once the server has answered.

use super::action::{api_action, dispatch_once};
use super::CopyCurl;
use super::{use_toasts, ConfirmDialog, Isolated};
use crate::api::{ApiError, ApiRequest, Client};
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// What is about to be deleted.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteSubject {
    pub id: String,
    /// How people know it: an export, a type name, a snapshot name.
    pub label: String,
}

/// The API call that deletes one item by id; it returns what to add to the success message.
pub type DeleteFn = fn(Client, String) -> LocalBoxFuture<'static, Result<String, ApiError>>;

#[component]
pub fn DeleteDialog(
    /// `Some` opens the dialog for that item.
    subject: RwSignal<Option<DeleteSubject>>,
    /// "backup target", "target type", "snapshot".
    noun: &'static str,
    /// The danger notice from the API document, shown verbatim.
    #[prop(optional)]
    warning: Option<&'static str>,
    delete: DeleteFn,
    /// The documented request `delete` sends, for "Copy as curl".
    request: fn(&str) -> ApiRequest,
    /// Called with the id once the server has answered for it: deleted, or not found there
    /// (then the caller reloads, and the toast says "not found", never "deleted").
    on_deleted: Callback<String>,
) -> impl IntoView {
    let toasts = use_toasts();
    let action = api_action(
        move |s: &DeleteSubject| format!("Could not delete {noun} {}", Isolated(&s.label)),
        move |client, s: DeleteSubject| async move {
            match delete(client, s.id).await {
                Ok(extra) => Ok(Ok(extra)),
                Err(e @ ApiError::NotFound { .. }) => Ok(Err(e)),
                Err(e) => Err(e),
            }
        },
        move |s, outcome| {
            match outcome {
                Ok(extra) => toasts.success(format!("Deleted {noun} {}.{extra}", Isolated(&s.label))),
                Err(gone) => toasts.error(format!("Could not delete {noun} {}: it was not found there, and the list is reloaded", Isolated(&s.label)), &gone),
            }
            subject.set(None);
            on_deleted.run(s.id);
        },
    );
    // The dialog is open exactly while an item is chosen.
    let open = Signal::derive(move || subject.with(Option::is_some));
    let label = move || subject.with(|s| s.as_ref().map(|s| s.label.clone()).unwrap_or_default());
    let confirm = Callback::new(move |_| {
        if let Some(s) = subject.get_untracked() {
            dispatch_once(action, s);
        }
    });
    view! {
        <ConfirmDialog open on_close=Callback::new(move |_| subject.set(None)) title=format!("Delete {noun}?")
            confirm_label=format!("Delete {noun}") busy=action.pending() danger=true on_confirm=confirm>
            <p>{format!("You are about to delete the {noun} ")}<strong class="mono" dir="auto">{label}</strong>
                ". This cannot be undone."</p>
            {warning.map(|w| view! { <p class="warning" role="note"><strong>"Warning: "</strong>{w}</p> })}
            <CopyCurl request=Signal::derive(move || subject.with(|s| request(s.as_ref().map_or("", |s| s.id.as_str()))))/>
        </ConfirmDialog>
    }
}

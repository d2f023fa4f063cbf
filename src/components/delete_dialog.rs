//! The one delete confirmation used by every resource: names what goes, repeats the API
//! document's warning, and reports success only once the server has answered.

use super::{use_toasts, ConfirmDialog};
use crate::api::{ApiError, Client};
use crate::session::with_client;
use crate::session::use_session;
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
    /// The danger notice from the API document, shown verbatim; empty for none.
    #[prop(optional)]
    warning: &'static str,
    delete: DeleteFn,
    /// Called with the id after the server confirmed.
    on_deleted: Callback<String>,
) -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    // The dialog is open exactly while an item is chosen.
    let open = Signal::derive(move || subject.with(Option::is_some));
    let close = Callback::new(move |_| subject.set(None));
    let action = Action::new_local(move |s: &DeleteSubject| {
        let s = s.clone();
        async move {
            let id = s.id.clone();
            match with_client(ctx, |c| delete(c, id)).await {
                Ok(extra) => {
                    toasts.success(format!("Deleted {noun} {}.{extra}", s.label));
                    subject.set(None);
                    on_deleted.run(s.id);
                }
                Err(e) => toasts.error(format!("Could not delete {noun} {}", s.label), &e),
            }
        }
    });
    let busy = action.pending();
    let label = move || subject.with(|s| s.as_ref().map(|s| s.label.clone()).unwrap_or_default());
    let title = Signal::derive(move || format!("Delete {noun}?"));
    let confirm = Signal::derive(move || format!("Delete {noun}"));
    view! {
        <ConfirmDialog open=open on_close=close title=title confirm_label=confirm busy=busy danger=true
            on_confirm=Callback::new(move |_| {
                if let Some(s) = subject.get_untracked() { action.dispatch(s); }
            })>
            <p>{format!("You are about to delete the {noun} ")}<strong class="mono">{label}</strong>". This cannot be undone."</p>
            {(!warning.is_empty()).then(|| view! {
                <p class="warning" role="note"><strong>"Warning: "</strong>{warning}</p>
            })}
        </ConfirmDialog>
    }
}

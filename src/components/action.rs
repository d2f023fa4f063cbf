//! The one way a page changes something on the server.

use super::use_toasts;
use crate::api::{ApiError, Client};
use crate::session::{use_session, with_client};
use leptos::prelude::*;
use std::future::Future;
use std::rc::Rc;

/// The result every mutation keeps in its action's `value()`.
pub type ApiAction<I, O> = Action<I, Result<O, ApiError>>;

/// An API mutation. `call` runs with the session's client; a failure is announced with
/// `failed(input)` as its context and stays in the action's value for a form to show (see
/// [`failure_of`]); what follows success (toast, navigate, refetch) is `on_done`, which runs
/// only while the page that asked is still there. Mutations are never retried.
pub fn api_action<I, O, F, Fut>(
    failed: impl Fn(&I) -> String + 'static,
    call: F,
    on_done: impl Fn(I, O) + Send + Sync + 'static,
) -> ApiAction<I, O>
where
    I: Clone + 'static,
    O: Clone + 'static,
    F: Fn(Client, I) -> Fut + 'static,
    Fut: Future<Output = Result<O, ApiError>> + 'static,
{
    let ctx = use_session();
    let toasts = use_toasts();
    // Owned by the page: disposed with it, so `try_run` skips it once the page is gone.
    let on_done = Callback::new(move |(input, output): (I, O)| on_done(input, output));
    let failed = Rc::new(failed);
    Action::new_local(move |input: &I| {
        let input = input.clone();
        let request = with_client(ctx, |client| call(client, input.clone()));
        let failed = failed.clone();
        async move {
            let result = request.await;
            match &result {
                Ok(output) => {
                    on_done.try_run((input, output.clone()));
                }
                Err(e) => {
                    toasts.error(failed(&input), e);
                    // The change may have happened: what the page shows is reloaded.
                    if matches!(e, ApiError::OutcomeUnknown { .. }) {
                        ctx.epoch.try_update(|n| *n += 1);
                    }
                }
            }
            result
        }
    })
}

/// Sends `input` unless the action is already running: a double click sends one request.
pub fn dispatch_once<I: Send + Sync + 'static, O: Send + Sync + 'static>(
    action: ApiAction<I, O>,
    input: I,
) {
    if !action.pending().get_untracked() {
        action.dispatch(input);
    }
}

/// The error of the last attempt, hidden while a new attempt runs: what a form shows.
pub fn failure_of<I, O>(action: ApiAction<I, O>) -> Signal<Option<ApiError>>
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        if action.pending().get() {
            return None;
        }
        action.value().with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()))
    })
}

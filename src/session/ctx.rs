//! The session as the app sees it, shared through context: signing in and out, and the
//! re-authentication that a 401 or an expired token asks for.

use super::{clear, load, save, Session};
use crate::api::{ApiError, Client};
use futures::future::{ready, Either, Ready};
use leptos::prelude::*;
use std::future::Future;

#[derive(Clone, Copy)]
pub struct SessionCtx {
    pub session: RwSignal<Option<Session>>,
    /// Why the user was signed out, shown on the login page.
    pub notice: RwSignal<Option<String>>,
    /// Why the current page needs a new sign-in (401, expiry); the dialog shows while set.
    pub reauth: RwSignal<Option<String>>,
    /// Bumped when the project (or endpoint) changes under a page: what pages load is keyed on it.
    pub epoch: RwSignal<u64>,
    /// Bumped when the token is renewed for the same project. Only what failed for want of a
    /// valid token loads again: the rest stays, and so do the forms built on it.
    pub renewed: RwSignal<u64>,
}

impl SessionCtx {
    pub fn new() -> Self {
        Self {
            session: RwSignal::new(load()),
            notice: RwSignal::new(None),
            reauth: RwSignal::new(None),
            epoch: RwSignal::new(0),
            renewed: RwSignal::new(0),
        }
    }

    pub fn provide() -> Self {
        let ctx = Self::new();
        provide_context(ctx);
        ctx
    }

    pub fn sign_in(&self, session: Session) {
        save(&session);
        self.notice.set(None);
        self.reauth.set(None);
        self.session.set(Some(session));
    }

    /// A renewed token, or another project: the page stays. Another project reloads all it
    /// shows; a renewed token only what it could not load.
    pub fn replace(&self, session: Session) {
        let renewal = self
            .session
            .with_untracked(|current| current.as_ref().is_some_and(|c| c.same_scope(&session)));
        save(&session);
        self.reauth.set(None);
        self.session.set(Some(session));
        let counter = if renewal { self.renewed } else { self.epoch };
        counter.update(|n| *n += 1);
    }

    pub fn sign_out(&self, notice: Option<String>) {
        clear();
        self.notice.set(notice);
        self.reauth.set(None);
        self.session.set(None);
    }

    /// Asks for a new sign-in over the current page (the page keeps what was typed).
    pub fn require_reauth(&self, reason: &str) {
        if self.reauth.try_with_untracked(Option::is_none).unwrap_or(false) {
            self.reauth.try_set(Some(reason.to_owned()));
        }
    }

    pub fn is_signed_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    /// A client for the current session: a 401 asks for a new sign-in. While one is asked
    /// for, nothing is sent (the token is known to be bad).
    pub fn client(&self) -> Option<Client> {
        if self.reauth.try_with_untracked(Option::is_some).unwrap_or(false) {
            return None;
        }
        let ctx = *self;
        self.session.try_with_untracked(|s| {
            s.as_ref().map(|s| {
                s.client().with_unauthorized_handler(move |expired| {
                    ctx.require_reauth(if expired {
                        "Your session has expired."
                    } else {
                        "The API no longer accepts your session (HTTP 401): it may have expired or been revoked."
                    })
                })
            })
        })?
    }
}

impl Default for SessionCtx {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_session() -> SessionCtx {
    expect_context::<SessionCtx>()
}

/// The error when a call cannot be sent: nobody is signed in, or a new sign-in is pending.
fn not_sent_error() -> ApiError {
    ApiError::Unauthorized {
        message: "Not sent: sign in again to continue.".to_owned(),
        request_id: None,
    }
}

/// One API call with the current session's client. The client is taken now, not when the
/// future is first polled, so the future owns all it needs; with no usable session it fails
/// at once without sending.
pub fn with_client<T, F, Fut>(ctx: SessionCtx, call: F) -> Either<Fut, Ready<Result<T, ApiError>>>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    match ctx.client() {
        Some(client) => Either::Left(call(client)),
        None => Either::Right(ready(Err(not_sent_error()))),
    }
}

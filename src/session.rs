//! The signed-in session: token, project, endpoint. It lives in `sessionStorage` (gone when
//! the tab closes) and in one reactive signal; nowhere else.

use crate::api::{ApiError, Client, Secret};
use futures::future::{ready, Either, Ready};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::future::Future;

pub const STORAGE_KEY: &str = "wlm-console.session";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub endpoint: String,
    pub project_id: String,
    pub token: Secret,
    /// When the token expires, where known (ISO 8601, UTC).
    #[serde(default)]
    pub expires_at: Option<String>,
}

impl Session {
    pub fn client(&self) -> Client {
        Client::new(&self.endpoint, &self.project_id, &self.token)
    }
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.expires_at
            .as_deref()
            .and_then(crate::format::api_time_millis)
            .is_some_and(|at| at <= now_ms)
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The stored session; a missing, unreadable or expired one is `None`.
pub fn load() -> Option<Session> {
    let text = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    let session: Session = serde_json::from_str(&text).ok()?;
    if session.is_expired(js_sys::Date::now()) {
        clear();
        return None;
    }
    Some(session)
}

pub fn save(session: &Session) {
    if let (Some(store), Ok(text)) = (storage(), serde_json::to_string(session)) {
        let _ = store.set_item(STORAGE_KEY, &text);
    }
}

pub fn clear() {
    if let Some(store) = storage() {
        let _ = store.remove_item(STORAGE_KEY);
    }
}

/// The session as the app sees it, shared through context.
#[derive(Clone, Copy)]
pub struct SessionCtx {
    pub session: RwSignal<Option<Session>>,
    /// Why the user was signed out, shown on the login page.
    pub notice: RwSignal<Option<String>>,
}

impl SessionCtx {
    pub fn new() -> Self {
        Self { session: RwSignal::new(load()), notice: RwSignal::new(None) }
    }

    pub fn provide() -> Self {
        let ctx = Self::new();
        provide_context(ctx);
        ctx
    }

    pub fn sign_in(&self, session: Session) {
        save(&session);
        self.notice.set(None);
        self.session.set(Some(session));
    }

    pub fn sign_out(&self, notice: Option<String>) {
        clear();
        self.notice.set(notice);
        self.session.set(None);
    }

    pub fn is_signed_in(&self) -> bool {
        self.session.with(Option::is_some)
    }

    /// A client for the current session that signs out on any 401.
    pub fn client(&self) -> Option<Client> {
        let ctx = *self;
        self.session.with_untracked(|s| {
            s.as_ref().map(|s| {
                s.client().with_unauthorized_handler(move || {
                    ctx.sign_out(Some(
                        "Your session has ended: the API rejected the token (HTTP 401). Sign in again to continue."
                            .to_owned(),
                    ))
                })
            })
        })
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

/// The error returned when a page needs the API but nobody is signed in.
fn signed_out_error() -> crate::api::ApiError {
    crate::api::ApiError::Unauthorized {
        message: "You are not signed in.".to_owned(),
        request_id: None,
    }
}

/// One API call with the current session's client. The client is taken now, not when the
/// future is first polled, so the future owns all it needs; with no session it fails as
/// signed out.
pub fn with_client<T, F, Fut>(ctx: SessionCtx, call: F) -> Either<Fut, Ready<Result<T, ApiError>>>
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    match ctx.client() {
        Some(client) => Either::Left(call(client)),
        None => Either::Right(ready(Err(signed_out_error()))),
    }
}

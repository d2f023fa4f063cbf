//! The one way a page loads from the API.

use crate::api::{ApiError, Client};
use crate::session::{use_session, with_client};
use leptos::prelude::*;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// Loads with the session's client, again whenever what `key` reads changes, when the session
/// is renewed or moves to another project, and on `refetch`. Show it with a `Loader`.
pub fn api_resource<K, T, Fut>(
    key: impl Fn() -> K + 'static,
    load: impl Fn(Client, K) -> Fut + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    K: 'static,
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let ctx = use_session();
    // `key` runs inside the resource's closure, so what it reads is tracked.
    let resource = LocalResource::new(move || {
        ctx.epoch.track();
        with_client(ctx, |client| load(client, key()))
    });
    // A renewed token mends a 401 (or a read not sent while sign-in was asked for), nothing
    // else: what loaded stays on screen as it is.
    Effect::watch(
        move || ctx.renewed.get(),
        move |_, _, _| {
            let refused = resource
                .try_with_untracked(|r| matches!(r, Some(Err(ApiError::Unauthorized { .. }))));
            if refused == Some(true) {
                resource.refetch();
            }
        },
        false,
    );
    resource
}

/// A large answer handed once from a resource to the signal that owns it from then on: a
/// resource's value is cloned by every reader, and 100,000 rows must exist only once.
pub struct Handoff<T>(Arc<Mutex<Option<T>>>);

impl<T> Handoff<T> {
    pub fn new(value: T) -> Self {
        Self(Arc::new(Mutex::new(Some(value))))
    }

    /// The value, the first time only.
    pub fn take(&self) -> Option<T> {
        self.0.lock().ok()?.take()
    }
}

impl<T> Clone for Handoff<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Handoff<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

//! The one way a page loads from the API.

use crate::api::{ApiError, Client};
use crate::session::{use_session, with_client};
use leptos::prelude::*;
use std::future::Future;

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
    LocalResource::new(move || {
        ctx.epoch.track();
        with_client(ctx, |client| load(client, key()))
    })
}

//! The one way a page loads from the API.

use crate::api::{ApiError, Client};
use crate::session::{use_session, with_client};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

/// The open page's reads (`api_resource`s) on their way: its Refresh says "Refreshing…" until
/// they are all in, and the page says it is updating while one started after its first reads
/// were answered.
#[derive(Clone, Copy)]
pub struct PageReads {
    in_flight: RwSignal<u32>,
    /// The page's first reads have all been answered: what it shows came from the server.
    settled: RwSignal<bool>,
}

impl PageReads {
    fn new() -> Self {
        PageReads { in_flight: RwSignal::new(0), settled: RwSignal::new(false) }
    }

    /// For the page being built under the current owner (`routes`' page outlet).
    pub fn provide() -> Self {
        let reads = PageReads::new();
        provide_context(reads);
        reads
    }

    /// The open page's; outside a page (a component mounted alone), a count of its own.
    pub fn of_page() -> Self {
        use_context().unwrap_or_else(PageReads::new)
    }

    pub fn in_flight(self) -> u32 {
        self.in_flight.get()
    }

    /// A read is on its way for a page already drawn from the server's answers (Refresh, new
    /// filters, a read tried again), not the page's first.
    pub fn updating(self) -> bool {
        self.settled.get() && self.in_flight.get() > 0
    }

    /// Counts a read until the guard goes (answered, failed or dropped for a newer one).
    fn start(self) -> ReadInFlight {
        self.in_flight.try_update(|n| *n += 1);
        ReadInFlight(self)
    }
}

struct ReadInFlight(PageReads);

impl Drop for ReadInFlight {
    fn drop(&mut self) {
        let reads = self.0;
        let left = reads.in_flight.try_update(|n| {
            *n = n.saturating_sub(1);
            *n
        });
        if left == Some(0) && reads.settled.try_get_untracked() == Some(false) {
            reads.settled.try_set(true);
        }
    }
}

/// A read, counted while it lasts (a plain wrapper rather than an `async` block: one small
/// `poll` per type of read).
struct Counted<F> {
    read: Pin<Box<F>>,
    _in_flight: ReadInFlight,
}

impl<F: Future> Future for Counted<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        self.read.as_mut().poll(cx)
    }
}

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
    let reads = PageReads::of_page();
    // `key` runs inside the resource's closure, so what it reads is tracked.
    let resource = LocalResource::new(move || {
        ctx.epoch.track();
        let _in_flight = reads.start();
        Counted { read: Box::pin(with_client(ctx, |client| load(client, key()))), _in_flight }
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

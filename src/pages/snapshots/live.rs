//! What a polling page says about its updates.

use super::poller::PollStatus;
use crate::components::Isolated;
use leptos::prelude::*;

/// "Could not refresh" with the error and its request id, once polling `id` keeps failing.
#[component]
pub fn StaleNotice(status: PollStatus, #[prop(into)] id: String) -> impl IntoView {
    move || {
        let error = status.stale.with(|m| m.get(&id).cloned())?;
        let request =
            error.request_id().map(|r| format!(" (request {})", Isolated(r))).unwrap_or_default();
        let message = Isolated(&error.message());
        let text = format!("Could not be refreshed: {} — {message}{request}", error.title());
        Some(view! { <p class="stale-notice" role="status">{text}</p> })
    }
}

/// The live indicator of a page that polls.
#[component]
pub fn LiveIndicator(status: PollStatus, following: &'static str) -> impl IntoView {
    let trouble = move || status.stale.with(|s| !s.is_empty());
    view! {
        <span class="live-indicator" class:live-indicator--trouble=trouble aria-live="polite">
            {move || describe(status, following)}
        </span>
    }
}

/// The live indicator's words: never "live" while updates fail.
fn describe(status: PollStatus, following: &str) -> String {
    status.stale.with(|stale| match stale.values().next() {
        Some(e) => {
            let id =
                e.request_id().map(|r| format!(", request {}", Isolated(r))).unwrap_or_default();
            let n = stale.len();
            let what = if n == 1 { "1 snapshot".to_owned() } else { format!("{n} snapshots") };
            format!("⚠ Not updating {what}: {}{id}. Retrying.", e.title())
        }
        None if status.active.get() => following.to_owned(),
        None => String::new(),
    })
}

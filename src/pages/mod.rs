//! One folder per area; each page loads through the session's client.

pub mod backup_targets;
pub mod login;
pub mod not_found;
pub mod snapshots;
pub mod target_types;

pub use crate::session::with_client;
use leptos::prelude::*;

/// The loading placeholder every page shows first.
#[component]
pub fn Loading(#[prop(into, default = "Loading…".to_owned())] text: String) -> impl IntoView {
    view! { <p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{text}</p> }
}

/// A timestamp from the API in the browser's zone, with the UTC original on hover.
#[component]
pub fn Time(#[prop(into)] value: Option<String>) -> impl IntoView {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(raw) => {
            let shown = crate::format::local_time(&raw);
            view! { <time datetime=format!("{}Z", raw.trim_end_matches('Z')) title=format!("{raw} UTC")>{shown}</time> }.into_any()
        }
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

/// "Nothing here" with what to do next.
#[component]
pub fn EmptyState(#[prop(into)] title: String, #[prop(into)] hint: String, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state__title">{title}</p>
            <p class="empty-state__hint">{hint}</p>
            {children.map(|c| c())}
        </div>
    }
}

/// A definition list row; a plain function so its value is built in place.
pub fn field(label: &str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="props__row">
            <dt class="props__label">{label.to_owned()}</dt>
            <dd class="props__value">{value}</dd>
        </div>
    }
}

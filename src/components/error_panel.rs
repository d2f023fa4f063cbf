use crate::api::ApiError;
use leptos::prelude::*;

/// An API failure with everything an operator needs to report it: what happened, the
/// HTTP status, the server's message and the request id.
#[component]
pub fn ErrorPanel(
    error: ApiError,
    /// Shown above the details, e.g. "Could not load backup targets".
    #[prop(into, optional)]
    context: MaybeProp<String>,
    /// Offers "Try again" when given.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let title = match context.get_untracked() {
        Some(c) => format!("{c}: {}", error.title()),
        None => error.title(),
    };
    let request_id = error.request_id().map(str::to_owned);
    view! { <ProblemPanel title message=error.message() request_id on_retry/> }
}

/// A problem, said where it happened: a title, the details, the request id to quote, and a way
/// to try again. Announced when it appears.
#[component]
pub fn ProblemPanel(
    #[prop(into, optional)] title: MaybeProp<String>,
    /// May come from the server: isolated for direction.
    #[prop(into)]
    message: String,
    #[prop(into, optional)] request_id: MaybeProp<String>,
    /// Offers "Try again" when given.
    #[prop(optional_no_strip)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="error-panel" role="alert">
            {title.get_untracked().map(|t| view! { <p class="error-panel__title">{t}</p> })}
            <p class="error-panel__message" dir="auto">{message}</p>
            {request_id.get_untracked().map(|id| view! { <p class="error-panel__meta">"Request ID: " <code>{id}</code></p> })}
            {on_retry.map(|cb| view! {
                <button type="button" class="btn btn--secondary" on:click=move |_| cb.run(())>"Try again"</button>
            })}
        </div>
    }
}

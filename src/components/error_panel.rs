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
    let request_id = error.request_id().map(str::to_owned);
    let heading = match context.get_untracked() {
        Some(c) => format!("{c}: {}", error.title()),
        None => error.title(),
    };
    view! {
        <div class="error-panel" role="alert">
            <p class="error-panel__title">{heading}</p>
            <p class="error-panel__message" dir="auto">{error.message()}</p>
            {request_id.map(|id| view! { <p class="error-panel__meta">"Request ID: " <code>{id}</code></p> })}
            {on_retry.map(|cb| view! {
                <button type="button" class="btn btn--secondary" on:click=move |_| cb.run(())>"Try again"</button>
            })}
        </div>
    }
}

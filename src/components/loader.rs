//! The one way a page shows what it loads: the loading line, the error with Retry, or the data.

use super::focus::FocusedControl;
use super::ErrorPanel;
use crate::api::ApiError;
use leptos::either::Either;
use leptos::prelude::*;
use std::sync::Arc;

/// Shows `resource` as it loads: "Loading…", then `children` with the data, or the error
/// with a Retry that fetches again. While it reloads, the last view stays on screen; focus in
/// it goes to the same control in the new one.
#[component]
pub fn Loader<T, V, F>(
    resource: LocalResource<Result<T, ApiError>>,
    /// What is loading, e.g. "Loading backup targets…".
    #[prop(into)]
    loading: String,
    /// What failed, e.g. "Could not load backup targets".
    #[prop(into)]
    failure: String,
    children: F,
) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    FocusedControl::follow();
    let children = Arc::new(children);
    let failure = Arc::new(failure);
    let retry = Callback::new(move |_| resource.refetch());
    view! {
        <Transition fallback=move || view! { <Loading text=loading.clone()/> }>
            {move || {
                let (children, failure) = (children.clone(), failure.clone());
                Suspend::new(async move {
                    let read = resource.await;
                    // What held focus in the view being replaced goes with it.
                    if let Some(focused) = FocusedControl::now() {
                        focused.restore_when_drawn();
                    }
                    match read {
                        Ok(data) => Either::Left(children(data)),
                        Err(error) => Either::Right(view! {
                            <ErrorPanel error context=failure.as_str().to_owned() on_retry=retry/>
                        }),
                    }
                })
            }}
        </Transition>
    }
}

/// The loading placeholder.
#[component]
pub fn Loading(#[prop(into, default = "Loading…".to_owned())] text: String) -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>{text}
        </p>
    }
}

/// "Nothing here" with what to do next.
#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    #[prop(into)] hint: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state">
            <p class="empty-state__title">{title}</p>
            <p class="empty-state__hint">{hint}</p>
            {children.map(|c| c())}
        </div>
    }
}

//! Announcements of success and failure, as a provider plus a typed context.

use super::Isolated;
use crate::api::ApiError;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub ok: bool,
    pub text: String,
    pub request_id: Option<String>,
}

/// The toast queue; get it with [`use_toasts`].
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: RwSignal<u64>,
}

impl Toasts {
    pub fn provide() -> Self {
        let t = Self { items: RwSignal::new(Vec::new()), next: RwSignal::new(1) };
        provide_context(t);
        t
    }

    fn push(&self, ok: bool, text: String, request_id: Option<String>) {
        let id = self.next.get_untracked();
        self.next.set(id + 1);
        self.items.update(|list| {
            list.push(Toast { id, ok, text, request_id });
            // Keep the region short for screen readers and eyes alike.
            if list.len() > 4 {
                list.remove(0);
            }
        });
        let items = self.items;
        let ms = if ok { 6_000 } else { 15_000 };
        set_timeout(
            move || items.try_update(|l| l.retain(|t| t.id != id)).unwrap_or(()),
            std::time::Duration::from_millis(ms),
        );
    }

    pub fn success(&self, text: impl Into<String>) {
        self.push(true, text.into(), None);
    }

    pub fn error(&self, what: impl Into<String>, err: &ApiError) {
        let text = format!("{}: {} — {}", what.into(), err.title(), Isolated(&err.message()));
        self.push(false, text, err.request_id().map(str::to_owned));
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|l| l.retain(|t| t.id != id));
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}

/// Where toasts appear; polite for successes, assertive for failures.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    let list = move |ok: bool| {
        view! {
            <For each=move || toasts.items.get().into_iter().filter(move |t| t.ok == ok) key=|t| t.id let:toast>
                <div class=if toast.ok { "toast toast--ok" } else { "toast toast--error" }>
                    <span class="toast__text">
                        <strong>{if toast.ok { "Done: " } else { "Failed: " }}</strong>
                        {toast.text.clone()}
                        {toast.request_id.clone().map(|id| view! { <span class="toast__meta">" Request ID: " <code>{id}</code></span> })}
                    </span>
                    <button type="button" class="toast__close" aria-label="Dismiss notification"
                        on:click=move |_| toasts.dismiss(toast.id)>"×"</button>
                </div>
            </For>
        }
    };
    view! {
        <div class="toasts">
            <div role="status" aria-live="polite" class="toasts__stack">{list(true)}</div>
            <div role="alert" aria-live="assertive" class="toasts__stack">{list(false)}</div>
        </div>
    }
}

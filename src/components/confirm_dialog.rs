use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal confirmation on the native `<dialog>`: the rest of the page is inert while it is
/// open (focus stays inside), Escape closes it, and focus returns where it was.
#[component]
pub fn ConfirmDialog(
    /// Whether the dialog is open; the caller owns this state.
    #[prop(into)]
    open: Signal<bool>,
    /// The user dismissed it (Cancel, Escape): the caller clears its state.
    on_close: Callback<()>,
    #[prop(into)] title: Signal<String>,
    /// Label of the confirming button, e.g. "Delete target".
    #[prop(into)]
    confirm_label: Signal<String>,
    /// While true the buttons are disabled and the confirm button says so.
    #[prop(into)]
    busy: Signal<bool>,
    on_confirm: Callback<()>,
    /// Styles the confirm button as destructive.
    #[prop(optional)]
    danger: bool,
    /// Label of the dismissing button; "Cancel" unless the question needs plainer words.
    #[prop(optional)]
    cancel_label: Option<&'static str>,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() {
            if !el.open() {
                let _ = el.show_modal();
            }
        } else if el.open() {
            el.close();
        }
    });
    let title_id = format!("dialog-title-{}", next_id());
    let labelled_by = title_id.clone();
    let confirm_class = if danger { "btn btn--danger" } else { "btn btn--primary" };
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby=labelled_by
            on:cancel=move |ev: web_sys::Event| {
                // Escape: close unless a request is running.
                ev.prevent_default();
                if !busy.get_untracked() { on_close.run(()); }
            }
            // Closed by the browser rather than by `open` turning false. The event comes a task
            // after the close: a dialog opened again meanwhile (Stay, then Back at once) is open.
            on:close=move |_| {
                let closed = dialog.get_untracked().is_some_and(|d| !d.open());
                if closed && open.get_untracked() { on_close.run(()) }
            }
        >
            <h2 class="dialog__title" id=title_id>{move || title.get()}</h2>
            <div class="dialog__body">{children()}</div>
            <div class="dialog__actions">
                <button type="button" class="btn btn--secondary" disabled=move || busy.get()
                    on:click=move |_| on_close.run(())>{cancel_label.unwrap_or("Cancel")}</button>
                <button type="button" class=confirm_class disabled=move || busy.get() aria-busy=move || busy.get().to_string()
                    on:click=move |_| on_confirm.run(())>
                    {move || if busy.get() { "Working…".to_owned() } else { confirm_label.get() }}
                </button>
            </div>
        </dialog>
    }
}

/// Unique ids for label/aria wiring.
pub fn next_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

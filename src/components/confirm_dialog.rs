use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal confirmation on the native `<dialog>`: the rest of the page is inert while it is
/// open (focus stays inside), Escape closes it, and focus returns where it was.
#[component]
pub fn ConfirmDialog(
    /// Opens and closes the dialog.
    open: RwSignal<bool>,
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
                if !busy.get_untracked() { open.set(false); }
            }
            on:close=move |_| open.set(false)
        >
            <h2 class="dialog__title" id=title_id>{move || title.get()}</h2>
            <div class="dialog__body">{children()}</div>
            <div class="dialog__actions">
                <button type="button" class="btn btn--secondary" disabled=move || busy.get()
                    on:click=move |_| open.set(false)>"Cancel"</button>
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

//! A page's Refresh: reads the page again and says so until the answers are in.

use super::resource::PageReads;
use leptos::prelude::*;

/// Asks for the page's reads again (`on_refresh`). From the click until the page's reads are
/// all answered it says "Refreshing…" and takes no second click; then it announces the end (an
/// answer that failed shows its error where the data was). A slow one is announced by the page
/// ("Updating…", `routes::PageOutlet`), not twice.
#[component]
pub fn RefreshButton(on_refresh: Callback<()>) -> impl IntoView {
    let reads = PageReads::of_page();
    // Set by a click, cleared once the reads it started are in: a reload the admin did not ask
    // for (new filters) leaves the button as it is.
    let asked = RwSignal::new(false);
    let finished = RwSignal::new(false);
    let busy = move || asked.get() && reads.in_flight() > 0;
    Effect::new(move |_| {
        if reads.in_flight() == 0 && asked.get_untracked() {
            asked.set(false);
            finished.set(true);
        }
    });
    let click = move |_| {
        if busy() {
            return;
        }
        finished.set(false);
        asked.set(true);
        on_refresh.run(());
    };
    let announced = move || if finished.get() && !busy() { "Refresh finished" } else { "" };
    view! {
        <button type="button" class="btn btn--secondary" aria-disabled=move || busy().then_some("true")
            on:click=click>
            <span class="spinner spinner--small" aria-hidden="true" hidden=move || !busy()></span>
            {move || if busy() { "Refreshing…" } else { "Refresh" }}
        </button>
        <span class="visually-hidden" role="status">{announced}</span>
    }
}

//! Pages of a long table: a page-size choice and First / Previous / Next / Last, so every row
//! stays reachable while only one page is in the document.

use leptos::prelude::*;
use std::ops::Range;

/// The page sizes an admin can choose from.
pub const PAGE_SIZES: &[usize] = &[25, 50, 100, 250, 500];
pub const DEFAULT_PAGE_SIZE: usize = 25;

/// Which page is shown and how long pages are.
#[derive(Clone, Copy)]
pub struct Paging {
    /// From 0; clamped to the last page when the list shrinks.
    pub page: RwSignal<usize>,
    pub size: RwSignal<usize>,
}

/// How many pages `total` rows make (at least one, for the empty list).
pub fn page_count(total: usize, size: usize) -> usize {
    total.div_ceil(size.max(1)).max(1)
}

/// The rows of page `page` (clamped to the last one) of `total` rows.
pub fn page_range(total: usize, size: usize, page: usize) -> Range<usize> {
    let size = size.max(1);
    let page = page.min(page_count(total, size) - 1);
    let start = page * size;
    start..(start + size).min(total)
}

impl Paging {
    pub fn new() -> Self {
        Self { page: RwSignal::new(0), size: RwSignal::new(DEFAULT_PAGE_SIZE) }
    }

    /// The rows to show of `total`, tracked.
    pub fn range(&self, total: usize) -> Range<usize> {
        page_range(total, self.size.get(), self.page.get())
    }
}

impl Default for Paging {
    fn default() -> Self {
        Self::new()
    }
}

/// Where to go: the four buttons.
#[derive(Clone, Copy)]
enum Step {
    First,
    Previous,
    Next,
    Last,
}

/// The page controls under a table of `total` rows (after search).
#[component]
pub fn Pager(
    paging: Paging,
    #[prop(into)] total: Signal<usize>,
    /// What the rows are, for the control's name: "snapshots".
    noun: &'static str,
) -> impl IntoView {
    let pages = move || page_count(total.get(), paging.size.get());
    let current = move || paging.page.get().min(pages() - 1);
    let button = move |step: Step| {
        let (text, label) = match step {
            Step::First => ("First", "First page"),
            Step::Previous => ("Previous", "Previous page"),
            Step::Next => ("Next", "Next page"),
            Step::Last => ("Last", "Last page"),
        };
        let target = move || match step {
            Step::First => 0,
            Step::Previous => current().saturating_sub(1),
            Step::Next => (current() + 1).min(pages() - 1),
            Step::Last => pages() - 1,
        };
        view! {
            <button type="button" class="btn btn--secondary btn--small" aria-label=label
                disabled=move || target() == current() on:click=move |_| paging.page.set(target())>{text}</button>
        }
    };
    let status = move || {
        let range = paging.range(total.get());
        let (first, last) = (range.start + usize::from(!range.is_empty()), range.end);
        format!("Page {} of {} (rows {first}–{last})", current() + 1, pages())
    };
    let choose = move |ev: leptos::ev::Event| {
        let size = event_target_value(&ev).parse().unwrap_or(DEFAULT_PAGE_SIZE);
        // The first row of the page stays in view.
        let first = paging.page.get_untracked() * paging.size.get_untracked();
        paging.size.set(size);
        paging.page.set(first / size);
    };
    let size_option = move |size: &usize| {
        let size = *size;
        view! { <option value=size.to_string() selected=move || paging.size.get() == size>{size}</option> }
    };
    view! {
        <nav class="pager" aria-label=format!("Pages of {noun}")>
            <label class="pager__size">"Rows per page "
                <select on:change=choose>{PAGE_SIZES.iter().map(size_option).collect_view()}</select>
            </label>
            <Show when=move || { pages() > 1 }>
                {button(Step::First)}{button(Step::Previous)}
                <span class="pager__status" aria-live="polite">{status}</span>
                {button(Step::Next)}{button(Step::Last)}
            </Show>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_is_on_exactly_one_page_and_a_shrunken_list_shows_its_last_page() {
        assert_eq!(page_count(0, 100), 1);
        assert_eq!(page_count(100_000, 100), 1_000);
        assert_eq!(page_count(101, 100), 2);
        assert_eq!(page_range(101, 100, 1), 100..101);
        assert_eq!(page_range(101, 100, 7), 100..101, "past the end: the last page");
        assert_eq!(page_range(0, 100, 3), 0..0);
        let covered: usize =
            (0..page_count(1234, 250)).map(|p| page_range(1234, 250, p).len()).sum();
        assert_eq!(covered, 1234);
    }
}

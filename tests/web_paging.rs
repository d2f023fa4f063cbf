//! The snapshot table in a real DOM with more rows than a page: every row reachable by paging,
//! and a search starts again from the first page.

#![cfg(target_arch = "wasm32")]

mod support;

use leptos::mount::mount_to;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Duration;
use support::*;
use wasm_bindgen_test::*;
use wlm_console::components::Paging;
use wlm_console::models::Snapshot;
use wlm_console::pages::snapshots::SnapshotsTable;

wasm_bindgen_test_configure!(run_in_browser);

fn snapshots(n: usize) -> Vec<Snapshot> {
    (0..n)
        .map(|i| Snapshot {
            id: format!("id-{i:03}"),
            name: Some(format!("nightly-{i:03}")),
            status: Some("available".into()),
            created_at: Some(format!("2026-01-01T00:{:02}:{:02}.000000", i / 60, i % 60)),
            ..Default::default()
        })
        .collect()
}

fn shown_ids(root: &web_sys::Element) -> Vec<String> {
    find_all(root, "tbody tr[data-snapshot-id]")
        .iter()
        .filter_map(|r| r.get_attribute("data-snapshot-id"))
        .collect()
}

#[wasm_bindgen_test]
async fn every_row_is_on_one_page_newest_first_and_a_search_starts_at_page_one() {
    let root = container();
    let rows = RwSignal::new(snapshots(120));
    let search = RwSignal::new(String::new());
    let _handle = mount_to(root.clone(), move || {
        view! {
            <SnapshotsTable rows search workload_names=HashMap::new() selected=RwSignal::new(HashSet::new())
                on_cancel=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    });
    settle().await;
    let mut seen = Vec::new();
    let first = shown_ids(&root);
    assert_eq!(first.len(), 25, "one page of the default size");
    assert_eq!(first[0], "id-119", "newest first");
    assert!(text(&root).contains("Page 1 of 5 (rows 1–25)"), "{}", text(&root));
    seen.extend(first);
    for _ in 0..4 {
        click(&root, "button[aria-label='Next page']");
        settle().await;
        seen.extend(shown_ids(&root));
    }
    assert!(text(&root).contains("Page 5 of 5 (rows 101–120)"));
    let distinct: HashSet<&String> = seen.iter().collect();
    assert_eq!((seen.len(), distinct.len()), (120, 120), "each row once, none missed");
    search.set("nightly-00".into());
    settle().await;
    assert_eq!(shown_ids(&root).len(), 10, "the search's rows, from the first page");
    assert!(find_all(&root, "button[aria-label='Next page']").is_empty(), "one page: no buttons");
}

#[wasm_bindgen_test]
async fn a_long_page_is_drawn_a_few_rows_a_task_then_whole() {
    let root = container();
    let rows = RwSignal::new(snapshots(600));
    let paging = Paging::new();
    paging.size.set(500);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <SnapshotsTable rows search=String::new() workload_names=HashMap::new() paging
                selected=RwSignal::new(HashSet::new()) on_cancel=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    });
    let whole = |want: usize| {
        let root = root.clone();
        async move {
            for _ in 0..200 {
                if shown_ids(&root).len() == want {
                    return shown_ids(&root);
                }
                gloo_timers::future::sleep(Duration::from_millis(10)).await;
            }
            panic!("{} rows drawn, not {want}", shown_ids(&root).len());
        }
    };
    for (page, want, newest) in [(0, 500, "id-599"), (1, 100, "id-099")] {
        paging.page.set(page);
        leptos::task::tick().await;
        let first = shown_ids(&root);
        assert!(
            !first.is_empty() && first.len() < want,
            "page {page}: the first task draws {} rows",
            first.len()
        );
        assert!(
            text(&root).contains(&format!("Showing {want} of 600 snapshots")),
            "the count is the page's"
        );
        let drawn = whole(want).await;
        assert_eq!(drawn[0], newest, "newest first");
        assert_eq!(drawn.iter().collect::<HashSet<_>>().len(), want, "each row once");
    }
}

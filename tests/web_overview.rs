//! The overview's arithmetic in the browser's own wasm (estimates, stall warnings, coverage
//! ages, CSV escaping), and the "Running now" cards that show it.

#![cfg(target_arch = "wasm32")]

mod support;

use leptos::mount::mount_to;
use leptos::prelude::*;
use support::*;
use wasm_bindgen_test::*;
use wlm_console::app::Providers;
use wlm_console::format::{api_time_millis, api_time_text, now_ms};
use wlm_console::models::coverage::coverage;
use wlm_console::models::csv::{csv_cell, csv_text};
use wlm_console::models::overview::Thresholds;
use wlm_console::models::progress_track::ProgressTrack;
use wlm_console::models::{Snapshot, Workload};
use wlm_console::pages::overview::RunningNow;
use wlm_console::routes::Router;

wasm_bindgen_test_configure!(run_in_browser);

const MIN: f64 = 60_000.0;

fn near(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1.0)
}

#[wasm_bindgen_test]
fn rising_progress_estimates_the_end_and_counts_down() {
    let mut t = ProgressTrack::new(None, None);
    t.observe(0.0, 20.0);
    t.observe(2.0 * MIN, 40.0);
    assert!(near(t.eta_ms(2.0 * MIN), 6.0 * MIN), "{:?}", t.eta_ms(2.0 * MIN));
    assert!(near(t.eta_ms(4.0 * MIN), 4.0 * MIN));
    assert!(!t.is_stalled(4.0 * MIN, 10.0 * MIN));
}

#[wasm_bindgen_test]
fn flat_progress_has_no_estimate_and_stalls_after_the_threshold() {
    let mut t = ProgressTrack::new(None, None);
    for minute in 0..=11 {
        t.observe(f64::from(minute) * MIN, 55.0);
    }
    assert_eq!(t.eta_ms(11.0 * MIN), None);
    assert!(t.is_stalled(11.0 * MIN, 10.0 * MIN));
    assert!(!t.is_stalled(11.0 * MIN, 15.0 * MIN), "a longer threshold waits longer");
}

#[wasm_bindgen_test]
fn falling_progress_forgets_the_old_rate() {
    let mut t = ProgressTrack::new(None, None);
    t.observe(0.0, 70.0);
    t.observe(MIN, 80.0);
    t.observe(2.0 * MIN, 10.0);
    assert_eq!(t.eta_ms(2.0 * MIN), None);
    t.observe(4.0 * MIN, 30.0);
    assert!(near(t.eta_ms(4.0 * MIN), 7.0 * MIN));
}

#[wasm_bindgen_test]
fn coverage_ages_come_from_the_newest_good_snapshot() {
    let snap = |id: &str, w: &str, status: &str, at: &str| Snapshot {
        id: id.into(),
        workload_id: Some(w.into()),
        status: Some(status.into()),
        created_at: Some(at.into()),
        ..Default::default()
    };
    let workloads = [Workload { id: "w1".into(), name: Some("db".into()), status: None }];
    let list = coverage(
        &workloads,
        &[
            snap("a", "w1", "available", "2026-01-01T00:00:00"),
            snap("b", "w1", "error", "2026-01-02T00:00:00"),
        ],
    );
    let now = api_time_millis("2026-01-02T12:00:00").unwrap();
    assert_eq!(list[0].age_ms(now), Some(36.0 * 60.0 * MIN));
    assert!(list[0].is_unprotected(now, Thresholds::default().coverage_ms()));
    assert!(!list[0].is_unprotected(now, 48.0 * 60.0 * MIN));
}

#[wasm_bindgen_test]
fn csv_cells_never_become_formulas() {
    assert_eq!(csv_cell("=1+1"), "'=1+1");
    assert_eq!(csv_cell("@x"), "'@x");
    assert_eq!(csv_cell("say \"hi\", then"), "\"say \"\"hi\"\", then\"");
    let text = csv_text(&["A".into()], &[vec!["-3".into()]]);
    assert_eq!(text, "\u{feff}A\r\n'-3\r\n");
}

#[wasm_bindgen_test]
async fn running_cards_show_an_estimate_and_flag_the_stalled_one() {
    let root = container();
    let now = now_ms();
    let running = |id: &str, name: &str, started: f64, updated: f64, percent: f64| Snapshot {
        id: id.into(),
        name: Some(name.into()),
        status: Some("uploading".into()),
        created_at: Some(api_time_text(started)),
        updated_at: Some(api_time_text(updated)),
        progress_percent: Some(percent),
        ..Default::default()
    };
    let rows = RwSignal::new(vec![
        running("moving", "nightly-db", now - 2.0 * MIN, now, 50.0),
        running("stuck", "web-manual", now - 40.0 * MIN, now - 25.0 * MIN, 37.0),
    ]);
    let (clock, _) = signal(now);
    let _handle = mount_to(root.clone(), move || {
        let thresholds = Memo::new(|_| Thresholds::default());
        view! { <Providers><Router><RunningNow rows now=clock thresholds/></Router></Providers> }
    });
    settle().await;
    let moving = text(&find(&root, "[data-snapshot-id='moving']"));
    assert!(moving.contains("About 2 min"), "half done in two minutes: {moving}");
    assert!(!moving.contains("No progress"), "{moving}");
    let stuck = text(&find(&root, "[data-snapshot-id='stuck']"));
    assert!(stuck.contains("No progress for 25 min"), "{stuck}");
    assert!(stuck.contains("No estimate while progress stands still"), "{stuck}");
    assert!(
        text(&root).contains("2 running; 1 without progress for 10 minutes or more."),
        "{}",
        text(&root)
    );
    // It finishes: it leaves the list.
    rows.update(|r| r[0].status = Some("available".into()));
    settle().await;
    assert!(find_all(&root, "[data-snapshot-id='moving']").is_empty());
}

//! Snapshots running now: progress, time elapsed, an estimate of the end from the observed
//! rate, and a warning (with Cancel at hand) when progress has stood still too long.

use crate::components::{ApiText, ProgressBar, StatusBadge, CELL_CHARS};
use crate::format::{api_time_millis, duration, now_ms};
use crate::models::overview::Thresholds;
use crate::models::progress_track::ProgressTrack;
use crate::models::Snapshot;
use crate::pages::snapshots::CancelSnapshots;
use crate::routes;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};

fn millis(text: &Option<String>) -> Option<f64> {
    text.as_deref().and_then(api_time_millis)
}

/// The words for an estimate.
pub fn eta_text(track: Option<&ProgressTrack>, now: f64, stalled: bool) -> String {
    match track.and_then(|t| t.eta_ms(now)) {
        _ if stalled => "No estimate while progress stands still".to_owned(),
        Some(ms) => format!("About {} left", duration(ms / 1000.0)),
        None => "Estimating the time left…".to_owned(),
    }
}

#[component]
pub fn RunningNow(
    rows: RwSignal<Vec<Snapshot>>,
    now: ReadSignal<f64>,
    thresholds: Memo<Thresholds>,
) -> impl IntoView {
    let tracks = RwSignal::new(HashMap::<String, ProgressTrack>::new());
    // Each poll's readings join the tracks; snapshots that finished leave them. A track
    // starts once the detail (with progress and the server's last update) has come.
    Effect::new(move |_| {
        let at = now_ms();
        rows.with(|list| {
            let moving: Vec<&Snapshot> = list.iter().filter(|s| !s.is_final()).collect();
            let ids: HashSet<&str> = moving.iter().map(|s| s.id.as_str()).collect();
            tracks.update(|t| {
                t.retain(|id, _| ids.contains(id.as_str()));
                for s in moving {
                    let Some(percent) = s.progress_percent else { continue };
                    let track = t.entry(s.id.clone()).or_insert_with(|| {
                        ProgressTrack::new(millis(&s.created_at), millis(&s.updated_at))
                    });
                    track.observe(at, percent);
                }
            })
        })
    });
    let running =
        move || rows.with(|r| r.iter().filter(|s| !s.is_final()).cloned().collect::<Vec<_>>());
    let stalled_count = move || {
        let (now, limit) = (now.get(), thresholds.get().stall_ms());
        tracks.with(|t| t.values().filter(|tr| tr.is_stalled(now, limit)).count())
    };
    let cancel = CancelSnapshots::new(rows);
    let summary = move || {
        let n = rows.with(|r| r.iter().filter(|s| !s.is_final()).count());
        let stalled = stalled_count();
        let minutes = thresholds.get().stall_minutes;
        match (n, stalled) {
            (0, _) => "Nothing is running now.".to_owned(),
            (n, 0) => format!("{n} running, all moving."),
            (n, s) => format!("{n} running; {s} without progress for {minutes} minutes or more."),
        }
    };
    let card = move |s: Snapshot| {
        let id = s.id.clone();
        let track = move || tracks.with(|t| t.get(&id).cloned());
        let stalled = {
            let track = track.clone();
            move || track().is_some_and(|t| t.is_stalled(now.get(), thresholds.get().stall_ms()))
        };
        let started = millis(&s.created_at);
        let elapsed = move || {
            started.map(|t| duration((now.get() - t) / 1000.0)).unwrap_or_else(|| "—".into())
        };
        let eta = {
            let (track, stalled) = (track.clone(), stalled.clone());
            move || eta_text(track().as_ref(), now.get(), stalled())
        };
        let still = {
            let stalled = stalled.clone();
            move || {
                let still = track().and_then(|t| t.still_for_ms(now.get())).unwrap_or(0.0);
                stalled().then(|| {
                    view! {
                        <p class="stall-warning"><span aria-hidden="true">"⚠ "</span>
                            {format!("No progress for {}", duration(still / 1000.0))}</p>
                    }
                })
            }
        };
        let name = s.label().to_owned();
        let for_cancel = s.clone();
        let can_cancel = s.can_cancel();
        let (p, msg) =
            (s.progress_percent.unwrap_or(0.0), s.progress_msg.clone().unwrap_or_default());
        view! {
            <li class="run-card" class:run-card--stalled=stalled data-snapshot-id=s.id.clone()>
                <div class="run-card__head">
                    <a href=routes::snapshot(&s.id)><ApiText text=name.clone() max=CELL_CHARS/></a>
                    <StatusBadge status=s.status().to_owned()/>
                </div>
                <ProgressBar percent=p label=format!("Progress of {name}") detail=msg/>
                <p class="run-card__times">"Elapsed " {elapsed} " · " <span class="run-card__eta">{eta}</span></p>
                {still}
                {can_cancel.then(|| cancel.button(for_cancel, "btn--danger-ghost btn--small", true))}
            </li>
        }
    };
    let key = |s: &Snapshot| (s.id.clone(), s.status.clone(), s.progress_percent.map(f64::to_bits));
    view! {
        <section class="overview-section" aria-labelledby="running-title">
            <h2 id="running-title">"Running now"</h2>
            <p class="overview-summary" aria-live="polite">{summary}</p>
            <ul class="run-list">
                <For each=running key=key children=card/>
            </ul>
        </section>
    }
}

//! Live progress: polls only the snapshots that are still moving, backs off while nothing
//! changes, and stops when nothing moves, the page is hidden or left, or the session ends.

use super::poll_round::poll_round;
use crate::api::ApiError;
use crate::models::{Ownership, Snapshot, SnapshotFilter};
use crate::session::use_session;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// First and fastest polling interval.
pub const BASE_DELAY_MS: u32 = 2_500;
/// Slowest polling interval while snapshots move without visible change.
pub const MAX_DELAY_MS: u32 = 30_000;
/// How often the idle loop looks (without any request) for new work.
const IDLE_CHECK_MS: u32 = 1_000;

/// The next interval: back to the base after a change, doubled (up to the max) otherwise.
pub fn next_delay(current: u32, changed: bool) -> u32 {
    if changed {
        BASE_DELAY_MS
    } else {
        current.saturating_mul(2).clamp(BASE_DELAY_MS, MAX_DELAY_MS)
    }
}

/// Whether `fresh` may replace `current`: never when it is older by its own clock.
pub fn is_newer_or_same(current: &Snapshot, fresh: &Snapshot) -> bool {
    match (current.updated_at.as_deref(), fresh.updated_at.as_deref()) {
        (Some(a), Some(b)) => b >= a,
        _ => true,
    }
}

/// What a user sees change: status, progress and messages.
pub fn visibly_differs(a: &Snapshot, b: &Snapshot) -> bool {
    a.status != b.status
        || a.progress_percent != b.progress_percent
        || a.progress_msg != b.progress_msg
        || a.error_msg != b.error_msg
        || a.warning_msg != b.warning_msg
}

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
        .unwrap_or(false)
}

/// Merges one polled snapshot into the rows: the detail replaces the summary. A list entry
/// (one list request for many moving snapshots) carries no progress: while the snapshot still
/// moves, the last progress seen stays rather than dropping to nothing.
pub fn merge_polled(rows: &mut [Snapshot], mut fresh: Snapshot) -> bool {
    match rows.iter_mut().find(|r| r.id == fresh.id) {
        Some(row) if is_newer_or_same(row, &fresh) => {
            if !fresh.is_final() && fresh.progress_percent.is_none() {
                fresh.progress_percent = row.progress_percent;
                fresh.progress_msg = fresh.progress_msg.take().or_else(|| row.progress_msg.clone());
                fresh.updated_at = fresh.updated_at.take().or_else(|| row.updated_at.clone());
            }
            let changed = visibly_differs(row, &fresh);
            *row = fresh;
            changed
        }
        _ => false,
    }
}

/// After this many failed rounds in a row, a snapshot shows that it could not be refreshed.
pub const FAILURES_BEFORE_STALE: u32 = 2;

/// Consecutive failed rounds per snapshot, so one blip says nothing and repeated failures
/// are told.
#[derive(Debug, Default)]
pub struct FailureCounts(HashMap<String, u32>);

impl FailureCounts {
    /// Records one round for `id`; true once it has failed often enough to say so.
    pub fn record(&mut self, id: &str, failed: bool) -> bool {
        if !failed {
            self.0.remove(id);
            return false;
        }
        let count = self.0.entry(id.to_owned()).or_default();
        *count += 1;
        *count >= FAILURES_BEFORE_STALE
    }
}

/// What polling tells the page: whether it follows anything now, and which snapshots it
/// could not refresh (with the last error) after repeated failures.
#[derive(Clone, Copy)]
pub struct PollStatus {
    pub active: RwSignal<bool>,
    pub stale: RwSignal<HashMap<String, ApiError>>,
}

impl PollStatus {
    /// Not polling anything (yet).
    pub fn idle() -> Self {
        Self { active: RwSignal::new(false), stale: RwSignal::new(HashMap::new()) }
    }
}

/// Starts polling `rows` for as long as the calling component lives; `ownership` tells the
/// rows of other projects, which cannot be read from this project's scope; `list` is the
/// filter the rows were listed with (many moving rows are then polled with one list request).
pub fn use_snapshot_poller(
    rows: RwSignal<Vec<Snapshot>>,
    ownership: Signal<Ownership>,
    list: Option<Signal<SnapshotFilter>>,
) -> PollStatus {
    let ctx = use_session();
    let status = PollStatus::idle();
    let PollStatus { active, stale } = status;
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    leptos::task::spawn_local(async move {
        let mut delay = BASE_DELAY_MS;
        let mut failures = FailureCounts::default();
        loop {
            gloo_timers::future::sleep(Duration::from_millis(u64::from(delay))).await;
            if !alive.load(Ordering::Relaxed)
                || !ctx.session.try_with_untracked(Option::is_some).unwrap_or(false)
            {
                break;
            }
            if page_hidden() {
                active.try_set(false);
                delay = IDLE_CHECK_MS;
                continue;
            }
            let ownership = ownership.try_get_untracked().unwrap_or_default();
            let moving = |s: &&Snapshot| !s.is_final() && !ownership.is_foreign(s);
            let ids: Vec<String> = rows
                .try_with_untracked(|r| r.iter().filter(moving).map(|s| s.id.clone()).collect())
                .unwrap_or_default();
            if ids.is_empty() {
                active.try_set(false);
                delay = IDLE_CHECK_MS.max(delay.min(BASE_DELAY_MS));
                continue;
            }
            active.try_set(true);
            // No client while a new sign-in is asked for: wait for it, then go on.
            let Some(client) = ctx.client() else {
                active.try_set(false);
                delay = IDLE_CHECK_MS;
                continue;
            };
            // Rounds run one after another, so answers of one round cannot overtake the next;
            // within a snapshot, `merge_polled` keeps the newer state by its own clock.
            let filter = list.and_then(|f| f.try_get_untracked());
            let results = poll_round(&client, ids, filter).await;
            if !alive.load(Ordering::Relaxed) {
                break;
            }
            let mut changed = false;
            for (id, result) in results {
                let failed =
                    result.as_ref().err().filter(|e| !matches!(e, ApiError::NotFound { .. }));
                if failures.record(&id, failed.is_some()) {
                    let error = failed.cloned();
                    stale.try_update(|m| error.map(|e| m.insert(id.clone(), e)));
                } else if failed.is_none() {
                    stale.try_update(|m| m.remove(&id));
                }
                match result {
                    Ok(fresh) => {
                        changed |=
                            rows.try_update(|list| merge_polled(list, fresh)).unwrap_or(false);
                    }
                    Err(ApiError::NotFound { .. }) => {
                        // Deleted on the server: it leaves the list.
                        rows.try_update(|list| list.retain(|s| s.id != id));
                        changed = true;
                    }
                    // A 401 asks for a new sign-in; the next rounds wait for it.
                    Err(_) => {}
                }
            }
            delay = next_delay(delay, changed);
        }
        active.try_set(false);
    });
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_failure_says_nothing_repeated_ones_are_told_and_a_success_clears_them() {
        let mut f = FailureCounts::default();
        assert!(!f.record("a", true), "one blip");
        assert!(f.record("a", true), "repeated");
        assert!(!f.record("b", true), "counted per snapshot");
        assert!(!f.record("a", false), "refreshed again");
        assert!(!f.record("a", true), "the count starts over");
    }

    #[test]
    fn polling_backs_off_to_thirty_seconds_and_resets_on_change() {
        let mut d = BASE_DELAY_MS;
        let mut seen = vec![d];
        for _ in 0..6 {
            d = next_delay(d, false);
            seen.push(d);
        }
        assert_eq!(seen, vec![2_500, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000]);
        assert_eq!(next_delay(MAX_DELAY_MS, true), BASE_DELAY_MS);
    }

    fn snap(status: &str, at: &str) -> Snapshot {
        Snapshot {
            id: "s".into(),
            status: Some(status.into()),
            updated_at: Some(at.into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_list_entry_keeps_the_progress_it_does_not_carry_while_the_snapshot_moves() {
        let mut detail = snap("uploading", "2024-01-01T00:00:10.000000");
        detail.progress_percent = Some(64.0);
        let mut rows = vec![detail];
        let entry =
            Snapshot { id: "s".into(), status: Some("uploading".into()), ..Default::default() };
        merge_polled(&mut rows, entry);
        assert_eq!(rows[0].progress_percent, Some(64.0));
        let done =
            Snapshot { id: "s".into(), status: Some("available".into()), ..Default::default() };
        assert!(merge_polled(&mut rows, done), "a new status is a change");
        assert_eq!(rows[0].progress_percent, None, "a finished one shows no stale progress");
    }

    #[test]
    fn an_older_poll_answer_never_overwrites_a_newer_one() {
        let newer = snap("uploading", "2024-01-01T00:00:10.000000");
        let older = snap("creating", "2024-01-01T00:00:05.000000");
        assert!(!is_newer_or_same(&newer, &older));
        let mut rows = vec![newer.clone()];
        assert!(!merge_polled(&mut rows, older));
        assert_eq!(rows[0].status(), "uploading");
        let done = snap("available", "2024-01-01T00:00:20.000000");
        assert!(merge_polled(&mut rows, done));
        assert_eq!(rows[0].status(), "available");
    }
}

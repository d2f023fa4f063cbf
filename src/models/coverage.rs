//! Protection coverage: for each workload, how old its last good (`available`) snapshot is,
//! and whether that is older than the admin accepts.

use super::{Snapshot, Workload};
use crate::format::api_time_millis;
use std::collections::HashMap;

/// One workload's protection.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub workload_id: String,
    pub workload: String,
    /// When its newest `available` snapshot was taken; none when it has none.
    pub last_good_ms: Option<f64>,
    /// Its newest `available` snapshot, for a link.
    pub last_good_id: Option<String>,
}

impl Coverage {
    /// How old the last good snapshot is at `now_ms`; none when there is none.
    pub fn age_ms(&self, now_ms: f64) -> Option<f64> {
        self.last_good_ms.map(|t| (now_ms - t).max(0.0))
    }

    /// No good snapshot within `threshold_ms`: the workload is not protected as wanted.
    pub fn is_unprotected(&self, now_ms: f64, threshold_ms: f64) -> bool {
        self.age_ms(now_ms).is_none_or(|age| age > threshold_ms)
    }
}

/// The coverage of every workload in `workloads`, and of any other workload the snapshots
/// name (known then by its id). Worst first: none at all, then the oldest.
pub fn coverage(workloads: &[Workload], snapshots: &[Snapshot]) -> Vec<Coverage> {
    let mut by_id: HashMap<&str, Coverage> = HashMap::new();
    let entry = |id: &str, name: &str| Coverage {
        workload_id: id.to_owned(),
        workload: name.to_owned(),
        last_good_ms: None,
        last_good_id: None,
    };
    for w in workloads {
        by_id.insert(&w.id, entry(&w.id, w.label()));
    }
    for s in snapshots {
        let Some(wid) = s.workload_id.as_deref().filter(|w| !w.is_empty()) else { continue };
        let c = by_id.entry(wid).or_insert_with(|| entry(wid, wid));
        if !s.status().eq_ignore_ascii_case("available") {
            continue;
        }
        let Some(at) = s.created_at.as_deref().and_then(api_time_millis) else { continue };
        if c.last_good_ms.is_none_or(|t| at > t) {
            c.last_good_ms = Some(at);
            c.last_good_id = Some(s.id.clone());
        }
    }
    let mut list: Vec<Coverage> = by_id.into_values().collect();
    list.sort_by(|a, b| {
        let age = |c: &Coverage| c.last_good_ms.unwrap_or(f64::NEG_INFINITY);
        age(a).total_cmp(&age(b)).then_with(|| a.workload.cmp(&b.workload))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: f64 = 3_600_000.0;

    fn snap(id: &str, workload: &str, status: &str, at: &str) -> Snapshot {
        Snapshot {
            id: id.into(),
            workload_id: Some(workload.into()),
            status: Some(status.into()),
            created_at: Some(at.into()),
            ..Default::default()
        }
    }

    fn workload(id: &str, name: &str) -> Workload {
        Workload { id: id.into(), name: Some(name.into()), status: None }
    }

    #[test]
    fn the_age_is_that_of_the_newest_available_snapshot_and_failures_do_not_count() {
        let now = api_time_millis("2024-03-05T12:00:00").unwrap();
        let list = coverage(
            &[workload("w1", "db"), workload("w2", "web"), workload("w3", "idle")],
            &[
                snap("a", "w1", "available", "2024-03-05T10:00:00"),
                snap("b", "w1", "available", "2024-03-04T10:00:00"),
                snap("c", "w1", "error", "2024-03-05T11:00:00"),
                snap("d", "w2", "available", "2024-03-03T12:00:00"),
                snap("e", "w2", "error", "2024-03-05T11:30:00"),
                snap("f", "w9", "available", "2024-03-05T11:00:00"),
            ],
        );
        let names: Vec<&str> = list.iter().map(|c| c.workload.as_str()).collect();
        assert_eq!(names, ["idle", "web", "db", "w9"], "worst first: none, then the oldest");
        let db = &list[2];
        assert_eq!(db.last_good_id.as_deref(), Some("a"));
        assert_eq!(db.age_ms(now), Some(2.0 * HOUR));
        assert!(!db.is_unprotected(now, 24.0 * HOUR));
        assert!(list[1].is_unprotected(now, 24.0 * HOUR), "48 hours old");
        assert!(!list[1].is_unprotected(now, 72.0 * HOUR), "the threshold decides");
        assert!(list[0].is_unprotected(now, 24.0 * HOUR), "never protected");
        assert_eq!(list[0].age_ms(now), None);
    }
}

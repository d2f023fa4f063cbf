//! One polling round: a request per moving snapshot, or, when many move, one list request
//! for all of them (a hundred requests every few seconds would weigh on the API).

use crate::api::snapshots::{list_snapshots, show_snapshot};
use crate::api::{ApiError, Client};
use crate::models::{Snapshot, SnapshotFilter};
use std::collections::HashMap;

/// Above this many moving snapshots, a round is one list request.
pub const LIST_ROUND_ABOVE: usize = 50;

/// What a round found for each id: the fresh snapshot or why not.
pub type RoundResults = Vec<(String, Result<Snapshot, ApiError>)>;

/// Polls `ids`; `list` is the filter the rows were listed with, when they came from a list.
pub async fn poll_round(
    client: &Client,
    ids: Vec<String>,
    list: Option<SnapshotFilter>,
) -> RoundResults {
    match list {
        Some(filter) if ids.len() > LIST_ROUND_ABOVE => {
            let listed = list_snapshots(client, &filter).await.map(|l| l.rows);
            match_listed(ids, listed)
        }
        _ => {
            let requests = ids.into_iter().map(|id| async move {
                let result = show_snapshot(client, &id).await;
                (id, result)
            });
            futures::future::join_all(requests).await
        }
    }
}

/// Each id's row in one list answer: a moving snapshot no longer listed was deleted (the same
/// filter listed it before); a failed list is every id's failure.
pub fn match_listed(ids: Vec<String>, listed: Result<Vec<Snapshot>, ApiError>) -> RoundResults {
    match listed {
        Ok(rows) => {
            let mut by_id: HashMap<String, Snapshot> =
                rows.into_iter().map(|s| (s.id.clone(), s)).collect();
            ids.into_iter()
                .map(|id| {
                    let found = by_id.remove(&id).ok_or_else(|| ApiError::NotFound {
                        message: "no longer listed".to_owned(),
                        request_id: None,
                    });
                    (id, found)
                })
                .collect()
        }
        Err(e) => ids.into_iter().map(|id| (id, Err(e.clone()))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(id: &str, status: &str) -> Snapshot {
        Snapshot { id: id.into(), status: Some(status.into()), ..Default::default() }
    }

    #[test]
    fn a_list_round_gives_each_moving_snapshot_its_row_or_its_absence() {
        let ids = vec!["a".to_owned(), "gone".to_owned()];
        let rows = vec![snap("a", "uploading"), snap("other", "available")];
        let results = match_listed(ids, Ok(rows));
        assert_eq!(results[0].1.as_ref().unwrap().status(), "uploading");
        assert!(matches!(results[1].1, Err(ApiError::NotFound { .. })), "deleted meanwhile");
        assert_eq!(results.len(), 2, "rows nobody polls are not reported");
    }

    #[test]
    fn a_failed_list_round_is_each_snapshots_failure() {
        let e = ApiError::from_response(503, Some("req-9".into()), "busy");
        let results = match_listed(vec!["a".into(), "b".into()], Err(e));
        assert!(results.iter().all(|(_, r)| r.as_ref().unwrap_err().request_id() == Some("req-9")));
    }
}

//! Snapshots: the live list with filters and bulk delete, taking a snapshot, the detail view.

mod actions;
mod detail;
mod list;
pub mod poller;
mod take;

pub use actions::{cancel_action, refresh_one, DeleteSnapshotDialog};
pub use detail::{parse_structured, SnapshotDetail, SnapshotDetailPage, Structured};
pub use list::{filter_query_string, SnapshotsPage, SnapshotsTable};
pub use take::{TakeSnapshotForm, TakeSnapshotPage};

pub fn snapshot_href(id: &str) -> String {
    format!("/snapshots/{}", crate::api::encode_segment(id))
}

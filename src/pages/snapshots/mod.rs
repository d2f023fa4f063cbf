//! Snapshots: the live list with filters and bulk delete, taking a snapshot, the detail view.

mod actions;
mod bulk;
mod detail;
mod filters;
mod instance;
mod list;
pub mod live;
mod poll_round;
pub mod poller;
mod row;
mod table;
mod take;
mod warm;

pub use actions::{refresh_one, CancelButton, CancelSnapshots, DeleteSnapshotDialog};
pub use detail::{snapshot_detail_page_reads, SnapshotDetail, SnapshotDetailPage};
pub use instance::{parse_structured, Structured};
pub use list::{snapshots_page_reads, use_snapshot_rows, LoadedSnapshots, SnapshotsPage};
pub use table::{in_first_order, SnapshotsTable};
pub use take::{TakeSnapshotForm, TakeSnapshotPage};

use crate::components::DeleteSubject;
use crate::models::Snapshot;

pub fn snapshot_subject(s: &Snapshot) -> DeleteSubject {
    DeleteSubject { id: s.id.clone(), label: s.label().to_owned() }
}

//! Typed shapes of the Workloadmgr API, one module per resource, each read leniently through
//! [`json::Obj`]; the values a form sends, with their validation.

pub mod backup_target;
pub mod coverage;
pub mod csv;
pub mod instance;
pub mod json;
pub mod keystone;
pub mod listed;
pub mod new_backup_target;
pub mod overview;
pub mod progress_track;
mod record;
pub mod search;
pub mod sign_in;
pub mod snapshot;
pub mod target_type;
pub mod target_type_form;
pub mod validate;
pub mod workload;

pub use backup_target::{BackupTarget, TargetKind, TargetTypeRef, UsageLevel};
pub use instance::Instance;
pub use json::FromJson;
pub use listed::{Listed, Row};
pub use new_backup_target::NewBackupTarget;
pub use snapshot::{Ownership, Snapshot, SnapshotFilter, StatusFilter, TakeSnapshot};
pub use target_type::{TargetType, TypeProject, Visibility};
pub use target_type_form::{NewTargetType, TargetTypeUpdate};
pub use validate::{FieldErrors, Validate};
pub use workload::Workload;

use record::record;

/// What a record is called: its name when it has one, its id otherwise.
pub fn name_or_id<'a>(name: Option<&'a str>, id: &'a str) -> &'a str {
    name.filter(|n| !n.trim().is_empty()).unwrap_or(id)
}

record! {
    /// `{"key": ..., "value": ...}`, as targets, types and snapshots carry metadata.
    pub struct KeyValue {
        Option<String>: key, value;
    }
}

impl KeyValue {
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> Self {
        Self { key: Some(key.into()), value: Some(value.into()) }
    }
    pub fn key(&self) -> &str {
        self.key.as_deref().unwrap_or("")
    }
    pub fn value(&self) -> &str {
        self.value.as_deref().unwrap_or("")
    }
}

//! Typed shapes of the Workloadmgr API, one module per resource.

pub mod backup_target;
pub mod de;
pub mod snapshot;
pub mod target_type;
pub mod workload;

pub use backup_target::{BackupTarget, NewBackupTarget, TargetKind, TargetTypeRef};
pub use snapshot::{Instance, Snapshot, SnapshotFilter, TakeSnapshot};
pub use target_type::{NewTargetType, TargetType, TargetTypeUpdate, TypeProject};
pub use workload::Workload;

use serde::{Deserialize, Serialize};

/// `{"key": ..., "value": ...}`, as targets, types and snapshots carry metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyValue {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub key: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub value: Option<String>,
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

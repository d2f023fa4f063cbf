//! Typed shapes of the Workloadmgr API, one module per resource, each read leniently through
//! [`json::Obj`]; the values a form sends, with their validation.

pub mod backup_target;
pub mod instance;
pub mod json;
pub mod sign_in;
pub mod snapshot;
pub mod target_type;
pub mod validate;
pub mod workload;

pub use backup_target::{BackupTarget, NewBackupTarget, TargetKind, TargetTypeRef};
pub use instance::Instance;
pub use json::FromJson;
pub use snapshot::{Snapshot, SnapshotFilter, TakeSnapshot};
pub use target_type::{NewTargetType, TargetType, TargetTypeUpdate, TypeProject, Visibility};
pub use validate::FieldErrors;
pub use workload::Workload;

use json::Obj;
use serde_json::Value;

/// `{"key": ..., "value": ...}`, as targets, types and snapshots carry metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyValue {
    pub key: Option<String>,
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

impl FromJson for KeyValue {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self { key: o.text("key"), value: o.text("value") })
    }
}

use super::json::value_as_bool;
use super::record::record;
use super::KeyValue;
use crate::format::parse_size;
use crate::json::Value;

record! {
    /// A backup target as `GET /backup_targets[/detail|/{id}]` returns it. 5.0 servers name the
    /// export `nfs_export`, 5.2+ `filesystem_export`: both land in `filesystem_export`.
    pub struct BackupTarget {
        String: id;
        Option<String>: kind = "type", created_at, updated_at, version,
            filesystem_export = "filesystem_export" | "nfs_export",
            filesystem_export_mount_path = "filesystem_export_mount_path" | "nfs_export_mount_path",
            capacity, used, status;
        bool: is_default;
        Option<bool>: immutable;
        Vec<TargetTypeRef>: backup_target_types;
        Vec<KeyValue>: backup_target_metadata;
    }
}

record! {
    /// A target type as embedded in a backup target (no id on most servers).
    pub struct TargetTypeRef {
        Option<String>: id, name, description, created_at;
        bool: is_public, is_default;
    }
}

impl super::Row for BackupTarget {
    fn row_id(&self) -> &str {
        &self.id
    }
    fn row_label(&self) -> Option<&str> {
        self.filesystem_export.as_deref()
    }
}

/// How full a target is: a warning from 80 % used, critical from 95 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum UsageLevel {
    Normal,
    Warning,
    Critical,
}

impl UsageLevel {
    pub fn of_percent(percent: f64) -> Self {
        if percent >= 95.0 {
            Self::Critical
        } else if percent >= 80.0 {
            Self::Warning
        } else {
            Self::Normal
        }
    }
}

/// What needs a look, the most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attention {
    Offline,
    Full,
    NearlyFull,
}

impl Attention {
    pub fn message(self) -> &'static str {
        match self {
            Self::Offline => "Not online",
            Self::Full => "Full: 95 % or more used",
            Self::NearlyFull => "Nearly full: 80 % or more used",
        }
    }
}

impl BackupTarget {
    /// Online (`available` on 5.x, `online` on 6.x); any other status needs a look.
    pub fn is_online(&self) -> bool {
        let status = self.status.as_deref().unwrap_or("");
        status.eq_ignore_ascii_case("available") || status.eq_ignore_ascii_case("online")
    }
    pub fn usage_level(&self) -> Option<UsageLevel> {
        self.usage_ratio().map(|r| UsageLevel::of_percent(r * 100.0))
    }
    /// Why an admin should look at this target now: offline, or (nearly) full.
    pub fn attention(&self) -> Option<Attention> {
        if !self.is_online() {
            return Some(Attention::Offline);
        }
        match self.usage_level() {
            Some(UsageLevel::Critical) => Some(Attention::Full),
            Some(UsageLevel::Warning) => Some(Attention::NearlyFull),
            _ => None,
        }
    }
    /// How people know a target (it has no name): its export, or its id.
    pub fn label(&self) -> &str {
        super::name_or_id(self.filesystem_export.as_deref(), &self.id)
    }
    /// The share of capacity in use, when both are known and parse as sizes.
    pub fn usage_ratio(&self) -> Option<f64> {
        let cap = parse_size(self.capacity.as_deref()?)?;
        let used = parse_size(self.used.as_deref()?)?;
        (cap > 0.0).then(|| (used / cap).clamp(0.0, 1.0))
    }
    pub fn export(&self) -> &str {
        self.filesystem_export.as_deref().unwrap_or("")
    }
    pub fn kind_label(&self) -> String {
        self.kind.as_deref().unwrap_or("").to_ascii_uppercase()
    }
    pub fn target_kind(&self) -> Option<TargetKind> {
        self.kind.as_deref().and_then(TargetKind::parse)
    }
    pub fn is_s3(&self) -> bool {
        self.target_kind() == Some(TargetKind::S3)
    }
    pub fn metadata_value(&self, key: &str) -> Option<&str> {
        self.backup_target_metadata.iter().find(|m| m.key() == key).map(KeyValue::value)
    }
    /// Object lock: the `immutable` field, or (6.x) the `immutable`/`object_lock` metadata.
    pub fn is_immutable(&self) -> bool {
        let in_metadata = |k: &&str| {
            self.metadata_value(k)
                .and_then(|v| value_as_bool(&Value::String(v.to_owned())))
                .unwrap_or(false)
        };
        self.immutable.unwrap_or(false) || ["immutable", "object_lock"].iter().any(in_metadata)
    }
    pub fn type_names(&self) -> Vec<String> {
        self.backup_target_types.iter().filter_map(|t| t.name.clone()).collect()
    }
    /// How a target is named in pickers: its export and kind, and whether it is the default.
    pub fn picker_label(&self) -> String {
        let default = if self.is_default { ", default" } else { "" };
        format!("{} ({}{default})", self.label(), self.kind_label())
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TargetKind {
    #[default]
    Nfs,
    S3,
}

impl TargetKind {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "nfs" => Some(Self::Nfs),
            "s3" => Some(Self::S3),
            _ => None,
        }
    }
    /// The API's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nfs => "nfs",
            Self::S3 => "s3",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_is_known_by_its_export_or_its_id() {
        let t = BackupTarget { id: "t1".into(), kind: Some("nfs".into()), ..Default::default() };
        assert_eq!(t.label(), "t1");
        let t = BackupTarget { filesystem_export: Some("h:/p".into()), is_default: true, ..t };
        assert_eq!(t.label(), "h:/p");
        assert_eq!(t.picker_label(), "h:/p (NFS, default)");
    }
}

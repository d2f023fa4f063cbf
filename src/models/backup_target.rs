use super::json::{value_as_bool, FromJson, Obj};
use super::validate::{self, FieldErrors};
use super::KeyValue;
use serde_json::{json, Map, Value};

/// A backup target as `GET /backup_targets[/detail|/{id}]` returns it. 5.0 servers name the
/// export `nfs_export`, 5.2+ `filesystem_export`: both land in `filesystem_export`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BackupTarget {
    pub id: String,
    pub kind: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub version: Option<String>,
    pub filesystem_export: Option<String>,
    pub filesystem_export_mount_path: Option<String>,
    pub is_default: bool,
    pub immutable: Option<bool>,
    pub capacity: Option<String>,
    pub used: Option<String>,
    pub status: Option<String>,
    pub backup_target_types: Vec<TargetTypeRef>,
    pub backup_target_metadata: Vec<KeyValue>,
}

impl FromJson for BackupTarget {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.id(),
            kind: o.text("type"),
            created_at: o.text("created_at"),
            updated_at: o.text("updated_at"),
            version: o.text("version"),
            filesystem_export: o.text_of(&["filesystem_export", "nfs_export"]),
            filesystem_export_mount_path: o
                .text_of(&["filesystem_export_mount_path", "nfs_export_mount_path"]),
            is_default: o.flag("is_default"),
            immutable: o.opt_flag("immutable"),
            capacity: o.text("capacity"),
            used: o.text("used"),
            status: o.text("status"),
            backup_target_types: o.list("backup_target_types"),
            backup_target_metadata: o.list("backup_target_metadata"),
        })
    }
}

/// A target type as embedded in a backup target (no id on most servers).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTypeRef {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub is_public: bool,
    pub is_default: bool,
    pub created_at: Option<String>,
}

impl FromJson for TargetTypeRef {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.text("id"),
            name: o.text("name"),
            description: o.text("description"),
            is_public: o.flag("is_public"),
            is_default: o.flag("is_default"),
            created_at: o.text("created_at"),
        })
    }
}

impl BackupTarget {
    pub fn export(&self) -> &str {
        self.filesystem_export.as_deref().unwrap_or("")
    }
    /// How people know a target (it has no name): its export, or its id.
    pub fn label(&self) -> &str {
        Some(self.export()).filter(|e| !e.is_empty()).unwrap_or(&self.id)
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
    /// The share of capacity in use, when both are known and parse as sizes.
    pub fn usage_ratio(&self) -> Option<f64> {
        let cap = parse_size(self.capacity.as_deref()?)?;
        let used = parse_size(self.used.as_deref()?)?;
        (cap > 0.0).then(|| (used / cap).clamp(0.0, 1.0))
    }
    /// How a target is named in pickers: its export and kind, and whether it is the default.
    pub fn picker_label(&self) -> String {
        let default = if self.is_default { ", default" } else { "" };
        format!("{} ({}{default})", self.label(), self.kind_label())
    }
}

/// "2.4 TB", "512 MiB", "1024" → bytes.
pub fn parse_size(text: &str) -> Option<f64> {
    let t = text.trim();
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let number: f64 = t[..split].trim().parse().ok()?;
    let unit = t[split..].trim().to_ascii_uppercase();
    let power = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 1,
        "M" => 2,
        "G" => 3,
        "T" => 4,
        "P" => 5,
        "E" => 6,
        _ => return None,
    };
    let base: f64 = if unit.ends_with("IB") { 1024.0 } else { 1000.0 };
    Some(number * base.powi(power))
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

/// The fields of the create-target form that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetField {
    Export,
    S3Url,
    Bucket,
    Metadata,
}

/// What the create form sends; [`NewBackupTarget::to_body`] writes the documented body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewBackupTarget {
    pub kind: TargetKind,
    pub filesystem_export: String,
    pub s3_endpoint_url: String,
    pub s3_bucket: String,
    pub is_default: bool,
    pub immutable: bool,
    pub btt_name: String,
    /// The metadata rows as typed; empty rows are left out of the body.
    pub metadata: Vec<(String, String)>,
}

impl NewBackupTarget {
    /// Checks the fields of the chosen kind and the metadata rows.
    pub fn validate(&self) -> Result<(), FieldErrors<TargetField>> {
        let mut errors = FieldErrors::default();
        match self.kind {
            TargetKind::Nfs => errors.check(TargetField::Export, validate::nfs_export(&self.filesystem_export)),
            TargetKind::S3 => {
                errors.check(TargetField::S3Url, validate::s3_url(&self.s3_endpoint_url));
                errors.check(TargetField::Bucket, validate::bucket(&self.s3_bucket));
            }
        }
        errors.check(TargetField::Metadata, validate::metadata_rows(&self.metadata).err());
        errors.into_result()
    }

    /// `{"backup_target": {...}}` with flags as 0|1 and metadata as a dictionary.
    pub fn to_body(&self) -> Value {
        let mut bt = Map::new();
        bt.insert("type".into(), json!(self.kind.as_str()));
        match self.kind {
            TargetKind::Nfs => {
                bt.insert("filesystem_export".into(), json!(self.filesystem_export.trim()));
            }
            TargetKind::S3 => {
                bt.insert("s3_endpoint_url".into(), json!(self.s3_endpoint_url.trim()));
                bt.insert("s3_bucket".into(), json!(self.s3_bucket.trim()));
                bt.insert("immutable".into(), json!(u8::from(self.immutable)));
            }
        }
        bt.insert("is_default".into(), json!(u8::from(self.is_default)));
        if !self.btt_name.trim().is_empty() {
            bt.insert("btt_name".into(), json!(self.btt_name.trim()));
        }
        let pairs = validate::filled_rows(&self.metadata);
        if !pairs.is_empty() {
            let meta: Map<String, Value> = pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
            bt.insert("metadata".into(), Value::Object(meta));
        }
        json!({ "backup_target": bt })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_in_decimal_and_binary_units() {
        assert_eq!(parse_size("2.4 TB"), Some(2.4e12));
        assert_eq!(parse_size("1 KiB"), Some(1024.0));
        assert_eq!(parse_size("lots"), None);
    }

    #[test]
    fn only_the_fields_of_the_chosen_kind_are_checked() {
        let nfs = NewBackupTarget { s3_bucket: "Bad_Bucket".into(), ..Default::default() };
        let errors = nfs.validate().unwrap_err();
        assert!(errors.get(TargetField::Export).unwrap().contains("Enter the NFS export"));
        assert_eq!(errors.get(TargetField::Bucket), None);
        let s3 = NewBackupTarget {
            kind: TargetKind::S3,
            s3_endpoint_url: "https://s3.example.com".into(),
            s3_bucket: "backups".into(),
            metadata: vec![(String::new(), "orphan".into())],
            ..Default::default()
        };
        let errors = s3.validate().unwrap_err();
        assert!(errors.get(TargetField::Metadata).unwrap().contains("enter a key"));
        assert_eq!(errors.get(TargetField::Export), None);
    }

    #[test]
    fn a_target_is_known_by_its_export_or_its_id() {
        let t = BackupTarget { id: "t1".into(), kind: Some("nfs".into()), ..Default::default() };
        assert_eq!(t.label(), "t1");
        let t = BackupTarget { filesystem_export: Some("h:/p".into()), is_default: true, ..t };
        assert_eq!(t.label(), "h:/p");
        assert_eq!(t.picker_label(), "h:/p (NFS, default)");
    }
}

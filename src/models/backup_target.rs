use super::de;
use super::KeyValue;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// A backup target as `GET /backup_targets[/detail|/{id}]` returns it. 5.0 servers name the
/// export `nfs_export`, 5.2+ `filesystem_export`: both land in `filesystem_export`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct BackupTarget {
    #[serde(default)]
    pub id: String,
    #[serde(rename = "type", default, deserialize_with = "de::flex_string")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub version: Option<String>,
    #[serde(default, alias = "nfs_export", deserialize_with = "de::flex_string")]
    pub filesystem_export: Option<String>,
    #[serde(default, alias = "nfs_export_mount_path", deserialize_with = "de::flex_string")]
    pub filesystem_export_mount_path: Option<String>,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub is_default: bool,
    #[serde(default, deserialize_with = "de::flex_opt_bool")]
    pub immutable: Option<bool>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub capacity: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub used: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub backup_target_types: Vec<TargetTypeRef>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub backup_target_metadata: Vec<KeyValue>,
}

/// A target type as embedded in a backup target (no id on most servers).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct TargetTypeRef {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub is_public: bool,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub is_default: bool,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub user_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub version: Option<String>,
}

impl BackupTarget {
    pub fn export(&self) -> &str {
        self.filesystem_export.as_deref().unwrap_or("")
    }
    pub fn kind_label(&self) -> String {
        self.kind.as_deref().unwrap_or("").to_ascii_uppercase()
    }
    pub fn is_s3(&self) -> bool {
        self.kind.as_deref().is_some_and(|k| k.eq_ignore_ascii_case("s3"))
    }
    pub fn metadata_value(&self, key: &str) -> Option<&str> {
        self.backup_target_metadata.iter().find(|m| m.key() == key).map(KeyValue::value)
    }
    /// Object lock: the `immutable` field, or (6.x) the `immutable`/`object_lock` metadata.
    pub fn is_immutable(&self) -> bool {
        self.immutable.unwrap_or(false)
            || ["immutable", "object_lock"].iter().any(|k| {
                self.metadata_value(k).and_then(|v| de::value_as_bool(&Value::String(v.to_owned()))).unwrap_or(false)
            })
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    Nfs,
    S3,
}

/// What the create form sends; [`NewBackupTarget::to_body`] writes the documented body.
#[derive(Clone, Debug, PartialEq)]
pub struct NewBackupTarget {
    pub kind: TargetKind,
    pub filesystem_export: String,
    pub s3_endpoint_url: String,
    pub s3_bucket: String,
    pub is_default: bool,
    pub immutable: bool,
    pub btt_name: String,
    pub metadata: Vec<(String, String)>,
}

impl NewBackupTarget {
    /// `{"backup_target": {...}}` with flags as 0|1 and metadata as a dictionary.
    pub fn to_body(&self) -> Value {
        let mut bt = Map::new();
        match self.kind {
            TargetKind::Nfs => {
                bt.insert("type".into(), json!("nfs"));
                bt.insert("filesystem_export".into(), json!(self.filesystem_export.trim()));
            }
            TargetKind::S3 => {
                bt.insert("type".into(), json!("s3"));
                bt.insert("s3_endpoint_url".into(), json!(self.s3_endpoint_url.trim()));
                bt.insert("s3_bucket".into(), json!(self.s3_bucket.trim()));
                bt.insert("immutable".into(), json!(u8::from(self.immutable)));
            }
        }
        bt.insert("is_default".into(), json!(u8::from(self.is_default)));
        if !self.btt_name.trim().is_empty() {
            bt.insert("btt_name".into(), json!(self.btt_name.trim()));
        }
        if !self.metadata.is_empty() {
            let meta: Map<String, Value> =
                self.metadata.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
            bt.insert("metadata".into(), Value::Object(meta));
        }
        json!({ "backup_target": bt })
    }
}

//! What the create-target form sends, and its validation.

use super::validate::{self, FieldErrors, Validate};
use super::TargetKind;
use crate::json::{json, Map, Value};

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

/// Checks the fields of the chosen kind and the metadata rows.
impl Validate for NewBackupTarget {
    type Field = TargetField;
    fn validate(&self) -> Result<(), FieldErrors<TargetField>> {
        let mut errors = FieldErrors::default();
        match self.kind {
            TargetKind::Nfs => {
                errors.check(TargetField::Export, validate::nfs_export(&self.filesystem_export))
            }
            TargetKind::S3 => {
                errors.check(TargetField::S3Url, validate::s3_url(&self.s3_endpoint_url));
                errors.check(TargetField::Bucket, validate::bucket(&self.s3_bucket));
            }
        }
        errors.check(TargetField::Metadata, validate::metadata_rows(&self.metadata).err());
        errors.into_result()
    }
}

impl NewBackupTarget {
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
            let meta: Map = pairs.into_iter().map(|(k, v)| (k, Value::String(v))).collect();
            bt.insert("metadata".into(), Value::Object(meta));
        }
        json!({ "backup_target": bt })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}

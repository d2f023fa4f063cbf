use super::de;
use super::KeyValue;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

/// A backup target type: a named, per-project view of a backup target.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct TargetType {
    #[serde(default)]
    pub id: String,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub backup_targets_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub version: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub user_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub is_default: bool,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub is_public: bool,
    #[serde(default, deserialize_with = "de::null_list")]
    pub backup_target_type_projects: Vec<TypeProject>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub backup_target_type_metadata: Vec<KeyValue>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct TypeProject {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub project_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub created_at: Option<String>,
}

impl TargetType {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
    pub fn project_ids(&self) -> Vec<String> {
        self.backup_target_type_projects.iter().filter_map(|p| p.project_id.clone()).collect()
    }
    pub fn metadata_pairs(&self) -> Vec<(String, String)> {
        self.backup_target_type_metadata.iter().map(|m| (m.key().to_owned(), m.value().to_owned())).collect()
    }
}

/// The id of the type named `name` on target `target_id`: the types embedded in a target
/// carry no id on most servers, so the type list supplies it.
pub fn type_id_for(types: &[TargetType], target_id: &str, name: &str) -> Option<String> {
    types
        .iter()
        .find(|t| t.name() == name && t.backup_targets_id.as_deref() == Some(target_id))
        .map(|t| t.id.clone())
}

fn metadata_list(pairs: &[(String, String)]) -> Value {
    Value::Array(pairs.iter().map(|(k, v)| json!({"key": k, "value": v})).collect())
}

/// The create form's values; [`NewTargetType::to_body`] writes the documented body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewTargetType {
    pub name: String,
    pub description: String,
    pub backup_targets_id: String,
    pub is_default: bool,
    pub is_public: bool,
    pub project_list: Vec<String>,
    pub metadata: Vec<(String, String)>,
}

impl NewTargetType {
    pub fn to_body(&self) -> Value {
        json!({ "backup_target_type": {
            "name": self.name.trim(),
            "description": self.description.trim(),
            "backup_targets_id": self.backup_targets_id,
            "is_default": u8::from(self.is_default),
            "is_public": u8::from(self.is_public),
            "project_list": if self.is_public { Vec::new() } else { self.project_list.clone() },
            "metadata": metadata_list(&self.metadata),
        }})
    }
}

/// The edit form's values for `PUT /backup_target_types/{id}`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TargetTypeUpdate {
    pub name: String,
    pub description: String,
    pub is_default: bool,
    pub is_public: bool,
    pub project_list: Vec<String>,
    pub purge_projects: bool,
    pub metadata: Vec<(String, String)>,
    pub purge_metadata: bool,
}

impl TargetTypeUpdate {
    pub fn to_body(&self) -> Value {
        json!({ "backup_target_type": {
            "name": self.name.trim(),
            "description": self.description.trim(),
            "is_default": u8::from(self.is_default),
            "is_public": u8::from(self.is_public),
            "project_list": self.project_list,
            "purge_projects": self.purge_projects,
            "metadata": metadata_list(&self.metadata),
            "purge_metadata": self.purge_metadata,
        }})
    }
}

/// `add_projects` / `remove_projects` body.
pub fn projects_body(type_id: &str, projects: &[String]) -> Value {
    json!({ "backup_target_type": { "backup_target_type_id": type_id, "project_list": projects } })
}

/// `add_metadata` / `remove_metadata` body.
pub fn metadata_body(type_id: &str, pairs: &[(String, String)]) -> Value {
    let mut inner = Map::new();
    inner.insert("backup_target_type_id".into(), json!(type_id));
    inner.insert("metadata".into(), metadata_list(pairs));
    json!({ "backup_target_type": inner })
}

//! What the create and edit forms of a target type send, and their validation.

use super::validate::{self, FieldErrors, Validate};
use crate::json::{json, Value};

fn metadata_list(pairs: &[(String, String)]) -> Value {
    let clean = validate::filled_rows(pairs);
    Value::Array(clean.iter().map(|(k, v)| json!({"key": k, "value": v})).collect())
}

/// The fields of the type form that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeField {
    Name,
    Target,
    Projects,
    Metadata,
}

/// The checks shared by create and edit.
fn check_common(
    name: &str,
    projects: &[String],
    metadata: &[(String, String)],
) -> FieldErrors<TypeField> {
    let mut errors = FieldErrors::default();
    errors.check(TypeField::Name, validate::name(name, true));
    let bad_project =
        projects.iter().find_map(|p| validate::project_id(p).map(|e| format!("\"{p}\": {e}")));
    errors.check(TypeField::Projects, bad_project);
    errors.check(TypeField::Metadata, validate::metadata_rows(metadata).err());
    errors
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

impl Validate for NewTargetType {
    type Field = TypeField;
    fn validate(&self) -> Result<(), FieldErrors<TypeField>> {
        let projects = if self.is_public { &[][..] } else { &self.project_list[..] };
        let mut errors = check_common(&self.name, projects, &self.metadata);
        let no_target = self.backup_targets_id.trim().is_empty();
        errors.check(
            TypeField::Target,
            no_target.then(|| "Choose the backup target this type points at.".into()),
        );
        errors.into_result()
    }
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

impl Validate for TargetTypeUpdate {
    type Field = TypeField;
    fn validate(&self) -> Result<(), FieldErrors<TypeField>> {
        check_common(&self.name, &self.project_list, &self.metadata).into_result()
    }
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

/// Project IDs as typed in a text area: split on commas and white space, duplicates dropped.
/// Each is checked by the form's `validate`.
pub fn split_projects(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|p| p == id) {
            out.push(id.to_owned());
        }
    }
    out
}

/// `add_projects` / `remove_projects` body.
pub fn projects_body(type_id: &str, projects: &[String]) -> Value {
    json!({ "backup_target_type": { "backup_target_type_id": type_id, "project_list": projects } })
}

/// `add_metadata` / `remove_metadata` body.
pub fn metadata_body(type_id: &str, pairs: &[(String, String)]) -> Value {
    json!({ "backup_target_type": { "backup_target_type_id": type_id, "metadata": metadata_list(pairs) } })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_type_needs_a_name_a_target_and_valid_projects() {
        let new = NewTargetType { project_list: split_projects("p1, b@d"), ..Default::default() };
        let errors = new.validate().unwrap_err();
        assert_eq!(errors.get(TypeField::Name), Some("Enter a name."));
        assert!(errors.get(TypeField::Target).is_some());
        assert!(errors.get(TypeField::Projects).unwrap().contains("b@d"));
        let public = NewTargetType { is_public: true, ..new };
        assert_eq!(
            public.validate().unwrap_err().get(TypeField::Projects),
            None,
            "public types list none"
        );
    }

    #[test]
    fn project_text_splits_and_drops_duplicates() {
        assert_eq!(split_projects("p1, p2\np3 p1"), vec!["p1", "p2", "p3"]);
    }
}

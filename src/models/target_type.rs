use super::record::record;
use super::KeyValue;

record! {
    /// A backup target type: a named, per-project view of a backup target.
    pub struct TargetType {
        String: id;
        Option<String>: backup_targets_id, created_at, updated_at, version, user_id, name, description;
        bool: is_default, is_public;
        Vec<TypeProject>: backup_target_type_projects;
        Vec<KeyValue>: backup_target_type_metadata;
    }
}

record! {
    /// A project a private type is shown to.
    pub struct TypeProject {
        Option<String>: id, project_id, created_at;
    }
}

/// Who sees a type: every project, or only the listed ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Private,
}

impl Visibility {
    pub fn label(self) -> &'static str {
        match self {
            Self::Public => "Public",
            Self::Private => "Private",
        }
    }
}

impl super::Row for TargetType {
    fn row_id(&self) -> &str {
        &self.id
    }
    fn row_label(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl TargetType {
    /// How people know a type: its name, or its id.
    pub fn label(&self) -> &str {
        super::name_or_id(self.name.as_deref(), &self.id)
    }
    pub fn visibility(&self) -> Visibility {
        if self.is_public {
            Visibility::Public
        } else {
            Visibility::Private
        }
    }
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }
    pub fn project_ids(&self) -> Vec<String> {
        self.backup_target_type_projects.iter().filter_map(|p| p.project_id.clone()).collect()
    }
    pub fn metadata_pairs(&self) -> Vec<(String, String)> {
        let pair = |m: &KeyValue| (m.key().to_owned(), m.value().to_owned());
        self.backup_target_type_metadata.iter().map(pair).collect()
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

// The request bodies live with the forms that send them; the client's callers find them here too.
pub use super::target_type_form::{metadata_body, projects_body};

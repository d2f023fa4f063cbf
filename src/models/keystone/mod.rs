//! What Keystone v3 says about a token (`token` in the body of `POST`/`GET /v3/auth/tokens`),
//! the projects a user may scope to, and the request bodies that ask for a token.

mod catalog;
mod expiry;

pub use catalog::{find_workloadmgr, CatalogEndpoint, CatalogService, ServiceEndpoint};
pub use expiry::{clock_offset_ms, expiry_state, Expiry, RENEW_WARNING_MS};

use super::record::record;
use crate::api::Secret;
use crate::json::{json, Map, Value};

record! {
    /// A user, project or domain as a token names it.
    pub struct Named {
        String: id;
        Option<String>: name;
        Option<Domain>: domain;
    }
}

record! {
    pub struct Domain {
        Option<String>: id, name;
    }
}

impl Named {
    /// Its name, or its id.
    pub fn label(&self) -> &str {
        super::name_or_id(self.name.as_deref(), &self.id)
    }
}

record! {
    /// The `token` object: who, for which project, until when, with which rights and services.
    pub struct TokenInfo {
        Option<String>: expires_at, issued_at;
        Option<Named>: user, project;
        Vec<Named>: roles;
        Vec<CatalogService>: catalog;
    }
}

impl TokenInfo {
    pub fn role_names(&self) -> Vec<String> {
        self.roles.iter().filter_map(|r| r.name.clone()).collect()
    }
}

/// Where a password sign-in should land: a project by id, or by name within a domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectScope {
    Id(String),
    Name { name: String, domain: String },
}

impl ProjectScope {
    /// What the admin typed: a 32-digit hex string is an id (as Keystone makes them), anything
    /// else a name in `domain`. Blank means no project: sign in unscoped and pick one.
    pub fn parse(text: &str, domain: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() {
            None
        } else if text.len() == 32 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            Some(Self::Id(text.to_owned()))
        } else {
            Some(Self::Name { name: text.to_owned(), domain: domain.trim().to_owned() })
        }
    }

    fn to_json(&self) -> Value {
        match self {
            Self::Id(id) => json!({ "project": { "id": id } }),
            Self::Name { name, domain } => {
                json!({ "project": { "name": name, "domain": { "name": domain } } })
            }
        }
    }
}

/// The body of a password sign-in.
pub fn password_body(
    user: &str,
    user_domain: &str,
    password: &Secret,
    scope: Option<&ProjectScope>,
) -> Value {
    let mut auth = Map::new();
    let identity = json!({
        "methods": ["password"],
        "password": { "user": {
            "name": user, "domain": { "name": user_domain }, "password": password.expose()
        } }
    });
    auth.insert("identity".into(), identity);
    if let Some(scope) = scope {
        auth.insert("scope".into(), scope.to_json());
    }
    json!({ "auth": Value::Object(auth) })
}

/// The body that trades a token for one scoped to `project_id` (rescope, project switch).
pub fn token_body(token: &Secret, project_id: &str) -> Value {
    json!({ "auth": {
        "identity": { "methods": ["token"], "token": { "id": token.expose() } },
        "scope": { "project": { "id": project_id } }
    } })
}

record! {
    /// A project from `GET /v3/auth/projects`.
    pub struct Project {
        String: id;
        Option<String>: name, domain_id;
        Option<bool>: enabled;
    }
}

impl Project {
    pub fn label(&self) -> &str {
        super::name_or_id(self.name.as_deref(), &self.id)
    }
}

/// The projects to offer, enabled ones only, by name.
pub fn selectable_projects(mut projects: Vec<Project>) -> Vec<Project> {
    projects.retain(|p| p.enabled != Some(false) && !p.id.is_empty());
    crate::order::sorted_by_key(projects, |p| crate::format::fold_text(p.label()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::FromJson;

    #[test]
    fn a_scoped_token_tells_user_project_roles_and_expiry() {
        let body = json!({
            "user": {"id": "u1", "name": "member", "domain": {"id": "default", "name": "Default"}},
            "project": {"id": "p1", "name": "demo"},
            "roles": [{"id": "r1", "name": "member"}, {"id": "r2", "name": "reader"}, "odd"],
            "expires_at": "2026-11-26T18:21:08.000000Z",
            "catalog": "not a list"
        });
        let info = TokenInfo::from_json(&body).unwrap();
        assert_eq!(info.user.as_ref().map(Named::label), Some("member"));
        assert_eq!(info.project.as_ref().map(Named::label), Some("demo"));
        assert_eq!(info.role_names(), ["member", "reader"]);
        assert!(info.catalog.is_empty(), "an unreadable catalog is an empty one");
    }

    #[test]
    fn a_project_is_an_id_when_it_looks_like_one_and_a_name_otherwise() {
        let id = "b92541b9a1c64a43be0c62fa9f5fe29b";
        assert_eq!(ProjectScope::parse(id, "Default"), Some(ProjectScope::Id(id.into())));
        assert_eq!(
            ProjectScope::parse(" demo ", "Default"),
            Some(ProjectScope::Name { name: "demo".into(), domain: "Default".into() })
        );
        assert_eq!(ProjectScope::parse("  ", "Default"), None);
    }

    #[test]
    fn bodies_follow_keystone_v3() {
        let scope = ProjectScope::Name { name: "demo".into(), domain: "Default".into() };
        let body = password_body("admin", "Default", &"pw".into(), Some(&scope));
        assert_eq!(body["auth"]["identity"]["password"]["user"]["password"], "pw");
        assert_eq!(body["auth"]["scope"]["project"]["domain"]["name"], "Default");
        let unscoped = password_body("admin", "Default", &"pw".into(), None);
        assert!(unscoped["auth"].get("scope").is_none());
        let rescope = token_body(&"tok".into(), "p2");
        assert_eq!(rescope["auth"]["identity"]["token"]["id"], "tok");
        assert_eq!(rescope["auth"]["scope"]["project"]["id"], "p2");
    }

    #[test]
    fn disabled_projects_are_not_offered_and_the_rest_are_sorted() {
        let list = Vec::<Project>::from_json(&json!([
            {"id": "3", "name": "zeta"}, {"id": "1", "name": "Alpha"},
            {"id": "2", "name": "off", "enabled": false}, {"name": "no id"}
        ]))
        .unwrap();
        let ids: Vec<_> = selectable_projects(list).into_iter().map(|p| p.id).collect();
        assert_eq!(ids, ["1", "3"]);
    }
}

record! {
    /// The body of `GET /v3/auth/projects`; an unreadable entry is left out.
    pub struct ProjectList {
        Vec<Project>: projects;
    }
}

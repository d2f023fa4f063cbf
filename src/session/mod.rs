//! The signed-in session: token, project, endpoint, and who signed in. It lives in
//! `sessionStorage` (gone when the tab closes) and in one reactive signal; nowhere else.

mod ctx;
pub mod sign_in;

pub use ctx::{use_session, with_client, SessionCtx};

use crate::api::{Client, Secret};
use crate::format::{api_time_millis, now_ms};
use crate::json::{json, Value};

pub const STORAGE_KEY: &str = "wlm-console.session";

#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The Workloadmgr endpoint template (`{project_id}` or `%(tenant_id)s` still in it).
    pub endpoint: String,
    pub project_id: String,
    pub token: Secret,
    /// When the token expires, as Keystone says (ISO 8601, UTC, Keystone's clock).
    pub expires_at: Option<String>,
    /// How far the browser's clock runs ahead of Keystone's.
    pub clock_offset_ms: f64,
    /// Who signed in, when Keystone said so (not for a pasted token without Keystone).
    pub identity: Option<Identity>,
}

/// What Keystone told about the session's token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Identity {
    pub keystone_url: String,
    pub user_id: String,
    pub user_name: String,
    pub user_domain: String,
    pub project_name: String,
    pub region: Option<String>,
    pub roles: Vec<String>,
}

impl Session {
    /// Whether `other` reaches the same API for the same project (a renewed token does).
    pub fn same_scope(&self, other: &Session) -> bool {
        self.endpoint == other.endpoint && self.project_id == other.project_id
    }

    /// A client that refuses to send once the token has expired.
    pub fn client(&self) -> Client {
        Client::new(&self.endpoint, &self.project_id, &self.token).expiring_at(self.expires_ms())
    }

    /// The expiry on the browser's clock.
    pub fn expires_ms(&self) -> Option<f64> {
        self.expires_at.as_deref().and_then(api_time_millis).map(|at| at + self.clock_offset_ms)
    }

    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.expires_ms().is_some_and(|at| at <= now_ms)
    }

    /// The same user in the same project: a renewed session may replace this one without
    /// mixing one project's data into another's page.
    pub fn same_principal(&self, other: &Session) -> bool {
        let user = |s: &Session| s.identity.as_ref().map(|i| i.user_id.clone());
        self.project_id == other.project_id && user(self) == user(other)
    }

    pub fn user_label(&self) -> Option<&str> {
        self.identity.as_ref().map(|i| i.user_name.as_str())
    }

    /// The project's name where known, its id otherwise.
    pub fn project_label(&self) -> &str {
        let name = self.identity.as_ref().map(|i| i.project_name.as_str());
        crate::models::name_or_id(name, &self.project_id)
    }

    /// The stored form; `early-reads.js` reads its `endpoint`, `project_id`, `token`,
    /// `expires_at` and `clock_offset_ms`.
    fn to_json(&self) -> Value {
        let identity = self.identity.as_ref().map(|i| {
            json!({
                "keystone_url": i.keystone_url.as_str(),
                "user_id": i.user_id.as_str(),
                "user_name": i.user_name.as_str(),
                "user_domain": i.user_domain.as_str(),
                "project_name": i.project_name.as_str(),
                "region": i.region.as_deref(),
                "roles": i.roles.as_slice(),
            })
        });
        json!({
            "endpoint": self.endpoint.as_str(),
            "project_id": self.project_id.as_str(),
            "token": self.token.expose(),
            "expires_at": self.expires_at.as_deref(),
            "clock_offset_ms": self.clock_offset_ms,
            "identity": identity,
        })
    }

    /// A stored session; `None` when a field it cannot do without is missing or misshapen.
    fn from_json(value: &Value) -> Option<Self> {
        let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
        let identity = match value.get("identity").filter(|i| !i.is_null()) {
            None => None,
            Some(i) => Some(Identity {
                keystone_url: text(i, "keystone_url")?,
                user_id: text(i, "user_id")?,
                user_name: text(i, "user_name")?,
                user_domain: text(i, "user_domain")?,
                project_name: text(i, "project_name")?,
                region: text(i, "region"),
                roles: i["roles"]
                    .as_array()?
                    .iter()
                    .map(|r| r.as_str().map(str::to_owned))
                    .collect::<Option<_>>()?,
            }),
        };
        Some(Self {
            endpoint: text(value, "endpoint")?,
            project_id: text(value, "project_id")?,
            token: text(value, "token")?.into(),
            expires_at: text(value, "expires_at"),
            clock_offset_ms: value["clock_offset_ms"].as_f64().unwrap_or(0.0),
            identity,
        })
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The stored session; a missing, unreadable or expired one is `None`.
pub fn load() -> Option<Session> {
    let text = storage()?.get_item(STORAGE_KEY).ok().flatten()?;
    let session = Session::from_json(&crate::json::parse(&text).ok()?)?;
    if session.is_expired(now_ms()) {
        clear();
        return None;
    }
    Some(session)
}

pub fn save(session: &Session) {
    if let Some(store) = storage() {
        let _ = store.set_item(STORAGE_KEY, &session.to_json().to_string());
    }
}

pub fn clear() {
    if let Some(store) = storage() {
        let _ = store.remove_item(STORAGE_KEY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(user: &str, project: &str) -> Session {
        Session {
            endpoint: "/v1/{project_id}".into(),
            project_id: project.into(),
            token: "t".into(),
            expires_at: Some("2026-11-26T18:00:00.000000Z".into()),
            clock_offset_ms: 60_000.0,
            identity: Some(Identity { user_id: user.into(), ..Identity::default() }),
        }
    }

    #[test]
    fn expiry_is_on_the_browsers_clock() {
        let s = session("u", "p");
        let keystone_end = api_time_millis("2026-11-26T18:00:00").unwrap();
        assert_eq!(s.expires_ms(), Some(keystone_end + 60_000.0));
        assert!(!s.is_expired(keystone_end + 59_000.0), "the browser runs a minute ahead");
        assert!(s.is_expired(keystone_end + 60_000.0));
    }

    #[test]
    fn a_stored_session_reads_back_whole() {
        let mut s = session("u", "p");
        let i = s.identity.as_mut().unwrap();
        i.roles = vec!["admin".into(), "member".into()];
        i.region = Some("RegionTwo".into());
        let stored = s.to_json().to_string();
        assert_eq!(Session::from_json(&crate::json::parse(&stored).unwrap()), Some(s.clone()));
        s.identity = None;
        s.expires_at = None;
        let stored = s.to_json().to_string();
        assert_eq!(Session::from_json(&crate::json::parse(&stored).unwrap()), Some(s));
        let pasted = crate::json::parse(
            r#"{"endpoint": "/v1/{project_id}", "project_id": "p", "token": "t"}"#,
        );
        assert_eq!(Session::from_json(&pasted.unwrap()).map(|s| s.clock_offset_ms), Some(0.0));
        let broken = crate::json::parse(r#"{"endpoint": "/v1", "project_id": 7, "token": "t"}"#);
        assert_eq!(Session::from_json(&broken.unwrap()), None);
    }

    #[test]
    fn only_the_same_user_in_the_same_project_may_renew_a_session() {
        let s = session("u1", "p1");
        assert!(s.same_principal(&session("u1", "p1")));
        assert!(!s.same_principal(&session("u2", "p1")));
        assert!(!s.same_principal(&session("u1", "p2")));
    }
}

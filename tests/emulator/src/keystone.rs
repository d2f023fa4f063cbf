//! With `--keystone URL`: every `X-Auth-Token` is checked against that Keystone (a user may
//! validate their own token), and the answer is kept briefly so a page's burst of calls asks once.

use crate::Role;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Long enough to spare Keystone a page's burst, short enough that a revoked token stops soon.
const CACHE_FOR: Duration = Duration::from_secs(3);

/// What a valid token allows.
#[derive(Clone, Debug, PartialEq)]
pub struct TokenScope {
    pub project_id: String,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    Valid(TokenScope),
    Invalid,
    /// Keystone could not be asked: the emulator answers 503, as keystonemiddleware does.
    Unavailable(String),
}

pub struct KeystoneCheck {
    url: String,
    http: reqwest::Client,
    cache: Mutex<HashMap<String, (Instant, Check)>>,
}

impl KeystoneCheck {
    pub fn new(url: &str) -> Self {
        let http =
            reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default();
        Self { url: url.trim_end_matches('/').to_owned(), http, cache: Mutex::new(HashMap::new()) }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub async fn check(&self, token: &str) -> Check {
        if token.is_empty() {
            return Check::Invalid;
        }
        let cached = {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            cache.get(token).filter(|(at, _)| at.elapsed() < CACHE_FOR).map(|(_, c)| c.clone())
        };
        if let Some(found) = cached {
            return found;
        }
        let fresh = self.ask(token).await;
        if !matches!(fresh, Check::Unavailable(_)) {
            let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            cache.retain(|_, (at, _)| at.elapsed() < CACHE_FOR);
            cache.insert(token.to_owned(), (Instant::now(), fresh.clone()));
        }
        fresh
    }

    async fn ask(&self, token: &str) -> Check {
        let answer = self
            .http
            .get(format!("{}/auth/tokens", self.url))
            .header("X-Auth-Token", token)
            .header("X-Subject-Token", token)
            .send()
            .await;
        let response = match answer {
            Ok(r) => r,
            Err(e) => return Check::Unavailable(format!("Keystone is unreachable: {e}")),
        };
        match response.status().as_u16() {
            200 => {}
            401 | 403 | 404 => return Check::Invalid,
            other => return Check::Unavailable(format!("Keystone answered HTTP {other}")),
        }
        let Ok(body) = response.json::<serde_json::Value>().await else {
            return Check::Unavailable("Keystone sent an unreadable token".into());
        };
        scope_of(&body["token"])
    }
}

/// A project-scoped token's project and role; an unscoped token reaches no project API.
pub fn scope_of(token: &serde_json::Value) -> Check {
    let Some(project_id) = token["project"]["id"].as_str() else { return Check::Invalid };
    let roles = token["roles"].as_array().cloned().unwrap_or_default();
    let admin = roles.iter().any(|r| r["name"].as_str() == Some("admin"));
    Check::Valid(TokenScope {
        project_id: project_id.to_owned(),
        role: if admin { Role::Admin } else { Role::Member },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_scope_and_the_admin_role_come_from_the_token() {
        let admin =
            json!({"project": {"id": "p1"}, "roles": [{"name": "reader"}, {"name": "admin"}]});
        assert_eq!(
            scope_of(&admin),
            Check::Valid(TokenScope { project_id: "p1".into(), role: Role::Admin })
        );
        let member = json!({"project": {"id": "p2"}, "roles": [{"name": "member"}]});
        assert!(matches!(scope_of(&member), Check::Valid(TokenScope { role: Role::Member, .. })));
        assert_eq!(scope_of(&json!({"roles": []})), Check::Invalid, "unscoped");
    }
}

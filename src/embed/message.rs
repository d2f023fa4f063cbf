//! The messages between the console and the portal that frames it, and their checks. Nothing
//! in a message is trusted: a wrong field refuses the whole message.

use crate::api::is_valid_token;
use crate::config::AppConfig;
use crate::format::{api_time_millis, now_ms};
use crate::json::{json, Value};
use crate::models::keystone::{find_workloadmgr, CatalogService};
use crate::models::validate;
use crate::models::FromJson;
use crate::session::{Identity, Session};

/// Portal → console: the session to act with (`token`, `project_id`, `endpoint` or `catalog`,
/// `expires_at`; `user_name`, `project_name`, `region` for display).
pub const SESSION: &str = "wlm-console/session";
/// Console → portal: loaded, send a session.
pub const READY: &str = "wlm-console/ready";
/// Console → portal: the token was refused or is about to expire, send a fresh one.
pub const TOKEN_EXPIRED: &str = "wlm-console/token-expired";
/// Console → portal: the answer to a session message.
pub const ACCEPTED: &str = "wlm-console/session-accepted";
pub const REJECTED: &str = "wlm-console/session-rejected";

/// Only the origins `config.json` lists, exactly (scheme, host and port; no wildcard).
pub fn is_allowed_origin(origin: &str, allowed: &[String]) -> bool {
    !origin.is_empty()
        && origin != "null"
        && allowed.iter().any(|a| a.trim_end_matches('/') == origin)
}

fn text<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// The session a portal's message describes, or why it is refused.
pub fn session_from_message(data: &Value, cfg: &AppConfig) -> Result<Session, String> {
    if data.get("type").and_then(Value::as_str) != Some(SESSION) {
        return Err("not a session message".into());
    }
    let token = text(data, "token").filter(|t| is_valid_token(t)).ok_or("no usable token")?;
    let project_id = text(data, "project_id").ok_or("no project_id")?;
    if let Some(problem) = validate::project_id(project_id) {
        return Err(format!("project_id: {problem}"));
    }
    let region = text(data, "region").map(str::to_owned);
    let endpoint = match (cfg.endpoint_override(), text(data, "endpoint"), data.get("catalog")) {
        (Some(url), _, _) | (None, Some(url), _) => url.to_owned(),
        (None, None, Some(catalog)) => {
            let catalog =
                Vec::<CatalogService>::from_json(catalog).map_err(|e| format!("catalog: {e}"))?;
            let found =
                find_workloadmgr(&catalog, &cfg.interface, region.as_deref().or(cfg.region()))?;
            found.into_iter().next().map(|e| e.url).ok_or("no endpoint")?
        }
        (None, None, None) => return Err("neither endpoint nor catalog".into()),
    };
    let expires_at = match data.get("expires_at") {
        None | Some(Value::Null) => None,
        Some(Value::String(at)) if api_time_millis(at).is_some() => Some(at.clone()),
        Some(_) => return Err("expires_at is not a time".into()),
    };
    let session = Session {
        endpoint,
        project_id: project_id.to_owned(),
        token: token.into(),
        expires_at,
        clock_offset_ms: 0.0,
        identity: Some(Identity {
            user_name: text(data, "user_name").unwrap_or_default().to_owned(),
            project_name: text(data, "project_name").unwrap_or_default().to_owned(),
            region,
            ..Identity::default()
        }),
    };
    if session.is_expired(now_ms()) {
        return Err("the token has already expired".into());
    }
    Ok(session)
}

/// A message to the portal.
pub fn to_portal(kind: &str, detail: Option<&str>) -> Value {
    match detail {
        Some(d) => json!({ "type": kind, "reason": d }),
        None => json!({ "type": kind }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg() -> AppConfig {
        AppConfig::default()
    }

    fn message() -> Value {
        json!({
            "type": SESSION, "token": "gAAAA-token", "project_id": "c76b3355a164498aa95ddbc960adc238",
            "endpoint": "https://cloud.example/v1/c76b3355a164498aa95ddbc960adc238",
            "expires_at": "2999-01-01T00:00:00.000000Z", "user_name": "admin", "project_name": "demo"
        })
    }

    #[test]
    fn only_listed_origins_count_exactly() {
        let allowed =
            vec!["https://horizon.example".to_owned(), "http://127.0.0.1:8000/".to_owned()];
        assert!(is_allowed_origin("https://horizon.example", &allowed));
        assert!(is_allowed_origin("http://127.0.0.1:8000", &allowed));
        assert!(!is_allowed_origin("https://horizon.example.evil", &allowed));
        assert!(!is_allowed_origin("http://horizon.example", &allowed));
        assert!(!is_allowed_origin("null", &["null".to_owned()]));
    }

    #[test]
    fn a_good_message_becomes_a_session() {
        let s = session_from_message(&message(), &cfg()).unwrap();
        assert_eq!(s.project_id, "c76b3355a164498aa95ddbc960adc238");
        assert_eq!(s.user_label(), Some("admin"));
        assert_eq!(s.project_label(), "demo");
        assert_eq!(s.token.expose(), "gAAAA-token");
    }

    #[test]
    fn the_endpoint_may_come_from_a_catalog_and_the_config_overrides_both() {
        let mut m = message();
        m.as_object_mut().unwrap().remove("endpoint");
        let catalog = json!([{"type": "workloads", "endpoints": [
            {"interface": "public", "region_id": "R1", "url": "https://wlm/v1/%(tenant_id)s"}]}]);
        m.as_object_mut().unwrap().insert("catalog".into(), catalog);
        assert_eq!(
            session_from_message(&m, &cfg()).unwrap().endpoint,
            "https://wlm/v1/%(tenant_id)s"
        );
        let fixed = AppConfig { endpoint: Some("/v1/{project_id}".into()), ..cfg() };
        assert_eq!(session_from_message(&m, &fixed).unwrap().endpoint, "/v1/{project_id}");
    }

    #[test]
    fn any_wrong_field_refuses_the_message() {
        let broken = |key: &str, value: Value| {
            let mut m = message();
            m.as_object_mut().unwrap().insert(key.into(), value);
            session_from_message(&m, &cfg()).unwrap_err()
        };
        assert!(broken("type", json!("wlm-console/other")).contains("not a session"));
        assert!(broken("token", json!("has space")).contains("token"));
        assert!(broken("token", json!(42)).contains("token"));
        assert!(broken("project_id", json!("../x")).contains("project_id"));
        assert!(broken("expires_at", json!("soon")).contains("expires_at"));
        assert!(broken("expires_at", json!("2000-01-01T00:00:00Z")).contains("expired"));
        assert!(session_from_message(&json!("a string"), &cfg()).is_err());
        let mut no_endpoint = message();
        no_endpoint.as_object_mut().unwrap().remove("endpoint");
        assert!(session_from_message(&no_endpoint, &cfg()).is_err());
    }
}

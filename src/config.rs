//! Runtime configuration from `/config.json` beside `index.html`, so one build serves any cloud.

use crate::api::keystone::Keystone;
use crate::json::Value;
use crate::models::json::Obj;
use leptos::prelude::*;

/// The endpoint used when `config.json` is missing: the API on the console's own origin
/// (the API has no CORS support, so a browser reaches it only through the same origin).
pub const DEFAULT_ENDPOINT: &str = "/v1/{project_id}";

/// Where the configuration lives. Absolute: a deep link such as `/snapshots/ID` must not
/// read `/snapshots/config.json` (which the server answers with `index.html`).
pub const CONFIG_PATH: &str = "/config.json";

#[derive(Clone, Debug, PartialEq)]
pub struct AppConfig {
    /// Endpoint template with `{project_id}` where the project goes. When set it wins over
    /// the token's catalog.
    pub endpoint: Option<String>,
    /// Product name in the header, for portals that brand the console.
    pub title: Option<String>,
    /// Keystone v3 (absolute, or a same-origin path such as `/identity/v3`): with it the
    /// console signs in with a password or a token and finds the endpoint in the catalog.
    pub keystone_url: Option<String>,
    /// The catalog region to use; with none and several, the admin picks.
    pub region: Option<String>,
    /// The catalog interface: `public`, `internal` or `admin`.
    pub interface: String,
    pub user_domain: String,
    pub project_domain: String,
    /// Embedding: the portal origins allowed to frame the console and hand it a session.
    pub embed: Option<EmbedConfig>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedConfig {
    pub allowed_origins: Vec<String>,
}

fn default_interface() -> String {
    "public".to_owned()
}

fn default_domain() -> String {
    "Default".to_owned()
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            endpoint: None,
            title: None,
            keystone_url: None,
            region: None,
            interface: default_interface(),
            user_domain: default_domain(),
            project_domain: default_domain(),
            embed: None,
        }
    }
}

impl AppConfig {
    /// The settings in `text`; a field of the wrong type reads as absent. `None` when the
    /// text is not a JSON object (a server's HTML page in its place).
    pub fn parse(text: &str) -> Option<Self> {
        let value = crate::json::parse(text).ok()?;
        let o = Obj::new(&value).ok()?;
        let text_or = |key: &str, default: fn() -> String| {
            o.read::<Option<String>>(&[key]).unwrap_or_else(default)
        };
        let embed = value.get("embed").filter(|e| e.as_object().is_some()).map(|e| EmbedConfig {
            allowed_origins: e["allowed_origins"]
                .as_array()
                .map(|list| list.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
        });
        Some(Self {
            endpoint: o.read(&["endpoint"]),
            title: o.read(&["title"]),
            keystone_url: o.read(&["keystone_url"]),
            region: o.read(&["region"]),
            interface: text_or("interface", default_interface),
            user_domain: text_or("user_domain", default_domain),
            project_domain: text_or("project_domain", default_domain),
            embed,
        })
    }
    /// The endpoint template for a pasted token without Keystone, or the override.
    pub fn endpoint(&self) -> &str {
        self.endpoint
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .unwrap_or(DEFAULT_ENDPOINT)
    }
    /// The configured endpoint that overrides the catalog, if any.
    pub fn endpoint_override(&self) -> Option<&str> {
        self.endpoint.as_deref().map(str::trim).filter(|e| !e.is_empty())
    }
    pub fn keystone(&self) -> Option<Keystone> {
        self.keystone_url.as_deref().map(str::trim).filter(|u| !u.is_empty()).map(Keystone::new)
    }
    /// The portal origins (exact, without a trailing slash) that may embed the console.
    pub fn embed_origins(&self) -> Vec<String> {
        let origins = self.embed.as_ref().map(|e| e.allowed_origins.as_slice()).unwrap_or_default();
        origins
            .iter()
            .map(|o| o.trim().trim_end_matches('/').to_owned())
            .filter(|o| !o.is_empty())
            .collect()
    }
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref().map(str::trim).filter(|r| !r.is_empty())
    }
    pub fn title(&self) -> &str {
        self.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or("Backup Console")
    }
}

/// Reads `config.json`; any failure falls back to the defaults.
pub async fn load_config() -> AppConfig {
    let Ok(response) = gloo_net::http::Request::get(CONFIG_PATH).send().await else {
        return AppConfig::default();
    };
    if !response.ok() {
        return AppConfig::default();
    }
    match response.text().await {
        Ok(text) => AppConfig::parse(&text).unwrap_or_default(),
        Err(_) => AppConfig::default(),
    }
}

/// The runtime configuration, loaded once at start and shared through context.
#[derive(Clone, Copy)]
pub struct ConfigCtx(LocalResource<AppConfig>);

impl ConfigCtx {
    pub fn provide() {
        provide_context(Self(LocalResource::new(load_config)));
    }
}

/// The configuration once loaded; `None` while it loads or outside the app.
pub fn use_config() -> Option<AppConfig> {
    use_context::<ConfigCtx>().and_then(|c| c.0.get())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_fall_back_to_the_defaults() {
        let cfg = AppConfig::parse(r#"{"title": "Acme Backups"}"#).unwrap();
        assert_eq!(cfg.endpoint(), DEFAULT_ENDPOINT);
        assert_eq!(cfg.endpoint_override(), None);
        assert!(cfg.keystone().is_none());
        assert_eq!((cfg.interface.as_str(), cfg.user_domain.as_str()), ("public", "Default"));
        assert_eq!(cfg.title(), "Acme Backups");
        assert_eq!(AppConfig::default().title(), "Backup Console");
        assert_eq!(AppConfig::parse("<!DOCTYPE html>"), None);
        assert_eq!(AppConfig::parse("[]"), None);
        let odd = AppConfig::parse(r#"{"title": 7, "interface": null, "embed": {"allowed_origins": ["https://portal/", 3]}}"#)
            .unwrap();
        assert_eq!((odd.title(), odd.interface.as_str()), ("7", "public"));
        assert_eq!(odd.embed_origins(), ["https://portal"]);
    }

    #[test]
    fn keystone_settings_are_read() {
        let cfg = AppConfig::parse(
            r#"{"keystone_url": "/identity/v3/", "region": "RegionTwo", "interface": "internal",
                "user_domain": "ldap", "endpoint": " "}"#,
        )
        .unwrap();
        assert_eq!(cfg.keystone().map(|k| k.url().to_owned()).as_deref(), Some("/identity/v3"));
        assert_eq!(cfg.region(), Some("RegionTwo"));
        assert_eq!(cfg.endpoint_override(), None, "a blank endpoint does not override");
        assert_eq!((cfg.user_domain.as_str(), cfg.project_domain.as_str()), ("ldap", "Default"));
    }
}

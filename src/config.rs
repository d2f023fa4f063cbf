//! Runtime configuration from `/config.json` beside `index.html`, so one build serves any cloud.

use leptos::prelude::*;
use serde::Deserialize;

/// The endpoint used when `config.json` is missing: the API on the console's own origin
/// (the API has no CORS support, so a browser reaches it only through the same origin).
pub const DEFAULT_ENDPOINT: &str = "/v1/{project_id}";

/// Where the configuration lives. Absolute: a deep link such as `/snapshots/ID` must not
/// read `/snapshots/config.json` (which the server answers with `index.html`).
pub const CONFIG_PATH: &str = "/config.json";

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AppConfig {
    /// Endpoint template with `{project_id}` where the project goes.
    #[serde(default = "default_endpoint")]
    pub endpoint: String,
    /// Product name in the header, for portals that brand the console.
    #[serde(default)]
    pub title: Option<String>,
}

fn default_endpoint() -> String {
    DEFAULT_ENDPOINT.to_owned()
}

impl Default for AppConfig {
    fn default() -> Self {
        Self { endpoint: default_endpoint(), title: None }
    }
}

impl AppConfig {
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
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
        assert_eq!(cfg.endpoint, DEFAULT_ENDPOINT);
        assert_eq!(cfg.title(), "Acme Backups");
        assert_eq!(AppConfig::default().title(), "Backup Console");
        assert_eq!(AppConfig::parse("<!DOCTYPE html>"), None);
    }
}

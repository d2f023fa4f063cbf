//! Runtime configuration from `config.json` beside `index.html`, so one build serves any cloud.

use serde::Deserialize;

/// The endpoint used when `config.json` is missing: the API on the console's own origin
/// (the API has no CORS support, so a browser reaches it only through the same origin).
pub const DEFAULT_ENDPOINT: &str = "/v1/{project_id}";

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
}

/// Reads `config.json`; any failure falls back to the defaults.
pub async fn load_config() -> AppConfig {
    let Ok(response) = gloo_net::http::Request::get("config.json").send().await else {
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

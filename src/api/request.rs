//! One documented request, described once: the client sends it, and "Copy as curl" prints the
//! same thing, so the command an admin copies is exactly what the button does.

use super::{build_url, Method, DEFAULT_TIMEOUT_SECS};
use crate::json::Value;

/// A request to the Workloadmgr API, relative to the project's endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(&'static str, String)>,
    pub body: Option<Value>,
    pub timeout_secs: u32,
    /// A read, which may be retried; a change (including the documented GETs that change
    /// something) is sent once.
    pub safe: bool,
}

impl ApiRequest {
    /// A read.
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(Method::Get, path, None, true)
    }

    /// A GET that changes something (`set_default`, `cancel`).
    pub fn get_change(path: impl Into<String>) -> Self {
        Self::new(Method::Get, path, None, false)
    }

    /// A POST, PUT or DELETE, with its JSON body if any.
    pub fn change(method: Method, path: impl Into<String>, body: Option<Value>) -> Self {
        Self::new(method, path, body, false)
    }

    fn new(method: Method, path: impl Into<String>, body: Option<Value>, safe: bool) -> Self {
        let (path, query, timeout_secs) = (path.into(), Vec::new(), DEFAULT_TIMEOUT_SECS);
        Self { method, path, query, body, timeout_secs, safe }
    }

    pub fn with_query(mut self, query: Vec<(&'static str, String)>) -> Self {
        self.query = query;
        self
    }

    pub fn with_timeout(mut self, seconds: u32) -> Self {
        self.timeout_secs = seconds;
        self
    }

    /// The request as a shell command against `base` (the project's endpoint, absolute) for
    /// `project`. The token is `$OS_TOKEN`, expanded by the shell: never the token itself.
    pub fn curl(&self, base: &str, project: &str) -> String {
        let url = build_url(base, &self.path, &self.query);
        let mut parts = vec![
            "curl".to_owned(),
            "-sS".to_owned(),
            "-X".to_owned(),
            self.method.as_str().to_owned(),
            shell_quote(&url),
            "-H".to_owned(),
            "\"X-Auth-Token: $OS_TOKEN\"".to_owned(),
            "-H".to_owned(),
            shell_quote(&format!("X-Auth-Project-Id: {project}")),
            "-H".to_owned(),
            shell_quote("Accept: application/json"),
        ];
        if let Some(body) = &self.body {
            parts.push("-H".to_owned());
            parts.push(shell_quote("Content-Type: application/json"));
            parts.push("--data".to_owned());
            parts.push(shell_quote(&body.to_string()));
        }
        parts.join(" ")
    }
}

/// One shell word, in single quotes: nothing inside is expanded (`'` is closed, escaped and
/// reopened).
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;

    #[test]
    fn curl_names_the_token_only_as_a_variable_and_quotes_everything_else() {
        let body = json!({"snapshot": {"name": "it's $(rm -rf) `x`"}});
        let req = ApiRequest::change(Method::Post, "/workloads/w%201", Some(body))
            .with_query(vec![("full", "True".into())]);
        let cmd = req.curl("https://wlm.example/v1/p1", "p1");
        assert!(cmd
            .starts_with("curl -sS -X POST 'https://wlm.example/v1/p1/workloads/w%201?full=True'"));
        assert!(cmd.contains(r#"-H "X-Auth-Token: $OS_TOKEN""#));
        assert!(cmd.contains("-H 'X-Auth-Project-Id: p1'"));
        assert!(cmd.contains("-H 'Content-Type: application/json'"));
        assert!(
            cmd.ends_with(r#"--data '{"snapshot":{"name":"it'\''s $(rm -rf) `x`"}}'"#),
            "{cmd}"
        );
        let read = ApiRequest::get("/snapshots").curl("https://h/v1/p", "p");
        assert!(!read.contains("--data") && !read.contains("Content-Type"), "{read}");
    }
}

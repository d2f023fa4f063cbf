//! The Workloadmgr API client: one module per resource, one async function per documented
//! operation. Transport lives here; what the documents say about shapes lives in `models`.

pub mod backup_targets;
pub mod error;
pub mod keystone;
mod secret;
pub mod snapshots;
pub mod target_types;
mod transport;

pub use secret::Secret;
pub mod workloads;

pub use error::ApiError;

use crate::models::FromJson;
use serde_json::Value;
use std::rc::Rc;

/// How long an ordinary call may take.
pub const DEFAULT_TIMEOUT_SECS: u32 = 60;
/// Creating a backup target validates the mount: minutes on a real cloud.
pub const LONG_TIMEOUT_SECS: u32 = 600;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Delete => "DELETE",
        }
    }
}

/// What came back, before any interpretation.
#[derive(Clone, Debug, PartialEq)]
pub struct RawResponse {
    pub status: u16,
    pub request_id: Option<String>,
    pub body: String,
}

/// What the app does on a 401, or when the token has expired (`true`): asks for a new sign-in.
#[derive(Clone)]
struct OnUnauthorized(Rc<dyn Fn(bool)>);

impl std::fmt::Debug for OnUnauthorized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OnUnauthorized")
    }
}

/// A project-scoped connection to one Workloadmgr endpoint.
#[derive(Clone, Debug)]
pub struct Client {
    base: String,
    project_id: String,
    token: Secret,
    /// When the token ends, on the browser's clock: after that it is not sent.
    expires_ms: Option<f64>,
    on_unauthorized: Option<OnUnauthorized>,
}

/// Fills the project id into an endpoint template: `{project_id}`, `{tenant_id}`,
/// `%(tenant_id)s`, `%(project_id)s`, `$(tenant_id)s` and `$(tenant_id)` are all seen in the wild.
pub fn endpoint_for(template: &str, project_id: &str) -> String {
    let project = encode_segment(project_id);
    let mut url = template.trim().to_owned();
    for placeholder in [
        "{project_id}",
        "{tenant_id}",
        "%(tenant_id)s",
        "%(project_id)s",
        "$(tenant_id)s",
        "$(project_id)s",
        "$(tenant_id)",
    ] {
        url = url.replace(placeholder, &project);
    }
    url.trim_end_matches('/').to_owned()
}

/// Percent-encodes one path segment or query value (RFC 3986 unreserved characters pass).
pub fn encode_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `base + path + ?query`, query values encoded.
pub fn build_url(base: &str, path: &str, query: &[(&str, String)]) -> String {
    let mut url = format!("{}{}", base.trim_end_matches('/'), path);
    if !query.is_empty() {
        let q: Vec<String> =
            query.iter().map(|(k, v)| format!("{k}={}", encode_segment(v))).collect();
        url.push('?');
        url.push_str(&q.join("&"));
    }
    url
}

/// The value under the plural key (as documented) or the singular one (as some versions send).
pub fn decode_wrapped<T: FromJson>(
    raw: &RawResponse,
    plural: &str,
    singular: &str,
) -> Result<T, ApiError> {
    let decode_err = |message: String| ApiError::Decode {
        status: raw.status,
        message,
        request_id: raw.request_id.clone(),
    };
    let value: Value =
        serde_json::from_str(raw.body.trim()).map_err(|e| decode_err(format!("not JSON ({e})")))?;
    let inner = value
        .get(plural)
        .or_else(|| value.get(singular))
        .ok_or_else(|| decode_err(format!("expected a \"{plural}\" object")))?;
    T::from_json(inner).map_err(|e| decode_err(format!("unexpected \"{plural}\" content ({e})")))
}

impl Client {
    /// `endpoint_template` such as `http://127.0.0.1:8780/v1/{project_id}`.
    pub fn new(endpoint_template: &str, project_id: &str, token: &Secret) -> Self {
        Self {
            base: endpoint_for(endpoint_template, project_id),
            project_id: project_id.to_owned(),
            token: token.clone(),
            expires_ms: None,
            on_unauthorized: None,
        }
    }

    pub fn expiring_at(mut self, expires_ms: Option<f64>) -> Self {
        self.expires_ms = expires_ms;
        self
    }

    /// Called on any 401 (`false`) or instead of sending an expired token (`true`), before
    /// the error is returned: the app asks for a new sign-in there.
    pub fn with_unauthorized_handler(mut self, handler: impl Fn(bool) + 'static) -> Self {
        self.on_unauthorized = Some(OnUnauthorized(Rc::new(handler)));
        self
    }

    fn unauthorized(&self, expired: bool) {
        if let Some(handler) = &self.on_unauthorized {
            (handler.0)(expired);
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn project_id(&self) -> &str {
        &self.project_id
    }

    /// Sends one request; a non-2xx answer becomes an [`ApiError`].
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
        timeout_secs: u32,
    ) -> Result<RawResponse, ApiError> {
        if self.expires_ms.is_some_and(|at| crate::format::now_ms() >= at) {
            self.unauthorized(true);
            return Err(ApiError::Unauthorized {
                message: "The token has expired, so it was not sent. Sign in again.".into(),
                request_id: None,
            });
        }
        let url = build_url(&self.base, path, &[]);
        let token = self.token.expose();
        let headers = [("X-Auth-Token", token), ("X-Auth-Project-Id", self.project_id.as_str())];
        let outgoing =
            transport::Outgoing { url: &url, method, query, headers: &headers, body, timeout_secs };
        let raw = transport::send(outgoing, token).await?.raw;
        if (200..300).contains(&raw.status) {
            return Ok(raw);
        }
        let err = ApiError::from_response(raw.status, raw.request_id, &raw.body);
        if raw.status == 401 {
            self.unauthorized(false);
        }
        Err(err)
    }

    pub async fn get(&self, path: &str, query: &[(&str, String)]) -> Result<RawResponse, ApiError> {
        self.send(Method::Get, path, query, None, DEFAULT_TIMEOUT_SECS).await
    }
}

/// Removes the token from text that came from the browser, before it can reach a message.
pub fn redact(text: &str, token: &str) -> String {
    if token.is_empty() {
        return text.to_owned();
    }
    text.replace(token, "<token>")
}

/// A token is sent as a header value: visible ASCII only, which also keeps it out of
/// the browser's "invalid header value" errors.
pub fn is_valid_token(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_never_reaches_a_message() {
        let token = "gAAAAAB-secret\n";
        let browser_text = format!("Headers.set: '{token}' is an invalid header value.");
        let shown = redact(&browser_text, token);
        assert!(!shown.contains("secret"), "{shown}");
        assert!(shown.contains("<token>"));
    }
}

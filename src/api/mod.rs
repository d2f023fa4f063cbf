//! The Workloadmgr API client: one module per resource, one async function per documented
//! operation. Transport lives here; what the documents say about shapes lives in `models`.

pub mod backup_targets;
mod client;
mod early;
pub mod error;
pub mod keystone;
mod list_decode;
mod request;
pub mod retry;
mod secret;
pub mod snapshots;
pub mod target_types;
mod transport;

pub use secret::Secret;
pub mod workloads;

pub use client::Client;
pub use error::ApiError;
pub use list_decode::decode_list;
pub use request::{shell_quote, ApiRequest};

use crate::json::Value;
use crate::models::FromJson;

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
        crate::json::parse(raw.body.trim()).map_err(|e| decode_err(format!("not JSON ({e})")))?;
    let inner = value
        .get(plural)
        .or_else(|| value.get(singular))
        .ok_or_else(|| decode_err(format!("expected a \"{plural}\" object")))?;
    T::from_json(inner).map_err(|e| decode_err(format!("unexpected \"{plural}\" content ({e})")))
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A path segment or query value can hold anything and still mean itself, and never
        /// adds a path, query or fragment of its own.
        #[test]
        fn encoded_segments_round_trip_and_stay_one_segment(text in "\\PC{0,40}") {
            let encoded = encode_segment(&text);
            prop_assert!(!encoded.contains(['/', '?', '#', '&', '=', ' ']), "{encoded}");
            prop_assert_eq!(crate::routes::decode_component(&encoded, false), text.clone());
            let url = build_url("https://wlm.example/v1/p", &format!("/snapshots/{encoded}"), &[("host", text.clone())]);
            prop_assert_eq!(url.matches('?').count(), 1);
            prop_assert!(url.starts_with("https://wlm.example/v1/p/snapshots/"));
        }
    }
}

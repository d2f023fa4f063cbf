//! One error type for every call: what failed, the HTTP status, the server's own message and
//! the request id, so the screen can show all of it.

use crate::json::Value;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (server down, DNS, CORS, connection reset).
    Network {
        message: String,
    },
    /// No answer within the time allowed for this call.
    Timeout {
        seconds: u32,
    },
    /// A change (POST, PUT, DELETE) got no answer in time: it may or may not have been made.
    OutcomeUnknown {
        /// What happened instead of an answer.
        cause: String,
    },
    Unauthorized {
        message: String,
        request_id: Option<String>,
    },
    Forbidden {
        message: String,
        request_id: Option<String>,
    },
    NotFound {
        message: String,
        request_id: Option<String>,
    },
    Conflict {
        message: String,
        request_id: Option<String>,
    },
    /// Any other non-2xx answer.
    Http {
        status: u16,
        message: String,
        request_id: Option<String>,
    },
    /// Keystone answered, but the answer cannot be used to sign in (no backup service in
    /// the catalog, no project, another user than the one signed in).
    SignIn {
        message: String,
    },
    /// A 2xx answer whose body is not what the API documents.
    Decode {
        status: u16,
        message: String,
        request_id: Option<String>,
    },
}

impl ApiError {
    /// Builds the error for a non-2xx answer from its status, request id and body.
    pub fn from_response(status: u16, request_id: Option<String>, body: &str) -> Self {
        let message = fault_message(body).unwrap_or_else(|| default_message(status).to_owned());
        match status {
            401 => Self::Unauthorized { message, request_id },
            403 => Self::Forbidden { message, request_id },
            404 => Self::NotFound { message, request_id },
            409 => Self::Conflict { message, request_id },
            _ => Self::Http { status, message, request_id },
        }
    }

    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Network { .. }
            | Self::Timeout { .. }
            | Self::OutcomeUnknown { .. }
            | Self::SignIn { .. } => None,
            Self::Unauthorized { .. } => Some(401),
            Self::Forbidden { .. } => Some(403),
            Self::NotFound { .. } => Some(404),
            Self::Conflict { .. } => Some(409),
            Self::Http { status, .. } | Self::Decode { status, .. } => Some(*status),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Self::Network { message } => format!("The API could not be reached: {message}"),
            Self::Timeout { seconds } => {
                format!("The API did not answer within {seconds} seconds.")
            }
            Self::OutcomeUnknown { cause } => format!(
                "{cause}: the change may or may not have been made. \
                 The page has been reloaded; check it before trying again."
            ),
            Self::Unauthorized { message, .. }
            | Self::Forbidden { message, .. }
            | Self::NotFound { message, .. }
            | Self::Conflict { message, .. }
            | Self::SignIn { message }
            | Self::Http { message, .. } => message.clone(),
            Self::Decode { message, .. } => {
                format!("The API sent a response this console cannot read: {message}")
            }
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Network { .. }
            | Self::Timeout { .. }
            | Self::OutcomeUnknown { .. }
            | Self::SignIn { .. } => None,
            Self::Unauthorized { request_id, .. }
            | Self::Forbidden { request_id, .. }
            | Self::NotFound { request_id, .. }
            | Self::Conflict { request_id, .. }
            | Self::Http { request_id, .. }
            | Self::Decode { request_id, .. } => request_id.as_deref(),
        }
    }

    /// A short title for the kind of failure.
    pub fn title(&self) -> String {
        match self {
            Self::Network { .. } => "Network error".into(),
            Self::Timeout { .. } => "Timed out".into(),
            Self::OutcomeUnknown { .. } => "Outcome unknown".into(),
            Self::Decode { .. } => "Unreadable response".into(),
            Self::SignIn { .. } => "Cannot sign in".into(),
            other => match other.status() {
                Some(s) => format!("HTTP {s} {}", default_message(s)),
                None => "Error".into(),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.title(), self.message())?;
        if let Some(id) = self.request_id() {
            write!(f, " (request {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Request Entity Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unexpected response",
    }
}

const MAX_MESSAGE: usize = 500;

fn clip(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() > MAX_MESSAGE {
        let mut s: String = t.chars().take(MAX_MESSAGE).collect();
        s.push('…');
        s
    } else {
        t.to_owned()
    }
}

/// The message inside an OpenStack fault body (`{"badRequest": {"message": ..}}`), an api-sig
/// body (`{"errors": [{"title", "detail"}]}`), a bare `{"message": ..}`, or the title of an
/// HTML page from a proxy. `None` when the body says nothing usable.
pub fn fault_message(body: &str) -> Option<String> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return None;
    }
    if let Ok(value) = crate::json::parse(trimmed) {
        return json_message(&value).map(|m| clip(&m));
    }
    if trimmed.starts_with('<') {
        return html_title(trimmed).map(|t| clip(&t));
    }
    // Plain text from a proxy or a framework.
    Some(clip(trimmed.lines().next().unwrap_or(trimmed)))
}

fn json_message(value: &Value) -> Option<String> {
    let obj = value.as_object()?;
    if let Some(Value::Array(errors)) = obj.get("errors") {
        let parts: Vec<String> = errors
            .iter()
            .filter_map(|e| {
                let detail = e.get("detail").and_then(Value::as_str);
                let title = e.get("title").and_then(Value::as_str);
                let msg = e.get("message").and_then(Value::as_str);
                detail.or(msg).or(title).map(str::to_owned)
            })
            .collect();
        return (!parts.is_empty()).then(|| parts.join("; "));
    }
    for key in ["message", "detail", "error_message"] {
        if let Some(Value::String(s)) = obj.get(key) {
            return Some(s.clone());
        }
    }
    // {"<faultName>": {"message": ..., "code": ...}}, also {"error": {"message": ...}}.
    obj.values().find_map(|v| match v {
        Value::Object(inner) => inner
            .get("message")
            .or_else(|| inner.get("detail"))
            .and_then(Value::as_str)
            .map(str::to_owned),
        _ => None,
    })
}

fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let find = |tag: &str| -> Option<String> {
        let open = lower.find(&format!("<{tag}"))?;
        let start = open + lower[open..].find('>')? + 1;
        let end = start + lower[start..].find(&format!("</{tag}"))?;
        let text = html.get(start..end)?.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    };
    find("title").or_else(|| find("h1"))
}

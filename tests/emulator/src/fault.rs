//! OpenStack fault bodies, as real Workloadmgr servers send them.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answered as `{"<faultName>": {"message": ..., "code": ...}}`.
#[derive(Debug)]
pub struct Fault {
    pub status: StatusCode,
    pub message: String,
}

impl Fault {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self { status, message: message.into() }
    }
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }
    pub fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "The request you have made requires authentication.")
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    fn fault_name(&self) -> &'static str {
        match self.status.as_u16() {
            400 => "badRequest",
            401 => "unauthorized",
            403 => "forbidden",
            404 => "itemNotFound",
            409 => "conflictingRequest",
            413 => "overLimit",
            _ => "computeFault",
        }
    }
}

impl From<rusqlite::Error> for Fault {
    fn from(e: rusqlite::Error) -> Self {
        Fault::internal(format!("database error: {e}"))
    }
}

impl IntoResponse for Fault {
    fn into_response(self) -> Response {
        let body =
            json!({ self.fault_name(): { "message": self.message, "code": self.status.as_u16() } });
        (self.status, [(header::CONTENT_TYPE, "application/json")], body.to_string())
            .into_response()
    }
}

pub type ApiResult = Result<Response, Fault>;

/// 200 with a JSON body.
pub fn ok_json(value: serde_json::Value) -> ApiResult {
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], value.to_string())
        .into_response())
}

/// 202 with the empty `text/html` body the delete endpoints answer with.
pub fn accepted_empty() -> ApiResult {
    Ok((StatusCode::ACCEPTED, [(header::CONTENT_TYPE, "text/html; charset=UTF-8")], "")
        .into_response())
}

/// Reads a JSON request body; an empty body is `null`.
pub fn parse_body(body: &[u8]) -> Result<serde_json::Value, Fault> {
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Ok(serde_json::Value::Null);
    }
    serde_json::from_slice(body)
        .map_err(|e| Fault::bad_request(format!("Malformed request body: {e}")))
}

/// The object under the singular wrapper key, e.g. `{"backup_target": {...}}`.
pub fn wrapped<'a>(
    body: &'a serde_json::Value,
    key: &str,
) -> Result<&'a serde_json::Map<String, serde_json::Value>, Fault> {
    body.get(key).and_then(|v| v.as_object()).ok_or_else(|| {
        Fault::bad_request(format!("Request body must be an object under \"{key}\""))
    })
}

/// 0|1, true|false, "0"|"1"|"True": what the clients send for flags.
pub fn flag(v: Option<&serde_json::Value>) -> Option<bool> {
    match v? {
        serde_json::Value::Bool(b) => Some(*b),
        serde_json::Value::Number(n) => Some(n.as_f64().unwrap_or(0.0) != 0.0),
        serde_json::Value::String(s) => {
            Some(matches!(s.to_ascii_lowercase().as_str(), "1" | "true" | "yes"))
        }
        _ => None,
    }
}

pub fn text(v: Option<&serde_json::Value>) -> Option<String> {
    match v? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

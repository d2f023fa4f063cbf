//! The one place that talks to the browser's fetch: headers, timeout, request id.

use super::{redact, ApiError, Method, RawResponse};
use futures::future::{select, Either};
use gloo_net::http::RequestBuilder;
use serde_json::Value;

pub async fn send(
    url: &str,
    query: &[(&str, String)],
    method: Method,
    project_id: &str,
    token: &str,
    body: Option<&Value>,
    timeout_secs: u32,
) -> Result<RawResponse, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let builder = RequestBuilder::new(url)
        .method(match method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Delete => gloo_net::http::Method::DELETE,
        })
        .header("X-Auth-Token", token)
        .header("X-Auth-Project-Id", project_id)
        .header("Accept", "application/json")
        // The browser's URLSearchParams encodes the values.
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .abort_signal(signal.as_ref());
    let request = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(json.to_string()),
        None => builder.build(),
    }
    // Some browsers quote the offending header value, which may be the token.
    .map_err(|e| ApiError::Network { message: redact(&e.to_string(), token) })?;

    let token = token.to_owned();
    let exchange = Box::pin(async move {
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network { message: redact(&network_text(&e), &token) })?;
        let status = response.status();
        let headers = response.headers();
        let request_id = headers
            .get("x-compute-request-id")
            .or_else(|| headers.get("x-openstack-request-id"))
            .filter(|v| !v.is_empty());
        let text = response.text().await.unwrap_or_default();
        Ok(RawResponse { status, request_id, body: text })
    });
    let timer =
        Box::pin(gloo_timers::future::TimeoutFuture::new(timeout_secs.saturating_mul(1000)));
    match select(exchange, timer).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            if let Some(c) = controller {
                c.abort();
            }
            Err(ApiError::Timeout { seconds: timeout_secs })
        }
    }
}

fn network_text(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}

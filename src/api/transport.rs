//! The one place that talks to the browser's fetch: headers, timeout, request id.

use super::{redact, ApiError, Method, RawResponse, Secret};
use crate::json::Value;
use futures::future::{select, Either};
use gloo_net::http::RequestBuilder;
use wasm_bindgen::{JsCast, JsValue};

/// One request as it leaves.
pub struct Outgoing<'a> {
    pub url: &'a str,
    pub method: Method,
    pub query: &'a [(&'a str, String)],
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a Value>,
    pub timeout_secs: u32,
    /// Whether the answer to this very read, sent by the HTML before the code arrived
    /// (`src/routes/early-reads.js`), may stand in for sending it: for a route's opening reads.
    pub sent_by_page: bool,
}

/// The answer, the token Keystone hands out in `X-Subject-Token`, and `Retry-After`.
pub struct Reply {
    pub raw: RawResponse,
    pub subject_token: Option<Secret>,
    pub retry_after: Option<String>,
}

/// Sends `out`; `secret` (a token or password inside it) is cut out of any error text.
pub async fn send(out: Outgoing<'_>, secret: &str) -> Result<Reply, ApiError> {
    let Outgoing { url, method, query, headers, body, timeout_secs, sent_by_page } = out;
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let builder = RequestBuilder::new(url)
        .method(match method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Delete => gloo_net::http::Method::DELETE,
        })
        .header("Accept", "application/json")
        // The browser's URLSearchParams encodes the values.
        .query(query.iter().map(|(k, v)| (*k, v.as_str())))
        .abort_signal(signal.as_ref());
    let builder = headers.iter().fold(builder, |b, (name, value)| b.header(name, value));
    let request = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(json.to_string()),
        None => builder.build(),
    }
    // Some browsers quote the offending header value, which may be the token.
    .map_err(|e| ApiError::Network { message: redact(&e.to_string(), secret) })?;

    let from_page = sent_by_page
        .then(|| answer_sent_by_page(&request.url(), secret, signal.as_ref()))
        .flatten();
    let secret = secret.to_owned();
    let exchange = Box::pin(async move {
        let response = match from_page {
            Some(answer) => page_response(answer).await,
            None => request.send().await.map_err(|e| network_text(&e)),
        }
        .map_err(|message| ApiError::Network { message: redact(&message, &secret) })?;
        let status = response.status();
        let headers = response.headers();
        let request_id = headers
            .get("x-compute-request-id")
            .or_else(|| headers.get("x-openstack-request-id"))
            .filter(|v| !v.is_empty());
        let subject_token =
            headers.get("x-subject-token").filter(|v| !v.is_empty()).map(Secret::from);
        let retry_after = headers.get("retry-after");
        // The bytes, not `text()`: handing a JS string to wasm re-encodes it a character at a
        // time in the glue (10 ms for 10,000 snapshots, 100 for 100,000); bytes are one copy.
        let body = response.binary().await.map(body_text).unwrap_or_default();
        Ok(Reply { raw: RawResponse { status, request_id, body }, subject_token, retry_after })
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

/// The answer the HTML holds for exactly `url` asked with `token`, handed over once; `signal`
/// then aborts that request too.
fn answer_sent_by_page(
    url: &str,
    token: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> Option<js_sys::Promise> {
    let reads = crate::js::property(&web_sys::window()?.into(), "wlmEarlyReads")?;
    let signal = signal.map_or(JsValue::UNDEFINED, JsValue::from);
    let answer = crate::js::call_method(&reads, "take", &[url.into(), token.into(), signal])?;
    answer.dyn_into().ok()
}

async fn page_response(answer: js_sys::Promise) -> Result<gloo_net::http::Response, String> {
    match wasm_bindgen_futures::JsFuture::from(answer).await {
        Ok(response) => response
            .dyn_into::<web_sys::Response>()
            .map(Into::into)
            .map_err(|_| "The early answer was not a response.".to_owned()),
        Err(e) => Err(crate::js::property(&e, "message")
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "The request failed.".to_owned())),
    }
}

/// A body as `Response.text()` reads it: UTF-8 without its byte-order mark, a malformed
/// sequence replaced by U+FFFD instead of failing the read.
fn body_text(bytes: Vec<u8>) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

fn network_text(e: &gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(js) => js.message.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::body_text;

    #[test]
    fn a_body_reads_as_the_browsers_text_would() {
        assert_eq!(body_text(br#"{"snapshots": []}"#.to_vec()), r#"{"snapshots": []}"#);
        assert_eq!(
            body_text("\u{feff}{\"a\": \"\u{e9}\"}".into()),
            "{\"a\": \"\u{e9}\"}",
            "the BOM goes"
        );
        assert_eq!(body_text(b"{\"a\": \"x\xffy\"}".to_vec()), "{\"a\": \"x\u{fffd}y\"}");
        assert_eq!(body_text(Vec::new()), "");
    }
}

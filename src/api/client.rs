//! The client: one project at one Workloadmgr endpoint. Reads are retried when the answer
//! says "later"; changes are sent once, and one without an answer reports its outcome unknown.

use super::early::{self, ReadKey};
use super::transport;
use super::{build_url, endpoint_for, retry, ApiError, ApiRequest, Method, RawResponse, Secret};
use std::rc::Rc;

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

    fn has_expired(&self) -> bool {
        self.expires_ms.is_some_and(|at| crate::format::now_ms() >= at)
    }

    /// The read `request` is, for [`early`]: a GET that changes nothing, at this project.
    fn read_key(&self, request: &ApiRequest) -> Option<ReadKey> {
        (request.safe && request.method == Method::Get).then(|| ReadKey {
            url: build_url(&self.base, &request.path, &[]),
            query: request.query.clone(),
            project_id: self.project_id.clone(),
            token: self.token.clone(),
        })
    }

    /// Sends the read `request` now, before anything asks for it: the first [`Client::run`] of
    /// the same request with the same token takes its answer (see [`early`]). Changes are never
    /// sent early, and neither is an expired token.
    pub fn send_early(&self, request: &ApiRequest) {
        let Some(key) = self.read_key(request).filter(|_| !self.has_expired()) else { return };
        let answer = early::keep(key, crate::format::now_ms());
        let (client, request) = (self.clone(), request.clone());
        leptos::task::spawn_local(async move {
            let reply = client.send_once(&request, true).await;
            let _ = answer.send(reply);
        });
    }

    /// Sends `request`; `opening` (a route's opening read) may take the answer the HTML sent.
    async fn send_once(
        &self,
        request: &ApiRequest,
        opening: bool,
    ) -> Result<transport::Reply, ApiError> {
        let url = build_url(&self.base, &request.path, &[]);
        let token = self.token.expose();
        let headers = [("X-Auth-Token", token), ("X-Auth-Project-Id", self.project_id.as_str())];
        let outgoing = transport::Outgoing {
            url: &url,
            method: request.method,
            query: &request.query,
            headers: &headers,
            body: request.body.as_ref(),
            timeout_secs: request.timeout_secs,
            sent_by_page: opening,
        };
        transport::send(outgoing, token).await
    }

    /// Sends one documented request; a non-2xx answer becomes an [`ApiError`]. Reads are
    /// retried on the failures that say "later"; changes are sent once.
    pub async fn run(&self, request: &ApiRequest) -> Result<RawResponse, ApiError> {
        let safe = request.safe;
        if self.has_expired() {
            self.unauthorized(true);
            return Err(ApiError::Unauthorized {
                message: "The token has expired, so it was not sent. Sign in again.".into(),
                request_id: None,
            });
        }
        // A read the route already sent is answered by that request, on its first attempt.
        let mut early = early::any()
            .then(|| self.read_key(request))
            .flatten()
            .and_then(|key| early::take(&key, crate::format::now_ms()));
        let mut attempt = 1;
        loop {
            let sent = match early.take() {
                Some(answer) => answer.await.unwrap_or_else(|_| {
                    Err(ApiError::Network {
                        message: "The request ended before its answer.".into(),
                    })
                }),
                None => self.send_once(request, false).await,
            };
            let (error, retry_after) = match sent {
                Ok(reply) if (200..300).contains(&reply.raw.status) => return Ok(reply.raw),
                // A gateway that lost the upstream cannot say whether the change was made.
                Ok(reply) if !safe && matches!(reply.raw.status, 502 | 504) => {
                    let raw = reply.raw;
                    let said = ApiError::from_response(raw.status, raw.request_id, &raw.body);
                    let cause = format!("The gateway answered {}", said.title());
                    return Err(ApiError::OutcomeUnknown { cause });
                }
                Ok(reply) => {
                    let raw = reply.raw;
                    if raw.status == 401 {
                        self.unauthorized(false);
                    }
                    (
                        ApiError::from_response(raw.status, raw.request_id, &raw.body),
                        reply.retry_after,
                    )
                }
                // A change that got no answer may have been made: say so, never resend it.
                Err(ApiError::Timeout { seconds }) if !safe => {
                    let cause = format!("No answer within {seconds} seconds");
                    return Err(ApiError::OutcomeUnknown { cause });
                }
                Err(ApiError::Network { message }) if !safe => {
                    let cause = format!("The connection failed before an answer ({message})");
                    return Err(ApiError::OutcomeUnknown { cause });
                }
                Err(e) => (e, None),
            };
            let again = safe
                && attempt < retry::MAX_ATTEMPTS
                && !matches!(error, ApiError::Timeout { .. })
                && retry::is_retryable(error.status());
            if !again {
                return Err(error);
            }
            let now = crate::format::now_ms();
            let wait = retry::delay_ms(attempt, retry_after.as_deref(), now, random_unit());
            gloo_timers::future::TimeoutFuture::new(wait as u32).await;
            attempt += 1;
        }
    }
}

/// A number in [0, 1) for jitter.
fn random_unit() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.5
    }
}

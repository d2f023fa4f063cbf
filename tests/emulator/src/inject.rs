//! Fault injection, per route: from the command line (`--fault JSON`, `--random-faults RATE:SEED`)
//! and through `POST /_emulator/fail_next`. A fault answers a matching request with a status and
//! body (a fault body, a proxy's HTML page, truncated or wrong-shape JSON, an empty body), with
//! `Retry-After`, after a delay, or by dropping the connection; `times` repeats it ("fail twice,
//! then succeed"), and a seeded random rate makes GETs fail the same way on every run.

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Mutex;
use std::time::Duration;

#[derive(Clone, Debug, serde::Deserialize)]
pub struct InjectedFault {
    /// The status to answer with; none answers normally (after `delay_ms`).
    #[serde(default)]
    pub status: Option<u16>,
    #[serde(default)]
    pub body: String,
    #[serde(default = "default_fault_type")]
    pub content_type: String,
    #[serde(default)]
    pub path_contains: String,
    /// Only this path: a list (`/v1/P/snapshots`), not the snapshots' own GETs below it.
    #[serde(default)]
    pub path_is: Option<String>,
    #[serde(default)]
    pub method: Option<String>,
    /// How many matching requests it answers (then it is gone).
    #[serde(default = "one")]
    pub times: u32,
    #[serde(default)]
    pub retry_after: Option<String>,
    #[serde(default)]
    pub delay_ms: u64,
    /// Close the connection instead of answering.
    #[serde(default)]
    pub drop: bool,
}

fn default_fault_type() -> String {
    "application/json".into()
}

fn one() -> u32 {
    1
}

/// What happens to one request.
pub enum Injected {
    /// Wait, then answer normally.
    Delay(Duration),
    /// Wait, then answer with this instead.
    Answer(Duration, Response),
}

#[derive(Default)]
pub struct Faults {
    queue: Mutex<Vec<InjectedFault>>,
    random: Mutex<Option<RandomFaults>>,
}

/// GETs fail with 503 at `rate`, decided by a linear congruential generator from `seed`.
struct RandomFaults {
    rate: f64,
    state: u64,
}

impl RandomFaults {
    fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.state >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `RATE:SEED`, e.g. `0.2:42`.
pub fn parse_random(spec: &str) -> Result<(f64, u64), String> {
    let (rate, seed) = spec.split_once(':').ok_or("expected RATE:SEED")?;
    let rate: f64 = rate.parse().map_err(|e| format!("rate: {e}"))?;
    let seed: u64 = seed.parse().map_err(|e| format!("seed: {e}"))?;
    if !(0.0..=1.0).contains(&rate) {
        return Err("rate is between 0 and 1".into());
    }
    Ok((rate, seed))
}

impl Faults {
    pub fn push(&self, fault: InjectedFault) {
        self.queue.lock().unwrap_or_else(|p| p.into_inner()).push(fault);
    }

    pub fn set_random(&self, rate: f64, seed: u64) {
        *self.random.lock().unwrap_or_else(|p| p.into_inner()) =
            Some(RandomFaults { rate, state: seed });
    }

    /// The fault for this request, if one matches (the first queued, then the random rate).
    pub fn take(&self, method: &str, path: &str) -> Option<Injected> {
        let queued = {
            let mut queue = self.queue.lock().unwrap_or_else(|p| p.into_inner());
            let index = queue.iter().position(|f| {
                path.contains(&f.path_contains)
                    && f.path_is.as_deref().is_none_or(|p| p == path)
                    && f.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            });
            index.map(|i| {
                queue[i].times = queue[i].times.saturating_sub(1);
                if queue[i].times == 0 {
                    queue.remove(i)
                } else {
                    queue[i].clone()
                }
            })
        };
        if let Some(fault) = queued {
            return Some(answer(&fault));
        }
        let mut random = self.random.lock().unwrap_or_else(|p| p.into_inner());
        let r = random.as_mut().filter(|_| method == "GET")?;
        (r.next_unit() < r.rate).then(|| {
            let fault = InjectedFault {
                status: Some(503),
                body: r#"{"overLimit": {"message": "Service busy (random fault)", "code": 503}}"#
                    .into(),
                content_type: default_fault_type(),
                path_contains: String::new(),
                path_is: None,
                method: None,
                times: 1,
                retry_after: Some("1".into()),
                delay_ms: 0,
                drop: false,
            };
            answer(&fault)
        })
    }
}

fn answer(fault: &InjectedFault) -> Injected {
    let delay = Duration::from_millis(fault.delay_ms);
    if fault.drop {
        // A body that fails at once: the server closes the connection without an answer.
        let broken = futures_util::stream::once(async {
            Err::<axum::body::Bytes, std::io::Error>(std::io::Error::other(
                "dropped by fault injection",
            ))
        });
        return Injected::Answer(delay, Response::new(Body::from_stream(broken)));
    }
    let Some(status) = fault.status else { return Injected::Delay(delay) };
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response =
        (status, [(header::CONTENT_TYPE, fault.content_type.clone())], fault.body.clone())
            .into_response();
    if let Some(v) = fault.retry_after.as_deref().and_then(|v| HeaderValue::from_str(v).ok()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    Injected::Answer(delay, response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(json: &str) -> InjectedFault {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_scripted_fault_answers_its_number_of_times_then_the_route_works() {
        let faults = Faults::default();
        faults.push(fault(
            r#"{"status": 503, "path_contains": "/snapshots", "times": 2, "retry_after": "1"}"#,
        ));
        for _ in 0..2 {
            let Some(Injected::Answer(_, r)) = faults.take("GET", "/v1/p/snapshots") else {
                panic!("expected a fault")
            };
            assert_eq!(r.status(), 503);
            assert_eq!(r.headers()["retry-after"], "1");
        }
        assert!(faults.take("GET", "/v1/p/snapshots").is_none());
        assert!(faults.take("GET", "/v1/p/workloads").is_none());
    }

    #[test]
    fn a_fault_for_one_path_passes_the_paths_below_it() {
        let faults = Faults::default();
        faults.push(fault(r#"{"status": 500, "path_is": "/v1/p/snapshots"}"#));
        assert!(faults.take("GET", "/v1/p/snapshots/s1").is_none(), "a snapshot's own GET");
        assert!(faults.take("GET", "/v1/p/snapshots").is_some(), "the list");
        assert!(faults.take("GET", "/v1/p/snapshots").is_none(), "once");
    }

    #[test]
    fn a_seeded_rate_fails_the_same_requests_every_run() {
        let run = || {
            let faults = Faults::default();
            faults.set_random(0.3, 42);
            (0..50).map(|_| faults.take("GET", "/x").is_some()).collect::<Vec<_>>()
        };
        let first = run();
        assert_eq!(first, run());
        let failed = first.iter().filter(|f| **f).count();
        assert!((5..=25).contains(&failed), "{failed} of 50 at 30 %");
        let faults = Faults::default();
        faults.set_random(1.0, 1);
        assert!(faults.take("POST", "/x").is_none(), "changes are never failed at random");
    }
}

//! When a GET is tried again: network errors, 502/503/504 and 429, a few times, with capped
//! exponential backoff and jitter, or after the server's `Retry-After`. POST, PUT and DELETE
//! are never retried (the console cannot know whether the first one took effect).

use crate::format::api_time_millis;

/// Attempts in all, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
const BASE_MS: f64 = 400.0;
/// No wait is longer, whatever the server asks (the admin is watching).
pub const CAP_MS: f64 = 10_000.0;

/// Whether a failed GET is worth another try: no answer, or an answer that says "later".
pub fn is_retryable(status: Option<u16>) -> bool {
    match status {
        None => true,
        Some(s) => matches!(s, 429 | 502 | 503 | 504),
    }
}

/// How long to wait before attempt `attempt + 1` (`attempt` counts from 1). `jitter` in [0, 1)
/// spreads clients apart ("full jitter" over the upper half); a `Retry-After` of seconds or an
/// HTTP date wins when present. Never over [`CAP_MS`].
pub fn delay_ms(attempt: u32, retry_after: Option<&str>, now_ms: f64, jitter: f64) -> f64 {
    if let Some(wait) = retry_after.and_then(|v| retry_after_ms(v, now_ms)) {
        return wait.clamp(0.0, CAP_MS);
    }
    let exp = BASE_MS * 2f64.powi(attempt.saturating_sub(1).min(16) as i32);
    let ceiling = exp.min(CAP_MS);
    ceiling * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))
}

/// `Retry-After` as milliseconds from now: delta-seconds or an HTTP date.
pub fn retry_after_ms(value: &str, now_ms: f64) -> Option<f64> {
    let v = value.trim();
    if let Ok(seconds) = v.parse::<u32>() {
        return Some(f64::from(seconds) * 1000.0);
    }
    http_date_ms(v).map(|at| (at - now_ms).max(0.0))
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form servers send.
fn http_date_ms(text: &str) -> Option<f64> {
    let mut parts = text.split_whitespace().skip(1);
    let (day, month, year, time) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = MONTHS.iter().position(|m| *m == month)? + 1;
    api_time_millis(&format!("{year}-{month:02}-{day:0>2}T{time}"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn what_is_retried() {
        for s in [429, 502, 503, 504] {
            assert!(is_retryable(Some(s)), "{s}");
        }
        for s in [400, 401, 403, 404, 409, 500, 501] {
            assert!(!is_retryable(Some(s)), "{s}");
        }
        assert!(is_retryable(None), "no answer at all");
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(retry_after_ms("3", 0.0), Some(3000.0));
        let now = api_time_millis("2026-11-26T10:00:00").unwrap();
        assert_eq!(retry_after_ms("Thu, 26 Nov 2026 10:00:05 GMT", now), Some(5000.0));
        assert_eq!(
            retry_after_ms("Thu, 26 Nov 2026 09:00:00 GMT", now),
            Some(0.0),
            "a past date: now"
        );
        assert_eq!(retry_after_ms("soon", now), None);
        assert_eq!(delay_ms(1, Some("2"), 0.0, 0.9), 2000.0);
        assert_eq!(delay_ms(1, Some("3600"), 0.0, 0.0), CAP_MS, "capped");
    }

    proptest! {
        #[test]
        fn backoff_grows_within_its_bounds(attempt in 1u32..40, jitter in 0.0f64..1.0) {
            let d = delay_ms(attempt, None, 0.0, jitter);
            let ceiling = (BASE_MS * 2f64.powi(attempt.min(17) as i32 - 1)).min(CAP_MS);
            prop_assert!(d >= ceiling / 2.0 && d <= ceiling, "{d} outside [{}, {ceiling}]", ceiling / 2.0);
            prop_assert!(d <= CAP_MS);
        }

        #[test]
        fn any_retry_after_text_gives_a_bounded_wait_or_none(text in ".{0,40}", now in 0.0f64..4e12) {
            let d = delay_ms(2, Some(&text), now, 0.5);
            prop_assert!((0.0..=CAP_MS).contains(&d));
        }
    }
}

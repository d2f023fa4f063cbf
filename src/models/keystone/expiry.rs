//! When a token ends, on the browser's clock.

/// How long before expiry the console offers to renew.
pub const RENEW_WARNING_MS: f64 = 5.0 * 60.0 * 1000.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Expiry {
    Valid,
    /// Ends within the warning time: whole minutes left, rounded up.
    Soon {
        minutes: u32,
    },
    Expired,
}

/// Where a token that ends at `expires_ms` (browser clock) stands at `now_ms`.
pub fn expiry_state(expires_ms: f64, now_ms: f64) -> Expiry {
    let left = expires_ms - now_ms;
    if left <= 0.0 {
        Expiry::Expired
    } else if left <= RENEW_WARNING_MS {
        Expiry::Soon { minutes: (left / 60_000.0).ceil() as u32 }
    } else {
        Expiry::Valid
    }
}

/// How far the browser's clock is ahead of Keystone's, from a token issued just now: Keystone
/// states expiry on its own clock, and a browser clock that is off must not end a session early
/// (or send a token after it ended). Unknown or implausible (over a day) reads as none.
pub fn clock_offset_ms(issued_ms: Option<f64>, received_ms: f64) -> f64 {
    match issued_ms {
        Some(issued) if (received_ms - issued).abs() < 86_400_000.0 => received_ms - issued,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_valid_then_ending_soon_then_expired() {
        let end = 10_000_000.0;
        assert_eq!(expiry_state(end, end - RENEW_WARNING_MS - 1.0), Expiry::Valid);
        assert_eq!(expiry_state(end, end - RENEW_WARNING_MS), Expiry::Soon { minutes: 5 });
        assert_eq!(expiry_state(end, end - 61_000.0), Expiry::Soon { minutes: 2 });
        assert_eq!(expiry_state(end, end - 1.0), Expiry::Soon { minutes: 1 });
        assert_eq!(expiry_state(end, end), Expiry::Expired);
        assert_eq!(expiry_state(end, end + 5.0), Expiry::Expired);
    }

    #[test]
    fn a_skewed_browser_clock_is_corrected_by_the_issue_time() {
        // The browser runs 90 s ahead of Keystone.
        assert_eq!(clock_offset_ms(Some(1_000_000.0), 1_090_000.0), 90_000.0);
        assert_eq!(clock_offset_ms(Some(1_000_000.0), 910_000.0), -90_000.0);
        assert_eq!(clock_offset_ms(None, 5.0), 0.0);
        assert_eq!(clock_offset_ms(Some(0.0), 200_000_000.0), 0.0, "an old token is not skew");
    }
}

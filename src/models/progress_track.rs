//! What the progress of a running snapshot says about its end: an estimate from the rate at
//! which `progress_percent` has been seen to rise, and a warning when it stops rising.

/// How far back the rate is measured: recent enough to follow a change of pace, long enough
/// to smooth one jumpy poll.
pub const RATE_WINDOW_MS: f64 = 5.0 * 60_000.0;

/// One reading of a snapshot's progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub at_ms: f64,
    pub percent: f64,
}

/// The readings of one running snapshot, as polling brings them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgressTrack {
    /// Rising readings inside the rate window, oldest first.
    samples: Vec<Sample>,
    /// When progress last moved (or, before any movement was seen, when the server last
    /// touched the snapshot).
    last_moved_ms: Option<f64>,
    /// Whether a reading has come in: the start sample is the server's word, not a reading.
    seen: bool,
}

impl ProgressTrack {
    /// A track that starts with what the server says: the snapshot began at `started_ms`
    /// (from 0 %) and was last updated at `updated_ms`.
    pub fn new(started_ms: Option<f64>, updated_ms: Option<f64>) -> Self {
        let samples = started_ms.map(|at_ms| vec![Sample { at_ms, percent: 0.0 }]);
        // It cannot have stood still since before it started.
        let last_moved_ms = match (updated_ms, started_ms) {
            (Some(u), Some(s)) => Some(u.max(s)),
            (u, s) => u.or(s),
        };
        Self { samples: samples.unwrap_or_default(), last_moved_ms, seen: false }
    }

    /// Records a reading. A rise moves the "last moved" time; a fall (progress restarted or
    /// a server that counts differently) starts the track over, since the old rate no longer
    /// says anything.
    pub fn observe(&mut self, at_ms: f64, percent: f64) {
        if !percent.is_finite() || !at_ms.is_finite() {
            return;
        }
        let percent = percent.clamp(0.0, 100.0);
        let sample = Sample { at_ms, percent };
        if !std::mem::replace(&mut self.seen, true) {
            // The first reading: how long it has stood still is the server's `updated_at`.
            if self.samples.last().is_some_and(|s| s.percent > percent || s.at_ms >= at_ms) {
                self.samples.clear();
            }
            self.samples.push(sample);
            self.last_moved_ms.get_or_insert(at_ms);
            return;
        }
        match self.samples.last().copied() {
            Some(last) if percent < last.percent => {
                self.samples = vec![sample];
                self.last_moved_ms = Some(at_ms);
            }
            Some(last) if percent > last.percent => {
                self.samples.push(sample);
                self.last_moved_ms = Some(at_ms);
            }
            _ => {}
        }
        // Keep the newest reading before the window too: the rate spans the whole window.
        let from = at_ms - RATE_WINDOW_MS;
        let keep = self.samples.iter().rposition(|s| s.at_ms <= from).unwrap_or(0);
        self.samples.drain(..keep);
    }

    /// Percent per millisecond over the window, while progress rises.
    pub fn rate(&self) -> Option<f64> {
        let (first, last) = (self.samples.first()?, self.samples.last()?);
        let (dp, dt) = (last.percent - first.percent, last.at_ms - first.at_ms);
        (dp > 0.0 && dt > 0.0).then_some(dp / dt)
    }

    /// Milliseconds until 100 % at the observed rate, counted from `now_ms`; none while the
    /// rate is unknown or flat.
    pub fn eta_ms(&self, now_ms: f64) -> Option<f64> {
        let last = self.samples.last()?;
        let rate = self.rate()?;
        let at_end = last.at_ms + (100.0 - last.percent) / rate;
        Some((at_end - now_ms).max(0.0))
    }

    /// How long progress has stood still at `now_ms`.
    pub fn still_for_ms(&self, now_ms: f64) -> Option<f64> {
        self.last_moved_ms.map(|t| (now_ms - t).max(0.0))
    }

    /// Whether progress has not moved for at least `threshold_ms`.
    pub fn is_stalled(&self, now_ms: f64, threshold_ms: f64) -> bool {
        self.still_for_ms(now_ms).is_some_and(|still| still >= threshold_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: f64 = 60_000.0;

    fn close(got: Option<f64>, want: f64) -> bool {
        got.is_some_and(|g| (g - want).abs() < 1.0)
    }

    #[test]
    fn rising_progress_gives_an_eta_from_the_observed_rate() {
        let mut t = ProgressTrack::new(None, None);
        t.observe(0.0, 10.0);
        assert_eq!(t.eta_ms(0.0), None, "one reading has no rate");
        t.observe(MIN, 20.0);
        // 10 % a minute, 80 % to go from the last reading.
        assert!(close(t.eta_ms(MIN), 8.0 * MIN));
        assert!(close(t.eta_ms(3.0 * MIN), 6.0 * MIN), "the estimate counts down");
        assert!(!t.is_stalled(MIN, 10.0 * MIN));
    }

    #[test]
    fn the_start_time_gives_an_eta_from_the_first_reading() {
        let mut t = ProgressTrack::new(Some(0.0), Some(2.0 * MIN));
        t.observe(2.0 * MIN, 25.0);
        assert!(close(t.eta_ms(2.0 * MIN), 6.0 * MIN));
    }

    #[test]
    fn flat_progress_has_no_eta_and_stalls_after_the_threshold() {
        let mut t = ProgressTrack::new(None, None);
        t.observe(0.0, 40.0);
        for minute in 1..=12 {
            t.observe(f64::from(minute) * MIN, 40.0);
        }
        assert_eq!(t.eta_ms(12.0 * MIN), None);
        assert!(!t.is_stalled(9.0 * MIN, 10.0 * MIN));
        assert!(t.is_stalled(12.0 * MIN, 10.0 * MIN));
        t.observe(13.0 * MIN, 41.0);
        assert!(!t.is_stalled(13.0 * MIN, 10.0 * MIN), "moving again clears the warning");
    }

    #[test]
    fn a_server_that_last_updated_long_ago_is_stalled_at_first_sight() {
        let mut t = ProgressTrack::new(Some(0.0), Some(5.0 * MIN));
        t.observe(30.0 * MIN, 37.0);
        assert!(t.is_stalled(30.0 * MIN, 10.0 * MIN));
        assert!(close(t.still_for_ms(30.0 * MIN), 25.0 * MIN));
    }

    #[test]
    fn progress_never_stood_still_for_longer_than_the_snapshot_ran() {
        let mut t = ProgressTrack::new(Some(10.0 * MIN), Some(0.0));
        t.observe(12.0 * MIN, 0.0);
        assert!(close(t.still_for_ms(12.0 * MIN), 2.0 * MIN));
    }

    #[test]
    fn falling_progress_starts_over_without_an_eta() {
        let mut t = ProgressTrack::new(None, None);
        t.observe(0.0, 50.0);
        t.observe(MIN, 60.0);
        t.observe(2.0 * MIN, 5.0);
        assert_eq!(t.eta_ms(2.0 * MIN), None, "the old rate says nothing now");
        t.observe(3.0 * MIN, 15.0);
        assert!(close(t.eta_ms(3.0 * MIN), 8.5 * MIN));
    }

    #[test]
    fn the_rate_follows_the_last_five_minutes() {
        let mut t = ProgressTrack::new(None, None);
        t.observe(0.0, 0.0);
        t.observe(10.0 * MIN, 10.0); // 1 % a minute
        t.observe(15.0 * MIN, 60.0); // then 10 % a minute
        assert!(close(t.eta_ms(15.0 * MIN), 4.0 * MIN));
    }
}

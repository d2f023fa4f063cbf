//! The overview's two thresholds, chosen by the admin and kept in the page's URL.

use super::validate::{FieldErrors, Validate};

pub const DEFAULT_STALL_MINUTES: u32 = 10;
pub const DEFAULT_COVERAGE_HOURS: u32 = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverviewField {
    StallMinutes,
    CoverageHours,
}

/// As typed: whole numbers within a week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverviewSettings {
    pub stall_minutes: String,
    pub coverage_hours: String,
}

/// Read from the URL, where a value that is not a sensible number means the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thresholds {
    pub stall_minutes: u32,
    pub coverage_hours: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { stall_minutes: DEFAULT_STALL_MINUTES, coverage_hours: DEFAULT_COVERAGE_HOURS }
    }
}

fn whole(text: &str, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|n| (1..=max).contains(n))
}

impl Thresholds {
    pub fn from_url(stall: Option<&str>, coverage: Option<&str>) -> Self {
        let d = Self::default();
        Self {
            stall_minutes: stall.and_then(|s| whole(s, 10_080)).unwrap_or(d.stall_minutes),
            coverage_hours: coverage.and_then(|s| whole(s, 168 * 4)).unwrap_or(d.coverage_hours),
        }
    }
    pub fn stall_ms(self) -> f64 {
        f64::from(self.stall_minutes) * 60_000.0
    }
    pub fn coverage_ms(self) -> f64 {
        f64::from(self.coverage_hours) * 3_600_000.0
    }
}

impl OverviewSettings {
    pub fn thresholds(&self) -> Thresholds {
        Thresholds::from_url(Some(&self.stall_minutes), Some(&self.coverage_hours))
    }
}

impl Validate for OverviewSettings {
    type Field = OverviewField;
    fn validate(&self) -> Result<(), FieldErrors<OverviewField>> {
        let mut errors = FieldErrors::default();
        let stall = whole(&self.stall_minutes, 10_080).is_none();
        errors.check(
            OverviewField::StallMinutes,
            stall.then(|| "Enter whole minutes from 1 to 10080 (a week).".into()),
        );
        let coverage = whole(&self.coverage_hours, 672).is_none();
        errors.check(
            OverviewField::CoverageHours,
            coverage.then(|| "Enter whole hours from 1 to 672 (four weeks).".into()),
        );
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_fall_back_to_the_defaults_and_forms_say_what_is_wrong() {
        assert_eq!(Thresholds::from_url(None, Some("abc")), Thresholds::default());
        assert_eq!(Thresholds::from_url(Some("3"), Some("48")).coverage_hours, 48);
        let typed = |s: &str, c: &str| OverviewSettings {
            stall_minutes: s.into(),
            coverage_hours: c.into(),
        };
        assert!(typed("10", "24").validate().is_ok());
        let wrong = typed("0", "1.5").validate().unwrap_err();
        assert!(wrong.get(OverviewField::StallMinutes).is_some());
        assert!(wrong.get(OverviewField::CoverageHours).is_some());
    }
}

//! Where sign-in returns to: only this console's own pages.

use super::{
    decode_component, is_under, BACKUP_TARGETS, HOME, OVERVIEW, SNAPSHOTS, TARGET_TYPES,
    TYPE_ACCESS,
};

/// The signed-in areas a `next` may lead back to.
const AREAS: [&str; 5] = [OVERVIEW, BACKUP_TARGETS, TARGET_TYPES, TYPE_ACCESS, SNAPSHOTS];

/// Where to go after sign-in: `next` only when it is a page of this console; anything else
/// (another origin, a path the URL parser would turn into one) goes home. No open redirect.
pub fn safe_next(next: Option<String>) -> String {
    let Some(next) = next else { return HOME.to_owned() };
    let path = next.split(['?', '#']).next().unwrap_or_default();
    // TAB and new lines vanish in the URL parser (`/\t/evil.example` is `//evil.example`), and
    // they may come percent-encoded, once or twice.
    let hostile = |c: char| c.is_control() || c.is_whitespace() || c == '\\';
    let decoded = percent_decoded(&next);
    if AREAS.iter().any(|area| is_under(path, area))
        && !next.chars().any(hostile)
        && !decoded.chars().any(hostile)
        && !decoded.contains("//")
    {
        next
    } else {
        HOME.to_owned()
    }
}

/// `text` with `%XX` decoded until nothing changes (a few rounds at most).
fn percent_decoded(text: &str) -> String {
    let mut current = text.to_owned();
    for _ in 0..3 {
        let next = decode_component(&current, false);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_stay_inside_the_app() {
        assert_eq!(safe_next(Some("/snapshots?host=TVM1".into())), "/snapshots?host=TVM1");
        assert_eq!(safe_next(Some("/backup-targets/x".into())), "/backup-targets/x");
        assert_eq!(safe_next(Some("//evil.example".into())), "/overview");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/overview");
        assert_eq!(safe_next(None), "/overview");
    }

    #[test]
    fn next_never_leads_off_the_console() {
        for hostile in [
            "/\t/evil.example",
            "/%09/evil.example",
            "/%250A/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "/%5C%5Cevil.example",
            "/login?next=/snapshots",
            "/backup-targetsX",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_next(Some(hostile.into())), HOME, "{hostile:?}");
        }
        for page in [
            "/snapshots/abc",
            "/target-types/t1/edit",
            "/snapshots?date_from=2024-03-01T00%3A00%3A00",
        ] {
            assert_eq!(safe_next(Some(page.into())), page);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever `next=` holds, sign-in lands on a path of this origin: a console area, no
        /// second slash or backslash the URL parser could turn into another host.
        #[test]
        fn next_never_leaves_the_console(
            area in prop::sample::select(vec!["", "/snapshots", "/backup-targets", "/target-types"]),
            raw in "(/|%2F|%252F|\\\\|%09|%0A|\\t|[a-z:.?#-])*",
            tail in ".{0,12}",
        ) {
            let next = format!("{area}{raw}{tail}");
            let landed = safe_next(Some(next.clone()));
            prop_assert!(landed.starts_with('/'), "{landed}");
            let decoded = percent_decoded(&landed);
            prop_assert!(!decoded.starts_with("//") && !decoded.contains('\\'), "{next} -> {landed}");
            prop_assert!(!decoded.chars().any(|c| c.is_control() || c.is_whitespace()), "{next} -> {landed}");
            prop_assert!(landed == HOME || AREAS.iter().any(|a| landed.starts_with(a)), "{landed}");
        }

        #[test]
        fn console_paths_are_kept(area in 0usize..AREAS.len(), id in "[a-f0-9-]{1,36}") {
            let path = format!("{}/{id}", AREAS[area]);
            prop_assert_eq!(safe_next(Some(path.clone())), path);
        }
    }
}

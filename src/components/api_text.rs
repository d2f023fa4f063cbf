//! A string from the API as a reader sees it: literal text, isolated for direction (a name
//! with U+202E cannot turn the words around it), and never wider than the page.

use leptos::prelude::*;
use std::fmt::{self, Write};

/// How much of a string a table cell shows; the rest is in its title.
pub const CELL_CHARS: usize = 120;

/// `text` cut to `max` characters with an ellipsis, when longer.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// An API string in a `<bdi>`; with `max`, cut to that many characters and whole on hover.
#[component]
pub fn ApiText(#[prop(into)] text: String, #[prop(optional)] max: Option<usize>) -> impl IntoView {
    let (shown, title) = clipped(text, max);
    view! { <bdi class="api-text" title=title>{shown}</bdi> }
}

/// What a cell shows of `text` with `max`, and the whole of it as a title when that is cut.
fn clipped(text: String, max: Option<usize>) -> (String, Option<String>) {
    match max.map(|m| clip(&text, m)) {
        Some(shown) if shown != text => (shown, Some(text)),
        _ => (text, None),
    }
}

/// The longest run [`ApiSeparated`] shows without a place to break, so that one long word
/// cannot make its column wider than the page.
const LONGEST_RUN: usize = 16;

/// Where a name or an address may break: after each of its separators, and inside a run longer
/// than [`LONGEST_RUN`] characters; the parts, in order, make the text again.
fn separated_parts(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut start, mut run) = (0, 0);
    for (i, c) in text.char_indices() {
        run += 1;
        if matches!(c, '/' | '.' | ':' | '-' | '_' | '@' | '?' | '&' | '=' | ',')
            || run == LONGEST_RUN
        {
            let end = i + c.len_utf8();
            parts.push(&text[start..end]);
            (start, run) = (end, 0);
        }
    }
    if start < text.len() || parts.is_empty() {
        parts.push(&text[start..]);
    }
    parts
}

/// A name or an address from the API made of words and separators (an NFS export, an S3
/// endpoint and bucket, a type's name) as [`ApiText`] shows a string, but broken after its
/// separators when a column is narrow (`host:/mnt/` over `tvault/162`, not `host:/mnt/t` over
/// `vault/162`); `<wbr>` adds no character to a copy. One of [`LONGEST_RUN`] characters or
/// fewer is not broken at all (`object-locked`): its column makes room for it instead, as it
/// would for a word.
#[component]
pub fn ApiSeparated(
    #[prop(into)] text: String,
    #[prop(optional)] max: Option<usize>,
) -> impl IntoView {
    let (shown, title) = clipped(text, max);
    let (class, content) = if is_whole(&shown) {
        ("api-text api-text--whole", shown.into_any())
    } else {
        // Between the parts only: a break after the last would be one outside the string
        // (before the '=' of a metadata chip).
        let parts = separated_parts(&shown)
            .into_iter()
            .enumerate()
            .map(|(i, part)| view! { {(i > 0).then(|| view! { <wbr/> })}{part.to_owned()} })
            .collect_view();
        ("api-text api-text--separated", parts.into_any())
    };
    view! { <bdi class=class title=title>{content}</bdi> }
}

/// Whether [`ApiSeparated`] shows `text` on one line: it is no longer than a run it would
/// break inside.
fn is_whole(text: &str) -> bool {
    text.chars().nth(LONGEST_RUN).is_none()
}

/// An API string inside a sentence of the console's own, where no element can isolate it (a
/// toast, a dialog's title, the tab's title): between U+2068 FIRST STRONG ISOLATE and U+2069 POP
/// DIRECTIONAL ISOLATE, as `<bdi>` sets it, so that a right-to-left name keeps its place in the
/// sentence and a U+202E cannot turn the words after it around. A U+2069 of the string's own
/// that would close that isolate early is left out, and one it leaves open is closed inside.
pub struct Isolated<'a>(pub &'a str);

impl fmt::Display for Isolated<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('\u{2068}')?;
        let mut open = 0usize;
        for c in self.0.chars() {
            match c {
                '\u{2066}'..='\u{2068}' => open += 1,
                '\u{2069}' if open == 0 => continue,
                '\u{2069}' => open -= 1,
                _ => {}
            }
            f.write_char(c)?;
        }
        for _ in 0..=open {
            f.write_char('\u{2069}')?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How deep in isolates each character of `text` is, after it.
    fn depths(text: &str) -> Vec<usize> {
        let mut depth = 0usize;
        text.chars()
            .map(|c| {
                match c {
                    '\u{2066}'..='\u{2068}' => depth += 1,
                    '\u{2069}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                depth
            })
            .collect()
    }

    #[test]
    fn an_isolated_string_is_closed_by_its_last_character_and_no_other() {
        for text in [
            "plain",
            "\u{202E}evil",
            "a\u{2069}\u{202E}b",
            "\u{2067}\u{202E}open",
            "\u{2066}x\u{2069}\u{2069}\u{2069}y",
            "",
        ] {
            let shown = Isolated(text).to_string();
            let d = depths(&shown);
            let (last, before) = d.split_last().expect("at least the isolate's two marks");
            assert_eq!(*last, 0, "{text:?}: closed at the end");
            assert!(before.iter().all(|&n| n > 0), "{text:?}: not closed before the end: {d:?}");
        }
        assert_eq!(Isolated("שלום").to_string(), "\u{2068}שלום\u{2069}");
        assert_eq!(
            Isolated("a\u{2069}b").to_string(),
            "\u{2068}ab\u{2069}",
            "a stray close is dropped"
        );
    }

    #[test]
    fn an_address_breaks_after_its_separators_and_inside_long_runs_only() {
        assert_eq!(
            separated_parts("192.168.1.34:/mnt/tvault"),
            ["192.", "168.", "1.", "34:", "/", "mnt/", "tvault"]
        );
        assert_eq!(separated_parts("s3.example/bucket-a"), ["s3.", "example/", "bucket-", "a"]);
        let long = "é".repeat(40);
        let parts = separated_parts(&long);
        assert!(parts.iter().all(|p| p.chars().count() <= LONGEST_RUN), "{parts:?}");
        for text in ["", "/", "a/", "日本語のパス/ノード", &long] {
            assert_eq!(separated_parts(text).concat(), text, "the parts make {text:?} again");
        }
    }

    #[test]
    fn a_name_no_longer_than_a_run_is_never_broken() {
        assert!(is_whole("object-locked"));
        assert!(is_whole(&"é".repeat(LONGEST_RUN)), "characters are counted, not bytes");
        assert!(!is_whole(&"x".repeat(LONGEST_RUN + 1)));
        assert!(!is_whole("192.168.1.34:/mnt/tvault"));
    }

    #[test]
    fn long_strings_are_cut_on_character_boundaries() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("ééééé", 3), "ééé…");
        assert_eq!(clip(&"x".repeat(3000), CELL_CHARS).chars().count(), CELL_CHARS + 1);
    }
}

//! A string from the API as a reader sees it: literal text, isolated for direction (a name
//! with U+202E cannot turn the words around it), and never wider than the page.

use leptos::prelude::*;

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
    let shown = max.map(|m| clip(&text, m)).unwrap_or_else(|| text.clone());
    let title = (shown != text).then_some(text);
    view! { <bdi class="api-text" title=title>{shown}</bdi> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_strings_are_cut_on_character_boundaries() {
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("ééééé", 3), "ééé…");
        assert_eq!(clip(&"x".repeat(3000), CELL_CHARS).chars().count(), CELL_CHARS + 1);
    }
}

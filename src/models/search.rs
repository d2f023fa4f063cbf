//! Searching a short list (targets, types) as the admin types: each row's search text is built
//! and folded once, the first time something is searched for, not on every keystroke (folding
//! text that is not ASCII is a call into the browser, `format::fold_texts`).

use crate::format::{fold_texts, holds_every};

/// A list's rows and, once searched, their folded search texts.
pub struct Searchable<T> {
    rows: Vec<T>,
    texts: Option<Vec<String>>,
    text_of: fn(&T) -> String,
}

impl<T: Clone> Searchable<T> {
    /// `rows`, searched in the text `text_of` gives each.
    pub fn new(rows: Vec<T>, text_of: fn(&T) -> String) -> Self {
        Searchable { rows, texts: None, text_of }
    }

    /// The rows `keep` lets through whose text holds every one of `words` (folded, as
    /// `format::search_words` gives them), in the list's order.
    pub fn find(&mut self, words: &[String], keep: impl Fn(&T) -> bool) -> Vec<T> {
        let texts: &[String] = if words.is_empty() {
            &[]
        } else {
            self.texts.get_or_insert_with(|| {
                let mut texts: Vec<String> = self.rows.iter().map(self.text_of).collect();
                fold_texts(&mut texts);
                texts
            })
        };
        let holds = |i: usize| {
            let text = texts.get(i).map(String::as_str).unwrap_or("");
            holds_every(text, words)
        };
        self.rows
            .iter()
            .enumerate()
            .filter(|(i, r)| keep(r) && holds(*i))
            .map(|(_, r)| r.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::search_words;

    fn list() -> Searchable<(&'static str, u8)> {
        let rows = vec![("Nightly NFS", 1), ("ZÜRICH s3", 2), ("nightly s3", 2)];
        Searchable::new(rows, |r| r.0.to_owned())
    }

    #[test]
    fn every_word_must_be_found_regardless_of_case() {
        let mut l = list();
        let names = |v: Vec<(&'static str, u8)>| v.into_iter().map(|r| r.0).collect::<Vec<_>>();
        assert_eq!(
            names(l.find(&search_words("NIGHTLY"), |_| true)),
            ["Nightly NFS", "nightly s3"]
        );
        assert_eq!(names(l.find(&search_words("s3 nightly"), |_| true)), ["nightly s3"]);
        assert_eq!(names(l.find(&search_words("zürich"), |_| true)), ["ZÜRICH s3"]);
        assert!(l.find(&search_words("tokyo"), |_| true).is_empty());
    }

    #[test]
    fn no_words_keeps_every_row_the_filter_keeps() {
        let mut l = list();
        assert_eq!(l.find(&[], |_| true).len(), 3);
        assert_eq!(l.find(&search_words("  "), |r| r.1 == 2).len(), 2);
        assert_eq!(l.find(&search_words("nightly"), |r| r.1 == 2), [("nightly s3", 2)]);
    }
}

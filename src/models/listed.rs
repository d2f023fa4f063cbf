//! A list read entry by entry: one odd entry never hides the others. An entry that is not a
//! record, or a record without an id (nothing could be done with it), is left out of the rows
//! and said why, with what could be read of it.

use super::json::{value_text, FromJson};
use crate::json::Value;

/// A record that a list row is: it needs an id to be linked to or acted on.
pub trait Row: FromJson {
    fn row_id(&self) -> &str;
    /// What identifies it to a reader when the id is missing.
    fn row_label(&self) -> Option<&str>;
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listed<T> {
    pub rows: Vec<T>,
    /// One line per entry left out: which one, why, and what it held.
    pub unreadable: Vec<String>,
}

/// The start of what an entry held, for the message.
fn excerpt(value: &Value) -> String {
    let text = if value.is_null() { "null".to_owned() } else { value_text(value) };
    let mut cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

impl<T: Row> Listed<T> {
    /// Reads entry `index` (from 0) of the list: a row, or a line saying why it is left out.
    pub fn push(&mut self, index: usize, item: &Value) {
        match T::from_json(item) {
            Ok(row) if !row.row_id().trim().is_empty() => self.rows.push(row),
            Ok(row) => self.unreadable.push(match row.row_label() {
                Some(label) => format!("entry {}: no id (named \"{label}\")", index + 1),
                None => format!("entry {}: no id ({})", index + 1, excerpt(item)),
            }),
            Err(e) => self.unreadable.push(format!("entry {}: {e} ({})", index + 1, excerpt(item))),
        }
    }

    /// Entry `index` was not even JSON on its own (only a chunked reader sees this).
    pub fn push_unparsable(&mut self, index: usize, error: &str) {
        self.unreadable.push(format!("entry {}: {error}", index + 1));
    }
}

impl<T: Row> FromJson for Listed<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let items = value.as_array().ok_or("expected a list")?;
        let mut listed = Listed { rows: Vec::with_capacity(items.len()), unreadable: Vec::new() };
        for (i, item) in items.iter().enumerate() {
            listed.push(i, item);
        }
        Ok(listed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;
    use crate::models::Snapshot;

    #[test]
    fn odd_entries_are_left_out_and_said_why_while_the_others_show() {
        let body = json!([
            {"id": "s1", "name": "good", "status": "available"},
            42,
            null,
            {"id": null, "name": "no-id"},
            {"id": 7, "name": "numeric id"},
            "a string"
        ]);
        let listed = Listed::<Snapshot>::from_json(&body).unwrap();
        let ids: Vec<&str> = listed.rows.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "7"], "a numeric id reads as text");
        assert_eq!(listed.unreadable.len(), 4, "42, null, the record without an id, the string");
        assert!(
            listed.unreadable[0].starts_with("entry 2: expected an object (42)"),
            "{:?}",
            listed.unreadable
        );
        assert!(listed.unreadable[2].contains("named \"no-id\""), "{:?}", listed.unreadable);
        assert!(Listed::<Snapshot>::from_json(&json!({"not": "a list"})).is_err());
    }
}

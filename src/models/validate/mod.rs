//! The rules a form checks at each field before anything is sent. Each returns the message
//! to show, written for the person typing; none repeats a secret.

pub mod storage;

pub use storage::{bucket, nfs_export, s3_url};

/// A form's values that can be checked at each field before anything is sent.
pub trait Validate {
    /// Names the form's fields.
    type Field: Copy + PartialEq + Send + Sync + 'static;
    fn validate(&self) -> Result<(), FieldErrors<Self::Field>>;
}

/// What is wrong with a form's values, by field; `F` names the form's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldErrors<F>(Vec<(F, String)>);

impl<F> Default for FieldErrors<F> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<F: Copy + PartialEq> FieldErrors<F> {
    /// Records `problem` for `field`, if there is one.
    pub fn check(&mut self, field: F, problem: Option<String>) {
        if let Some(message) = problem {
            self.0.push((field, message));
        }
    }
    pub fn get(&self, field: F) -> Option<&str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

/// The rows as trimmed pairs, the empty ones left out; what a body sends once validated.
pub fn filled_rows(rows: &[(String, String)]) -> Vec<(String, String)> {
    let trimmed = rows.iter().map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()));
    trimmed.filter(|(k, v)| !k.is_empty() || !v.is_empty()).collect()
}

/// The non-empty rows as trimmed pairs, or what is wrong with them (empty or duplicate key).
pub fn metadata_rows(rows: &[(String, String)]) -> Result<Vec<(String, String)>, String> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, (key, value)) in rows.iter().enumerate() {
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() && value.is_empty() {
            continue;
        }
        let row = i + 1;
        if key.is_empty() {
            return Err(format!("Row {row}: enter a key for the value \"{value}\"."));
        }
        if key.len() > 255 || value.len() > 255 {
            return Err(format!("Row {row}: keys and values are limited to 255 characters."));
        }
        if out.iter().any(|(k, _)| k == key) {
            return Err(format!("Row {row}: the key \"{key}\" is used twice."));
        }
        out.push((key.to_owned(), value.to_owned()));
    }
    Ok(out)
}

pub fn project_id(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter the project ID.".into())
    } else if t.len() > 64 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Some("A project ID has only letters, digits, '-' and '_' (at most 64).".into())
    } else {
        None
    }
}

/// Project IDs separated by commas, spaces or new lines; each checked, duplicates dropped.
pub fn project_list(text: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for id in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()) {
        if let Some(problem) = project_id(id) {
            return Err(format!("\"{id}\": {problem}"));
        }
        if !out.iter().any(|p| p == id) {
            out.push(id.to_owned());
        }
    }
    Ok(out)
}

pub fn endpoint(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter the Workloadmgr endpoint.".into())
    } else if !(t.starts_with('/') || t.starts_with("http://") || t.starts_with("https://")) {
        Some("The endpoint is an http(s) URL or a path on this site, e.g. /v1/{project_id}.".into())
    } else if t.contains(char::is_whitespace) {
        Some("The endpoint must not contain spaces.".into())
    } else {
        None
    }
}

/// A token is sent as a header value: visible ASCII only, which also keeps it out of the
/// browser's "invalid header value" errors. The message never repeats the token.
pub fn token(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter a token.".into())
    } else if !crate::api::is_valid_token(t) {
        Some("A token has only visible ASCII characters, without spaces.".into())
    } else {
        None
    }
}

/// A name the API stores: at most 255 characters; `required` refuses an empty one.
pub fn name(text: &str, required: bool) -> Option<String> {
    let t = text.trim();
    if required && t.is_empty() {
        Some("Enter a name.".into())
    } else if t.chars().count() > 255 {
        Some("A name has at most 255 characters.".into())
    } else {
        None
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, the documented date filter format; empty means no filter.
pub fn filter_date(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty() && !is_filter_date(t))
        .then(|| "Use YYYY-MM-DDTHH:MM:SS, e.g. 2024-03-04T10:59:51.".to_owned())
}

pub fn is_filter_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 19 {
        return false;
    }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
    let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !digits.iter().all(|&i| b[i].is_ascii_digit()) || !seps.iter().all(|&(i, c)| b[i] == c) {
        return false;
    }
    let num = |a: usize, z: usize| text[a..z].parse::<u32>().unwrap_or(99);
    (1..=12).contains(&num(5, 7))
        && (1..=31).contains(&num(8, 10))
        && num(11, 13) < 24
        && num(14, 16) < 60
        && num(17, 19) < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_inputs_are_checked() {
        assert_eq!(project_id("c76b3355a164498aa95ddbc960adc238"), None);
        assert!(project_id("").is_some());
        assert!(project_id("a b").is_some());
        assert_eq!(endpoint("/v1/{project_id}"), None);
        assert_eq!(endpoint("https://cloud:8780/v1/{project_id}"), None);
        assert!(endpoint("javascript:alert(1)").is_some());
    }

    #[test]
    fn metadata_rows_refuse_empty_and_duplicate_keys() {
        let rows = |r: &[(&str, &str)]| -> Vec<(String, String)> {
            r.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
        };
        assert_eq!(
            metadata_rows(&rows(&[("a", "1"), ("", ""), (" b ", " 2 ")])).unwrap(),
            vec![("a".into(), "1".into()), ("b".into(), "2".into())]
        );
        assert!(metadata_rows(&rows(&[("", "v")])).unwrap_err().contains("enter a key"));
        assert!(metadata_rows(&rows(&[("a", "1"), ("a", "2")])).unwrap_err().contains("twice"));
    }

    #[test]
    fn project_lists_split_on_commas_and_whitespace() {
        assert_eq!(project_list("p1, p2\np3 p1").unwrap(), vec!["p1", "p2", "p3"]);
        assert!(project_list("good, b@d").is_err());
        assert!(project_list("").unwrap().is_empty());
    }

    #[test]
    fn filter_dates_use_the_documented_format() {
        assert!(is_filter_date("2024-03-04T10:59:51"));
        for bad in
            ["2024-03-04", "2024-03-04 10:59:51", "2024-13-04T10:59:51", "2024-03-04T25:00:00", "x"]
        {
            assert!(!is_filter_date(bad), "{bad}");
        }
        assert_eq!(filter_date(""), None);
    }

    #[test]
    fn the_token_message_never_repeats_the_token() {
        assert_eq!(token(""), Some("Enter a token.".into()));
        let refused = token("abc def\u{e9}").unwrap();
        assert!(!refused.contains("abc"), "the message does not repeat the token");
        assert_eq!(token("gAAAAABl-_xyz.123"), None);
    }

    #[test]
    fn names_are_limited_to_255_characters() {
        assert_eq!(name("", false), None);
        assert_eq!(name("", true), Some("Enter a name.".into()));
        assert!(name(&"n".repeat(256), false).is_some());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// What the validators let through is what the API and the URL can carry.
        #[test]
        fn accepted_values_are_safe_to_send(text in "\\PC{0,80}") {
            if project_id(&text).is_none() {
                let t = text.trim();
                prop_assert!(!t.is_empty() && t.len() <= 64);
                prop_assert!(t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            }
            if token(&text).is_none() {
                prop_assert!(crate::api::is_valid_token(text.trim()));
            }
            if let Ok(list) = project_list(&text) {
                prop_assert!(list.iter().all(|p| project_id(p).is_none()));
            }
            let _ = (storage::nfs_export(&text), storage::s3_url(&text), storage::bucket(&text));
            let _ = (name(&text, true), filter_date(&text), endpoint(&text));
        }
    }
}

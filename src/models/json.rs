//! Lenient reading of API objects. Real servers send flags as booleans or 0|1, numbers as
//! strings, `null` where a list is expected, and a string where an object is documented; none
//! of these may fail a whole page, so every field is read by hand through [`Obj`].

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A type read from one JSON value of an API response.
pub trait FromJson: Sized {
    /// `Err` only when the value cannot be this type at all (not an object, for a record).
    fn from_json(value: &Value) -> Result<Self, String>;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let items = value.as_array().ok_or("expected a list")?;
        items
            .iter()
            .enumerate()
            .map(|(i, v)| T::from_json(v).map_err(|e| format!("item {}: {e}", i + 1)))
            .collect()
    }
}

/// The fields of one JSON object, each read leniently; `null` reads as absent.
#[derive(Clone, Copy)]
pub struct Obj<'a>(&'a Map<String, Value>);

impl<'a> Obj<'a> {
    pub fn new(value: &'a Value) -> Result<Self, String> {
        value.as_object().map(Self).ok_or_else(|| "expected an object".to_owned())
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// Strings as they are; numbers and booleans as text; anything else as compact JSON.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(value_text)
    }

    /// The first of several names a field goes by (`filesystem_export` or `nfs_export`).
    pub fn text_of(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.text(k))
    }

    /// The record's id: text, or empty when the server sent none.
    pub fn id(&self) -> String {
        self.text("id").unwrap_or_default()
    }

    /// `true`, `1`, `"1"`, `"True"` are true; absent and unreadable values are false.
    pub fn flag(&self, key: &str) -> bool {
        self.opt_flag(key).unwrap_or(false)
    }

    /// Like [`Obj::flag`] but keeps "not sent" apart from false.
    pub fn opt_flag(&self, key: &str) -> Option<bool> {
        self.get(key).and_then(value_as_bool)
    }

    /// Numbers or numeric strings; anything else is `None`.
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.get(key)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse::<f64>().ok(),
            _ => None,
        }
        .filter(|f| f.is_finite())
    }

    /// A list of records; a missing or `null` list is empty, an unreadable item is left out.
    pub fn list<T: FromJson>(&self, key: &str) -> Vec<T> {
        match self.get(key) {
            Some(Value::Array(items)) => items.iter().filter_map(|v| T::from_json(v).ok()).collect(),
            _ => Vec::new(),
        }
    }

    /// A nested record, when the server sent one that reads as a record.
    pub fn record<T: FromJson>(&self, key: &str) -> Option<T> {
        self.get(key).and_then(|v| T::from_json(v).ok())
    }

    /// A free-form object (instance metadata); anything else is empty.
    pub fn map(&self, key: &str) -> BTreeMap<String, Value> {
        match self.get(key) {
            Some(Value::Object(m)) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            _ => BTreeMap::new(),
        }
    }
}

pub fn value_as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_f64().map(|f| f != 0.0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A value shown as text: strings as they are, `null` as empty, anything else as compact JSON.
pub fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fields_read_leniently() {
        let v = json!({"id": 7, "f": "True", "g": 0, "n": "42.5", "bad": {"x": 1}, "nul": null,
            "list": null, "obj": "not an object"});
        let o = Obj::new(&v).unwrap();
        assert_eq!(o.id(), "7");
        assert!(o.flag("f") && !o.flag("g") && !o.flag("missing"));
        assert_eq!(o.opt_flag("missing"), None);
        assert_eq!(o.number("n"), Some(42.5));
        assert_eq!(o.number("bad"), None);
        assert_eq!(o.text("nul"), None);
        assert_eq!(o.text("bad").as_deref(), Some(r#"{"x":1}"#));
        assert!(o.list::<crate::models::KeyValue>("list").is_empty());
        assert!(o.map("obj").is_empty());
        assert!(Obj::new(&json!([1])).is_err());
    }
}

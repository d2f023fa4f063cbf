//! Lenient reading of API objects. Real servers send flags as booleans or 0|1, numbers as
//! strings, `null` where a list is expected, and a string where an object is documented; none
//! of these may fail a whole page, so every field is read by the type it has ([`ReadField`]).

use crate::json::{Map, Value};
use std::collections::BTreeMap;

/// A type read from one JSON value of an API response.
pub trait FromJson: Sized {
    /// `Err` only when the value cannot be this type at all (not an object, for a record).
    fn from_json(value: &Value) -> Result<Self, String>;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, String> {
        let items = value.as_array().ok_or("expected a list")?;
        let item =
            |(i, v): (usize, &Value)| T::from_json(v).map_err(|e| format!("item {}: {e}", i + 1));
        items.iter().enumerate().map(item).collect()
    }
}

/// The fields of one JSON object; `null` reads as absent.
#[derive(Clone, Copy)]
pub struct Obj<'a>(&'a Map);

impl<'a> Obj<'a> {
    pub fn new(value: &'a Value) -> Result<Self, String> {
        value.as_object().map(Self).ok_or_else(|| "expected an object".to_owned())
    }

    /// The first of `keys` present and not `null`: some fields go by several names
    /// (`filesystem_export` or `nfs_export`).
    fn get(&self, keys: &[&str]) -> Option<&'a Value> {
        keys.iter().find_map(|k| self.0.get(k).filter(|v| !v.is_null()))
    }

    /// The field under `keys`, read the way its type reads.
    pub fn read<T: ReadField>(&self, keys: &[&str]) -> T {
        T::read(self, keys)
    }
}

/// How a field of each type is read: the type of a record's field picks its reader.
pub trait ReadField: Sized {
    fn read(o: &Obj, keys: &[&str]) -> Self;
}

/// Text: strings as they are; numbers and booleans as text; anything else as compact JSON.
impl ReadField for Option<String> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        o.get(keys).map(value_text)
    }
}

/// A record's id: text, or empty when the server sent none.
impl ReadField for String {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        o.read::<Option<String>>(keys).unwrap_or_default()
    }
}

/// Numbers or numeric strings; anything else is `None`.
impl ReadField for Option<f64> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        let number = match o.get(keys)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => crate::format::parse_decimal(s),
            _ => None,
        };
        number.filter(|f| f.is_finite())
    }
}

/// A flag that keeps "not sent" apart from false.
impl ReadField for Option<bool> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        o.get(keys).and_then(value_as_bool)
    }
}

/// `true`, `1`, `"1"`, `"True"` are true; absent and unreadable values are false.
impl ReadField for bool {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        o.read::<Option<bool>>(keys).unwrap_or(false)
    }
}

/// A free-form object (instance metadata); anything else is empty.
impl ReadField for BTreeMap<String, Value> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        let Some(Value::Object(m)) = o.get(keys) else { return BTreeMap::new() };
        m.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// A list of records; a missing or `null` list is empty, an unreadable item is left out.
impl<T: FromJson> ReadField for Vec<T> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        let Some(Value::Array(items)) = o.get(keys) else { return Vec::new() };
        items.iter().filter_map(|v| T::from_json(v).ok()).collect()
    }
}

/// A nested record, when the server sent one that reads as a record.
impl<T: FromJson> ReadField for Option<T> {
    fn read(o: &Obj, keys: &[&str]) -> Self {
        o.get(keys).and_then(|v| T::from_json(v).ok())
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
    use crate::json::json;

    #[test]
    fn fields_read_leniently() {
        let v = json!({"id": 7, "f": "True", "g": 0, "n": "42.5", "bad": {"x": 1}, "nul": null,
            "list": null, "obj": "not an object", "new": "b"});
        let o = Obj::new(&v).unwrap();
        assert_eq!(o.read::<String>(&["id"]), "7");
        assert!(o.read::<bool>(&["f"]) && !o.read::<bool>(&["g"]) && !o.read::<bool>(&["missing"]));
        assert_eq!(o.read::<Option<bool>>(&["missing"]), None);
        assert_eq!(o.read::<Option<f64>>(&["n"]), Some(42.5));
        assert_eq!(o.read::<Option<f64>>(&["bad"]), None);
        assert_eq!(o.read::<Option<String>>(&["nul"]), None);
        let renamed: Option<String> = o.read(&["nul", "new"]);
        assert_eq!(renamed.as_deref(), Some("b"), "a null name gives way to the next");
        assert_eq!(o.read::<Option<String>>(&["bad"]).as_deref(), Some(r#"{"x":1}"#));
        assert!(o.read::<Vec<crate::models::KeyValue>>(&["list"]).is_empty());
        assert!(o.read::<BTreeMap<String, Value>>(&["obj"]).is_empty());
        assert!(Obj::new(&json!([1])).is_err());
    }
}

//! JSON as the console reads and writes it. serde_json's tree went through serde's generic
//! visitor machinery, which cost the start-up (the sign-in page) about 11 KB gzip of code that
//! only reads a token, a config file and an error; this reader and writer do the same job
//! directly. The tree keeps serde_json's meaning: an object's keys sorted and unique (the last
//! of a repeated key wins), numbers as the server wrote them.

mod read;
mod write;

pub use crate::json_value as json;
pub use read::{list_entries, parse, Cut, ListCut, ParseError};

use std::ops::Index;

/// One JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number as its JSON text, so an id of twenty digits reads back as sent, never rounded.
#[derive(Clone, Debug, PartialEq)]
pub struct Number(Box<str>);

impl Number {
    pub fn as_f64(&self) -> Option<f64> {
        crate::format::parse_decimal(&self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An object: entries sorted by key, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Self::default()
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.position(key).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.position(key).ok().map(|i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_ok()
    }

    /// Sets `key`, replacing what it held.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.position(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.position(key).ok().map(|i| self.0.remove(i).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// From entries in the order they came, a repeated key keeping its last value.
    fn from_entries(entries: Vec<(String, Value)>) -> Self {
        if entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return Self(entries);
        }
        let key = |i: usize| entries[i].0.as_str();
        let order = crate::order::stable_order(entries.len(), &|a, b| key(a) < key(b));
        // A run of one key keeps its entries' order, so its last is the value that wins.
        let kept: Vec<usize> = (0..order.len())
            .filter(|&n| order.get(n + 1).is_none_or(|&next| key(next) != key(order[n])))
            .map(|n| order[n])
            .collect();
        Self(crate::order::take_in_order(entries, &kept))
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(entries: I) -> Self {
        Self::from_entries(entries.into_iter().collect())
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Self::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Self::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    /// An object's field; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

static NULL: Value = Value::Null;

/// `value["key"]`: the field, or `null` when there is none (never a panic).
impl Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[3]`: the item, or `null` when there is none.
impl Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|items| items.get(i)).unwrap_or(&NULL)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

/// What `json!` takes as a value: Rust data as the JSON it stands for, borrowed as
/// serde_json's `json!` borrows it.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_owned())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

macro_rules! integers_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                Value::Number(Number(self.to_string().into()))
            }
        }
    )*};
}
integers_to_json!(u8, u32, u64, i32, i64, usize);

/// A finite number; NaN and the infinities have no JSON and become `null`.
impl ToJson for f64 {
    fn to_json(&self) -> Value {
        match crate::format::shortest_number(*self) {
            Some(text) => Value::Number(Number(text.into())),
            None => Value::Null,
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToJson::to_json)
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        self.as_slice().to_json()
    }
}

impl ToJson for Value {
    fn to_json(&self) -> Value {
        self.clone()
    }
}

impl ToJson for Map {
    fn to_json(&self) -> Value {
        Value::Object(self.clone())
    }
}

/// A JSON value written as JSON: `json!({"auth": {"methods": ["token"], "id": id}})`. Keys
/// are string literals; a value is `null`, an object, a list, or any expression that converts
/// into a [`Value`] ([`ToJson`]).
#[doc(hidden)]
#[macro_export]
macro_rules! json_value {
    (null) => { $crate::json::Value::Null };
    ([ $($items:tt)* ]) => {{
        #[allow(unused_mut)]
        let mut items: ::std::vec::Vec<$crate::json::Value> = ::std::vec::Vec::new();
        $crate::json_items!(items; $($items)*);
        $crate::json::Value::Array(items)
    }};
    ({ $($fields:tt)* }) => {{
        #[allow(unused_mut)]
        let mut fields = $crate::json::Map::new();
        $crate::json_fields!(fields; $($fields)*);
        $crate::json::Value::Object(fields)
    }};
    ($value:expr) => { $crate::json::ToJson::to_json(&$value) };
}

#[doc(hidden)]
#[macro_export]
// Items are pushed one at a time as the muncher reaches them (a `vec![]` cannot be built
// from a muncher's steps); the call is written as `Vec::push(&mut ..)` so that clippy's
// vec_init_then_push, which cannot see that, does not fire in every caller.
macro_rules! json_items {
    ($items:ident;) => {};
    ($items:ident; null $(, $($rest:tt)*)?) => {
        ::std::vec::Vec::push(&mut $items, $crate::json::Value::Null);
        $crate::json_items!($items; $($($rest)*)?);
    };
    ($items:ident; { $($v:tt)* } $(, $($rest:tt)*)?) => {
        ::std::vec::Vec::push(&mut $items, $crate::json_value!({ $($v)* }));
        $crate::json_items!($items; $($($rest)*)?);
    };
    ($items:ident; [ $($v:tt)* ] $(, $($rest:tt)*)?) => {
        ::std::vec::Vec::push(&mut $items, $crate::json_value!([ $($v)* ]));
        $crate::json_items!($items; $($($rest)*)?);
    };
    ($items:ident; $v:expr $(, $($rest:tt)*)?) => {
        ::std::vec::Vec::push(&mut $items, $crate::json_value!($v));
        $crate::json_items!($items; $($($rest)*)?);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! json_fields {
    ($fields:ident;) => {};
    ($fields:ident; $k:literal : null $(, $($rest:tt)*)?) => {
        $fields.insert($k.into(), $crate::json::Value::Null);
        $crate::json_fields!($fields; $($($rest)*)?);
    };
    ($fields:ident; $k:literal : { $($v:tt)* } $(, $($rest:tt)*)?) => {
        $fields.insert($k.into(), $crate::json_value!({ $($v)* }));
        $crate::json_fields!($fields; $($($rest)*)?);
    };
    ($fields:ident; $k:literal : [ $($v:tt)* ] $(, $($rest:tt)*)?) => {
        $fields.insert($k.into(), $crate::json_value!([ $($v)* ]));
        $crate::json_fields!($fields; $($($rest)*)?);
    };
    ($fields:ident; $k:literal : $v:expr $(, $($rest:tt)*)?) => {
        $fields.insert($k.into(), $crate::json_value!($v));
        $crate::json_fields!($fields; $($($rest)*)?);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_object_keeps_each_key_once_sorted_the_last_value_winning() {
        let v = parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(v["b"].as_f64(), Some(3.0));
        assert_eq!(v["missing"], Value::Null);
        assert_eq!(v["b"]["deeper"], Value::Null, "indexing a number is null, not a panic");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn an_object_of_many_keys_is_the_map_of_its_last_values(
            entries in proptest::collection::vec((0u8..40, 0u32..1000), 0..120)
        ) {
            let mut expected = std::collections::BTreeMap::new();
            for &(k, v) in &entries {
                expected.insert(format!("k{k:02}"), v);
            }
            let map: Map = entries
                .iter()
                .map(|&(k, v)| (format!("k{k:02}"), json!(v)))
                .collect();
            let got: Vec<(String, Value)> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let want: Vec<(String, Value)> = expected.into_iter().map(|(k, v)| (k, json!(v))).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn the_macro_builds_what_it_reads_like() {
        let id = "p1";
        let flag = true;
        let v = json!({"auth": {"scope": {"project": {"id": id}}, "methods": ["token", null]},
            "n": 7u8, "ok": flag, "none": null, "list": [[1u8], {"k": "v"}]});
        assert_eq!(
            v.to_string(),
            r#"{"auth":{"methods":["token",null],"scope":{"project":{"id":"p1"}}},"list":[[1],{"k":"v"}],"n":7,"none":null,"ok":true}"#
        );
        assert_eq!(json!(f64::NAN), Value::Null);
        assert_eq!(json!([]), Value::Array(vec![]));
        assert_eq!(json!({}), Value::Object(Map::new()));
    }

    #[test]
    fn numbers_read_back_as_sent() {
        let v = parse("[12345678901234567890123, -0.5e-3, 10]").unwrap();
        assert_eq!(v.to_string(), "[12345678901234567890123,-0.5e-3,10]");
        assert_eq!(v[1].as_f64(), Some(-0.0005));
    }
}

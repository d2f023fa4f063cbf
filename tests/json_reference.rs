//! src/json against serde_json, the reader the console used before it had its own: on any
//! text both must agree whether it is JSON and, when it is, on what it says.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use wlm_console::json;

/// A JSON value as serde_json writes it, with whitespace, escapes and numbers of every form.
fn json_text() -> impl Strategy<Value = String> {
    let number = prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| f.to_string()),
        "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?",
    ];
    let string = prop_oneof![
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        "\"([a-z]|\\\\[\"\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4}){0,8}\"",
    ];
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        number,
        string.clone(),
    ];
    let space = "[ \t\r\n]{0,2}";
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec((inner.clone(), space), 0..6).prop_map(|items| {
                let items: Vec<_> = items.into_iter().map(|(v, s)| format!("{s}{v}{s}")).collect();
                format!("[{}]", items.join(","))
            }),
            prop::collection::vec((string.clone(), inner, space), 0..6).prop_map(|fields| {
                let fields: Vec<_> =
                    fields.into_iter().map(|(k, v, s)| format!("{s}{k}{s}:{s}{v}")).collect();
                format!("{{{}}}", fields.join(","))
            }),
        ]
    })
}

/// A JSON text, then perhaps damaged: a byte cut out, or one of JSON's own characters put in.
fn maybe_broken_text() -> impl Strategy<Value = String> {
    (
        json_text(),
        0usize..3,
        any::<prop::sample::Index>(),
        prop::sample::select(&b",:[]{}\"\\0e.-tn \x01"[..]),
    )
        .prop_map(|(text, how, at, byte)| {
            let mut bytes = text.into_bytes();
            let at = at.index(bytes.len() + 1);
            match how {
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, byte),
                _ => {}
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

/// What serde_json reads `text` as, `None` when it refuses it; numbers past f64 are left out,
/// which serde_json refuses and src/json keeps as the text they are.
fn reference(text: &str) -> Option<Option<serde_json::Value>> {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => Some(Some(v)),
        Err(e) if e.to_string().contains("number out of range") => None,
        Err(_) => Some(None),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn reads_what_serde_json_reads(text in maybe_broken_text()) {
        let Some(expected) = reference(&text) else { return Ok(()) };
        let ours = json::parse(&text);
        prop_assert_eq!(ours.is_ok(), expected.is_some(), "{:?}: {:?}", text, ours);
        if let (Ok(ours), Some(expected)) = (ours, expected) {
            let written = ours.to_string();
            prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&written).ok(), Some(expected));
            prop_assert_eq!(json::parse(&written).ok(), Some(ours), "written back, read the same");
        }
    }

    #[test]
    fn cuts_a_list_into_the_entries_serde_json_sees(
        items in prop::collection::vec(json_text(), 0..6),
        other in json_text(),
    ) {
        let body = format!(r#"{{"a": {other}, "snapshots": [{}], "z": {other}}}"#, items.join(" , "));
        let Some(Some(expected)) = reference(&body) else { return Ok(()) };
        let entries = json::list_entries(&body, "snapshots", "snapshot").expect("a list");
        let read: Vec<serde_json::Value> =
            entries.iter().map(|e| serde_json::from_str(e).unwrap()).collect();
        prop_assert_eq!(&serde_json::Value::Array(read), &expected["snapshots"]);
    }
}

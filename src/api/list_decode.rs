//! Long lists read in slices. The body is first cut into its entries without building a JSON
//! tree (one pass over it, reported as "parse <what>"), then the entries are read; both go a
//! slice at a time and the page gets a turn between slices, so 100,000 snapshots never freeze
//! it; only one entry's tree exists at a time. Any body this fast path does not recognise takes
//! `decode_wrapped`, which words every error.

use super::{decode_wrapped, ApiError, RawResponse};
use crate::json;
use crate::models::{Listed, Row};
use crate::timing::{Mark, SliceClock};

/// `decode_wrapped` for a list, read entry by entry in slices (see the module's note).
pub async fn decode_list<T: Row>(
    raw: &RawResponse,
    plural: &str,
    singular: &str,
) -> Result<Listed<T>, ApiError> {
    // Not in the task that asked for it, which may be a page's first render: an answer that
    // came before the page's code is read as the page mounts.
    let mut clock = SliceClock::start();
    clock.yield_now().await;
    let mark = Mark::start(format!("decode {plural}"));
    let parse = Mark::start(format!("parse {plural}"));
    let Some(entries) = cut_entries(raw.body.trim(), plural, singular, &mut clock).await else {
        return decode_wrapped(raw, plural, singular);
    };
    parse.end();
    let mut listed = Listed { rows: Vec::with_capacity(entries.len()), unreadable: Vec::new() };
    clock.rest().await;
    for (i, entry) in entries.iter().enumerate() {
        match json::parse(entry) {
            Ok(value) => listed.push(i, &value),
            Err(e) => listed.push_unparsable(i, &e.to_string()),
        }
        clock.turn().await;
    }
    mark.end();
    clock.rest().await;
    Ok(listed)
}

/// `json::list_entries` in slices: one pass over 2.7 MB (10,000 snapshots) is tens of
/// milliseconds. Not generic, so every kind of row shares this one copy.
async fn cut_entries<'a>(
    text: &'a str,
    plural: &str,
    singular: &str,
    clock: &mut SliceClock,
) -> Option<Vec<&'a str>> {
    let mut cut = json::ListCut::new(text, plural, singular);
    loop {
        match cut.step() {
            json::Cut::Reading => clock.turn().await,
            json::Cut::Read(entries) => return Some(entries),
            json::Cut::NotAList => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{FromJson, Snapshot};

    fn raw(body: &str) -> RawResponse {
        RawResponse { status: 200, request_id: Some("req-1".into()), body: body.into() }
    }

    fn decode(body: &str) -> Result<Listed<Snapshot>, ApiError> {
        futures::executor::block_on(decode_list(&raw(body), "snapshots", "snapshot"))
    }

    #[test]
    fn reads_what_the_whole_tree_reads_and_keeps_odd_entries_apart() {
        let body =
            r#"{"snapshots": [{"id": "s1", "name": "a\"b"}, 42, {"name": "no id"}, {"id": "s2"}]}"#;
        let sliced = decode(body).unwrap();
        let whole =
            Listed::<Snapshot>::from_json(&json::parse(body).unwrap()["snapshots"]).unwrap();
        assert_eq!(sliced, whole);
        assert_eq!(sliced.rows.len(), 2);
        assert_eq!(sliced.rows[0].name.as_deref(), Some("a\"b"));
        assert_eq!(sliced.unreadable.len(), 2);
    }

    #[test]
    fn the_list_is_found_among_other_keys_and_the_plural_wins() {
        let body = r#"{"meta": {"snapshots": [{"id": "x"}], "s": "a\"b"}, "snapshot": [{"id": "b"}],
            "snap\u0073hots": [{"id": "a"}], "next": null}"#;
        let ids: Vec<_> = decode(body).unwrap().rows.into_iter().map(|s| s.id).collect();
        assert_eq!(ids, ["a"]);
    }

    #[test]
    fn the_singular_key_is_read_and_other_bodies_get_the_usual_errors() {
        assert_eq!(decode(r#"{"snapshot": [{"id": "s1"}]}"#).unwrap().rows.len(), 1);
        for body in ["not json", "[1, 2]", r#"{"other": []}"#, r#"{"snapshots": {"id": 1}}"#] {
            let e = decode(body).unwrap_err();
            assert!(matches!(e, ApiError::Decode { .. }), "{body}: {e:?}");
            assert_eq!(e.request_id(), Some("req-1"), "{body}");
        }
    }
}

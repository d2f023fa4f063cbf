//! The console's own rules that need no browser: validation, formatting, polling back-off.
#![cfg(not(target_arch = "wasm32"))]

use wlm_console::components::key_value_editor::{validate_rows, KvRow};
use wlm_console::components::status_badge::{status_tone, Tone};
use wlm_console::format::{api_time_millis, duration, human_bytes, local_time};
use wlm_console::models::backup_target::parse_size;
use wlm_console::models::snapshot::is_valid_filter_date;
use wlm_console::models::Snapshot;
use wlm_console::pages::backup_targets::{validate_bucket, validate_nfs_export, validate_s3_url};
use wlm_console::api::redact;
use wlm_console::pages::login::{safe_next, validate_endpoint, validate_project_id, validate_token};
use wlm_console::pages::snapshots::filter_query_string;
use wlm_console::pages::snapshots::poller::{is_newer_or_same, merge_polled, next_delay, BASE_DELAY_MS, MAX_DELAY_MS};
use wlm_console::pages::target_types::parse_project_list;

#[test]
fn nfs_exports_must_be_host_colon_path() {
    for ok in ["192.168.1.34:/mnt/tvault/162", "nfs.example.com:/exports", "[fd00::1]:/b"] {
        assert_eq!(validate_nfs_export(ok), None, "{ok}");
    }
    for bad in ["", "192.168.1.34/mnt", "host:/a b", ":/path", "bad_host!:/x", "host:relative"] {
        assert!(validate_nfs_export(bad).is_some(), "{bad}");
    }
}

#[test]
fn s3_urls_and_bucket_names_follow_the_rules() {
    assert_eq!(validate_s3_url("https://s3.example.com"), None);
    assert_eq!(validate_s3_url("http://10.0.0.1:7480"), None);
    for bad in ["", "s3.example.com", "ftp://x", "https://", "https:// x"] {
        assert!(validate_s3_url(bad).is_some(), "{bad}");
    }
    for ok in ["abc", "trilio-backups", "a.b-c.1"] {
        assert_eq!(validate_bucket(ok), None, "{ok}");
    }
    for bad in ["ab", "Upper", "-start", "end-", "a..b", "192.168.1.1", "under_score", &"x".repeat(64)] {
        assert!(validate_bucket(bad).is_some(), "{bad}");
    }
}

#[test]
fn login_inputs_are_checked_and_redirects_stay_inside_the_app() {
    assert_eq!(validate_project_id("c76b3355a164498aa95ddbc960adc238"), None);
    assert!(validate_project_id("").is_some());
    assert!(validate_project_id("a b").is_some());
    assert_eq!(validate_endpoint("/v1/{project_id}"), None);
    assert_eq!(validate_endpoint("https://cloud:8780/v1/{project_id}"), None);
    assert!(validate_endpoint("javascript:alert(1)").is_some());
    assert_eq!(safe_next(Some("/snapshots?host=TVM1".into())), "/snapshots?host=TVM1");
    assert_eq!(safe_next(Some("//evil.example".into())), "/backup-targets");
    assert_eq!(safe_next(Some("https://evil.example".into())), "/backup-targets");
    assert_eq!(safe_next(None), "/backup-targets");
}

#[test]
fn metadata_rows_refuse_empty_and_duplicate_keys() {
    let rows = vec![KvRow::new("a", "1"), KvRow::new("", ""), KvRow::new(" b ", " 2 ")];
    assert_eq!(validate_rows(&rows).unwrap(), vec![("a".into(), "1".into()), ("b".into(), "2".into())]);
    assert!(validate_rows(&[KvRow::new("", "v")]).unwrap_err().contains("enter a key"));
    assert!(validate_rows(&[KvRow::new("a", "1"), KvRow::new("a", "2")]).unwrap_err().contains("twice"));
}

#[test]
fn project_lists_split_on_commas_and_whitespace() {
    assert_eq!(parse_project_list("p1, p2\np3 p1").unwrap(), vec!["p1", "p2", "p3"]);
    assert!(parse_project_list("good, b@d").is_err());
    assert!(parse_project_list("").unwrap().is_empty());
}

#[test]
fn filter_dates_use_the_documented_format() {
    assert!(is_valid_filter_date("2024-03-04T10:59:51"));
    for bad in ["2024-03-04", "2024-03-04 10:59:51", "2024-13-04T10:59:51", "2024-03-04T25:00:00", "x"] {
        assert!(!is_valid_filter_date(bad), "{bad}");
    }
    let f = wlm_console::models::SnapshotFilter { workload_id: "w".into(), date_to: "2024-03-04T10:59:51".into(), ..Default::default() };
    assert_eq!(filter_query_string(&f), "?workload_id=w&date_to=2024-03-04T10%3A59%3A51");
    assert_eq!(filter_query_string(&Default::default()), "");
}

#[test]
fn api_times_are_utc() {
    assert_eq!(api_time_millis("1970-01-01T00:00:01.500000"), Some(1500.0));
    assert_eq!(api_time_millis("2024-03-04T10:59:51.000000"), Some(1_709_549_991_000.0));
    assert_eq!(api_time_millis("2024-03-04T10:59:51Z"), api_time_millis("2024-03-04T10:59:51"));
    assert_eq!(api_time_millis("yesterday"), None);
    // Native builds show UTC; the browser shows its own zone.
    assert_eq!(local_time("2024-03-04T10:59:51.000000"), "2024-03-04 10:59:51");
    assert_eq!(local_time("not a time"), "not a time");
}

#[test]
fn sizes_and_durations_read_like_an_admin_expects() {
    assert_eq!(human_bytes(44_171_264.0), "42.1 MiB");
    assert_eq!(human_bytes(2_147_483_648.0), "2.0 GiB");
    assert_eq!(human_bytes(512.0), "512 B");
    assert_eq!(duration(428.0), "7 min 08 s");
    assert_eq!(duration(3_700.0), "1 h 01 min");
    assert_eq!(duration(42.0), "42 s");
    assert_eq!(parse_size("2.4 TB"), Some(2.4e12));
    assert_eq!(parse_size("1 KiB"), Some(1024.0));
    assert_eq!(parse_size("lots"), None);
}

#[test]
fn statuses_have_a_tone_and_unknown_ones_look_in_progress() {
    assert_eq!(status_tone("available"), Tone::Ok);
    assert_eq!(status_tone("online"), Tone::Ok);
    assert_eq!(status_tone("offline"), Tone::Danger);
    assert_eq!(status_tone("error"), Tone::Danger);
    assert_eq!(status_tone("cancelled"), Tone::Muted);
    assert_eq!(status_tone("creating"), Tone::Progress);
    assert_eq!(status_tone("something-new"), Tone::Progress);
}

#[test]
fn polling_backs_off_to_thirty_seconds_and_resets_on_change() {
    let mut d = BASE_DELAY_MS;
    let mut seen = vec![d];
    for _ in 0..6 {
        d = next_delay(d, false);
        seen.push(d);
    }
    assert_eq!(seen, vec![2_500, 5_000, 10_000, 20_000, 30_000, 30_000, 30_000]);
    assert_eq!(next_delay(MAX_DELAY_MS, true), BASE_DELAY_MS);
}

#[test]
fn an_older_poll_answer_never_overwrites_a_newer_one() {
    let newer = Snapshot { id: "s".into(), status: Some("uploading".into()), updated_at: Some("2024-01-01T00:00:10.000000".into()), ..Default::default() };
    let older = Snapshot { id: "s".into(), status: Some("creating".into()), updated_at: Some("2024-01-01T00:00:05.000000".into()), ..Default::default() };
    assert!(!is_newer_or_same(&newer, &older));
    let mut rows = vec![newer.clone()];
    assert!(!merge_polled(&mut rows, older));
    assert_eq!(rows[0].status(), "uploading");
    let done = Snapshot { status: Some("available".into()), updated_at: Some("2024-01-01T00:00:20.000000".into()), ..newer };
    assert!(merge_polled(&mut rows, done));
    assert_eq!(rows[0].status(), "available");
}

#[test]
fn the_token_never_reaches_a_message() {
    let token = "gAAAAAB-secret\n";
    let browser_text = format!("Headers.set: '{token}' is an invalid header value.");
    let shown = redact(&browser_text, token);
    assert!(!shown.contains("secret"), "{shown}");
    assert!(shown.contains("<token>"));
    assert_eq!(validate_token(""), Some("Enter a token.".into()));
    let refused = validate_token("abc def\u{e9}").unwrap();
    assert!(!refused.contains("abc"), "the message does not repeat the token");
    assert_eq!(validate_token("gAAAAABl-_xyz.123"), None);
}

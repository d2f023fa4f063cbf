//! The form validators and the portal's session message, on any input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wlm_console::config::AppConfig;
use wlm_console::models::validate::{self, storage};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let _ = validate::project_id(&text);
    let _ = validate::project_list(&text);
    let _ = validate::endpoint(&text);
    let _ = validate::token(&text);
    let _ = validate::name(&text, true);
    let _ = validate::filter_date(&text);
    let _ = storage::nfs_export(&text);
    let _ = storage::s3_url(&text);
    let _ = storage::bucket(&text);
    let rows: Vec<(String, String)> =
        text.lines().map(|l| (l.to_owned(), l.chars().rev().collect())).collect();
    let _ = validate::metadata_rows(&rows);
    if let Ok(value) = wlm_console::json::parse(&text) {
        let _ = wlm_console::embed::message::session_from_message(&value, &AppConfig::default());
    }
});

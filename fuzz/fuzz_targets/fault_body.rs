//! Any error body (JSON fault, HTML page, plain text) under any status becomes an error with a
//! bounded message.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wlm_console::api::ApiError;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data.split_first() {
        Some((first, rest)) => {
            (400 + u16::from(*first), String::from_utf8_lossy(rest).into_owned())
        }
        None => (500, String::new()),
    };
    let error = ApiError::from_response(status, Some("req-fuzz".into()), &body);
    assert!(error.message().chars().count() <= 600, "messages are capped");
    let _ = error.to_string();
});

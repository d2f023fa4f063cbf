//! Whatever `next=` holds, sign-in stays on the console's origin.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let next = String::from_utf8_lossy(data).into_owned();
    let landed = wlm_console::routes::safe_next(Some(next));
    assert!(
        landed.starts_with('/') && !landed.starts_with("//") && !landed.contains('\\'),
        "{landed}"
    );
    assert!(!landed.chars().any(|c| c.is_control() || c.is_whitespace()), "{landed:?}");
});

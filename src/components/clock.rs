use leptos::prelude::*;

/// The browser's clock, read every `tick_ms` while the calling component lives: for times
/// that count (elapsed, estimates, expiry) without a request.
pub fn use_clock(tick_ms: u32) -> ReadSignal<f64> {
    let (now, set_now) = signal(crate::format::now_ms());
    let tick = move || {
        set_now.try_set(crate::format::now_ms());
    };
    if let Ok(handle) =
        set_interval_with_handle(tick, std::time::Duration::from_millis(tick_ms.into()))
    {
        on_cleanup(move || handle.clear());
    }
    now
}

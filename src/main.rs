fn main() {
    wlm_console::crash::install_panic_hook();
    #[cfg(feature = "forced-panic")]
    wlm_console::crash::panic_on_test_event();
    // Without a session a deep link is the sign-in page, which needs no page's code yet.
    let signed_in = wlm_console::session::load().is_some();
    if let Some(window) = web_sys::window().filter(|_| signed_in) {
        wlm_console::routes::preload_page_at(&window.location().pathname().unwrap_or_default());
    }
    leptos::mount::mount_to_body(wlm_console::App);
    wlm_console::format::warm_zone_name();
}

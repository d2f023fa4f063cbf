fn main() {
    wlm_console::crash::install_panic_hook();
    #[cfg(feature = "forced-panic")]
    wlm_console::crash::panic_on_test_event();
    if let Some(window) = web_sys::window() {
        wlm_console::routes::preload_page_at(&window.location().pathname().unwrap_or_default());
    }
    leptos::mount::mount_to_body(wlm_console::App);
    wlm_console::format::warm_zone_name();
}

fn main() {
    wlm_console::crash::install_panic_hook();
    #[cfg(feature = "forced-panic")]
    wlm_console::crash::panic_on_test_event();
    leptos::mount::mount_to_body(wlm_console::App);
}

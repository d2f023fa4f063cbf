fn main() {
    leptos::mount::mount_to_body(wlm_console::App);
}

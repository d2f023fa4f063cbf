//! When the console itself fails (a panic; with `panic = "abort"` the module is dead
//! afterwards), say so on the page instead of leaving it frozen: a banner with a reload link.
//! Built with plain DOM calls and no Rust event handler, since none could run any more.

use web_sys::Document;

pub const BANNER_ID: &str = "crash-banner";

/// Shows the banner on any panic, then lets the default hook report it to the console log.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        show_crash_banner();
        default(info);
    }));
}

/// Puts the banner at the top of the page (once). The panic message is not shown: it may
/// hold data from the API, and the reader needs the way out, not the internals.
pub fn show_crash_banner() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id(BANNER_ID).is_some() {
        return;
    }
    let _ = build_banner(&doc);
}

fn build_banner(doc: &Document) -> Result<(), wasm_bindgen::JsValue> {
    let banner = doc.create_element("div")?;
    banner.set_id(BANNER_ID);
    banner.set_class_name("crash-banner");
    banner.set_attribute("role", "alert")?;
    let text = doc.create_element("p")?;
    text.set_text_content(Some(
        "The console stopped working because of an error in the console itself. Nothing more \
         will be sent from this page. Reload it to continue; your session is kept.",
    ));
    // A plain link reloads without any script of the (now stopped) console; `rel=external`
    // keeps the router's click handler from taking it.
    let reload = doc.create_element("a")?;
    reload.set_class_name("btn btn--primary");
    reload.set_attribute("rel", "external")?;
    reload.set_attribute(
        "href",
        &web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default(),
    )?;
    reload.set_text_content(Some("Reload the console"));
    banner.append_child(&text)?;
    banner.append_child(&reload)?;
    let body = doc.body().ok_or("no body")?;
    body.insert_before(&banner, body.first_child().as_ref())?;
    Ok(())
}

/// Test builds only (`--features forced-panic`): the end-to-end suite fires the window event
/// `wlm-force-panic` to see what a reader sees when the console fails.
#[cfg(feature = "forced-panic")]
pub fn panic_on_test_event() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let handler = Closure::<dyn Fn()>::new(|| panic!("forced by the end-to-end suite"));
    if let Some(window) = web_sys::window() {
        let _ = window
            .add_event_listener_with_callback("wlm-force-panic", handler.as_ref().unchecked_ref());
    }
    handler.forget();
}

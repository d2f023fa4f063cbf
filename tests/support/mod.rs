//! Helpers for the wasm-bindgen tests: a fresh container, DOM queries, typing and clicking.
#![allow(dead_code)]

use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement};

pub fn container() -> HtmlElement {
    let doc = document();
    let el = doc.create_element("div").expect("create div");
    doc.body().expect("body").append_child(&el).expect("append");
    el.unchecked_into()
}

pub fn document() -> web_sys::Document {
    web_sys::window().expect("window").document().expect("document")
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

fn bubbling(name: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    Event::new_with_event_init_dict(name, &init).expect("event")
}

/// Types into an input the way a user does: value, then an `input` event.
pub fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    input.dispatch_event(&bubbling("input")).expect("dispatch input");
}

pub fn click(root: &Element, selector: &str) {
    let el: HtmlElement = find(root, selector).unchecked_into();
    el.click();
}

pub fn submit(root: &Element, selector: &str) {
    let form: web_sys::HtmlFormElement = find(root, selector).unchecked_into();
    form.request_submit().expect("submit");
}

pub fn fire(el: &Element, name: &str) {
    el.dispatch_event(&bubbling(name)).expect("dispatch");
}

/// Lets effects and async tasks run.
pub async fn settle() {
    leptos::task::tick().await;
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
    leptos::task::tick().await;
}

pub fn fixture(name: &str) -> String {
    match name {
        "backup_targets_list" => include_str!("../fixtures/backup_targets_list.json"),
        "backup_target_set_default" => include_str!("../fixtures/backup_target_set_default.json"),
        "backup_target_create" => include_str!("../fixtures/backup_target_create.json"),
        "target_types_detail" => include_str!("../fixtures/target_types_detail.json"),
        "target_type_add_projects" => include_str!("../fixtures/target_type_add_projects.json"),
        "snapshots_list" => include_str!("../fixtures/snapshots_list.json"),
        "snapshot_take" => include_str!("../fixtures/snapshot_take.json"),
        "snapshot_show" => include_str!("../fixtures/snapshot_show.json"),
        other => panic!("unknown fixture {other}"),
    }
    .to_owned()
}

pub fn decode<T: wlm_console::models::FromJson>(name: &str, plural: &str, singular: &str) -> T {
    let raw = wlm_console::api::RawResponse { status: 200, request_id: None, body: fixture(name) };
    wlm_console::api::decode_wrapped(&raw, plural, singular).expect("fixture decodes")
}

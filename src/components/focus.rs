//! Where keyboard focus goes once something is drawn: to what was just put on screen (an invalid
//! field, a page's heading), or, when the part that held focus is drawn anew (a list read again
//! after Set default, a delete, Try again), back to the same control, else to the page's
//! heading, never to the top of the document.

use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// Once what was just set has been drawn (the tick after), moves focus to the first element
/// that the first matching selector finds.
pub fn focus_when_drawn(selectors: &'static [&'static str]) {
    let Some(doc) = document() else { return };
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        focus_on(selectors.iter().find_map(|s| doc.query_selector(s).ok().flatten()));
    });
}

/// Moves focus to the element with `id`; whether it took it.
pub fn focus_id(id: &str) -> bool {
    focus_on(document().and_then(|doc| doc.get_element_by_id(id)))
}

thread_local! {
    /// The control of the main region that last took focus, for when the page took it away
    /// (a button disabled while its action runs loses focus before the list is read again).
    static LAST: RefCell<Option<FocusedControl>> = const { RefCell::new(None) };
    static FOLLOWING: Cell<bool> = const { Cell::new(false) };
}

/// A control in the main region. After a redraw it is found again by what survives one: its
/// id, or its tag and its accessible name (`aria-label`, else its text), read off the old
/// element only then.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusedControl(Element);

impl FocusedControl {
    /// Starts noting which control of the main region has focus (once per document).
    pub fn follow() {
        if FOLLOWING.replace(true) {
            return;
        }
        let listen = |name: &str, note: fn()| {
            let _ = leptos::prelude::window_event_listener_untyped(name, move |_| note());
        };
        listen("focusin", || LAST.set(Self::in_main()));
        // A click elsewhere is the admin's own choice to leave the control (it comes before
        // the focus it may give).
        listen("pointerdown", || LAST.set(None));
    }

    /// The control that has focus in the main region, or had it until the page took it away
    /// (disabled it while its action ran, or removed it); not one the admin clicked away from.
    pub fn now() -> Option<FocusedControl> {
        Self::in_main().or_else(|| focus_fell().then(|| LAST.with_borrow(Clone::clone)).flatten())
    }

    fn in_main() -> Option<FocusedControl> {
        let doc = document()?;
        let el = doc.active_element()?;
        let main = doc.get_element_by_id("main")?;
        (main.contains(Some(&el)) && main != el).then_some(FocusedControl(el))
    }

    /// Once the redraw has taken the control off the page: if focus fell to the document, it
    /// goes to the same control in the new view, or to the page's heading when the control is
    /// gone, no longer one of a kind, or disabled. A control not redrawn is left alone.
    pub fn restore_when_drawn(self) {
        leptos::task::spawn_local(async move {
            // The old view goes once the new one is built: a tick later, or a few frames when
            // the swap waits for the browser.
            for _ in 0..20 {
                leptos::task::tick().await;
                if !self.0.is_connected() {
                    break;
                }
                gloo_timers::future::TimeoutFuture::new(16).await;
            }
            let Some(doc) = document() else { return };
            if self.0.is_connected() || !focus_fell() {
                return;
            }
            if !focus_on(self.find(&doc)) {
                focus_on(doc.query_selector("#main h1").ok().flatten());
            }
        });
    }

    fn find(&self, doc: &Document) -> Option<Element> {
        let old = &self.0;
        if !old.id().is_empty() {
            return doc.get_element_by_id(&old.id());
        }
        let name = accessible_name(old);
        if name.is_empty() {
            return None;
        }
        let main = doc.get_element_by_id("main")?;
        let same = main.get_elements_by_tag_name(&old.tag_name());
        let mut found = (0..same.length())
            .filter_map(|i| same.item(i))
            .filter(|el| accessible_name(el) == name);
        // Two of a kind ("Delete" in every row): which one held focus is not known.
        match (found.next(), found.next()) {
            (Some(only), None) => Some(only),
            _ => None,
        }
    }
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Whether focus is on the document itself: nothing the admin chose holds it.
fn focus_fell() -> bool {
    let Some(doc) = document() else { return false };
    let body: Option<Element> = doc.body().map(Into::into);
    doc.active_element().is_none_or(|el| Some(el) == body)
}

/// Focuses `el` if it can take focus; whether it did.
fn focus_on(el: Option<Element>) -> bool {
    let Some(el) = el.and_then(|el| el.dyn_into::<HtmlElement>().ok()) else { return false };
    let _ = el.focus();
    let active = document().and_then(|d| d.active_element());
    active.is_some_and(|a| a == *el.unchecked_ref::<Element>())
}

fn accessible_name(el: &Element) -> String {
    el.get_attribute("aria-label")
        .unwrap_or_else(|| el.text_content().unwrap_or_default().trim().to_owned())
}

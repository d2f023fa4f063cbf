//! Unsent input holds the page: a link, Back or Forward asks first ("Leave this page?"), and
//! closing or reloading the tab gets the browser's own question. The console's own moves (to a
//! target just created, to the sign-in page after signing out) do not ask: they are what the
//! admin asked for.

use super::router::use_router;
use crate::components::confirm_dialog::next_id;
use crate::components::ConfirmDialog;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// A way off the page the admin asked for while a form held input not yet sent.
pub(super) enum Leave {
    /// A link of this console.
    To(String),
    /// Back or Forward, by this many entries (already undone while the dialog asks).
    Travel(i32),
}

/// What the router knows of the open page's unsent input: plain storage and one trigger, not a
/// signal of its own type, because the start-up carries it.
#[derive(Clone, Copy)]
pub(super) struct LeaveGuard {
    held: StoredValue<Held>,
    changed: Trigger,
}

#[derive(Default)]
struct Held {
    /// The forms holding input not yet sent, by id.
    forms: Vec<u64>,
    asked: Option<Leave>,
    /// The entry a travel being undone returns to: its popstate is the console's, not the admin's.
    undoing: Option<i32>,
}

impl LeaveGuard {
    pub(super) fn new() -> LeaveGuard {
        LeaveGuard { held: StoredValue::new(Held::default()), changed: Trigger::new() }
    }

    /// Changes what is held, and tells the dialogs when `change` says something changed.
    fn change<T>(self, change: impl FnOnce(&mut Held) -> (bool, T)) -> Option<T> {
        let (changed, out) = self.held.try_update_value(change)?;
        if changed {
            self.changed.notify();
        }
        Some(out)
    }

    /// Whether a link to another address must ask first; if so, it asks.
    pub(super) fn holds_link(self, href: String) -> bool {
        let asks = self.change(|held| {
            let holds = !held.forms.is_empty();
            if holds {
                held.asked = Some(Leave::To(href));
            }
            (holds, holds)
        });
        asks.unwrap_or(false)
    }

    /// Whether a Back or Forward of `delta` entries that arrives at `to` is held: then the
    /// address bar is put back (the page never left) and the admin is asked.
    pub(super) fn holds_travel(self, to: i32, delta: i32) -> bool {
        // None: it goes on; Some(false): the console's own way back; Some(true): it asks.
        let held = self.change(|held| {
            if held.undoing.take() == Some(to) {
                return (false, Some(false));
            }
            if delta == 0 || held.forms.is_empty() {
                return (false, None);
            }
            held.undoing = Some(to - delta);
            held.asked = Some(Leave::Travel(delta));
            (true, Some(true))
        });
        match held.flatten() {
            None => false,
            Some(asks) => {
                if asks {
                    // Asynchronous: its popstate comes later, and finds `undoing`.
                    travel(-delta);
                }
                true
            }
        }
    }
}

/// Back (negative) or Forward by `delta` entries of the tab's history.
fn travel(delta: i32) {
    let _ = window().history().map(|h| h.go_with_delta(delta));
}

/// A form's unsent input: held once the admin changes a field, unless every field is back to
/// what the form held before (typed, then erased); released once the server has taken it. Gone
/// with the form.
#[derive(Clone, Copy)]
pub struct UnsentInput {
    id: u64,
    guard: LeaveGuard,
    /// What the form's controls held while nothing in it was unsent (see [`form_state`]), noted
    /// when focus enters the form; none until then, and again once the server took the input.
    clean: StoredValue<Option<String>>,
}

impl UnsentInput {
    pub fn new() -> UnsentInput {
        let clean = StoredValue::new(None);
        let input = UnsentInput { id: next_id(), guard: use_router().leave, clean };
        // Listened to with the form (a page without one keeps the back-forward cache), and
        // asking only while this form holds input.
        let ask = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if input.holds() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || {
            ask.remove();
            input.release();
        });
        input
    }

    fn holds(self) -> bool {
        let held = self.guard.held.try_with_value(|held| held.forms.contains(&self.id));
        held.unwrap_or(false)
    }

    /// Focus entered the form: while nothing in it is unsent, what it holds now is clean.
    fn focused(self, state: impl FnOnce() -> Option<String>) {
        if !self.holds() && self.clean.try_with_value(Option::is_none) == Some(true) {
            self.clean.try_update_value(|clean| *clean = state());
        }
    }

    /// A field changed (a form's `input` event): what the form holds is read only when there is
    /// a clean state to compare it with.
    fn changed(self, state: impl FnOnce() -> Option<String>) {
        let back = self.clean.try_with_value(|clean| clean.is_some() && *clean == state());
        if back == Some(true) {
            self.release();
            return;
        }
        let id = self.id;
        self.guard.change(|held| {
            let new = !held.forms.contains(&id);
            if new {
                held.forms.push(id);
            }
            (new, ())
        });
    }

    /// Nothing is left to lose: the server took it. What the form holds next is clean.
    pub fn sent(self) {
        self.release();
        self.clean.try_update_value(|clean| *clean = None);
    }

    fn release(self) {
        let id = self.id;
        self.guard.change(|held| {
            let had = held.forms.contains(&id);
            held.forms.retain(|form| *form != id);
            (had, ())
        });
    }
}

/// What `form`'s controls hold: each text, choice and check box that is not empty, by its id
/// (its name, else its place, when it has none), in order. Two equal states are the same input;
/// a row of fields added and left empty, or a field of another choice left empty, is none.
fn form_state(form: &HtmlFormElement) -> String {
    let controls = form.elements();
    let mut state = String::new();
    for (at, control) in (0..controls.length()).filter_map(|i| Some((i, controls.item(i)?))) {
        let value = if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
            match input.type_().as_str() {
                "checkbox" | "radio" => (if input.checked() { "1" } else { "0" }).to_owned(),
                _ => input.value(),
            }
        } else if let Some(text) = control.dyn_ref::<HtmlTextAreaElement>() {
            text.value()
        } else if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
            select.value()
        } else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        match (control.id(), control.get_attribute("name")) {
            (id, _) if !id.is_empty() => state.push_str(&id),
            (_, Some(name)) if !name.is_empty() => state.push_str(&name),
            _ => state.push_str(&at.to_string()),
        }
        state.push('\u{0}');
        state.push_str(&value);
        state.push('\u{0}');
    }
    state
}

impl Default for UnsentInput {
    fn default() -> Self {
        Self::new()
    }
}

/// A form whose input, once typed, holds the page until `unsent` is sent or every field is back
/// to what it held: a way off the page asks first. Every form that sends what the admin typed
/// is one of these.
#[component]
pub fn GuardedForm(
    unsent: UnsentInput,
    class: &'static str,
    on_submit: impl FnMut(SubmitEvent) + 'static,
    /// The form's accessible name, when its heading does not give it one.
    #[prop(optional)]
    label: Option<&'static str>,
    /// The id of a status line that describes the form.
    #[prop(optional)]
    described_by: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    guarded_form(unsent, class, Box::new(on_submit), label, described_by, children)
}

// One copy of the view for every form's handler.
fn guarded_form(
    unsent: UnsentInput,
    class: &'static str,
    on_submit: Box<dyn FnMut(SubmitEvent)>,
    label: Option<&'static str>,
    described_by: Option<&'static str>,
    children: Children,
) -> AnyView {
    let form = NodeRef::<leptos::html::Form>::new();
    let state = move || form.get_untracked().map(|form| form_state(&form));
    view! {
        <form node_ref=form class=class on:submit=on_submit novalidate
            on:focusin=move |_| unsent.focused(state) on:input=move |_| unsent.changed(state)
            aria-label=label aria-describedby=described_by>
            {children()}
        </form>
    }
    .into_any()
}

/// "Leave this page?", while a way off the page waits for the answer. One for the session's
/// pages, drawn with its chrome rather than with a form: a form that is gone (a card hidden by a
/// failed reload) can still hold input its page keeps. Stay is where focus starts: Enter on a
/// dialog opened by surprise keeps the input.
#[component]
pub fn LeaveDialog() -> impl IntoView {
    let router = use_router();
    let guard = router.leave;
    let open = Signal::derive(move || {
        guard.changed.track();
        guard.held.with_value(|held| held.asked.is_some())
    });
    let stay = Callback::new(move |_| {
        guard.change(|held| (held.asked.take().is_some(), ()));
    });
    let leave = Callback::new(move |_| {
        let way = guard.change(|held| {
            held.forms.clear();
            (true, held.asked.take())
        });
        let Some(way) = way.flatten() else { return };
        match way {
            Leave::To(href) => router.go(&href),
            Leave::Travel(delta) => travel(delta),
        }
    });
    // Drawn the first time it asks, not in every page's first render; then kept, so that closing
    // it gives focus back as a native dialog does.
    let asked_once = Memo::new(move |was: Option<&bool>| was == Some(&true) || open.get());
    view! {
        <Show when=move || asked_once.get()>
            <ConfirmDialog open on_close=stay title="Leave this page?".to_owned()
                cancel_label="Stay on this page" confirm_label="Leave and discard".to_owned()
                busy=false on_confirm=leave danger=true>
                <p>"What you typed on this page has not been sent. Leaving the page discards it."</p>
            </ConfirmDialog>
        </Show>
    }
}

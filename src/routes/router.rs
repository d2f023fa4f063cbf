//! The address bar as a signal: links followed without a reload, Back and Forward, and pages
//! opened from code. The console's paths are a dozen fixed ones (`super::match_path`), and
//! leptos_router's generic route tree was about 60 KB of the start-up's wasm for them.

use super::leave::LeaveGuard;
use super::{match_path, Route};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, MouseEvent};

/// An address of this console: the path as the address bar has it (percent-encoded) and the
/// query without its `?`. The fragment is the browser's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
}

impl Location {
    /// `href`, a path of this origin with or without a query and a fragment.
    pub fn parse(href: &str) -> Location {
        let href = href.split('#').next().unwrap_or_default();
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        Location { path: path.to_owned(), query: query.to_owned() }
    }

    /// From a `pathname` and a `search` as the DOM gives them (the search with its `?`).
    fn from_parts(path: String, search: &str) -> Location {
        Location { path, query: search.strip_prefix('?').unwrap_or(search).to_owned() }
    }

    fn current() -> Location {
        let location = window().location();
        let search = location.search().unwrap_or_default();
        Location::from_parts(location.pathname().unwrap_or_default(), &search)
    }

    pub fn href(&self) -> String {
        match self.query.is_empty() {
            true => self.path.clone(),
            false => format!("{}?{}", self.path, self.query),
        }
    }

    /// The value of `key` in the query, decoded as a form encodes it. A name given twice counts
    /// by its last value (as `early-reads.js` reads it too).
    pub fn query_value(&self, key: &str) -> Option<String> {
        self.query.split('&').rev().find_map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode_component(name, true) == key).then(|| decode_component(value, true))
        })
    }
}

/// Whether `path` is `root` or a path beneath it (`/snapshots/x` is under `/snapshots`,
/// `/snapshotsx` is not).
pub fn is_under(path: &str, root: &str) -> bool {
    path.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// `text` with each `%XX` decoded once (and `+` as a space where a form wrote it); bytes that
/// are no UTF-8 become U+FFFD rather than an error.
pub fn decode_component(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|b| char::from(*b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
            (b'+', ..) if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The console's address, shared through context (`Router` provides it).
#[derive(Clone, Copy)]
pub struct RouterCtx {
    location: RwSignal<Location>,
    /// The route of `location`, matched once for every reader.
    route: Memo<Route>,
    /// The current entry's place in the tab's history (its `history.state`): how far a Back or
    /// Forward went, so that one held by unsent input can be undone and later done.
    entry: StoredValue<i32>,
    pub(super) leave: LeaveGuard,
}

impl RouterCtx {
    /// Starts following the address bar: Back and Forward, and clicks on this console's links.
    pub fn provide() -> RouterCtx {
        let location = RwSignal::new(Location::current());
        let route = Memo::new(move |_| location.with(|l| match_path(&l.path).0));
        let entry = StoredValue::new(current_entry().unwrap_or_else(|| {
            // The tab's first entry of this console (a reload keeps its number).
            let _ = window().history().map(|h| h.replace_state(&JsValue::from(0), ""));
            0
        }));
        let ctx = RouterCtx { location, route, entry, leave: LeaveGuard::new() };
        provide_context(ctx);
        let back_forward = window_event_listener(leptos::ev::popstate, move |_| ctx.travelled());
        let clicks = window_event_listener(leptos::ev::click, move |ev| ctx.follow_link(&ev));
        on_cleanup(move || {
            back_forward.remove();
            clicks.remove();
        });
        ctx
    }

    /// Where the console is (tracked).
    pub fn location(self) -> Signal<Location> {
        self.location.into()
    }

    /// Which route the console is at (tracked).
    pub fn route(self) -> Memo<Route> {
        self.route
    }

    /// Where the console is, read once.
    pub fn location_now(self) -> Location {
        self.location.try_get_untracked().unwrap_or_else(Location::current)
    }

    /// Opens `href`, a path of this console, as a new entry of the history. The same address
    /// again adds no entry.
    pub fn go(self, href: &str) {
        self.navigate(href, History::Push);
    }

    /// Opens `href` in place of the current entry: a redirect, or a refinement Back should skip.
    pub fn replace(self, href: &str) {
        self.navigate(href, History::Replace);
    }

    fn navigate(self, href: &str, how: History) {
        let next = Location::parse(href);
        let here = self.location_now();
        if let Ok(history) = window().history() {
            let entry = self.entry.get_value();
            let _ = match how {
                History::Replace => {
                    history.replace_state_with_url(&JsValue::from(entry), "", Some(href))
                }
                History::Push if next != here => {
                    self.entry.set_value(entry + 1);
                    history.push_state_with_url(&JsValue::from(entry + 1), "", Some(href))
                }
                History::Push => Ok(()),
            };
        }
        // Another page starts at its top; new filters keep the list where it is.
        if next.path != here.path {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.arrive(next);
    }

    /// Back or Forward. An entry without a number is a fragment's (the skip link), of this
    /// same page.
    fn travelled(self) {
        if let Some(to) = current_entry() {
            let delta = to - self.entry.get_value();
            if self.leave.holds_travel(to, delta) {
                return;
            }
            self.entry.set_value(to);
        }
        self.arrive(Location::current());
    }

    fn arrive(self, next: Location) {
        self.location.try_maybe_update(|here| {
            let changed = *here != next;
            if changed {
                *here = next;
            }
            (changed, ())
        });
    }

    /// A plain click on a link to another address of this origin opens it here; the browser
    /// keeps new tabs, downloads, other sites and a fragment of the page itself (the skip link).
    fn follow_link(self, ev: &MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link.get_attribute("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("external"))
        });
        if external
            || !link.target().is_empty()
            || link.has_attribute("download")
            || window().location().origin().ok() != Some(link.origin())
        {
            return;
        }
        let next = Location::from_parts(link.pathname(), &link.search());
        if !link.hash().is_empty() && next == self.location_now() {
            return;
        }
        ev.prevent_default();
        if next != self.location_now() && self.leave.holds_link(next.href()) {
            return;
        }
        self.go(&next.href());
    }
}

/// The number the console gave the current history entry, if it gave one.
fn current_entry() -> Option<i32> {
    let state = window().history().ok()?.state().ok()?;
    state.as_f64().map(|n| n as i32)
}

enum History {
    Push,
    Replace,
}

pub fn use_router() -> RouterCtx {
    expect_context::<RouterCtx>()
}

/// Follows the address bar for everything inside it.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    RouterCtx::provide();
    children()
}

/// A link of the main navigation: `aria-current="page"` while its page, or one beneath it, is
/// open.
#[component]
pub fn NavLink(href: &'static str, children: Children) -> impl IntoView {
    let location = use_router().location();
    let current = move || location.with(|l| is_under(&l.path, href)).then_some("page");
    view! { <a href=href aria-current=current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_splits_into_path_and_query_without_the_fragment() {
        let l = Location::parse("/snapshots?host=a#top");
        assert_eq!((l.path.as_str(), l.query.as_str()), ("/snapshots", "host=a"));
        assert_eq!(l.href(), "/snapshots?host=a");
        assert_eq!(Location::parse("/overview").href(), "/overview");
        assert_eq!(Location::parse("/a?").href(), "/a");
    }

    #[test]
    fn query_values_are_decoded_and_the_last_one_counts() {
        let l = Location::parse("/s?host=a+b%2Fc&date_from=2024-03-01T00%3A00%3A00&host=%E2%82%AC");
        assert_eq!(l.query_value("host").as_deref(), Some("€"));
        assert_eq!(l.query_value("date_from").as_deref(), Some("2024-03-01T00:00:00"));
        assert_eq!(l.query_value("all"), None);
        let l = Location::parse("/s?all&x=a+b%2Fc");
        assert_eq!(l.query_value("all").as_deref(), Some(""));
        assert_eq!(l.query_value("x").as_deref(), Some("a b/c"));
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(decode_component("a%2Fb%20c+d", false), "a/b c+d");
        assert_eq!(decode_component("100%", false), "100%");
        assert_eq!(decode_component("%zz%4", false), "%zz%4");
        assert_eq!(decode_component("%FF", false), "\u{FFFD}");
    }
}

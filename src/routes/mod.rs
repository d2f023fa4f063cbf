//! Every path of the console, the route tree, and the typed hrefs to each page: no other file
//! writes a route.

use crate::api::{build_url, encode_segment};
use crate::components::{focus_when_drawn, PageKept, PageReads};
use crate::models::overview::Thresholds;
use crate::models::SnapshotFilter;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use lazy::*;

pub use lazy::{chrome, later, preload_page_at, Area};
use leptos::prelude::*;

mod lazy;
mod leave;
mod next;
mod router;

pub use leave::{GuardedForm, LeaveDialog, UnsentInput};
pub use next::safe_next;
pub use router::{decode_component, is_under, use_router, Location, NavLink, Router, RouterCtx};

pub const LOGIN: &str = "/login";
pub const OVERVIEW: &str = "/overview";
pub const BACKUP_TARGETS: &str = "/backup-targets";
pub const NEW_BACKUP_TARGET: &str = "/backup-targets/new";
pub const TARGET_TYPES: &str = "/target-types";
pub const NEW_TARGET_TYPE: &str = "/target-types/new";
pub const TYPE_ACCESS: &str = "/type-access";
pub const SNAPSHOTS: &str = "/snapshots";
pub const TAKE_SNAPSHOT: &str = "/snapshots/new";
/// Where a signed-in admin lands.
pub const HOME: &str = OVERVIEW;

/// The overview with these thresholds in its URL (the defaults left out).
pub fn overview(t: Thresholds) -> String {
    let d = Thresholds::default();
    let mut q = Vec::new();
    if t.stall_minutes != d.stall_minutes {
        q.push(("stall_minutes", t.stall_minutes.to_string()));
    }
    if t.coverage_hours != d.coverage_hours {
        q.push(("coverage_hours", t.coverage_hours.to_string()));
    }
    build_url(OVERVIEW, "", &q)
}

pub fn backup_target(id: &str) -> String {
    format!("{BACKUP_TARGETS}/{}", encode_segment(id))
}

pub fn target_type(id: &str) -> String {
    format!("{TARGET_TYPES}/{}", encode_segment(id))
}

pub fn edit_target_type(id: &str) -> String {
    format!("{}/edit", target_type(id))
}

pub fn snapshot(id: &str) -> String {
    format!("{SNAPSHOTS}/{}", encode_segment(id))
}

/// The snapshot list with these filters in its URL, under the API's own parameter names.
pub fn snapshots(filter: &SnapshotFilter) -> String {
    build_url(SNAPSHOTS, "", &filter.url_query())
}

/// The login page, returning to `next` after signing in.
pub fn login_then(next: &str) -> String {
    format!("{LOGIN}?next={}", encode_segment(next))
}

/// What an address opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Login,
    /// The bare origin, which sends a signed-in admin home.
    Root,
    Page(Page),
    NotFound,
}

/// The signed-in pages by path pattern; `:id` is one segment. A fixed path comes before the
/// pattern it would also match.
const PAGES: [(&str, Page); 12] = [
    (OVERVIEW, Page::Overview),
    (BACKUP_TARGETS, Page::BackupTargets),
    (NEW_BACKUP_TARGET, Page::BackupTargetCreate),
    ("/backup-targets/:id", Page::BackupTargetDetail),
    (TARGET_TYPES, Page::TargetTypes),
    (NEW_TARGET_TYPE, Page::TargetTypeCreate),
    ("/target-types/:id", Page::TargetTypeDetail),
    ("/target-types/:id/edit", Page::TargetTypeEdit),
    (TYPE_ACCESS, Page::TypeAccess),
    (SNAPSHOTS, Page::Snapshots),
    (TAKE_SNAPSHOT, Page::TakeSnapshot),
    ("/snapshots/:id", Page::SnapshotDetail),
];

/// The route at `path` (as the address bar has it, one trailing slash or none) and its `:id`,
/// decoded ("" where the route has none).
pub fn match_path(path: &str) -> (Route, String) {
    let path = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
    match path {
        "" | "/" => return (Route::Root, String::new()),
        LOGIN => return (Route::Login, String::new()),
        _ => {}
    }
    for (pattern, page) in PAGES {
        let mut id = "";
        let mut segments = path.split('/');
        let same = pattern.split('/').all(|want| match (want, segments.next()) {
            (":id", Some(seg)) if !seg.is_empty() => {
                id = seg;
                true
            }
            (want, Some(seg)) => want == seg,
            (_, None) => false,
        });
        if same && segments.next().is_none() {
            return (Route::Page(page), decode_component(id, false));
        }
    }
    (Route::NotFound, String::new())
}

/// What the current address opens.
pub fn use_route() -> Memo<Route> {
    use_router().route()
}

/// The address a page was opened at, following it while that page stays open; the page being
/// left keeps its own while the next one loads, so it reads nothing for an address not its own.
#[derive(Clone, Copy)]
struct PageAddress(RwSignal<Location>);

/// The address of the page this is called in (the console's, outside a page).
fn page_location() -> Signal<Location> {
    match use_context::<PageAddress>() {
        Some(PageAddress(address)) => address.into(),
        None => use_router().location(),
    }
}

/// The `:id` of the current route.
pub fn use_id() -> Memo<String> {
    let location = page_location();
    Memo::new(move |_| location.with(|l| match_path(&l.path).1))
}

/// The `:id` of the route being opened, read once (for its early reads).
pub fn id_now() -> String {
    match_path(&use_router().location_now().path).1
}

/// The snapshot filters in `location`'s query, under the API's own parameter names.
fn snapshot_filter_in(location: &Location) -> SnapshotFilter {
    let keys = ["workload_id", "host", "date_from", "date_to", "all", "status"];
    let pairs: Vec<(&str, String)> =
        keys.into_iter().filter_map(|k| Some((k, location.query_value(k)?))).collect();
    SnapshotFilter::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The snapshot filters as the page's URL holds them.
pub fn use_snapshot_filter() -> Memo<SnapshotFilter> {
    let location = page_location();
    Memo::new(move |_| location.with(snapshot_filter_in))
}

/// The snapshot filters of the URL being opened, read once (for its early reads).
pub fn snapshot_filter_now() -> SnapshotFilter {
    snapshot_filter_in(&use_router().location_now())
}

/// The overview's thresholds as its URL holds them.
pub fn use_thresholds() -> Memo<Thresholds> {
    let location = page_location();
    Memo::new(move |_| {
        location.with(|l| {
            let value = |key| l.query_value(key);
            Thresholds::from_url(
                value("stall_minutes").as_deref(),
                value("coverage_hours").as_deref(),
            )
        })
    })
}

/// Where to go after signing in: the `next` of the login URL when it is safe.
pub fn use_next() -> Signal<String> {
    let location = use_router().location();
    Signal::derive(move || safe_next(location.with(|l| l.query_value("next"))))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Screen {
    Login,
    SignedIn,
    NotFound,
}

/// The login page, the signed-in pages behind the session guard, and "not found".
#[component]
pub fn AppRoutes() -> impl IntoView {
    let route = use_route();
    // Moving between signed-in pages keeps the guard.
    let screen = Memo::new(move |_| match route.get() {
        Route::Login => Screen::Login,
        Route::Root | Route::Page(_) => Screen::SignedIn,
        Route::NotFound => Screen::NotFound,
    });
    move || match screen.get() {
        Screen::Login => view! { <LoginPage/> }.into_any(),
        Screen::SignedIn => view! { <SignedIn/> }.into_any(),
        Screen::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// The guard of every signed-in page: its pages while there is a session; otherwise the login
/// page, which returns here afterwards.
#[component]
fn SignedIn() -> impl IntoView {
    let ctx = use_session();
    let router = use_router();
    // Only a change between signed in and out re-renders; a renewed token keeps the page.
    let signed_in = Memo::new(move |_| ctx.is_signed_in());
    Effect::new(move |_| {
        if signed_in.get() {
            prefetch_areas();
        } else if matches!(router.route().get_untracked(), Route::Root | Route::Page(_)) {
            // Not when the admin signed out and is on the way to the login page already.
            router.replace(&login_then(&router.location_now().href()));
        }
    });
    move || signed_in.get().then(|| view! { <PageOutlet/> })
}

/// The signed-in page at the current address. A page loads with its area's chunk while the one
/// it replaces stays on screen; an address of the same page (new filters, another `:id`) goes to
/// the open page instead of opening it again.
#[component]
fn PageOutlet() -> impl IntoView {
    let router = use_router();
    let outlet = Owner::current().unwrap_or_default();
    // The page last asked for (shown or still loading) and its address.
    let latest = StoredValue::new(None::<(Page, RwSignal<Location>)>);
    let slot = ViewSlot::default();
    // The page last asked for still waits for its code; the reads of the page on screen.
    let waiting = RwSignal::new(false);
    let shown_reads = RwSignal::new(None::<PageReads>);
    let slow_code = held_for(waiting.into(), NOTE_AFTER_MS);
    let stalled_code = held_for(waiting.into(), STALLED_AFTER_MS);
    let slow_update = held_for(
        Signal::derive(move || shown_reads.get().is_some_and(PageReads::updating)),
        NOTE_AFTER_MS,
    );
    Effect::new(move |_| {
        let location = router.location().get();
        let page = match match_path(&location.path).0 {
            Route::Page(page) => page,
            Route::Root => return router.replace(HOME),
            Route::Login | Route::NotFound => return,
        };
        let open = latest.get_value().filter(|(open, _)| *open == page);
        let location = match open.map(|(_, address)| address.try_set(location.clone())) {
            // Taken by the open page.
            Some(None) => return,
            _ => location,
        };
        // The page's owner goes with its view: leaving the page disposes of what it started.
        let owner = outlet.child();
        owner.with(|| {
            untrack(|| {
                let address = RwSignal::new(location);
                provide_context(PageAddress(address));
                PageKept::provide();
                let reads = PageReads::provide();
                latest.set_value(Some((page, address)));
                waiting.set(true);
                page.send_early_reads();
                let owner = owner.clone();
                leptos::task::spawn_local_scoped(async move {
                    let view = page.view().await;
                    // A later address has asked for another page meanwhile: this one is dropped.
                    let current = latest.try_get_value().flatten().map(|(_, a)| a);
                    if current == Some(address) {
                        // Opened from another page: focus goes to it, as a new document's would.
                        let from_another = slot.has_delivered();
                        slot.deliver(view, owner);
                        if from_another {
                            // Its main region while the heading waits for data (`PageHeader`).
                            focus_when_drawn(&["#main h1", "#main"]);
                        }
                        shown_reads.try_set(Some(reads));
                        waiting.try_set(false);
                    }
                });
            })
        });
    });
    // Over the page being left or updated, or alone on an empty screen (a deep link, the first
    // page).
    let text = move || match (stalled_code.get(), slow_code.get(), slow_update.get()) {
        (true, _, _) => Some(STALLED_NOTE),
        (false, true, _) => Some("Loading the page…"),
        (false, false, true) => Some("Updating…"),
        (false, false, false) => None,
    };
    // A stalled load's note and its Reload push the page being left down instead of covering it.
    let over = move || text().is_some() && !stalled_code.get() && slot.has_delivered();
    let note = move || {
        text().map(|text| {
            view! {
                <span class="page-pending__note">
                    <span class="spinner" aria-hidden="true"></span>{text}
                </span>
            }
        })
    };
    // Outside the live region, so that the note is announced without the button's name.
    let reload = move || {
        stalled_code.get().then(|| {
            view! {
                <button type="button" class="btn btn--secondary btn--small"
                    on:click=|_| { let _ = window().location().reload(); }>"Reload"</button>
            }
        })
    };
    view! {
        <div class="page-pending" class:page-pending--over=over>
            <div role="status" aria-live="polite">{note}</div>
            {reload}
        </div>
        {slot.view()}
    }
}

/// How long a load or an update goes before its note shows: a quick one shows none that flashes.
const NOTE_AFTER_MS: u32 = 400;
/// How long a page's code may be on its way before the note says it is late and offers a reload
/// (a connection that died without closing leaves the fetch waiting for minutes).
const STALLED_AFTER_MS: u32 = 10_000;
/// Names `STALLED_AFTER_MS` in words (a test holds the two together): a `format!` would cost
/// the start-up's size for a figure that never changes at run time.
const STALLED_NOTE: &str = "The page's code has not arrived in 10 seconds. The page opens when \
                            it does; reloading asks the server again.";

/// `flag`, once it has held for `ms` since it last became true.
fn held_for(flag: Signal<bool>, ms: u32) -> RwSignal<bool> {
    let held = RwSignal::new(false);
    // Which stretch of `true` a timer belongs to: one from an earlier stretch is stale.
    let stretch = StoredValue::new(0u32);
    Effect::new(move |was: Option<bool>| {
        let on = flag.get();
        if was == Some(on) {
            return on;
        }
        stretch.update_value(|n| *n = n.wrapping_add(1));
        held.set(false);
        if on {
            let this = stretch.get_value();
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(ms).await;
                if stretch.try_get_value() == Some(this) {
                    held.try_set(true);
                }
            });
        }
        on
    });
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_go_into_the_url_with_the_api_parameter_names() {
        let f = SnapshotFilter {
            workload_id: "w".into(),
            date_to: "2024-03-04T10:59:51".into(),
            ..Default::default()
        };
        assert_eq!(snapshots(&f), "/snapshots?workload_id=w&date_to=2024-03-04T10%3A59%3A51");
        assert_eq!(snapshots(&SnapshotFilter::default()), "/snapshots");
        let failed = SnapshotFilter { status: crate::models::StatusFilter::Failed, ..f };
        assert!(snapshots(&failed).ends_with("&status=failed"));
        assert_eq!(overview(Thresholds::default()), "/overview");
        let t = Thresholds { stall_minutes: 3, ..Default::default() };
        assert_eq!(overview(t), "/overview?stall_minutes=3");
    }

    #[test]
    fn every_address_opens_its_page() {
        let at = |path: &str| match_path(path);
        let page = |p: Page, id: &str| (Route::Page(p), id.to_owned());
        assert_eq!(at("/"), (Route::Root, String::new()));
        assert_eq!(at(""), (Route::Root, String::new()));
        assert_eq!(at(LOGIN), (Route::Login, String::new()));
        assert_eq!(at("/login/"), (Route::Login, String::new()));
        assert_eq!(at(OVERVIEW), page(Page::Overview, ""));
        assert_eq!(at("/snapshots/"), page(Page::Snapshots, ""));
        assert_eq!(at(TAKE_SNAPSHOT), page(Page::TakeSnapshot, ""));
        assert_eq!(at(&snapshot("a/b c")), page(Page::SnapshotDetail, "a/b c"));
        assert_eq!(at(NEW_BACKUP_TARGET), page(Page::BackupTargetCreate, ""));
        assert_eq!(at(&backup_target("new ")), page(Page::BackupTargetDetail, "new "));
        assert_eq!(at(&target_type("t1")), page(Page::TargetTypeDetail, "t1"));
        assert_eq!(at(&edit_target_type("t1")), page(Page::TargetTypeEdit, "t1"));
        assert_eq!(at(NEW_TARGET_TYPE), page(Page::TargetTypeCreate, ""));
        assert_eq!(at(TYPE_ACCESS), page(Page::TypeAccess, ""));
        assert_eq!(at(BACKUP_TARGETS), page(Page::BackupTargets, ""));
        assert_eq!(at(TARGET_TYPES), page(Page::TargetTypes, ""));
        for unknown in
            ["/snapshotsx", "/snapshots/a/b", "/snapshots//", "/target-types/t1/x", "/v1"]
        {
            assert_eq!(at(unknown).0, Route::NotFound, "{unknown}");
        }
    }

    #[test]
    fn the_late_note_names_its_own_delay() {
        let words = format!(" in {} seconds.", STALLED_AFTER_MS / 1000);
        assert!(
            STALLED_AFTER_MS.is_multiple_of(1000) && STALLED_NOTE.contains(&words),
            "{STALLED_NOTE}"
        );
    }

    #[test]
    fn ids_are_encoded_as_one_path_segment() {
        assert_eq!(snapshot("a/b c"), "/snapshots/a%2Fb%20c");
        assert_eq!(edit_target_type("t1"), "/target-types/t1/edit");
        assert_eq!(login_then("/snapshots?host=x"), "/login?next=%2Fsnapshots%3Fhost%3Dx");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever an id holds, its page's address opens that page with that id.
        #[test]
        fn an_id_survives_its_address(id in "\\PC{1,40}") {
            prop_assert_eq!(match_path(&snapshot(&id)), (Route::Page(Page::SnapshotDetail), id.clone()));
            prop_assert_eq!(match_path(&edit_target_type(&id)), (Route::Page(Page::TargetTypeEdit), id));
        }
    }
}

//! Every path of the console, the route tree, and the typed hrefs to each page: no other file
//! writes a route.

use crate::api::{build_url, encode_segment};
use crate::models::overview::Thresholds;
use crate::models::SnapshotFilter;
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFound;
use crate::session::use_session;
use lazy::*;

pub use lazy::preload_page_at;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Routes};
use leptos_router::hooks::{use_location, use_params_map, use_query, use_url};
use leptos_router::location::Url;
use leptos_router::params::{Params, ParamsMap};
use leptos_router::{path, Lazy, NavigateOptions};

mod lazy;
mod next;

pub use next::safe_next;

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

fn id_in(params: &ParamsMap) -> String {
    params.get("id").unwrap_or_default()
}

/// The `:id` of the current route.
pub fn use_id() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.with(id_in))
}

/// The `:id` of the route being opened, read once (for its early reads).
pub fn id_now() -> String {
    use_params_map().with_untracked(id_in)
}

/// The snapshot filters in `url`'s query, under the API's own parameter names.
fn snapshot_filter_in(url: &Url) -> SnapshotFilter {
    let query = url.search_params();
    let keys = ["workload_id", "host", "date_from", "date_to", "all", "status"];
    SnapshotFilter::from_pairs(keys.into_iter().filter_map(|k| Some((k, query.get_str(k)?))))
}

/// The snapshot filters as the page's URL holds them.
pub fn use_snapshot_filter() -> Memo<SnapshotFilter> {
    let url = use_url();
    Memo::new(move |_| url.with(snapshot_filter_in))
}

/// The snapshot filters of the URL being opened, read once (for its early reads).
pub fn snapshot_filter_now() -> SnapshotFilter {
    use_url().with_untracked(snapshot_filter_in)
}

#[derive(Params, Clone, Debug, PartialEq)]
struct OverviewQuery {
    stall_minutes: Option<String>,
    coverage_hours: Option<String>,
}

/// The overview's thresholds as its URL holds them.
pub fn use_thresholds() -> Memo<Thresholds> {
    let query = use_query::<OverviewQuery>();
    Memo::new(move |_| {
        query.with(|q| match q {
            Ok(q) => Thresholds::from_url(q.stall_minutes.as_deref(), q.coverage_hours.as_deref()),
            Err(_) => Thresholds::default(),
        })
    })
}

#[derive(Params, Clone, Debug, PartialEq)]
struct LoginQuery {
    next: Option<String>,
}

/// Where to go after signing in: the `next` of the login URL when it is safe.
pub fn use_next() -> Signal<String> {
    let query = use_query::<LoginQuery>();
    Signal::derive(move || safe_next(query.with(|q| q.as_ref().ok().and_then(|q| q.next.clone()))))
}

/// The route tree: the login page, and every other page behind the session guard.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("/login") view=LoginPage/>
            <ParentRoute path=path!("") view=SignedIn>
                <Route path=path!("") view=|| view! { <Redirect path=HOME/> }/>
                <Route path=path!("/overview") view={Lazy::<OverviewRoute>::new()}/>
                <Route path=path!("/backup-targets") view={Lazy::<BackupTargetsRoute>::new()}/>
                <Route path=path!("/backup-targets/new") view={Lazy::<BackupTargetCreateRoute>::new()}/>
                <Route path=path!("/backup-targets/:id") view={Lazy::<BackupTargetDetailRoute>::new()}/>
                <Route path=path!("/target-types") view={Lazy::<TargetTypesRoute>::new()}/>
                <Route path=path!("/target-types/new") view={Lazy::<TargetTypeCreateRoute>::new()}/>
                <Route path=path!("/target-types/:id") view={Lazy::<TargetTypeDetailRoute>::new()}/>
                <Route path=path!("/target-types/:id/edit") view={Lazy::<TargetTypeEditRoute>::new()}/>
                <Route path=path!("/type-access") view={Lazy::<TypeAccessRoute>::new()}/>
                <Route path=path!("/snapshots") view={Lazy::<SnapshotsRoute>::new()}/>
                <Route path=path!("/snapshots/new") view={Lazy::<TakeSnapshotRoute>::new()}/>
                <Route path=path!("/snapshots/:id") view={Lazy::<SnapshotDetailRoute>::new()}/>
            </ParentRoute>
        </Routes>
    }
}

/// The guard of every signed-in page: its pages while there is a session; otherwise the login
/// page, which returns here afterwards.
#[component]
fn SignedIn() -> impl IntoView {
    let ctx = use_session();
    let location = use_location();
    // Only a change between signed in and out re-renders; a renewed token keeps the page.
    let signed_in = Memo::new(move |_| ctx.is_signed_in());
    Effect::new(move |_| {
        if signed_in.get() {
            prefetch_areas();
        }
    });
    move || {
        if signed_in.get() {
            return Either::Left(view! { <Outlet/> });
        }
        let search = location.search.get_untracked();
        let search = search.trim_start_matches('?');
        let path = location.pathname.get_untracked();
        let here = if search.is_empty() { path } else { format!("{path}?{search}") };
        let options = NavigateOptions { replace: true, ..Default::default() };
        Either::Right(view! { <Redirect path=login_then(&here) options/> })
    }
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
    fn ids_are_encoded_as_one_path_segment() {
        assert_eq!(snapshot("a/b c"), "/snapshots/a%2Fb%20c");
        assert_eq!(edit_target_type("t1"), "/target-types/t1/edit");
        assert_eq!(login_then("/snapshots?host=x"), "/login?next=%2Fsnapshots%3Fhost%3Dx");
    }
}

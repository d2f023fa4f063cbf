//! The signed-in pages as lazily loaded routes, one chunk per area.
//!
//! With the `split` feature (`trunk build --release --features split`, as the scripts build)
//! each page's view function is a `wasm_split` point: `scripts/split-wasm.mjs` moves it, with
//! whatever only it reaches, into its area's chunk, fetched the first time a page of that area
//! opens. The first load then carries the shell and the sign-in pages only. Without the feature
//! (debug builds, tests) the same routes call the page directly, so both builds share one route
//! tree.

use crate::api::ApiRequest;
use crate::components::ProblemPanel;
use crate::pages::backup_targets::{
    backup_targets_page_reads, BackupTargetCreatePage, BackupTargetDetailPage, BackupTargetsPage,
};
use crate::pages::overview::{overview_page_reads, OverviewPage};
use crate::pages::snapshots::{
    snapshot_detail_page_reads, snapshots_page_reads, SnapshotDetailPage, SnapshotsPage,
    TakeSnapshotPage,
};
use crate::pages::target_types::{
    target_types_page_reads, type_access_page_reads, TargetTypeCreatePage, TargetTypeDetailPage,
    TargetTypeEditPage, TargetTypesPage, TypeAccessPage,
};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::LazyRoute;

/// The chunk of a page did not arrive (network down, server gone). The loader keeps no failure,
/// so the next attempt fetches it again.
pub struct ChunkNotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkNotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkNotLoaded
    }
}

/// In place of a page whose code could not be fetched: the reason, and a way to try again.
#[component]
fn ChunkFailed() -> impl IntoView {
    let reload = Callback::new(move |()| {
        let _ = window().location().reload();
    });
    view! {
        <section class="page page--narrow">
            <h1 class="page-header__title">"This page could not be loaded"</h1>
            <ProblemPanel on_retry=Some(reload)
                message="Its code did not arrive from the server. Check the connection, then try again."/>
        </section>
    }
}

/// The signed-in areas, one chunk each (nothing to preload without the split).
#[cfg_attr(not(feature = "split"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Overview,
    BackupTargets,
    TargetTypes,
    Snapshots,
}

#[cfg_attr(not(feature = "split"), allow(dead_code))]
impl Area {
    const ALL: [Area; 4] =
        [Area::Overview, Area::Snapshots, Area::BackupTargets, Area::TargetTypes];

    /// The area whose pages live at `path` (a path of this module's routes).
    pub fn of_path(path: &str) -> Option<Area> {
        use super::{BACKUP_TARGETS, HOME, OVERVIEW, SNAPSHOTS, TARGET_TYPES, TYPE_ACCESS};
        let under = |root: &str| {
            path.strip_prefix(root).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        match () {
            _ if under(SNAPSHOTS) => Some(Area::Snapshots),
            _ if under(BACKUP_TARGETS) => Some(Area::BackupTargets),
            _ if under(TARGET_TYPES) || under(TYPE_ACCESS) => Some(Area::TargetTypes),
            _ if under(OVERVIEW) => Some(Area::Overview),
            // The root redirects home.
            _ if path == "/" || path.is_empty() => Area::of_path(HOME),
            _ => None,
        }
    }

    /// Fetches and instantiates the area's chunk (at once when it is there already).
    #[cfg(feature = "split")]
    async fn preload(self) -> Result<(), leptos::wasm_split::SplitLoaderError> {
        // One page per chunk is enough: its preload brings the whole chunk.
        match self {
            Area::Overview => __wasm_split_preload_overview_view().await,
            Area::BackupTargets => __wasm_split_preload_backup_targets_view().await,
            Area::TargetTypes => __wasm_split_preload_target_types_view().await,
            Area::Snapshots => __wasm_split_preload_snapshots_view().await,
        }
    }
}

/// Starts fetching the chunk of the page at `path` before the app is mounted, so a deep link
/// waits for the chunk and the mount side by side instead of one after the other.
pub fn preload_page_at(path: &str) {
    #[cfg(feature = "split")]
    if let Some(area) = Area::of_path(path) {
        // Leptos's executor starts with the mount: this runs before it.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = area.preload().await;
        });
    }
    #[cfg(not(feature = "split"))]
    let _ = path;
}

/// Once signed in, every area's chunk is fetched in the background after the first page had
/// time to come up, so a first visit to another area waits for nothing. One chunk at a time; a
/// failure is left for that visit to retry and report.
pub fn prefetch_areas() {
    #[cfg(feature = "split")]
    {
        use std::sync::atomic::{AtomicBool, Ordering};
        static STARTED: AtomicBool = AtomicBool::new(false);
        if STARTED.swap(true, Ordering::Relaxed) {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            gloo_timers::future::sleep(std::time::Duration::from_secs(3)).await;
            for area in Area::ALL {
                let _ = area.preload().await;
            }
        });
    }
}

/// Sends the reads a page opens with, as soon as its route is matched: they travel while the
/// page's chunk does, and the page's own requests take their answers (`api::early`). Where the
/// HTML has sent the same read already (`early-reads.js`, which mirrors the `*_page_reads`),
/// its answer is taken instead.
fn send_early(reads: fn() -> Vec<ApiRequest>) {
    if let Some(client) = use_session().client() {
        for read in reads() {
            client.send_early(&read);
        }
    }
}

/// `Route => chunk: view_fn(Page) [reads page_reads]`: a route type whose view is `Page`,
/// loaded with `chunk`, whose opening reads (if given) leave before the chunk arrives.
macro_rules! lazy_pages {
    ($($route:ident => $chunk:ident : $view_fn:ident ($page:ident) $(reads $reads:path)?),* $(,)?) => {$(
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)
        )]
        fn $view_fn() -> Result<AnyView, ChunkNotLoaded> {
            Ok(view! { <$page/> }.into_any())
        }

        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $(send_early($reads);)?
                $route
            }

            async fn view(_: Self) -> AnyView {
                #[cfg(feature = "split")]
                let view = $view_fn().await;
                #[cfg(not(feature = "split"))]
                let view = $view_fn();
                view.unwrap_or_else(|_| view! { <ChunkFailed/> }.into_any())
            }
        }
    )*};
}

lazy_pages! {
    OverviewRoute => overview: overview_view(OverviewPage) reads overview_page_reads,
    BackupTargetsRoute => backup_targets: backup_targets_view(BackupTargetsPage) reads backup_targets_page_reads,
    BackupTargetCreateRoute => backup_targets: backup_target_create_view(BackupTargetCreatePage),
    BackupTargetDetailRoute => backup_targets: backup_target_detail_view(BackupTargetDetailPage),
    TargetTypesRoute => target_types: target_types_view(TargetTypesPage) reads target_types_page_reads,
    TargetTypeCreateRoute => target_types: target_type_create_view(TargetTypeCreatePage),
    TargetTypeDetailRoute => target_types: target_type_detail_view(TargetTypeDetailPage),
    TargetTypeEditRoute => target_types: target_type_edit_view(TargetTypeEditPage),
    TypeAccessRoute => target_types: type_access_view(TypeAccessPage) reads type_access_page_reads,
    SnapshotsRoute => snapshots: snapshots_view(SnapshotsPage) reads snapshots_page_reads,
    TakeSnapshotRoute => snapshots: take_snapshot_view(TakeSnapshotPage),
    SnapshotDetailRoute => snapshots: snapshot_detail_view(SnapshotDetailPage) reads snapshot_detail_page_reads,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes;

    #[test]
    fn every_page_path_belongs_to_its_area() {
        assert_eq!(Area::of_path(routes::SNAPSHOTS), Some(Area::Snapshots));
        assert_eq!(Area::of_path(&routes::snapshot("a/b")), Some(Area::Snapshots));
        assert_eq!(Area::of_path(routes::NEW_BACKUP_TARGET), Some(Area::BackupTargets));
        assert_eq!(Area::of_path(&routes::edit_target_type("t")), Some(Area::TargetTypes));
        assert_eq!(Area::of_path(routes::TYPE_ACCESS), Some(Area::TargetTypes));
        assert_eq!(Area::of_path("/"), Some(Area::Overview));
        assert_eq!(Area::of_path(routes::LOGIN), None);
        assert_eq!(Area::of_path("/snapshotsx"), None, "a prefix of a name is not the area");
    }
}

//! The signed-in pages as lazily loaded routes, one chunk per area.
//!
//! With the `split` feature (the release build, `scripts/build.sh`) each page's view function is
//! a `wasm_split` point: `scripts/split-wasm.mjs` moves it, with whatever only it reaches, into
//! its area's chunk, fetched the first time a page of that area opens. The first load then
//! carries the shell and the sign-in pages only. Without the feature (debug builds, tests) the
//! same routes call the page directly, so both builds share one route tree.

use crate::pages::backup_targets::{
    BackupTargetCreatePage, BackupTargetDetailPage, BackupTargetsPage,
};
use crate::pages::overview::OverviewPage;
use crate::pages::snapshots::{SnapshotDetailPage, SnapshotsPage, TakeSnapshotPage};
use crate::pages::target_types::{
    TargetTypeCreatePage, TargetTypeDetailPage, TargetTypeEditPage, TargetTypesPage, TypeAccessPage,
};
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
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="page page--narrow">
            <h1 class="page-header__title">"This page could not be loaded"</h1>
            <div class="error-panel" role="alert">
                <p class="error-panel__message">
                    "Its code did not arrive from the server. Check the connection, then try again."
                </p>
                <button type="button" class="btn btn--secondary" on:click=reload>"Try again"</button>
            </div>
        </section>
    }
}

/// `Route => chunk: view_fn(Page)`: a route type whose view is `Page`, loaded with `chunk`.
macro_rules! lazy_pages {
    ($($route:ident => $chunk:ident : $view_fn:ident ($page:ident)),* $(,)?) => {$(
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
    OverviewRoute => overview: overview_view(OverviewPage),
    BackupTargetsRoute => backup_targets: backup_targets_view(BackupTargetsPage),
    BackupTargetCreateRoute => backup_targets: backup_target_create_view(BackupTargetCreatePage),
    BackupTargetDetailRoute => backup_targets: backup_target_detail_view(BackupTargetDetailPage),
    TargetTypesRoute => target_types: target_types_view(TargetTypesPage),
    TargetTypeCreateRoute => target_types: target_type_create_view(TargetTypeCreatePage),
    TargetTypeDetailRoute => target_types: target_type_detail_view(TargetTypeDetailPage),
    TargetTypeEditRoute => target_types: target_type_edit_view(TargetTypeEditPage),
    TypeAccessRoute => target_types: type_access_view(TypeAccessPage),
    SnapshotsRoute => snapshots: snapshots_view(SnapshotsPage),
    TakeSnapshotRoute => snapshots: take_snapshot_view(TakeSnapshotPage),
    SnapshotDetailRoute => snapshots: snapshot_detail_view(SnapshotDetailPage),
}

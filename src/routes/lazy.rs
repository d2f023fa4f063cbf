//! The signed-in pages, loaded lazily, one chunk per area.
//!
//! With the `split` feature (`trunk build --release --features split`, as the scripts build)
//! each area's view function is a `wasm_split` point: `scripts/split-wasm.mjs` moves it, with
//! whatever only it reaches, into the area's chunk, fetched the first time a page of that area
//! opens. The same function draws the session's chrome, so that lands in the chunk every area
//! shares. The first load then carries the shell's frame and the sign-in pages only. Without the
//! feature (debug builds, tests) the same functions are called directly.

use super::Route;
use crate::api::ApiRequest;
use crate::components::{name_the_tab, ProblemPanel};
use crate::pages::backup_targets::{
    backup_targets_page_reads, BackupTargetCreatePage, BackupTargetDetailPage, BackupTargetsPage,
};
use crate::pages::not_found::NotFound;
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
use leptos::tachys::reactive_graph::OwnedView;

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
    name_the_tab("Not loaded".to_owned());
    let reload = Callback::new(move |()| {
        let _ = window().location().reload();
    });
    view! {
        <section class="page page--narrow">
            <h1 class="page-header__title" tabindex="-1">"This page could not be loaded"</h1>
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

    /// The area of the home page (`super::HOME`; a unit test holds them together).
    pub fn home() -> Area {
        Area::Overview
    }

    /// The area whose pages live at `path` (a path of this module's routes).
    pub fn of_path(path: &str) -> Option<Area> {
        Area::of_route(super::match_path(path).0)
    }

    /// The area `route` opens a page of.
    pub fn of_route(route: Route) -> Option<Area> {
        match route {
            Route::Page(page) => Some(page.area()),
            // The root redirects home.
            Route::Root => Some(Area::home()),
            Route::Login | Route::NotFound => None,
        }
    }

    /// Fetches and instantiates the area's chunk (at once when it is there already).
    #[cfg(feature = "split")]
    async fn preload(self) -> Result<(), leptos::wasm_split::SplitLoaderError> {
        match self {
            Area::Overview => __wasm_split_preload_overview_view().await,
            Area::BackupTargets => __wasm_split_preload_backup_targets_view().await,
            Area::TargetTypes => __wasm_split_preload_target_types_view().await,
            Area::Snapshots => __wasm_split_preload_snapshots_view().await,
        }
    }
}

/// Starts fetching the chunk of the page at `path` before the app is mounted, so a deep link
/// waits for the chunk and the mount side by side instead of one after the other. For a stored
/// session the chunk loader has usually started it already, from the HTML's guess
/// (`wlmEarlyArea`, scripts/lib/early-chunks.mjs); this finds it on its way.
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

/// Where a view built after its code arrived is handed to the screen: the last one delivered is
/// drawn, under the owner it was made in (so contexts it provides reach its lazily drawn parts,
/// and its leaving disposes of what it started).
#[derive(Clone, Copy)]
pub struct ViewSlot {
    arrived: StoredValue<Option<AnyView>, LocalStorage>,
    arrivals: RwSignal<u32>,
}

impl Default for ViewSlot {
    fn default() -> Self {
        ViewSlot { arrived: StoredValue::new_local(None), arrivals: RwSignal::new(0) }
    }
}

impl ViewSlot {
    /// Hands `view`, made under `owner`, to the screen (nothing once the slot is gone).
    pub fn deliver(self, view: AnyView, owner: Owner) {
        self.arrived.try_set_value(Some(OwnedView::new_with_owner(view, owner).into_any()));
        self.arrivals.try_update(|n| *n = n.wrapping_add(1));
    }

    /// Whether a view has been delivered (one is on screen).
    pub fn has_delivered(self) -> bool {
        self.arrivals.with_untracked(|n| *n > 0)
    }

    /// What to draw: nothing until a view is delivered, then the last one.
    pub fn view(self) -> impl Fn() -> Option<AnyView> {
        move || {
            self.arrivals.track();
            self.arrived.try_update_value(Option::take).flatten()
        }
    }
}

/// A view whose code comes later: what `meanwhile` draws until `load` has it, then the view.
/// `meanwhile` is told whether `load` gave up (its code did not come); `load` is then asked
/// again each time `retry` changes (the next page opened, whose code may come), until it has it.
pub fn later<F>(
    load: impl Fn() -> F + 'static,
    retry: impl Fn() + 'static,
    meanwhile: impl Fn(bool) -> Option<AnyView> + Send + 'static,
) -> impl IntoView
where
    F: std::future::Future<Output = Option<AnyView>> + 'static,
{
    let slot = ViewSlot::default();
    let failed = RwSignal::new(false);
    let loading = StoredValue::new(false);
    // The view is made under this owner, not the effect's, which a retry would dispose of.
    let owner = Owner::current().unwrap_or_default();
    Effect::new(move |asked_before: Option<()>| {
        // Once it is here, nothing is listened to: the effect never runs again.
        if slot.has_delivered() {
            return;
        }
        retry();
        let wanted = asked_before.is_none() || failed.get_untracked();
        if !wanted || loading.get_value() {
            return;
        }
        loading.set_value(true);
        let under = owner.clone();
        // Untracked: what the view reads as it is made is its own business, not this effect's.
        untrack(|| {
            owner.with(|| {
                let load = load();
                leptos::task::spawn_local_scoped(async move {
                    let view = load.await;
                    loading.try_set_value(false);
                    match view {
                        Some(view) => slot.deliver(view, under),
                        None => {
                            failed.try_set(true);
                        }
                    }
                })
            })
        });
    });
    let arrived = slot.view();
    move || arrived().or_else(|| if slot.has_delivered() { None } else { meanwhile(failed.get()) })
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

/// What an area's chunk draws: one of its pages, or the session's chrome (`app::chrome_view`,
/// `embedded` or not). Every area's chunk carries the chrome, so the sign-in page does without
/// it and a signed-in page fetches no module more for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Part {
    Page(Page),
    Chrome(bool),
}

/// The session's chrome, from `area`'s chunk (the one the page being opened needs anyway).
pub async fn chrome(area: Area, embedded: bool) -> Option<AnyView> {
    area_view(area, Part::Chrome(embedded)).await.ok()
}

/// `Area, chunk: view_fn { Page => Component [reads page_reads], … }`: the pages of an area,
/// each drawn by its `Component` and whose opening reads (if given) leave before the chunk
/// arrives. One split point per area, taking the part to draw.
macro_rules! lazy_areas {
    ($($area:ident, $chunk:ident : $view_fn:ident {
        $($variant:ident => $page:ident $(reads $reads:path)?),* $(,)?
    }),* $(,)?) => {
        /// Every page behind the sign-in.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Page {
            $($($variant,)*)*
        }

        $(
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)
            )]
            fn $view_fn(part: Part) -> Result<AnyView, ChunkNotLoaded> {
                Ok(match part {
                    Part::Chrome(embedded) => crate::app::chrome_view(embedded),
                    $(Part::Page(Page::$variant) => view! { <$page/> }.into_any(),)*
                    // Another area's page is not in this chunk (`Page::view` never asks for one).
                    Part::Page(_) => view! { <NotFound/> }.into_any(),
                })
            }
        )*

        /// `part` from `area`'s chunk, once it is here.
        async fn area_view(area: Area, part: Part) -> Result<AnyView, ChunkNotLoaded> {
            match area {
                $(Area::$area => {
                    #[cfg(feature = "split")]
                    let view = $view_fn(part).await;
                    #[cfg(not(feature = "split"))]
                    let view = $view_fn(part);
                    view
                })*
            }
        }

        impl Page {
            pub fn area(self) -> Area {
                match self {
                    $($(Page::$variant => Area::$area,)*)*
                }
            }

            /// Sends the reads the page opens with (see `send_early`).
            pub fn send_early_reads(self) {
                match self {
                    $($(Page::$variant => { $(send_early($reads);)? })*)*
                }
            }

            /// The page, once its area's chunk is here; in place of it, why it is not.
            pub async fn view(self) -> AnyView {
                let view = area_view(self.area(), Part::Page(self)).await;
                view.unwrap_or_else(|_| view! { <ChunkFailed/> }.into_any())
            }
        }
    };
}

lazy_areas! {
    Overview, overview: overview_view {
        Overview => OverviewPage reads overview_page_reads,
    },
    BackupTargets, backup_targets: backup_targets_view {
        BackupTargets => BackupTargetsPage reads backup_targets_page_reads,
        BackupTargetCreate => BackupTargetCreatePage,
        BackupTargetDetail => BackupTargetDetailPage,
    },
    TargetTypes, target_types: target_types_view {
        TargetTypes => TargetTypesPage reads target_types_page_reads,
        TargetTypeCreate => TargetTypeCreatePage,
        TargetTypeDetail => TargetTypeDetailPage,
        TargetTypeEdit => TargetTypeEditPage,
        TypeAccess => TypeAccessPage reads type_access_page_reads,
    },
    Snapshots, snapshots: snapshots_view {
        Snapshots => SnapshotsPage reads snapshots_page_reads,
        TakeSnapshot => TakeSnapshotPage,
        SnapshotDetail => SnapshotDetailPage reads snapshot_detail_page_reads,
    },
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
        assert_eq!(Area::of_path(routes::HOME), Some(Area::home()));
        assert_eq!(Area::of_path(routes::LOGIN), None);
        assert_eq!(Area::of_path("/snapshotsx"), None, "a prefix of a name is not the area");
    }
}

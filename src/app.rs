//! The application: routes, the shell around every page, and the session guard.

use crate::components::ToastRegion;
use crate::components::Toasts;
use crate::config::{load_config, AppConfig};
use crate::pages::backup_targets::{BackupTargetCreatePage, BackupTargetDetailPage, BackupTargetsPage};
use crate::pages::login::LoginPage;
use crate::pages::not_found::NotFound;
use crate::pages::snapshots::{SnapshotDetailPage, SnapshotsPage, TakeSnapshotPage};
use crate::pages::target_types::{TargetTypeCreatePage, TargetTypeDetailPage, TargetTypeEditPage, TargetTypesPage};


use crate::session::{use_session, SessionCtx};
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::{path, NavigateOptions};

/// The runtime configuration, loaded once from `config.json`.
#[derive(Clone, Copy)]
pub struct ConfigCtx(pub LocalResource<AppConfig>);

pub fn use_config() -> Option<AppConfig> {
    use_context::<ConfigCtx>().and_then(|c| c.0.get())
}

#[component]
pub fn App() -> impl IntoView {
    SessionCtx::provide();
    Toasts::provide();
    provide_context(ConfigCtx(LocalResource::new(load_config)));
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to main content"</a>
            <Shell>
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/") view=|| view! { <Redirect path="/backup-targets"/> }/>
                    <Route path=path!("/backup-targets") view=|| guarded(BackupTargetsPage)/>
                    <Route path=path!("/backup-targets/new") view=|| guarded(BackupTargetCreatePage)/>
                    <Route path=path!("/backup-targets/:id") view=|| guarded(BackupTargetDetailPage)/>
                    <Route path=path!("/target-types") view=|| guarded(TargetTypesPage)/>
                    <Route path=path!("/target-types/new") view=|| guarded(TargetTypeCreatePage)/>
                    <Route path=path!("/target-types/:id") view=|| guarded(TargetTypeDetailPage)/>
                    <Route path=path!("/target-types/:id/edit") view=|| guarded(TargetTypeEditPage)/>
                    <Route path=path!("/snapshots") view=|| guarded(SnapshotsPage)/>
                    <Route path=path!("/snapshots/new") view=|| guarded(TakeSnapshotPage)/>
                    <Route path=path!("/snapshots/:id") view=|| guarded(SnapshotDetailPage)/>
                </Routes>
            </Shell>
        </Router>
    }
}

fn guarded<V: IntoView + 'static>(page: fn() -> V) -> impl IntoView {
    view! { <RequireSession>{move || page()}</RequireSession> }
}

/// Renders its children only with a session; without one, sends the user to the login
/// page and remembers where they were going.
#[component]
pub fn RequireSession(children: ChildrenFn) -> impl IntoView {
    let ctx = use_session();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        if !ctx.is_signed_in() {
            let path = location.pathname.get_untracked();
            let search = location.search.get_untracked();
            let search = search.trim_start_matches('?');
            let here = if search.is_empty() { path } else { format!("{path}?{search}") };
            let target = format!("/login?next={}", crate::api::encode_segment(&here));
            navigate(&target, NavigateOptions { replace: true, ..Default::default() });
        }
    });
    view! { <Show when=move || ctx.is_signed_in()>{children()}</Show> }
}

/// Header, navigation and the main landmark around every page.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let ctx = use_session();
    let location = use_location();
    let chrome = move || ctx.is_signed_in() && location.pathname.get() != "/login";
    view! {
        <div class="app">
            <Show when=chrome>
                <AppHeader/>
            </Show>
            <div class="app__body">
                <Show when=chrome>
                    <SideNav/>
                </Show>
                <main id="main" class="app__main" tabindex="-1">
                    {children()}
                </main>
            </div>
            <ToastRegion/>
        </div>
    }
}

#[component]
fn AppHeader() -> impl IntoView {
    let ctx = use_session();
    let navigate = use_navigate();
    let project = move || ctx.session.with(|s| s.as_ref().map(|s| s.project_id.clone()).unwrap_or_default());
    let title = move || use_config().and_then(|c| c.title).unwrap_or_else(|| "Backup Console".to_owned());
    view! {
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true">"◆"</span>
                <span class="app-header__title">{title}</span>
                <span class="app-header__subtitle">"Workloadmgr"</span>
            </div>
            <div class="app-header__session">
                <span class="app-header__project">
                    <span class="app-header__label">"Project "</span>
                    <code>{project}</code>
                </span>
                <button type="button" class="btn btn--secondary btn--small"
                    on:click=move |_| {
                        ctx.sign_out(Some("You signed out.".to_owned()));
                        navigate("/login", NavigateOptions::default());
                    }>"Sign out"</button>
            </div>
        </header>
    }
}

#[component]
fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Main">
            <ul class="side-nav__list">
                <li><A href="/backup-targets">"Backup targets"</A></li>
                <li><A href="/target-types">"Target types"</A></li>
                <li><A href="/snapshots">"Snapshots"</A></li>
            </ul>
        </nav>
    }
}

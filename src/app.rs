//! The application: the providers, the shell around every page (header, navigation, the main
//! landmark), and the routes.

use crate::components::{ToastRegion, Toasts};
use crate::config::{use_config, ConfigCtx};
use crate::embed::{use_embed, EmbedCtx};
use crate::pages::session::{
    ExpiryBanner, PortalRenewal, ReauthDialog, SessionSummary, SignOutButton,
};
use crate::routes::{self, AppRoutes, LeaveDialog, NavLink, Route, Router};
use crate::session::{use_session, SessionCtx};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Providers>
            <Router>
                <a class="skip-link" href="#main">"Skip to main content"</a>
                <Shell>
                    <AppRoutes/>
                </Shell>
            </Router>
        </Providers>
    }
}

/// The app-wide contexts: session, notifications, runtime configuration. Tests mount pages
/// inside it too.
#[component]
pub fn Providers(children: Children) -> impl IntoView {
    let session = SessionCtx::provide();
    Toasts::provide();
    ConfigCtx::provide();
    let embed = EmbedCtx::provide();
    // Framed by an allowed portal: listen for the session it hands over.
    Effect::new(move |_| {
        if let Some(cfg) = use_config() {
            embed.start(&cfg, session);
        }
    });
    children()
}

/// Header, navigation and the main landmark around every page; the login page has no chrome.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let ctx = use_session();
    let route = routes::use_route();
    let chrome = move || ctx.is_signed_in() && route.get() != Route::Login;
    // Inside a portal, the portal shows who is signed in where, and renews the session.
    let embedded = move || use_embed().is_some_and(|e| e.active.get());
    let session_chrome = Memo::new(move |_| chrome().then(embedded));
    view! {
        <div class="app">
            {move || session_chrome.get().map(|embedded| view! { <SessionChrome embedded/> })}
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

const SIGN_OUT_CLASS: &str = "btn btn--secondary btn--small";

/// The session's part of the shell, which the sign-in page does without: it comes in the chunk
/// of the first signed-in page (of the overview's where the address is no page). Until then
/// the header's frame holds its place, so the page does not move down when it comes.
#[component]
fn SessionChrome(embedded: bool) -> impl IntoView {
    let route = routes::use_route();
    let area = move || routes::Area::of_route(route.get_untracked());
    let load = move || routes::chrome(area().unwrap_or_else(routes::Area::home), embedded);
    // Should that chunk not come, Sign out is still at hand (the page says what is missing),
    // and the next page opened brings the rest with its own chunk.
    let frame = move |failed: bool| {
        let sign_out = move || view! { <SignOutButton class=SIGN_OUT_CLASS/> }.into_any();
        (!embedded).then(|| view! { <AppHeader session=failed.then(sign_out)/> }.into_any())
    };
    routes::later(load, move || route.track(), frame)
}

/// On its own: the header, the warning before the token expires and the sign-in dialog. In a
/// portal: asking the portal for a fresh token. Drawn by the areas' chunks (`routes::chrome`).
pub(crate) fn chrome_view(embedded: bool) -> AnyView {
    if embedded {
        return view! { <PortalRenewal/><LeaveDialog/> }.into_any();
    }
    // Asked by the expiry banner, answered by the dialog.
    let renew = RwSignal::new(false);
    let session = view! {
        <SessionSummary/>
        <SignOutButton class=SIGN_OUT_CLASS/>
    };
    view! {
        <AppHeader session=Some(session.into_any())/>
        <ExpiryBanner renew/>
        <ReauthDialog renew/>
        <LeaveDialog/>
    }
    .into_any()
}

/// The console's name, and `session`: who is signed in where, and Sign out. Their code comes
/// with the pages'; the start-up draws the header without them while it is on its way, and with
/// Sign out alone should it not come.
#[component]
fn AppHeader(#[prop(optional_no_strip)] session: Option<AnyView>) -> impl IntoView {
    let title = move || use_config().unwrap_or_default().title().to_owned();
    view! {
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true">"◆"</span>
                <span class="app-header__title">{title}</span>
                <span class="app-header__subtitle">"Workloadmgr"</span>
            </div>
            <div class="app-header__session">{session}</div>
        </header>
    }
}

#[component]
fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Main">
            <ul class="side-nav__list">
                <li><NavLink href=routes::OVERVIEW>"Overview"</NavLink></li>
                <li><NavLink href=routes::BACKUP_TARGETS>"Backup targets"</NavLink></li>
                <li><NavLink href=routes::TARGET_TYPES>"Target types"</NavLink></li>
                <li><NavLink href=routes::TYPE_ACCESS>"Type access"</NavLink></li>
                <li><NavLink href=routes::SNAPSHOTS>"Snapshots"</NavLink></li>
            </ul>
        </nav>
    }
}

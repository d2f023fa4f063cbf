//! The application: the providers, the shell around every page (header, navigation, the main
//! landmark), and the routes.

use crate::components::{ToastRegion, Toasts};
use crate::config::{use_config, ConfigCtx};
use crate::embed::{use_embed, EmbedCtx};
use crate::pages::session::{
    ExpiryBanner, PortalRenewal, ReauthDialog, SessionSummary, SignOutButton,
};
use crate::routes::{self, AppRoutes, ChunkNotLoaded};
use crate::session::{use_session, SessionCtx};
use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::use_location;

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
    let location = use_location();
    let chrome = move || ctx.is_signed_in() && location.pathname.get() != routes::LOGIN;
    // Inside a portal, the portal shows who is signed in where, and renews the session.
    let embedded = move || use_embed().is_some_and(|e| e.active.get());
    // Asked by the expiry banner, answered by the dialog.
    let renew = RwSignal::new(false);
    view! {
        <div class="app">
            <Show when=move || chrome() && !embedded()>
                <SessionChrome embedded=false renew/>
            </Show>
            <Show when=move || chrome() && embedded()>
                <SessionChrome embedded=true renew/>
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

/// The session around the pages: outside a portal the header, the expiry warning and signing in
/// again; inside one, the portal's renewal. The sign-in page never shows any of it, so the split
/// build fetches it as a chunk of its own once signed in.
#[component]
fn SessionChrome(embedded: bool, renew: RwSignal<bool>) -> impl IntoView {
    #[cfg(feature = "split")]
    let chrome = Suspend::new(async move {
        session_chrome(embedded, renew)
            .await
            .unwrap_or_else(|_| view! { <ChromeFailed/> }.into_any())
    });
    #[cfg(not(feature = "split"))]
    let chrome = session_chrome(embedded, renew).unwrap_or_else(|_| ().into_any());
    chrome
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(chrome, fallible, wasm_split_path = ::leptos::wasm_split)
)]
fn session_chrome(embedded: bool, renew: RwSignal<bool>) -> Result<AnyView, ChunkNotLoaded> {
    Ok(if embedded {
        view! { <PortalRenewal/> }.into_any()
    } else {
        view! {
            <AppHeader/>
            <ExpiryBanner renew/>
            <ReauthDialog renew/>
        }
        .into_any()
    })
}

/// In place of the header when its code did not arrive: the pages still work, and a reload
/// brings the session controls back.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
#[component]
fn ChromeFailed() -> impl IntoView {
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <header class="app-header">
            <AppBrand/>
            <div class="app-header__session" role="alert">
                <span class="app-header__item">"The session controls (project, sign out) did not arrive from the server."</span>
                <button type="button" class="btn btn--secondary btn--small" on:click=reload>"Try again"</button>
            </div>
        </header>
    }
}

#[component]
fn AppHeader() -> impl IntoView {
    view! {
        <header class="app-header">
            <AppBrand/>
            <div class="app-header__session">
                <SessionSummary/>
                <SignOutButton class="btn btn--secondary btn--small"/>
            </div>
        </header>
    }
}

#[component]
fn AppBrand() -> impl IntoView {
    let title = move || use_config().unwrap_or_default().title().to_owned();
    view! {
        <div class="app-header__brand">
            <span class="app-header__logo" aria-hidden="true">"◆"</span>
            <span class="app-header__title">{title}</span>
            <span class="app-header__subtitle">"Workloadmgr"</span>
        </div>
    }
}

#[component]
fn SideNav() -> impl IntoView {
    view! {
        <nav class="side-nav" aria-label="Main">
            <ul class="side-nav__list">
                <li><A href=routes::OVERVIEW>"Overview"</A></li>
                <li><A href=routes::BACKUP_TARGETS>"Backup targets"</A></li>
                <li><A href=routes::TARGET_TYPES>"Target types"</A></li>
                <li><A href=routes::TYPE_ACCESS>"Type access"</A></li>
                <li><A href=routes::SNAPSHOTS>"Snapshots"</A></li>
            </ul>
        </nav>
    }
}

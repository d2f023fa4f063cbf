//! The session in the shell: who is signed in and where (header), switching projects, the
//! warning before the token expires, signing in again over the page, and signing out.

mod expiry;
mod portal;
mod reauth;
mod sign_out;
mod switcher;

pub use expiry::ExpiryBanner;
pub use portal::PortalRenewal;
pub use reauth::ReauthDialog;
pub use sign_out::SignOutButton;
pub use switcher::ProjectSwitcher;

use crate::session::use_session;
use leptos::prelude::*;

/// The user, project and region in the header.
#[component]
pub fn SessionSummary() -> impl IntoView {
    let ctx = use_session();
    let user =
        move || ctx.session.with(|s| s.as_ref().and_then(|s| s.user_label().map(str::to_owned)));
    let region =
        move || ctx.session.with(|s| s.as_ref().and_then(|s| s.identity.as_ref()?.region.clone()));
    let keystone = move || ctx.session.with(|s| s.as_ref().is_some_and(|s| s.identity.is_some()));
    let project = move || {
        ctx.session.with(|s| s.as_ref().map(|s| s.project_label().to_owned()).unwrap_or_default())
    };
    view! {
        {move || user().map(|u| view! {
            <span class="app-header__item"><span class="app-header__label">"User "</span><bdi>{u}</bdi></span>
        })}
        <Show when=keystone fallback=move || view! {
            <span class="app-header__item"><span class="app-header__label">"Project "</span><code>{project}</code></span>
        }>
            <ProjectSwitcher/>
        </Show>
        {move || region().map(|r| view! {
            <span class="app-header__item"><span class="app-header__label">"Region "</span><bdi>{r}</bdi></span>
        })}
    }
}

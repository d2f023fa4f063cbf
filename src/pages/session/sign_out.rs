//! Sign-out: the token is revoked in Keystone as a best effort, then the session is gone from
//! this tab whatever Keystone answered.

use crate::api::keystone::Keystone;
use crate::routes;
use crate::session::{use_session, Session};
use futures::future::select;
use leptos::prelude::*;

/// How long sign-out waits for Keystone before leaving anyway.
const REVOKE_WAIT_MS: u32 = 5_000;

async fn revoke(session: Option<Session>) {
    let Some((identity, token)) = session.and_then(|s| Some((s.identity?, s.token))) else {
        return;
    };
    let keystone = Keystone::new(&identity.keystone_url);
    let call = Box::pin(async move { keystone.revoke(&token).await });
    let _ = select(call, Box::pin(gloo_timers::future::TimeoutFuture::new(REVOKE_WAIT_MS))).await;
}

/// Signs out; `class` styles it for where it sits (header, dialog).
#[component]
pub fn SignOutButton(#[prop(into)] class: String) -> impl IntoView {
    let ctx = use_session();
    let router = routes::use_router();
    let leaving = RwSignal::new(false);
    let on_click = move |_| {
        if leaving.get_untracked() {
            return;
        }
        leaving.set(true);
        let session = ctx.session.get_untracked();
        leptos::task::spawn_local(async move {
            revoke(session).await;
            ctx.sign_out(Some("You signed out.".to_owned()));
            router.go(routes::LOGIN);
        });
    };
    view! {
        <button type="button" class=class on:click=on_click disabled=move || leaving.get()
            aria-busy=move || leaving.get().to_string()>
            {move || if leaving.get() { "Signing out…" } else { "Sign out" }}
        </button>
    }
}

//! Signing in again over the current page: on a 401 or at expiry (the dialog must be
//! answered), or to renew before expiry (it may be closed). The page underneath stays, with
//! everything typed into it; its data reloads after. A failed change is not replayed.

use super::SignOutButton;
use crate::api::ApiError;
use crate::components::ErrorPanel;
use crate::config::use_config;
use crate::pages::sign_in::{Purpose, SignInForms};
use crate::session::sign_in::check_same_principal;
use crate::session::{use_session, Session};
use leptos::html::Dialog;
use leptos::prelude::*;

#[component]
pub fn ReauthDialog(renew: RwSignal<bool>) -> impl IntoView {
    let ctx = use_session();
    let dialog = NodeRef::<Dialog>::new();
    let required = move || ctx.reauth.with(Option::is_some);
    let open = Memo::new(move |_| required() || renew.get());
    let refused = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        let Some(el) = dialog.get() else { return };
        if open.get() && !el.open() {
            let _ = el.show_modal();
        } else if !open.get() && el.open() {
            el.close();
        }
    });
    let on_session = Callback::new(move |renewed: Session| {
        let current = ctx.session.get_untracked();
        match check_same_principal(current.as_ref(), renewed) {
            Ok(session) => {
                refused.set(None);
                renew.set(false);
                ctx.replace(session);
            }
            Err(e) => refused.set(Some(e)),
        }
    });
    // The forms are built when the dialog opens, for the session then on screen.
    let forms = move || {
        let session = ctx.session.get_untracked()?;
        let cfg = use_config().unwrap_or_default();
        open.get().then(
            || view! { <SignInForms cfg purpose=Purpose::Renew(Box::new(session)) on_session/> },
        )
    };
    let reason = move || {
        ctx.reauth.get().unwrap_or_else(|| "Renew your session before it expires.".to_owned())
    };
    view! {
        <dialog node_ref=dialog class="dialog dialog--wide" aria-labelledby="reauth-title"
            on:cancel=move |ev: web_sys::Event| {
                // Escape closes a voluntary renewal only: after a 401 the page cannot go on.
                ev.prevent_default();
                if !required() { renew.set(false); }
            }>
            <h2 class="dialog__title" id="reauth-title">"Sign in again"</h2>
            <div class="dialog__body">
                <p role="status" dir="auto">{reason}</p>
                <p>"What you typed on this page stays; it reloads its data once you are signed in. A change that failed is not sent again: submit it once more."</p>
                {forms}
                {move || refused.get().map(|e| view! { <ErrorPanel error=e context="This sign-in cannot continue the session"/> })}
            </div>
            <div class="dialog__actions">
                <Show when=move || !required()>
                    <button type="button" class="btn btn--secondary" on:click=move |_| renew.set(false)>"Not now"</button>
                </Show>
                <SignOutButton class="btn btn--secondary"/>
            </div>
        </dialog>
    }
}

//! The login page: the sign-in forms, then back to where the admin was going.

use crate::components::{name_the_tab, Loading};
use crate::config::use_config;
use crate::embed::use_embed;
use crate::pages::sign_in::{Purpose, SignInForms};
use crate::routes::{self, use_next};
use crate::session::{use_session, Session};
use leptos::prelude::*;

#[component]
pub fn LoginPage() -> impl IntoView {
    let ctx = use_session();
    let router = routes::use_router();
    let next = use_next();
    // Signed in here, or by the portal that frames the console: on to where the admin was going.
    Effect::new(move |_| {
        if ctx.is_signed_in() {
            router.replace(&next.get_untracked());
        }
    });
    name_the_tab("Sign in".to_owned());
    let on_session = Callback::new(move |session: Session| ctx.sign_in(session));
    let embedded = move || use_embed().is_some_and(|e| e.active.get());
    // The forms depend on whether Keystone is configured: drawn once the config is known.
    let config = Memo::new(move |_| use_config());
    let intro = move || match config.get().and_then(|c| c.keystone()) {
        Some(_) => "Sign in with your OpenStack user, or with a Keystone token.",
        None => "Use a Keystone token scoped to the project you administer.",
    };
    view! {
        <section class="login">
            <div class="login__card">
                <h1 class="login__title">"Sign in to the Backup Console"</h1>
                <p class="login__intro">{intro}</p>
                {move || ctx.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                {move || match config.get() {
                    _ if embedded() => view! { <Loading text="Waiting for the portal to hand over your session…"/> }.into_any(),
                    Some(cfg) => view! { <SignInForms cfg purpose=Purpose::SignIn on_session/> }.into_any(),
                    None => view! { <Loading text="Loading the configuration…"/> }.into_any(),
                }}
            </div>
        </section>
    }
}

//! Embedded in a portal: a refused or expiring token is asked of the portal, not of the admin.

use super::expiry::use_expiry;
use crate::embed::use_embed;
use crate::models::keystone::Expiry;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn PortalRenewal() -> impl IntoView {
    let ctx = use_session();
    let embed = use_embed();
    // One request per token: the portal may answer with the same token until it renews.
    let asked_for = RwSignal::new(None::<String>);
    let ask = move || {
        let token = ctx.session.with_untracked(|s| s.as_ref().map(|s| s.token.expose().to_owned()));
        if token.is_some() && asked_for.get_untracked() != token {
            asked_for.set(token);
            if let Some(embed) = embed {
                embed.ask_for_token();
            }
        }
    };
    Effect::new(move |_| {
        if ctx.reauth.with(Option::is_some) {
            ask();
        }
    });
    let expiry = use_expiry();
    Effect::new(move |_| {
        if matches!(expiry.get(), Some(Expiry::Soon { .. } | Expiry::Expired)) {
            ask();
        }
    });
    view! {
        <Show when=move || ctx.reauth.with(Option::is_some)>
            <div class="banner banner--warning" role="status">
                "The session has ended; asking the portal for a fresh one…"
            </div>
        </Show>
    }
}

//! The warning a few minutes before the token expires, with the way to renew it; at expiry,
//! the sign-in dialog (an expired token is never sent).

use crate::components::use_clock;
use crate::models::keystone::{expiry_state, Expiry};
use crate::session::use_session;
use leptos::prelude::*;

/// How often the clock is read for the warning.
const TICK_MS: u32 = 10_000;

/// Where the session's token stands, read from the clock every few seconds; `None` when the
/// expiry is unknown.
pub fn use_expiry() -> Memo<Option<Expiry>> {
    let ctx = use_session();
    let now = use_clock(TICK_MS);
    Memo::new(move |_| {
        let expires = ctx.session.with(|s| s.as_ref().and_then(|s| s.expires_ms()))?;
        Some(expiry_state(expires, now.get()))
    })
}

#[component]
pub fn ExpiryBanner(renew: RwSignal<bool>) -> impl IntoView {
    let ctx = use_session();
    let state = use_expiry();
    Effect::new(move |_| {
        if state.get() == Some(Expiry::Expired) {
            ctx.require_reauth("Your session has expired.");
        }
    });
    let minutes = move || match state.get() {
        Some(Expiry::Soon { minutes }) => Some(minutes),
        _ => None,
    };
    view! {
        {move || minutes().map(|m| {
            let text = if m == 1 { "1 minute".to_owned() } else { format!("{m} minutes") };
            view! {
                <div class="banner banner--warning" role="status">
                    <span>{format!("Your session expires in about {text}. Renew it to keep working without interruption.")}</span>
                    <button type="button" class="btn btn--secondary btn--small" on:click=move |_| renew.set(true)>
                        "Renew session"
                    </button>
                </div>
            }
        })}
    }
}

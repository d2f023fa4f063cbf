//! Embed mode: the console inside a portal's iframe (Horizon's Backups panel). The portal hands
//! the session over `postMessage`; only origins in `config.json`'s `embed.allowed_origins` are
//! heard, and every answer names its target origin (never `*`). The portal's own chrome (user,
//! project, sign-out) replaces the console's header, and a refused or expiring token is asked of
//! the portal instead of the admin.

pub mod message;

use crate::config::AppConfig;
use crate::json::Value;
use crate::session::SessionCtx;
use leptos::prelude::*;
use message::{
    is_allowed_origin, session_from_message, to_portal, ACCEPTED, READY, REJECTED, TOKEN_EXPIRED,
};

/// Whether the console runs embedded, and in which portal.
#[derive(Clone, Copy)]
pub struct EmbedCtx {
    pub active: RwSignal<bool>,
    /// The origin of the portal that sent the current session.
    portal: RwSignal<Option<String>>,
    allowed: RwSignal<Vec<String>>,
}

pub fn use_embed() -> Option<EmbedCtx> {
    use_context::<EmbedCtx>()
}

/// True when the console is framed by another page.
fn framed() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

fn post(origin: &str, message: &Value) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    if let Ok(value) = js_sys::JSON::parse(&message.to_string()) {
        let _ = parent.post_message(&value, origin);
    }
}

impl EmbedCtx {
    pub fn provide() -> Self {
        let ctx = Self {
            active: RwSignal::new(false),
            portal: RwSignal::new(None),
            allowed: RwSignal::new(Vec::new()),
        };
        provide_context(ctx);
        ctx
    }

    /// Starts listening once the configuration is known, when framed and allowed to be.
    pub fn start(&self, cfg: &AppConfig, session: SessionCtx) {
        let allowed = cfg.embed_origins();
        if allowed.is_empty() || !framed() || self.active.get_untracked() {
            return;
        }
        self.allowed.set(allowed.clone());
        self.active.set(true);
        let ctx = *self;
        let cfg = cfg.clone();
        // Heard for the life of the app, like the portal that frames it.
        let _listener =
            window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
                ctx.receive(&ev, &cfg, session);
            });
        // The parent's origin is one of these; a message to any other is dropped by the browser.
        for origin in &allowed {
            post(origin, &to_portal(READY, None));
        }
    }

    fn receive(&self, ev: &web_sys::MessageEvent, cfg: &AppConfig, session: SessionCtx) {
        let origin = ev.origin();
        let from_parent =
            match (ev.source(), web_sys::window().and_then(|w| w.parent().ok().flatten())) {
                (Some(source), Some(parent)) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
        let allowed = self.allowed.get_untracked();
        if !from_parent || !is_allowed_origin(&origin, &allowed) {
            return; // Not our portal: ignored, and nothing changes.
        }
        let data: Value = js_sys::JSON::stringify(&ev.data())
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| crate::json::parse(&s).ok())
            .unwrap_or(Value::Null);
        match session_from_message(&data, cfg) {
            Ok(next) => {
                self.portal.set(Some(origin.clone()));
                let current = session.session.get_untracked();
                match current {
                    Some(cur) if cur == next => session.reauth.set(None),
                    Some(_) => session.replace(next),
                    None => session.sign_in(next),
                }
                post(&origin, &to_portal(ACCEPTED, None));
            }
            Err(reason) => post(&origin, &to_portal(REJECTED, Some(&reason))),
        }
    }

    /// Asks the portal for a fresh token (after a 401, or before expiry).
    pub fn ask_for_token(&self) {
        let targets = match self.portal.get_untracked() {
            Some(origin) => vec![origin],
            None => self.allowed.get_untracked(),
        };
        for origin in targets {
            post(&origin, &to_portal(TOKEN_EXPIRED, None));
        }
    }
}

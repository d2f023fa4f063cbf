//! Sign in with a project id and a Keystone token; the endpoint comes from `config.json`.

use crate::api::backup_targets::list_backup_targets;
use crate::api::ApiError;
use crate::app::use_config;
use crate::components::{ErrorPanel, TextField};
use crate::session::{use_session, Session};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// Only same-app paths are followed after sign-in (no open redirect).
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/login") && !n.contains('\\') => n,
        _ => "/backup-targets".to_owned(),
    }
}

pub fn validate_project_id(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter the project ID.".into())
    } else if t.len() > 64 || !t.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Some("A project ID has only letters, digits, '-' and '_' (at most 64).".into())
    } else {
        None
    }
}

pub fn validate_endpoint(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter the Workloadmgr endpoint.".into())
    } else if !(t.starts_with('/') || t.starts_with("http://") || t.starts_with("https://")) {
        Some("The endpoint is an http(s) URL or a path on this site, e.g. /v1/{project_id}.".into())
    } else if t.contains(char::is_whitespace) {
        Some("The endpoint must not contain spaces.".into())
    } else {
        None
    }
}

/// The message for a token that cannot be sent; it never repeats the token.
pub fn validate_token(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        Some("Enter a token.".into())
    } else if !crate::api::is_valid_token(t) {
        Some("A token has only visible ASCII characters, without spaces.".into())
    } else {
        None
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let ctx = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || safe_next(query.with_untracked(|q| q.get("next")));

    let endpoint = RwSignal::new(String::new());
    let project = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let endpoint_error = RwSignal::new(None::<String>);
    let project_error = RwSignal::new(None::<String>);
    let token_error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);

    // Prefill the endpoint once the runtime config arrives, unless the user typed one.
    Effect::new(move |_| {
        if let Some(cfg) = use_config() {
            if endpoint.get_untracked().is_empty() {
                endpoint.set(cfg.endpoint);
            }
        }
    });

    let sign_in = Action::new_local(move |session: &Session| {
        let session = session.clone();
        async move {
            // A 403 still proves the token: the user just lacks the admin role.
            match list_backup_targets(&session.client()).await {
                Ok(_) | Err(ApiError::Forbidden { .. }) => Ok(session),
                Err(e) => Err(e),
            }
        }
    });
    let pending = sign_in.pending();
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match sign_in.value().get() {
            Some(Ok(session)) => {
                failure.set(None);
                ctx.sign_in(session);
                navigate(&next(), NavigateOptions { replace: true, ..Default::default() });
            }
            Some(Err(e)) => failure.set(Some(e)),
            None => {}
        });
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        endpoint_error.set(validate_endpoint(&endpoint.get_untracked()));
        project_error.set(validate_project_id(&project.get_untracked()));
        token_error.set(validate_token(&token.get_untracked()));
        if endpoint_error.get_untracked().is_some() || project_error.get_untracked().is_some() || token_error.get_untracked().is_some() {
            return;
        }
        failure.set(None);
        sign_in.dispatch(Session {
            endpoint: endpoint.get_untracked().trim().to_owned(),
            project_id: project.get_untracked().trim().to_owned(),
            token: token.get_untracked().trim().to_owned(),
            expires_at: None,
        });
    };

    view! {
        <section class="login">
            <div class="login__card">
                <h1 class="login__title">"Sign in to the Backup Console"</h1>
                <p class="login__intro">"Use a Keystone token scoped to the project you administer."</p>
                {move || ctx.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                <form class="form" on:submit=submit novalidate>
                    <TextField id="login-project" label="Project ID" value=project error=project_error
                        required=true autocomplete="username" hint="The Keystone project (tenant) ID, e.g. c76b3355a164498aa95ddbc960adc238."/>
                    <TextField id="login-token" label="Token" value=token error=token_error input_type="password"
                        required=true autocomplete="current-password" hint="Kept in this browser tab only; never put in a URL."/>
                    <details class="login__advanced">
                        <summary>"Endpoint"</summary>
                        <TextField id="login-endpoint" label="Workloadmgr endpoint" value=endpoint error=endpoint_error
                            hint="{project_id} is replaced with the project ID."/>
                    </details>
                    {move || failure.get().map(|e| {
                        let context = if matches!(e, ApiError::Unauthorized { .. }) {
                            "The token was rejected for this project. Check the token and the project ID"
                        } else {
                            "Could not sign in"
                        };
                        view! { <ErrorPanel error=e context=context/> }
                    })}
                    <button type="submit" class="btn btn--primary btn--block" disabled=move || pending.get()
                        aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </form>
            </div>
        </section>
    }
}

//! Sign in with a project id and a Keystone token; the endpoint comes from `config.json`.

use crate::api::backup_targets::list_backup_targets;
use crate::api::ApiError;
use crate::components::{failure_of, on_submit, ErrorPanel, ErrorsOf, InputKind, TextField};
use crate::config::use_config;
use crate::models::sign_in::{SignInField, TokenSignIn};
use crate::models::FieldErrors;
use crate::routes::use_next;
use crate::session::{use_session, Session};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn LoginPage() -> impl IntoView {
    let ctx = use_session();
    let navigate = use_navigate();
    let next = use_next();
    let endpoint = RwSignal::new(String::new());
    let project = RwSignal::new(String::new());
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<SignInField>::default());

    // Prefill the endpoint once the runtime config arrives, unless the user typed one.
    Effect::new(move |_| {
        if let Some(cfg) = use_config() {
            if endpoint.get_untracked().is_empty() {
                endpoint.set(cfg.endpoint);
            }
        }
    });

    let signed_in = Callback::new(move |session: Session| {
        ctx.sign_in(session);
        navigate(&next.get_untracked(), NavigateOptions { replace: true, ..Default::default() });
    });
    let sign_in = Action::new_local(move |session: &Session| {
        let session = session.clone();
        async move {
            // A 403 still proves the token: the user just lacks the admin role.
            match list_backup_targets(&session.client()).await {
                Ok(_) | Err(ApiError::Forbidden { .. }) => {
                    signed_in.try_run(session.clone());
                    Ok(session)
                }
                Err(e) => Err(e),
            }
        }
    });
    let pending = sign_in.pending();
    let failure = failure_of(sign_in);

    let read = move || TokenSignIn {
        endpoint: endpoint.get_untracked().trim().to_owned(),
        project_id: project.get_untracked().trim().to_owned(),
        token: token.get_untracked().trim().into(),
    };
    let submit = on_submit(pending.into(), errors, read, move |form| {
        let TokenSignIn { endpoint, project_id, token } = form;
        sign_in.dispatch(Session { endpoint, project_id, token, expires_at: None });
    });
    let error = move |f| errors.error_of(f);

    view! {
        <section class="login">
            <div class="login__card">
                <h1 class="login__title">"Sign in to the Backup Console"</h1>
                <p class="login__intro">"Use a Keystone token scoped to the project you administer."</p>
                {move || ctx.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                <form class="form" on:submit=submit novalidate>
                    <TextField id="login-project" label="Project ID" value=project error=error(SignInField::Project)
                        required=true autocomplete="username"
                        hint="The Keystone project (tenant) ID, e.g. c76b3355a164498aa95ddbc960adc238."/>
                    <TextField id="login-token" label="Token" value=token error=error(SignInField::Token)
                        kind=InputKind::Password required=true autocomplete="current-password"
                        hint="Kept in this browser tab only; never put in a URL."/>
                    <details class="login__advanced">
                        <summary>"Endpoint"</summary>
                        <TextField id="login-endpoint" label="Workloadmgr endpoint" value=endpoint
                            error=error(SignInField::Endpoint) hint="{project_id} is replaced with the project ID."/>
                    </details>
                    {move || failure.get().map(|e| {
                        let context = if matches!(e, ApiError::Unauthorized { .. }) {
                            "The token was rejected for this project. Check the token and the project ID"
                        } else {
                            "Could not sign in"
                        };
                        view! { <ErrorPanel error=e context/> }
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

//! Without Keystone in `config.json`: a pasted token for a project, checked by one call to
//! the API itself.

use super::FormEnd;
use super::Purpose;
use crate::api::backup_targets::list_backup_targets;
use crate::api::ApiError;
use crate::components::{failure_of, on_submit, ErrorsOf, InputKind, TextField};
use crate::config::AppConfig;
use crate::models::sign_in::{SignInField, TokenSignIn};
use crate::models::FieldErrors;
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn PlainTokenForm(
    cfg: AppConfig,
    purpose: Purpose,
    on_session: Callback<Session>,
) -> impl IntoView {
    let renewing = purpose.renewing().cloned();
    let endpoint = RwSignal::new(
        renewing.as_ref().map(|s| s.endpoint.clone()).unwrap_or_else(|| cfg.endpoint().to_owned()),
    );
    let project =
        RwSignal::new(renewing.as_ref().map(|s| s.project_id.clone()).unwrap_or_default());
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<SignInField>::default());
    let sign_in = Action::new_local(move |session: &Session| {
        let session = session.clone();
        async move {
            // A 403 still proves the token (the user lacks the admin role), and so does a 200
            // whose body this console cannot read: the targets page will say what is wrong.
            match list_backup_targets(&session.client()).await {
                Ok(_) | Err(ApiError::Forbidden { .. } | ApiError::Decode { .. }) => {
                    on_session.try_run(session);
                    Ok(())
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
        sign_in.dispatch(Session {
            endpoint,
            project_id,
            token,
            expires_at: None,
            clock_offset_ms: 0.0,
            identity: None,
        });
    });
    let error = move |f| errors.error_of(f);
    let fixed = renewing.is_some();
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id="login-project" label="Project ID" value=project error=error(SignInField::Project)
                required=true disabled=fixed
                hint="The Keystone project (tenant) ID, e.g. c76b3355a164498aa95ddbc960adc238."/>
            <TextField id="login-token" label="Token" value=token error=error(SignInField::Token)
                kind=InputKind::Password required=true autocomplete="off"
                hint="Kept in this browser tab only; never put in a URL."/>
            {(!fixed).then(|| view! {
                <details class="login__advanced">
                    <summary>"Endpoint"</summary>
                    <TextField id="login-endpoint" label="Workloadmgr endpoint" value=endpoint
                        error=error(SignInField::Endpoint) hint="{project_id} is replaced with the project ID."/>
                </details>
            })}
            <FormEnd failure refused="The token was rejected for this project. Check the token and the project ID"
                label="Sign in" busy_label="Signing in…" pending/>
        </form>
    }
}

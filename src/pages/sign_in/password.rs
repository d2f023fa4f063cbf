//! Keystone password sign-in. The password leaves the form when it is sent: it is kept
//! neither in the field nor anywhere else once the request is made.

use super::FormEnd;
use super::Purpose;
use crate::api::keystone::Keystone;
use crate::api::ApiError;
use crate::components::{failure_of, on_submit, ErrorsOf, InputKind, TextField};
use crate::config::AppConfig;
use crate::models::keystone::ProjectScope;
use crate::models::sign_in::{KeystoneField, PasswordSignIn};
use crate::models::FieldErrors;
use crate::session::sign_in::{continue_sign_in, SignInStep};
use leptos::prelude::*;

#[component]
pub fn PasswordForm(
    cfg: AppConfig,
    keystone: Keystone,
    purpose: Purpose,
    on_step: Callback<SignInStep>,
) -> impl IntoView {
    let identity = purpose.renewing().and_then(|s| s.identity.clone());
    let renew_project = purpose.renewing().map(|s| s.project_id.clone());
    let user = RwSignal::new(identity.as_ref().map(|i| i.user_name.clone()).unwrap_or_default());
    let domain = RwSignal::new(
        identity
            .as_ref()
            .map(|i| i.user_domain.clone())
            .filter(|d| !d.is_empty())
            .unwrap_or(cfg.user_domain.clone()),
    );
    let password = RwSignal::new(String::new());
    let project = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<KeystoneField>::default());
    let project_domain = cfg.project_domain.clone();
    let sign_in = Action::new_local(move |form: &PasswordSignIn| {
        let (cfg, keystone, form) = (cfg.clone(), keystone.clone(), form.clone());
        let scope = match &renew_project {
            Some(id) => Some(ProjectScope::Id(id.clone())),
            None => ProjectScope::parse(&form.project, &project_domain),
        };
        async move {
            let issued = keystone
                .sign_in_with_password(
                    form.user.trim(),
                    form.user_domain.trim(),
                    &form.password,
                    scope.as_ref(),
                )
                .await?;
            let step = continue_sign_in(&cfg, &keystone, issued, true).await?;
            on_step.try_run(step);
            Ok::<(), ApiError>(())
        }
    });
    let pending = sign_in.pending();
    let failure = failure_of(sign_in);
    let read = move || PasswordSignIn {
        user: user.get_untracked(),
        user_domain: domain.get_untracked(),
        password: password.get_untracked().into(),
        project: project.get_untracked(),
    };
    let submit = on_submit(pending.into(), errors, read, move |form| {
        password.set(String::new());
        sign_in.dispatch(form);
    });
    let error = move |f| errors.error_of(f);
    let renewing = purpose.renewing().is_some();
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id="signin-user" label="User name" value=user error=error(KeystoneField::User)
                required=true autocomplete="username" disabled=renewing/>
            <TextField id="signin-password" label="Password" value=password error=error(KeystoneField::Password)
                kind=InputKind::Password required=true autocomplete="current-password"/>
            <details class="login__advanced" open=move || errors.with(|e| e.get(KeystoneField::Domain).is_some())>
                <summary>"Domain"</summary>
                <TextField id="signin-domain" label="User domain" value=domain error=error(KeystoneField::Domain)
                    disabled=renewing hint="The Keystone domain your user belongs to."/>
            </details>
            {(!renewing).then(|| view! {
                <TextField id="signin-project" label="Project (optional)" value=project
                    hint="A project name or ID. Leave it empty to choose from your projects."/>
            })}
            <FormEnd failure refused="Keystone refused the sign-in" label="Sign in" busy_label="Signing in…" pending/>
        </form>
    }
}

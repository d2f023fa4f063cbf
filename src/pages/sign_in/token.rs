//! Sign in with a pasted Keystone token: Keystone says whose it is, for which project, until when.

use super::FormEnd;
use super::Purpose;
use crate::api::keystone::Keystone;
use crate::api::ApiError;
use crate::components::{failure_of, on_submit, ErrorsOf, InputKind, TextField};
use crate::config::AppConfig;
use crate::models::sign_in::{KeystoneField, PastedToken};
use crate::models::FieldErrors;
use crate::session::sign_in::{continue_sign_in, SignInStep};
use leptos::prelude::*;

#[component]
pub fn KeystoneTokenForm(
    cfg: AppConfig,
    keystone: Keystone,
    purpose: Purpose,
    on_step: Callback<SignInStep>,
) -> impl IntoView {
    let token = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::<KeystoneField>::default());
    let renew_project = purpose.renewing().map(|s| s.project_id.clone());
    let check = Action::new_local(move |form: &PastedToken| {
        let (cfg, keystone, form) = (cfg.clone(), keystone.clone(), form.clone());
        let renew_project = renew_project.clone();
        async move {
            let mut issued = keystone.validate(&form.0).await?;
            // Renewing with an unscoped token: scope it to the page's project.
            if let (Some(id), None) = (&renew_project, &issued.info.project) {
                issued = keystone.rescope(&issued.token, id).await?;
            }
            let step = continue_sign_in(&cfg, &keystone, issued, false).await?;
            on_step.try_run(step);
            Ok::<(), ApiError>(())
        }
    });
    let pending = check.pending();
    let failure = failure_of(check);
    let read = move || PastedToken(token.get_untracked().trim().into());
    let submit = on_submit(pending.into(), errors, read, move |form| {
        check.dispatch(form);
    });
    view! {
        <form class="form" on:submit=submit novalidate>
            <TextField id="signin-token" label="Token" value=token error=errors.error_of(KeystoneField::Token)
                kind=InputKind::Password required=true autocomplete="off"
                hint="A Keystone token (openstack token issue). Kept in this browser tab only; never put in a URL."/>
            <FormEnd failure refused="Keystone does not accept this token" label="Sign in with token"
                busy_label="Checking the token…" pending/>
        </form>
    }
}

//! The sign-in forms, shared by the login page and the re-authentication dialog: Keystone
//! password or token (then a project and a region when there is a choice), or, without
//! Keystone, a pasted token for a project.

mod password;
mod pick;
mod plain_token;
mod token;

use crate::config::AppConfig;
use crate::session::sign_in::SignInStep;
use crate::session::Session;
use leptos::prelude::*;
use password::PasswordForm;
use pick::{ProjectPick, RegionPick};
use plain_token::PlainTokenForm;
use token::KeystoneTokenForm;

/// What the forms are for: a first sign-in, or renewing the session on screen (same user,
/// same project).
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    SignIn,
    Renew(Box<Session>),
}

impl Purpose {
    fn renewing(&self) -> Option<&Session> {
        match self {
            Self::SignIn => None,
            Self::Renew(s) => Some(s.as_ref()),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Password,
    Token,
}

/// The forms for `purpose`; `on_session` gets the session once Keystone (or the API) agreed.
#[component]
pub fn SignInForms(
    cfg: AppConfig,
    purpose: Purpose,
    on_session: Callback<Session>,
) -> impl IntoView {
    // A renewal goes to the Keystone that issued the session, whatever the config says now.
    let keystone = match purpose.renewing() {
        Some(s) => {
            s.identity.as_ref().map(|i| crate::api::keystone::Keystone::new(&i.keystone_url))
        }
        None => cfg.keystone(),
    };
    let Some(keystone) = keystone else {
        return view! { <PlainTokenForm cfg purpose on_session/> }.into_any();
    };
    let method = RwSignal::new(Method::Password);
    let step = RwSignal::new(None::<SignInStep>);
    let on_step = Callback::new(move |next: SignInStep| match next {
        SignInStep::Done(session) => on_session.run(session),
        other => step.set(Some(other)),
    });
    let back = Callback::new(move |()| step.set(None));
    let tab = move |m: Method, label: &'static str| {
        view! {
            <button type="button" class="tabs__tab" aria-pressed=move || (method.get() == m).to_string()
                on:click=move |_| method.set(m)>{label}</button>
        }
    };
    let forms = {
        let (cfg, purpose, keystone) = (cfg.clone(), purpose.clone(), keystone.clone());
        move || {
            match method.get() {
            Method::Password => view! {
                <PasswordForm cfg=cfg.clone() keystone=keystone.clone() purpose=purpose.clone() on_step/>
            }
            .into_any(),
            Method::Token => view! {
                <KeystoneTokenForm cfg=cfg.clone() keystone=keystone.clone() purpose=purpose.clone() on_step/>
            }
            .into_any(),
        }
        }
    };
    let picker = move |current: SignInStep| match current {
        SignInStep::PickProject { token, projects } => view! {
            <ProjectPick cfg=cfg.clone() keystone=keystone.clone() token projects on_step back/>
        }
        .into_any(),
        SignInStep::PickRegion { issued, endpoints } => view! {
            <RegionPick keystone=keystone.clone() issued endpoints on_step back/>
        }
        .into_any(),
        SignInStep::Done(_) => ().into_any(),
    };
    view! {
        <Show when=move || step.with(Option::is_none)
            fallback=move || step.get().map(picker.clone())>
            <div class="tabs" role="group" aria-label="Sign in with">
                {tab(Method::Password, "Password")}
                {tab(Method::Token, "Token")}
            </div>
            {forms.clone()}
        </Show>
    }
    .into_any()
}

/// The end of every sign-in form: why the last attempt failed (`refused` introduces a 401 or
/// 404, the credentials' fault), and the submit button that says when it is busy.
#[component]
fn FormEnd(
    failure: Signal<Option<crate::api::ApiError>>,
    refused: &'static str,
    label: &'static str,
    busy_label: &'static str,
    pending: Memo<bool>,
) -> impl IntoView {
    use crate::api::ApiError;
    let panel = move |e: ApiError| {
        let context = match e {
            ApiError::Unauthorized { .. } | ApiError::NotFound { .. } => refused,
            _ => "Could not sign in",
        };
        view! { <crate::components::ErrorPanel error=e context/> }
    };
    view! {
        {move || failure.get().map(panel)}
        <button type="submit" class="btn btn--primary btn--block" disabled=move || pending.get()
            aria-busy=move || pending.get().to_string()>
            {move || if pending.get() { busy_label } else { label }}
        </button>
    }
}

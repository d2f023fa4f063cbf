//! The second step of a sign-in: which project (an unscoped token), which region (a backup
//! service in several).

use crate::api::keystone::{IssuedToken, Keystone};
use crate::api::{ApiError, Secret};
use crate::components::{failure_of, ErrorPanel, Field, Select};
use crate::config::AppConfig;
use crate::models::keystone::{Project, ServiceEndpoint};
use crate::session::sign_in::{choose_project, session_for, SignInStep};
use leptos::prelude::*;

/// A choice among `options` (value, label), sent with `on_choose`; `Back` returns to the form.
#[component]
fn PickForm(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] intro: String,
    options: Vec<(String, String)>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] failure: Signal<Option<ApiError>>,
    on_choose: Callback<String>,
    back: Callback<()>,
) -> impl IntoView {
    let choice = RwSignal::new(options.first().map(|(v, _)| v.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        match choice.get_untracked() {
            c if c.is_empty() => error.set(Some("Choose one to continue.".into())),
            c => {
                error.set(None);
                on_choose.run(c);
            }
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <p>{intro}</p>
            <Field id label error=error required=true>
                <Select value=choice options empty="Choose…"/>
            </Field>
            {move || failure.get().map(|e| view! { <ErrorPanel error=e context="Could not sign in"/> })}
            <div class="form__actions">
                <button type="submit" class="btn btn--primary" disabled=move || pending.get()
                    aria-busy=move || pending.get().to_string()>
                    {move || if pending.get() { "Signing in…" } else { "Continue" }}
                </button>
                <button type="button" class="btn btn--secondary" disabled=move || pending.get()
                    on:click=move |_| back.run(())>"Back"</button>
            </div>
        </form>
    }
}

#[component]
pub fn ProjectPick(
    cfg: AppConfig,
    keystone: Keystone,
    token: Secret,
    projects: Vec<Project>,
    on_step: Callback<SignInStep>,
    back: Callback<()>,
) -> impl IntoView {
    let choose = Action::new_local(move |project_id: &String| {
        let (cfg, keystone, token, id) =
            (cfg.clone(), keystone.clone(), token.clone(), project_id.clone());
        async move {
            let step = choose_project(&cfg, &keystone, &token, &id).await?;
            on_step.try_run(step);
            Ok(())
        }
    });
    let options = projects.iter().map(|p| (p.id.clone(), p.label().to_owned())).collect();
    view! {
        <PickForm id="signin-pick-project" label="Project" options
            intro="You have roles in several projects. Choose the one to work in; you can switch later."
            pending=choose.pending() failure=failure_of(choose)
            on_choose=Callback::new(move |id| { choose.dispatch(id); }) back/>
    }
}

#[component]
pub fn RegionPick(
    keystone: Keystone,
    issued: IssuedToken,
    endpoints: Vec<ServiceEndpoint>,
    on_step: Callback<SignInStep>,
    back: Callback<()>,
) -> impl IntoView {
    let region_of = |e: &ServiceEndpoint| e.region.clone().unwrap_or_else(|| e.url.clone());
    let options = endpoints.iter().map(|e| (region_of(e), region_of(e))).collect();
    let choose = Action::new_local(move |region: &String| {
        let found = endpoints.iter().find(|e| region_of(e) == *region).cloned();
        let result = found
            .ok_or_else(|| ApiError::SignIn { message: "That region is no longer offered.".into() })
            .and_then(|e| session_for(&keystone, &issued, &e, true));
        async move {
            on_step.try_run(SignInStep::Done(result?));
            Ok(())
        }
    });
    view! {
        <PickForm id="signin-pick-region" label="Region" options
            intro="The backup service runs in several regions. Choose the one to manage."
            pending=choose.pending() failure=failure_of(choose)
            on_choose=Callback::new(move |r| { choose.dispatch(r); }) back/>
    }
}

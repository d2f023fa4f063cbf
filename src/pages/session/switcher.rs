//! The project switcher: the user's projects from Keystone; choosing one rescopes the current
//! token and the page reloads for that project.

use crate::api::keystone::Keystone;
use crate::components::{use_toasts, Isolated};
use crate::config::{use_config, AppConfig};
use crate::session::sign_in::{choose_project, session_for, SignInStep};
use crate::session::{use_session, Session};
use leptos::prelude::*;

/// The new session for a switch; with several regions, the current one (or the first).
async fn switch_to(
    cfg: AppConfig,
    current: Session,
    project_id: String,
) -> Result<Session, crate::api::ApiError> {
    let identity = current.identity.clone().unwrap_or_default();
    let keystone = Keystone::new(&identity.keystone_url);
    match choose_project(&cfg, &keystone, &current.token, &project_id).await? {
        SignInStep::Done(session) => Ok(session),
        SignInStep::PickRegion { issued, endpoints } => {
            let same = endpoints.iter().find(|e| e.region == identity.region);
            let endpoint =
                same.or(endpoints.first()).ok_or_else(|| crate::api::ApiError::SignIn {
                    message: "The other project's catalog has no backup service.".into(),
                })?;
            session_for(&keystone, &issued, endpoint, true)
        }
        SignInStep::PickProject { .. } => Err(crate::api::ApiError::SignIn {
            message: "Keystone did not scope the token to that project.".into(),
        }),
    }
}

#[component]
pub fn ProjectSwitcher() -> impl IntoView {
    let ctx = use_session();
    let toasts = use_toasts();
    let projects = LocalResource::new(move || {
        // Read with the token: a renewed one may list what the old one could not.
        ctx.epoch.track();
        ctx.renewed.track();
        let session = ctx.session.get_untracked();
        async move {
            let session = session?;
            let keystone = Keystone::new(&session.identity?.keystone_url);
            keystone.projects(&session.token).await.ok()
        }
    });
    let current =
        move || ctx.session.with(|s| s.as_ref().map(|s| s.project_id.clone()).unwrap_or_default());
    let switch = Action::new_local(move |project_id: &String| {
        let (session, id) = (ctx.session.get_untracked(), project_id.clone());
        let cfg = use_config().unwrap_or_default();
        async move {
            let Some(session) = session else { return };
            match switch_to(cfg, session, id).await {
                Ok(next) => {
                    toasts.success(format!(
                        "Now working in project {}.",
                        Isolated(next.project_label())
                    ));
                    ctx.replace(next);
                }
                Err(e) => toasts.error("Could not switch projects", &e),
            }
        }
    });
    let pending = switch.pending();
    let options = move || {
        let mut list: Vec<(String, String)> = projects
            .get()
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.id.clone(), p.label().to_owned()))
            .collect();
        // The current project is always there, even before the list arrives.
        let here = current();
        if !list.iter().any(|(id, _)| *id == here) {
            let label = ctx
                .session
                .with(|s| s.as_ref().map(|s| s.project_label().to_owned()))
                .unwrap_or_default();
            list.insert(0, (here.clone(), label));
        }
        list.into_iter()
            .map(|(id, label)| {
                let selected = id == here;
                view! { <option value=id selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <span class="app-header__item project-switcher">
            <label class="app-header__label" for="project-switcher">"Project"</label>
            <select id="project-switcher" class="project-switcher__select" disabled=move || pending.get() aria-busy=move || pending.get().to_string()
                on:change:target=move |ev| {
                    let id = ev.target().value();
                    if id != current() { switch.dispatch(id); }
                }>
                {options}
            </select>
        </span>
    }
}

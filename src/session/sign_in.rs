//! From a Keystone token to a session: pick a project when the token has none, find the
//! Workloadmgr endpoint in the catalog (or take the configured one), pick a region when
//! several offer it.

use super::{Identity, Session};
use crate::api::keystone::{IssuedToken, Keystone};
use crate::api::{ApiError, Secret};
use crate::config::AppConfig;
use crate::format::{api_time_millis, now_ms};
use crate::models::keystone::{clock_offset_ms, find_workloadmgr, Project, ServiceEndpoint};

/// Where a sign-in stands after Keystone answered.
#[derive(Clone, Debug, PartialEq)]
pub enum SignInStep {
    Done(Session),
    /// An unscoped token: the admin picks one of these projects.
    PickProject {
        token: Secret,
        projects: Vec<Project>,
    },
    /// The backup service is in several regions: the admin picks one.
    PickRegion {
        issued: IssuedToken,
        endpoints: Vec<ServiceEndpoint>,
    },
}

fn sign_in_error(message: impl Into<String>) -> ApiError {
    ApiError::SignIn { message: message.into() }
}

/// Continues a sign-in with a token just issued or validated. `fresh` says it was issued now
/// (its issue time then tells how far the browser's clock is off).
pub async fn continue_sign_in(
    cfg: &AppConfig,
    keystone: &Keystone,
    issued: IssuedToken,
    fresh: bool,
) -> Result<SignInStep, ApiError> {
    let scoped = issued.info.project.as_ref().is_some_and(|p| !p.id.is_empty());
    if scoped {
        return endpoint_step(cfg, keystone, issued, fresh);
    }
    let projects = keystone.projects(&issued.token).await?;
    match projects.as_slice() {
        [] => Err(sign_in_error(
            "You have no role in any enabled project, so there is nothing to sign in to. Ask your cloud admin for a role.",
        )),
        [only] => {
            let scoped = keystone.rescope(&issued.token, &only.id).await?;
            endpoint_step(cfg, keystone, scoped, true)
        }
        _ => Ok(SignInStep::PickProject { token: issued.token, projects }),
    }
}

/// Rescopes to the project the admin picked (or switched to).
pub async fn choose_project(
    cfg: &AppConfig,
    keystone: &Keystone,
    token: &Secret,
    project_id: &str,
) -> Result<SignInStep, ApiError> {
    let scoped = keystone.rescope(token, project_id).await?;
    endpoint_step(cfg, keystone, scoped, true)
}

fn endpoint_step(
    cfg: &AppConfig,
    keystone: &Keystone,
    issued: IssuedToken,
    fresh: bool,
) -> Result<SignInStep, ApiError> {
    let endpoints = match cfg.endpoint_override() {
        Some(url) => {
            vec![ServiceEndpoint { url: url.to_owned(), region: cfg.region().map(str::to_owned) }]
        }
        None => find_workloadmgr(&issued.info.catalog, &cfg.interface, cfg.region())
            .map_err(sign_in_error)?,
    };
    if let [only] = endpoints.as_slice() {
        session_for(keystone, &issued, only, fresh).map(SignInStep::Done)
    } else {
        Ok(SignInStep::PickRegion { issued, endpoints })
    }
}

/// The session for a scoped token at one endpoint.
pub fn session_for(
    keystone: &Keystone,
    issued: &IssuedToken,
    endpoint: &ServiceEndpoint,
    fresh: bool,
) -> Result<Session, ApiError> {
    let info = &issued.info;
    let project = info
        .project
        .as_ref()
        .ok_or_else(|| sign_in_error("Keystone gave a token with no project."))?;
    let user = info.user.clone().unwrap_or_default();
    let issued_ms = info.issued_at.as_deref().and_then(api_time_millis);
    Ok(Session {
        endpoint: endpoint.url.clone(),
        project_id: project.id.clone(),
        token: issued.token.clone(),
        expires_at: info.expires_at.clone(),
        clock_offset_ms: if fresh { clock_offset_ms(issued_ms, now_ms()) } else { 0.0 },
        identity: Some(Identity {
            keystone_url: keystone.url().to_owned(),
            user_name: user.label().to_owned(),
            user_domain: user
                .domain
                .as_ref()
                .and_then(|d| d.name.clone().or(d.id.clone()))
                .unwrap_or_default(),
            user_id: user.id,
            project_name: project.label().to_owned(),
            region: endpoint.region.clone(),
            roles: info.role_names(),
        }),
    })
}

/// A renewal may only continue the session it renews.
pub fn check_same_principal(
    current: Option<&Session>,
    renewed: Session,
) -> Result<Session, ApiError> {
    match current {
        Some(current) if !current.same_principal(&renewed) => Err(sign_in_error(format!(
            "This signs in as {} in project {}, but the page shows the data of {} in project {}. \
             Sign in as the same user and project, or sign out first.",
            renewed.user_label().unwrap_or("another user"),
            renewed.project_label(),
            current.user_label().unwrap_or("the current user"),
            current.project_label()
        ))),
        _ => Ok(renewed),
    }
}

//! Keystone v3, the calls the console signs in with: password and token sign-in, validation,
//! the user's projects, sign-out. Keystone's own error words reach the screen as it sends them.

use super::transport::{self, Outgoing, Reply};
use super::{ApiError, Method, Secret, DEFAULT_TIMEOUT_SECS};
use crate::json::Value;
use crate::models::keystone::{
    password_body, selectable_projects, token_body, Project, ProjectList, ProjectScope, TokenInfo,
};
use crate::models::FromJson;

/// A token Keystone just issued or confirmed, with what it says about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct IssuedToken {
    pub token: Secret,
    pub info: TokenInfo,
}

/// One Keystone, by its v3 URL (`https://keystone.example.com/v3` or a same-origin `/identity/v3`).
#[derive(Clone, Debug, PartialEq)]
pub struct Keystone {
    base: String,
}

impl Keystone {
    pub fn new(url: &str) -> Self {
        Self { base: url.trim().trim_end_matches('/').to_owned() }
    }

    pub fn url(&self) -> &str {
        &self.base
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&Value>,
        secret: &str,
    ) -> Result<Reply, ApiError> {
        let url = format!("{}{path}", self.base);
        let out = Outgoing {
            url: &url,
            method,
            query: &[],
            headers,
            body,
            timeout_secs: DEFAULT_TIMEOUT_SECS,
            sent_by_page: false,
        };
        let reply = transport::send(out, secret).await?;
        if (200..300).contains(&reply.raw.status) {
            Ok(reply)
        } else {
            let raw = reply.raw;
            Err(ApiError::from_response(raw.status, raw.request_id, &raw.body))
        }
    }

    /// `POST /v3/auth/tokens` with a body that asks for a token: the token is in `X-Subject-Token`.
    async fn issue(&self, body: &Value, secret: &str) -> Result<IssuedToken, ApiError> {
        let reply = self.call(Method::Post, "/auth/tokens", &[], Some(body), secret).await?;
        let token = reply.subject_token.ok_or_else(|| ApiError::Decode {
            status: reply.raw.status,
            message: "Keystone sent no X-Subject-Token header (is it exposed to this origin?)"
                .into(),
            request_id: reply.raw.request_id.clone(),
        })?;
        Ok(IssuedToken { token, info: token_info(&reply.raw)? })
    }

    /// Password sign-in; without a scope the token is unscoped and a project is picked next.
    pub async fn sign_in_with_password(
        &self,
        user: &str,
        user_domain: &str,
        password: &Secret,
        scope: Option<&ProjectScope>,
    ) -> Result<IssuedToken, ApiError> {
        self.issue(&password_body(user, user_domain, password, scope), password.expose()).await
    }

    /// Trades `token` for one scoped to `project_id` (after a pick, or to switch projects).
    pub async fn rescope(&self, token: &Secret, project_id: &str) -> Result<IssuedToken, ApiError> {
        self.issue(&token_body(token, project_id), token.expose()).await
    }

    /// `GET /v3/auth/tokens`: what a pasted token is (a user may validate their own).
    pub async fn validate(&self, token: &Secret) -> Result<IssuedToken, ApiError> {
        let t = token.expose();
        let headers = [("X-Auth-Token", t), ("X-Subject-Token", t)];
        let reply = self.call(Method::Get, "/auth/tokens", &headers, None, t).await?;
        Ok(IssuedToken { token: token.clone(), info: token_info(&reply.raw)? })
    }

    /// `GET /v3/auth/projects`: the projects this token's user may scope to.
    pub async fn projects(&self, token: &Secret) -> Result<Vec<Project>, ApiError> {
        let t = token.expose();
        let reply =
            self.call(Method::Get, "/auth/projects", &[("X-Auth-Token", t)], None, t).await?;
        let raw = reply.raw;
        let value: Value = crate::json::parse(raw.body.trim()).map_err(|e| ApiError::Decode {
            status: raw.status,
            message: format!("not JSON ({e})"),
            request_id: raw.request_id.clone(),
        })?;
        let list = ProjectList::from_json(&value).map_err(|e| ApiError::Decode {
            status: raw.status,
            message: e,
            request_id: raw.request_id.clone(),
        })?;
        Ok(selectable_projects(list.projects))
    }

    /// `DELETE /v3/auth/tokens`: revokes the token (sign-out).
    pub async fn revoke(&self, token: &Secret) -> Result<(), ApiError> {
        let t = token.expose();
        let headers = [("X-Auth-Token", t), ("X-Subject-Token", t)];
        self.call(Method::Delete, "/auth/tokens", &headers, None, t).await.map(|_| ())
    }
}

fn token_info(raw: &super::RawResponse) -> Result<TokenInfo, ApiError> {
    super::decode_wrapped::<TokenInfo>(raw, "token", "token")
}

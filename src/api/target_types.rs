//! Backup target types: list, detailed list, show, create, update, add/remove projects,
//! add/remove metadata ([`Membership`]), delete.

use super::{decode_wrapped, encode_segment, ApiError, Client, Method, DEFAULT_TIMEOUT_SECS};
use crate::models::target_type_form::{metadata_body, projects_body};
use crate::models::{Listed, NewTargetType, TargetType, TargetTypeUpdate};
use serde_json::Value;

const PLURAL: &str = "backup_target_types";
const SINGULAR: &str = "backup_target_type";

fn type_path(id: &str, action: &str) -> String {
    format!("/backup_target_types/{}{action}", encode_segment(id))
}

async fn send_type(
    client: &Client,
    method: Method,
    path: &str,
    body: &Value,
) -> Result<TargetType, ApiError> {
    let raw = client.send(method, path, &[], Some(body), DEFAULT_TIMEOUT_SECS).await?;
    decode_wrapped(&raw, PLURAL, SINGULAR)
}

/// `GET /backup_target_types`
pub async fn list_target_types(client: &Client) -> Result<Listed<TargetType>, ApiError> {
    decode_wrapped(&client.get("/backup_target_types", &[]).await?, PLURAL, SINGULAR)
}

/// `GET /backup_target_types/detail`
pub async fn list_target_types_detail(client: &Client) -> Result<Listed<TargetType>, ApiError> {
    decode_wrapped(&client.get("/backup_target_types/detail", &[]).await?, PLURAL, SINGULAR)
}

/// `GET /backup_target_types/{id}`
pub async fn show_target_type(client: &Client, id: &str) -> Result<TargetType, ApiError> {
    decode_wrapped(&client.get(&type_path(id, ""), &[]).await?, PLURAL, SINGULAR)
}

/// `POST /backup_target_types`
pub async fn create_target_type(
    client: &Client,
    new: &NewTargetType,
) -> Result<TargetType, ApiError> {
    send_type(client, Method::Post, "/backup_target_types", &new.to_body()).await
}

/// `PUT /backup_target_types/{id}`
pub async fn update_target_type(
    client: &Client,
    id: &str,
    update: &TargetTypeUpdate,
) -> Result<TargetType, ApiError> {
    send_type(client, Method::Put, &type_path(id, ""), &update.to_body()).await
}

/// The four documented changes to a type's projects and metadata.
#[derive(Clone, Debug, PartialEq)]
pub enum Membership {
    /// `POST /backup_target_types/{id}/add_projects`
    AddProjects(Vec<String>),
    /// `PUT /backup_target_types/{id}/remove_projects`
    RemoveProjects(Vec<String>),
    /// `POST /backup_target_types/{id}/add_metadata`
    AddMetadata(Vec<(String, String)>),
    /// `PUT /backup_target_types/{id}/remove_metadata`
    RemoveMetadata(Vec<(String, String)>),
}

impl Membership {
    /// The documented method, path suffix and body for the type `id`.
    fn request(&self, id: &str) -> (Method, &'static str, Value) {
        match self {
            Self::AddProjects(p) => (Method::Post, "/add_projects", projects_body(id, p)),
            Self::RemoveProjects(p) => (Method::Put, "/remove_projects", projects_body(id, p)),
            Self::AddMetadata(m) => (Method::Post, "/add_metadata", metadata_body(id, m)),
            Self::RemoveMetadata(m) => (Method::Put, "/remove_metadata", metadata_body(id, m)),
        }
    }
}

/// One of the four membership operations; the server answers with the changed type.
pub async fn change_membership(
    client: &Client,
    id: &str,
    change: &Membership,
) -> Result<TargetType, ApiError> {
    let (method, action, body) = change.request(id);
    send_type(client, method, &type_path(id, action), &body).await
}

/// `DELETE /backup_target_types/{id}`: 202 with an empty body.
pub async fn delete_target_type(client: &Client, id: &str) -> Result<(), ApiError> {
    client
        .send(Method::Delete, &type_path(id, ""), &[], None, DEFAULT_TIMEOUT_SECS)
        .await
        .map(|_| ())
}

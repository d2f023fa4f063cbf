//! Backup target types: list, detailed list, show, create, update, add/remove projects,
//! add/remove metadata, delete.

use super::{decode_wrapped, encode_segment, ApiError, Client, Method, DEFAULT_TIMEOUT_SECS};
use crate::models::target_type::{metadata_body, projects_body};
use crate::models::{NewTargetType, TargetType, TargetTypeUpdate};
use serde_json::Value;

const PLURAL: &str = "backup_target_types";
const SINGULAR: &str = "backup_target_type";

fn type_path(id: &str, action: &str) -> String {
    format!("/backup_target_types/{}{action}", encode_segment(id))
}

async fn send_type(client: &Client, method: Method, path: &str, body: &Value) -> Result<TargetType, ApiError> {
    let raw = client.send(method, path, &[], Some(body), DEFAULT_TIMEOUT_SECS).await?;
    decode_wrapped(&raw, PLURAL, SINGULAR)
}

/// `GET /backup_target_types`
pub async fn list_target_types(client: &Client) -> Result<Vec<TargetType>, ApiError> {
    decode_wrapped(&client.get("/backup_target_types", &[]).await?, PLURAL, SINGULAR)
}

/// `GET /backup_target_types/detail`
pub async fn list_target_types_detail(client: &Client) -> Result<Vec<TargetType>, ApiError> {
    decode_wrapped(&client.get("/backup_target_types/detail", &[]).await?, PLURAL, SINGULAR)
}

/// `GET /backup_target_types/{id}`
pub async fn show_target_type(client: &Client, id: &str) -> Result<TargetType, ApiError> {
    decode_wrapped(&client.get(&type_path(id, ""), &[]).await?, PLURAL, SINGULAR)
}

/// `POST /backup_target_types`
pub async fn create_target_type(client: &Client, new: &NewTargetType) -> Result<TargetType, ApiError> {
    send_type(client, Method::Post, "/backup_target_types", &new.to_body()).await
}

/// `PUT /backup_target_types/{id}`
pub async fn update_target_type(client: &Client, id: &str, update: &TargetTypeUpdate) -> Result<TargetType, ApiError> {
    send_type(client, Method::Put, &type_path(id, ""), &update.to_body()).await
}

/// `POST /backup_target_types/{id}/add_projects`
pub async fn add_projects(client: &Client, id: &str, projects: &[String]) -> Result<TargetType, ApiError> {
    send_type(client, Method::Post, &type_path(id, "/add_projects"), &projects_body(id, projects)).await
}

/// `PUT /backup_target_types/{id}/remove_projects`
pub async fn remove_projects(client: &Client, id: &str, projects: &[String]) -> Result<TargetType, ApiError> {
    send_type(client, Method::Put, &type_path(id, "/remove_projects"), &projects_body(id, projects)).await
}

/// `POST /backup_target_types/{id}/add_metadata`
pub async fn add_metadata(client: &Client, id: &str, pairs: &[(String, String)]) -> Result<TargetType, ApiError> {
    send_type(client, Method::Post, &type_path(id, "/add_metadata"), &metadata_body(id, pairs)).await
}

/// `PUT /backup_target_types/{id}/remove_metadata`
pub async fn remove_metadata(client: &Client, id: &str, pairs: &[(String, String)]) -> Result<TargetType, ApiError> {
    send_type(client, Method::Put, &type_path(id, "/remove_metadata"), &metadata_body(id, pairs)).await
}

/// `DELETE /backup_target_types/{id}`: 202 with an empty body.
pub async fn delete_target_type(client: &Client, id: &str) -> Result<(), ApiError> {
    client.send(Method::Delete, &type_path(id, ""), &[], None, DEFAULT_TIMEOUT_SECS).await.map(|_| ())
}

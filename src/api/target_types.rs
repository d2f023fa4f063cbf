//! Backup target types: list, detailed list, show, create, update, add/remove projects,
//! add/remove metadata ([`Membership`]), delete.

use super::{decode_wrapped, encode_segment, ApiError, ApiRequest, Client, Method};
use crate::models::target_type_form::{metadata_body, projects_body};
use crate::models::{Listed, NewTargetType, TargetType, TargetTypeUpdate};

const PLURAL: &str = "backup_target_types";
const SINGULAR: &str = "backup_target_type";

fn type_path(id: &str, action: &str) -> String {
    format!("/backup_target_types/{}{action}", encode_segment(id))
}

async fn run_type(client: &Client, request: &ApiRequest) -> Result<TargetType, ApiError> {
    decode_wrapped(&client.run(request).await?, PLURAL, SINGULAR)
}

/// `GET /backup_target_types/detail`
pub fn list_detail_request() -> ApiRequest {
    ApiRequest::get("/backup_target_types/detail")
}

/// `GET /backup_target_types/{id}`
pub fn show_request(id: &str) -> ApiRequest {
    ApiRequest::get(type_path(id, ""))
}

/// `POST /backup_target_types`
pub fn create_request(new: &NewTargetType) -> ApiRequest {
    ApiRequest::change(Method::Post, "/backup_target_types", Some(new.to_body()))
}

/// `PUT /backup_target_types/{id}`
pub fn update_request(id: &str, update: &TargetTypeUpdate) -> ApiRequest {
    ApiRequest::change(Method::Put, type_path(id, ""), Some(update.to_body()))
}

/// `DELETE /backup_target_types/{id}`: 202 with an empty body.
pub fn delete_request(id: &str) -> ApiRequest {
    ApiRequest::change(Method::Delete, type_path(id, ""), None)
}

/// `GET /backup_target_types`
pub async fn list_target_types(client: &Client) -> Result<Listed<TargetType>, ApiError> {
    let request = ApiRequest::get("/backup_target_types");
    decode_wrapped(&client.run(&request).await?, PLURAL, SINGULAR)
}

pub async fn list_target_types_detail(client: &Client) -> Result<Listed<TargetType>, ApiError> {
    decode_wrapped(&client.run(&list_detail_request()).await?, PLURAL, SINGULAR)
}

pub async fn show_target_type(client: &Client, id: &str) -> Result<TargetType, ApiError> {
    run_type(client, &show_request(id)).await
}

pub async fn create_target_type(
    client: &Client,
    new: &NewTargetType,
) -> Result<TargetType, ApiError> {
    run_type(client, &create_request(new)).await
}

pub async fn update_target_type(
    client: &Client,
    id: &str,
    update: &TargetTypeUpdate,
) -> Result<TargetType, ApiError> {
    run_type(client, &update_request(id, update)).await
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
    /// The documented request for the type `id`.
    pub fn request(&self, id: &str) -> ApiRequest {
        let (method, action, body) = match self {
            Self::AddProjects(p) => (Method::Post, "/add_projects", projects_body(id, p)),
            Self::RemoveProjects(p) => (Method::Put, "/remove_projects", projects_body(id, p)),
            Self::AddMetadata(m) => (Method::Post, "/add_metadata", metadata_body(id, m)),
            Self::RemoveMetadata(m) => (Method::Put, "/remove_metadata", metadata_body(id, m)),
        };
        ApiRequest::change(method, type_path(id, action), Some(body))
    }
}

/// One of the four membership operations; the server answers with the changed type.
pub async fn change_membership(
    client: &Client,
    id: &str,
    change: &Membership,
) -> Result<TargetType, ApiError> {
    run_type(client, &change.request(id)).await
}

pub async fn delete_target_type(client: &Client, id: &str) -> Result<(), ApiError> {
    client.run(&delete_request(id)).await.map(|_| ())
}

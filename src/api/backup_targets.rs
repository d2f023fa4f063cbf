//! Backup targets: create, delete, list, detailed list, show, set default. Each operation's
//! request is declared once (`*_request`), for the client and for "Copy as curl".

use super::{
    decode_wrapped, encode_segment, ApiError, ApiRequest, Client, Method, LONG_TIMEOUT_SECS,
};
use crate::models::{BackupTarget, Listed, NewBackupTarget};

const PLURAL: &str = "backup_targets";
const SINGULAR: &str = "backup_target";

fn target_path(id: &str, action: &str) -> String {
    format!("/backup_targets/{}{action}", encode_segment(id))
}

/// `GET /backup_targets/detail`
pub fn list_detail_request() -> ApiRequest {
    ApiRequest::get("/backup_targets/detail")
}

/// `GET /backup_targets/{id}`
pub fn show_request(id: &str) -> ApiRequest {
    ApiRequest::get(target_path(id, ""))
}

/// `POST /backup_targets`; may take minutes while the server validates the mount.
pub fn create_request(target: &NewBackupTarget) -> ApiRequest {
    ApiRequest::change(Method::Post, "/backup_targets", Some(target.to_body()))
        .with_timeout(LONG_TIMEOUT_SECS)
}

/// `GET /backup_targets/{id}/set_default` (a GET, as documented).
pub fn set_default_request(id: &str) -> ApiRequest {
    ApiRequest::get_change(target_path(id, "/set_default"))
}

/// `DELETE /backup_targets/{id}`: 202 with an empty `text/html` body.
pub fn delete_request(id: &str) -> ApiRequest {
    ApiRequest::change(Method::Delete, target_path(id, ""), None)
}

/// `GET /backup_targets`
pub async fn list_backup_targets(client: &Client) -> Result<Listed<BackupTarget>, ApiError> {
    decode_wrapped(&client.run(&ApiRequest::get("/backup_targets")).await?, PLURAL, SINGULAR)
}

pub async fn list_backup_targets_detail(client: &Client) -> Result<Listed<BackupTarget>, ApiError> {
    decode_wrapped(&client.run(&list_detail_request()).await?, PLURAL, SINGULAR)
}

pub async fn show_backup_target(client: &Client, id: &str) -> Result<BackupTarget, ApiError> {
    decode_wrapped(&client.run(&show_request(id)).await?, PLURAL, SINGULAR)
}

pub async fn create_backup_target(
    client: &Client,
    target: &NewBackupTarget,
) -> Result<BackupTarget, ApiError> {
    decode_wrapped(&client.run(&create_request(target)).await?, PLURAL, SINGULAR)
}

pub async fn set_default_backup_target(
    client: &Client,
    id: &str,
) -> Result<Option<BackupTarget>, ApiError> {
    let raw = client.run(&set_default_request(id)).await?;
    if raw.body.trim().is_empty() {
        return Ok(None);
    }
    decode_wrapped(&raw, PLURAL, SINGULAR).map(Some)
}

pub async fn delete_backup_target(client: &Client, id: &str) -> Result<(), ApiError> {
    client.run(&delete_request(id)).await.map(|_| ())
}

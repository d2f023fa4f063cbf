//! Backup targets: create, delete, list, detailed list, show, set default.

use super::{
    decode_wrapped, encode_segment, ApiError, Client, Method, DEFAULT_TIMEOUT_SECS,
    LONG_TIMEOUT_SECS,
};
use crate::models::{BackupTarget, Listed, NewBackupTarget};

/// `GET /backup_targets`
pub async fn list_backup_targets(client: &Client) -> Result<Listed<BackupTarget>, ApiError> {
    let raw = client.get("/backup_targets", &[]).await?;
    decode_wrapped(&raw, "backup_targets", "backup_target")
}

/// `GET /backup_targets/detail`
pub async fn list_backup_targets_detail(client: &Client) -> Result<Listed<BackupTarget>, ApiError> {
    let raw = client.get("/backup_targets/detail", &[]).await?;
    decode_wrapped(&raw, "backup_targets", "backup_target")
}

/// `GET /backup_targets/{id}`
pub async fn show_backup_target(client: &Client, id: &str) -> Result<BackupTarget, ApiError> {
    let raw = client.get(&format!("/backup_targets/{}", encode_segment(id)), &[]).await?;
    decode_wrapped(&raw, "backup_targets", "backup_target")
}

/// `POST /backup_targets`; may take minutes while the server validates the mount.
pub async fn create_backup_target(
    client: &Client,
    target: &NewBackupTarget,
) -> Result<BackupTarget, ApiError> {
    let body = target.to_body();
    let raw =
        client.send(Method::Post, "/backup_targets", &[], Some(&body), LONG_TIMEOUT_SECS).await?;
    decode_wrapped(&raw, "backup_targets", "backup_target")
}

/// `GET /backup_targets/{id}/set_default` (a GET, as documented).
pub async fn set_default_backup_target(
    client: &Client,
    id: &str,
) -> Result<Option<BackupTarget>, ApiError> {
    let raw =
        client.get_change(&format!("/backup_targets/{}/set_default", encode_segment(id))).await?;
    if raw.body.trim().is_empty() {
        return Ok(None);
    }
    decode_wrapped(&raw, "backup_targets", "backup_target").map(Some)
}

/// `DELETE /backup_targets/{id}`: 202 with an empty `text/html` body.
pub async fn delete_backup_target(client: &Client, id: &str) -> Result<(), ApiError> {
    let path = format!("/backup_targets/{}", encode_segment(id));
    client.send(Method::Delete, &path, &[], None, DEFAULT_TIMEOUT_SECS).await.map(|_| ())
}

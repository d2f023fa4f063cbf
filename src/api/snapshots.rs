//! Snapshots: list (with filters), take, show, delete, cancel.

use super::{
    decode_list, decode_wrapped, encode_segment, ApiError, Client, Method, RawResponse,
    DEFAULT_TIMEOUT_SECS,
};
use crate::models::json::{FromJson, Obj};
use crate::models::{Listed, Snapshot, SnapshotFilter, TakeSnapshot};
use serde_json::Value;

/// `GET /snapshots` with the filters as query parameters.
pub async fn list_snapshots(
    client: &Client,
    filter: &SnapshotFilter,
) -> Result<Listed<Snapshot>, ApiError> {
    let raw = client.get("/snapshots", &filter.query()).await?;
    decode_list(&raw, "snapshots", "snapshot").await
}

/// `POST /workloads/{workload_id}[?full=True]` with the optional `{"snapshot": {...}}` body.
pub async fn take_snapshot(client: &Client, take: &TakeSnapshot) -> Result<Snapshot, ApiError> {
    let path = format!("/workloads/{}", encode_segment(&take.workload_id));
    let body = take.to_body();
    let raw =
        client.send(Method::Post, &path, &take.query(), Some(&body), DEFAULT_TIMEOUT_SECS).await?;
    decode_wrapped(&raw, "snapshot", "snapshots")
}

/// `GET /snapshots/{id}`
pub async fn show_snapshot(client: &Client, id: &str) -> Result<Snapshot, ApiError> {
    let raw = client.get(&format!("/snapshots/{}", encode_segment(id)), &[]).await?;
    decode_wrapped(&raw, "snapshot", "snapshots")
}

/// The `{"task": {"id": ..}}` a delete may answer with.
struct Task(Option<String>);

impl FromJson for Task {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(Self(Obj::new(v)?.read(&["id"])))
    }
}

/// The task id of a delete: `{"task": {"id": ..}}` (200), or nothing (202 on some versions).
pub fn delete_task_id(raw: &RawResponse) -> Option<String> {
    decode_wrapped::<Task>(raw, "task", "task").ok().and_then(|t| t.0)
}

/// `DELETE /snapshots/{id}`; the task id when the server gives one. A 404 stays an error: in
/// the wrong project scope it means "not here", not "deleted", and saying otherwise misleads.
pub async fn delete_snapshot(client: &Client, id: &str) -> Result<Option<String>, ApiError> {
    let path = format!("/snapshots/{}", encode_segment(id));
    let raw = client.send(Method::Delete, &path, &[], None, DEFAULT_TIMEOUT_SECS).await?;
    Ok(delete_task_id(&raw))
}

/// `GET /snapshots/{id}/cancel` (a GET, as documented); the body is empty.
pub async fn cancel_snapshot(client: &Client, id: &str) -> Result<(), ApiError> {
    client.get_change(&format!("/snapshots/{}/cancel", encode_segment(id))).await.map(|_| ())
}

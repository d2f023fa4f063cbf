//! Snapshots: list (with filters), take, show, delete, cancel.

use super::{
    decode_list, decode_wrapped, encode_segment, ApiError, ApiRequest, Client, Method, RawResponse,
};
use crate::json::Value;
use crate::models::json::{FromJson, Obj};
use crate::models::{Listed, Snapshot, SnapshotFilter, TakeSnapshot};

fn snapshot_path(id: &str, action: &str) -> String {
    format!("/snapshots/{}{action}", encode_segment(id))
}

/// `GET /snapshots` with the filters as query parameters.
pub fn list_request(filter: &SnapshotFilter) -> ApiRequest {
    ApiRequest::get("/snapshots").with_query(filter.query())
}

/// `POST /workloads/{workload_id}[?full=True]` with the optional `{"snapshot": {...}}` body.
pub fn take_request(take: &TakeSnapshot) -> ApiRequest {
    let path = format!("/workloads/{}", encode_segment(&take.workload_id));
    ApiRequest::change(Method::Post, path, Some(take.to_body())).with_query(take.query())
}

/// `GET /snapshots/{id}`
pub fn show_request(id: &str) -> ApiRequest {
    ApiRequest::get(snapshot_path(id, ""))
}

/// `DELETE /snapshots/{id}`
pub fn delete_request(id: &str) -> ApiRequest {
    ApiRequest::change(Method::Delete, snapshot_path(id, ""), None)
}

/// `GET /snapshots/{id}/cancel` (a GET, as documented); the body is empty.
pub fn cancel_request(id: &str) -> ApiRequest {
    ApiRequest::get_change(snapshot_path(id, "/cancel"))
}

pub async fn list_snapshots(
    client: &Client,
    filter: &SnapshotFilter,
) -> Result<Listed<Snapshot>, ApiError> {
    decode_list(&client.run(&list_request(filter)).await?, "snapshots", "snapshot").await
}

pub async fn take_snapshot(client: &Client, take: &TakeSnapshot) -> Result<Snapshot, ApiError> {
    decode_wrapped(&client.run(&take_request(take)).await?, "snapshot", "snapshots")
}

pub async fn show_snapshot(client: &Client, id: &str) -> Result<Snapshot, ApiError> {
    decode_wrapped(&client.run(&show_request(id)).await?, "snapshot", "snapshots")
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

/// The task id when the server gives one. A 404 stays an error: in
/// the wrong project scope it means "not here", not "deleted", and saying otherwise misleads.
pub async fn delete_snapshot(client: &Client, id: &str) -> Result<Option<String>, ApiError> {
    Ok(delete_task_id(&client.run(&delete_request(id)).await?))
}

pub async fn cancel_snapshot(client: &Client, id: &str) -> Result<(), ApiError> {
    client.run(&cancel_request(id)).await.map(|_| ())
}

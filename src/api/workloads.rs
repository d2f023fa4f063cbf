//! Workloads: only what the snapshot screens need (pick one, show its name).

use super::{decode_wrapped, ApiError, ApiRequest, Client};
use crate::models::Workload;

/// `GET /workloads`
pub fn list_request() -> ApiRequest {
    ApiRequest::get("/workloads")
}

pub async fn list_workloads(client: &Client) -> Result<Vec<Workload>, ApiError> {
    decode_wrapped(&client.run(&list_request()).await?, "workloads", "workload")
}

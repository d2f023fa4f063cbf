//! `/snapshots` (list with filters, show, delete, cancel) and `/workloads` (list, take snapshot).

use crate::db::{new_id, now, now_ms};
use crate::fault::{flag, ok_json, parse_body, text, ApiResult, Fault};
use crate::{AppState, Role};
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Extension;
use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde_json::{json, Value};
use std::collections::HashMap;

/// Statuses after which a snapshot no longer changes by itself.
pub const FINAL: &[&str] = &["available", "error", "cancelled"];

const SUMMARY_COLUMNS: &str =
    "id, created_at, status, snapshot_type, workload_id, name, description, host";

/// A list entry's columns, in `SUMMARY_COLUMNS`' order: read while the database is held, made
/// JSON once it is let go.
type Summary = [String; 8];

fn summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<Summary> {
    let column = |i| r.get::<_, String>(i);
    Ok([
        column(0)?,
        column(1)?,
        column(2)?,
        column(3)?,
        column(4)?,
        column(5)?,
        column(6)?,
        column(7)?,
    ])
}

fn summary_json(columns: Summary) -> Value {
    let [id, created_at, status, snapshot_type, workload_id, name, description, host] = columns;
    json!({
        "id": id, "created_at": created_at, "status": status, "snapshot_type": snapshot_type,
        "workload_id": workload_id, "name": name, "description": description, "host": host
    })
}

pub async fn list(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    Path(project): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult {
    let all = q.get("all").is_some_and(|v| flag(Some(&Value::String(v.clone()))).unwrap_or(false));
    if all && role.as_deref() != Some(&Role::Admin) {
        return Err(Fault::forbidden("Listing snapshots of all projects requires the admin role."));
    }
    let mut sql = format!("SELECT {SUMMARY_COLUMNS} FROM snapshots WHERE 1 = 1");
    let mut args: Vec<Box<dyn ToSql>> = Vec::new();
    if !all {
        sql.push_str(" AND project_id = ?");
        args.push(Box::new(project));
    }
    let filters = [
        ("workload_id", "workload_id = ?"),
        ("host", "host = ?"),
        ("date_from", "created_at >= ?"),
        ("date_to", "created_at <= ?"),
    ];
    for (param, clause) in filters {
        if let Some(v) = q.get(param).filter(|v| !v.is_empty()) {
            sql.push_str(" AND ");
            sql.push_str(clause);
            // A bare date_to means "through the end of that second".
            let v =
                if param == "date_to" && v.len() == 19 { format!("{v}.999999") } else { v.clone() };
            args.push(Box::new(v));
        }
    }
    sql.push_str(" ORDER BY created_at DESC");
    // The entries are made JSON and written after the database is let go: at 10,000 rows that
    // takes a core tens of milliseconds, which a page's other opening reads (its workloads)
    // waited behind, as they would not on a server of many workers.
    let rows: Vec<Summary> = {
        let conn = state.conn();
        let mut stmt = conn.prepare(&sql)?;
        let refs: Vec<&dyn ToSql> = args.iter().map(|b| b.as_ref()).collect();
        let rows = stmt.query_map(refs.as_slice(), summary)?.collect::<Result<_, _>>()?;
        rows
    };
    let rows: Vec<Value> = rows.into_iter().map(summary_json).collect();
    ok_json(json!({ "snapshots": rows }))
}

fn snapshot_detail(conn: &Connection, project: &str, id: &str) -> Result<Option<Value>, Fault> {
    let row = conn
        .query_row(
            "SELECT s.id, s.created_at, s.updated_at, s.finished_at, s.user_id, s.project_id, s.status, s.snapshot_type,
                    s.workload_id, s.name, s.description, s.host, s.size, s.restore_size, s.uploaded_size, s.progress,
                    s.progress_msg, s.warning_msg, s.error_msg, s.time_taken, s.cancel_requested, w.instances, w.name
             FROM snapshots s LEFT JOIN workloads w ON w.id = s.workload_id
             WHERE s.id = ?1 AND s.project_id = ?2",
            params![id, project],
            |r| {
                let status: String = r.get(6)?;
                let mut instances: Value =
                    serde_json::from_str(&r.get::<_, Option<String>>(21)?.unwrap_or_default()).unwrap_or(json!([]));
                if let Some(list) = instances.as_array_mut() {
                    for inst in list {
                        inst["status"] = json!(status);
                    }
                }
                Ok((
                    json!({
                        "id": r.get::<_, String>(0)?, "created_at": r.get::<_, String>(1)?,
                        "updated_at": r.get::<_, Option<String>>(2)?, "finished_at": r.get::<_, Option<String>>(3)?,
                        "user_id": r.get::<_, Option<String>>(4)?, "project_id": r.get::<_, String>(5)?,
                        "status": status, "snapshot_type": r.get::<_, String>(7)?,
                        "workload_id": r.get::<_, String>(8)?, "instances": instances,
                        "name": r.get::<_, String>(9)?, "description": r.get::<_, String>(10)?,
                        "host": r.get::<_, String>(11)?, "size": r.get::<_, i64>(12)?,
                        "restore_size": r.get::<_, i64>(13)?, "uploaded_size": r.get::<_, i64>(14)?,
                        "progress_percent": r.get::<_, f64>(15)?.floor() as i64,
                        "progress_msg": r.get::<_, Option<String>>(16)?, "warning_msg": r.get::<_, Option<String>>(17)?,
                        "error_msg": r.get::<_, Option<String>>(18)?, "time_taken": r.get::<_, i64>(19)?,
                        "pinned": false, "restores_info": ""
                    }),
                    r.get::<_, bool>(20)?,
                ))
            },
        )
        .optional()?;
    let Some((mut snap, cancel_requested)) = row else { return Ok(None) };
    let target: String = conn
        .query_row("SELECT export FROM backup_targets WHERE is_default = 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    let hostnames: Vec<Value> = snap["instances"]
        .as_array()
        .map(|l| l.iter().map(|i| i["name"].clone()).collect())
        .unwrap_or_default();
    let created = snap["created_at"].clone();
    let entries = [
        ("backup_media_target", target),
        ("cancel_requested", if cancel_requested { "1" } else { "0" }.to_owned()),
        ("data_transfer_time", "0".to_owned()),
        ("hostnames", Value::Array(hostnames).to_string()),
        ("object_store_transfer_time", "0".to_owned()),
        ("pause_at_snapshot", "0".to_owned()),
        ("policy_id", "b79aa5f3-405b-4da4-96e2-893abf7cb5fd".to_owned()),
        ("preferredgroup", "[]".to_owned()),
        ("topology", "\"\\\"\\\"\"".to_owned()),
        ("workload_approx_backup_size", "6".to_owned()),
    ];
    snap["metadata"] = Value::Array(
        entries
            .into_iter()
            .map(|(k, v)| {
                json!({
                    "created_at": created, "updated_at": null, "deleted_at": null, "deleted": false,
                    "version": crate::db::VERSION, "id": new_id(), "snapshot_id": id, "key": k, "value": v
                })
            })
            .collect(),
    );
    Ok(Some(snap))
}

pub async fn show(
    State(state): State<AppState>,
    Path((project, id)): Path<(String, String)>,
) -> ApiResult {
    match snapshot_detail(&state.conn(), &project, &id)? {
        Some(s) => ok_json(json!({ "snapshot": s })),
        None => Err(Fault::not_found(format!("Snapshot {id} could not be found."))),
    }
}

fn status_of(conn: &Connection, project: &str, id: &str) -> Result<String, Fault> {
    conn.query_row(
        "SELECT status FROM snapshots WHERE id = ?1 AND project_id = ?2",
        params![id, project],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| Fault::not_found(format!("Snapshot {id} could not be found.")))
}

pub async fn delete(
    State(state): State<AppState>,
    Path((project, id)): Path<(String, String)>,
) -> ApiResult {
    let conn = state.conn();
    let status = status_of(&conn, &project, &id)?;
    if status == "deleting" {
        return Err(Fault::bad_request(format!("Snapshot {id} is already being deleted.")));
    }
    if !FINAL.contains(&status.as_str()) {
        return Err(Fault::bad_request(format!(
            "Snapshot {id} is {status}; cancel it before deleting it."
        )));
    }
    conn.execute(
        "UPDATE snapshots SET status = 'deleting', updated_at = ?1, settle_at_ms = ?2 WHERE id = ?3",
        params![now(), now_ms() + 1500, id],
    )?;
    ok_json(json!({ "task": { "id": new_id() } }))
}

pub async fn cancel(
    State(state): State<AppState>,
    Path((project, id)): Path<(String, String)>,
) -> ApiResult {
    let conn = state.conn();
    let status = status_of(&conn, &project, &id)?;
    if !matches!(status.as_str(), "creating" | "uploading") {
        return Err(Fault::bad_request(format!(
            "Snapshot {id} is {status} and cannot be cancelled."
        )));
    }
    conn.execute(
        "UPDATE snapshots SET status = 'cancelling', cancel_requested = 1, progress_msg = 'Cancelling snapshot',
         updated_at = ?1, settle_at_ms = ?2 WHERE id = ?3",
        params![now(), now_ms() + 1500, id],
    )?;
    Ok((StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], "").into_response())
}

pub async fn list_workloads(
    State(state): State<AppState>,
    Path(project): Path<String>,
) -> ApiResult {
    let conn = state.conn();
    let rows: Vec<Value> = conn
        .prepare("SELECT id, name, status, created_at FROM workloads WHERE project_id = ?1 ORDER BY name")?
        .query_map([project], |r| {
            Ok(json!({"id": r.get::<_, String>(0)?, "name": r.get::<_, String>(1)?,
                      "status": r.get::<_, String>(2)?, "created_at": r.get::<_, String>(3)?}))
        })?
        .collect::<Result<_, _>>()?;
    ok_json(json!({ "workloads": rows }))
}

pub async fn take(
    State(state): State<AppState>,
    Path((project, workload)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> ApiResult {
    let body = parse_body(&body)?;
    let opts = body.get("snapshot").cloned().unwrap_or(Value::Null);
    if !body.is_null() && !opts.is_object() {
        return Err(Fault::bad_request("Request body must be an object under \"snapshot\""));
    }
    let full =
        q.get("full").is_some_and(|v| flag(Some(&Value::String(v.clone()))).unwrap_or(false));
    let conn = state.conn();
    let exists: i64 = conn.query_row(
        "SELECT COUNT(*) FROM workloads WHERE id = ?1 AND project_id = ?2",
        params![workload, project],
        |r| r.get(0),
    )?;
    if exists == 0 {
        return Err(Fault::not_found(format!("Workload {workload} could not be found.")));
    }
    let id = new_id();
    let created = now();
    let name =
        text(opts.get("name")).filter(|s| !s.is_empty()).unwrap_or_else(|| "snapshot".to_owned());
    let description =
        text(opts.get("description")).filter(|s| !s.is_empty()).unwrap_or_else(|| "-".to_owned());
    let kind = if full { "full" } else { "incremental" };
    conn.execute(
        "INSERT INTO snapshots (id, project_id, workload_id, user_id, name, description, host, status, snapshot_type,
            created_at, updated_at, progress, progress_msg, restore_size, is_scheduled)
         VALUES (?1, ?2, ?3, 'ccddc7e7a015487fa02920f4d4979779', ?4, ?5, '', 'creating', ?6, ?7, ?7, 0,
            'Snapshot operation is queued', 2147483648, ?8)",
        params![id, project, workload, name, description, kind, created, flag(opts.get("is_scheduled")).unwrap_or(false)],
    )?;
    let snap = summary_json(conn.query_row(
        &format!("SELECT {SUMMARY_COLUMNS} FROM snapshots WHERE id = ?1"),
        [&id],
        summary,
    )?);
    ok_json(json!({ "snapshot": snap }))
}

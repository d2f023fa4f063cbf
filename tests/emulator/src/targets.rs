//! `/backup_targets`: create, list, detailed list, show, set default, delete.

use crate::db::{mount_path, new_id, now, VERSION};
use crate::fault::{accepted_empty, flag, ok_json, parse_body, text, wrapped, ApiResult, Fault};
use crate::{require_admin, AppState, Role};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Extension;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

pub fn target_json(conn: &Connection, id: &str, legacy: bool) -> Result<Option<Value>, Fault> {
    let row = conn
        .query_row(
            "SELECT id, type, created_at, updated_at, version, export, mount_path, is_default, capacity, used, status
             FROM backup_targets WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?, r.get::<_, String>(4)?, r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?, r.get::<_, bool>(7)?, r.get::<_, Option<String>>(8)?,
                    r.get::<_, Option<String>>(9)?, r.get::<_, String>(10)?,
                ))
            },
        )
        .optional()?;
    let Some((
        id,
        kind,
        created,
        updated,
        version,
        export,
        mount,
        is_default,
        capacity,
        used,
        status,
    )) = row
    else {
        return Ok(None);
    };
    let mut types = conn.prepare(
        "SELECT created_at, updated_at, version, user_id, name, description, is_public, is_default
         FROM backup_target_types WHERE backup_targets_id = ?1 ORDER BY created_at, name",
    )?;
    let types: Vec<Value> = types
        .query_map([&id], |r| {
            Ok(json!({
                "created_at": r.get::<_, String>(0)?, "updated_at": r.get::<_, Option<String>>(1)?,
                "version": r.get::<_, String>(2)?, "user_id": r.get::<_, Option<String>>(3)?,
                "name": r.get::<_, String>(4)?, "description": r.get::<_, Option<String>>(5)?,
                "is_public": r.get::<_, bool>(6)?, "is_default": r.get::<_, bool>(7)?
            }))
        })?
        .collect::<Result<_, _>>()?;
    let mut meta = conn.prepare(
        "SELECT key, value FROM backup_target_metadata WHERE target_id = ?1 ORDER BY key",
    )?;
    let meta: Vec<Value> = meta
        .query_map([&id], |r| {
            Ok(json!({"key": r.get::<_, String>(0)?, "value": r.get::<_, String>(1)?}))
        })?
        .collect::<Result<_, _>>()?;
    let (export_key, mount_key) = if legacy {
        ("nfs_export", "nfs_export_mount_path")
    } else {
        ("filesystem_export", "filesystem_export_mount_path")
    };
    Ok(Some(json!({
        "id": id, "type": kind, "created_at": created, "updated_at": updated, "version": version,
        export_key: export, mount_key: mount, "is_default": is_default, "capacity": capacity,
        "used": used, "status": status, "backup_target_types": types, "backup_target_metadata": meta
    })))
}

pub async fn list(State(state): State<AppState>) -> ApiResult {
    let conn = state.conn();
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM backup_targets ORDER BY created_at, id")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(t) = target_json(&conn, &id, state.legacy_fields())? {
            out.push(t);
        }
    }
    ok_json(json!({ "backup_targets": out }))
}

pub async fn show(
    State(state): State<AppState>,
    Path((_project, id)): Path<(String, String)>,
) -> ApiResult {
    let conn = state.conn();
    match target_json(&conn, &id, state.legacy_fields())? {
        Some(t) => ok_json(json!({ "backup_targets": t })),
        None => Err(Fault::not_found(format!("Backup target {id} could not be found."))),
    }
}

fn valid_nfs_export(export: &str) -> bool {
    match export.split_once(":/") {
        Some((host, _path)) => {
            !host.is_empty()
                && !host.contains(char::is_whitespace)
                && !export.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn make_default(conn: &Connection, id: &str) -> Result<(), Fault> {
    let stamp = now();
    conn.execute("UPDATE backup_targets SET is_default = (id = ?1)", [id])?;
    conn.execute(
        "UPDATE backup_target_types SET is_default = (backup_targets_id = ?1),
         updated_at = CASE WHEN backup_targets_id = ?1 THEN ?2 ELSE updated_at END",
        params![id, stamp],
    )?;
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    body: Bytes,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let body = parse_body(&body)?;
    let bt = wrapped(&body, "backup_target")?;
    let kind = text(bt.get("type")).unwrap_or_default().to_ascii_lowercase();
    let is_default = flag(bt.get("is_default")).unwrap_or(false);
    let immutable = flag(bt.get("immutable")).unwrap_or(false);
    let (export, bucket) = match kind.as_str() {
        "nfs" => {
            let export = text(bt.get("filesystem_export")).unwrap_or_default();
            if !valid_nfs_export(&export) {
                return Err(Fault::bad_request(
                    "filesystem_export must be of the form host:/path for an NFS backup target",
                ));
            }
            (export, None)
        }
        "s3" => {
            let url = text(bt.get("s3_endpoint_url")).unwrap_or_default();
            let bucket = text(bt.get("s3_bucket")).unwrap_or_default();
            let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
            let Some(host) = host.filter(|h| !h.is_empty()) else {
                return Err(Fault::bad_request("s3_endpoint_url must be an http or https URL"));
            };
            if bucket.is_empty() {
                return Err(Fault::bad_request("s3_bucket is required for an S3 backup target"));
            }
            (format!("{}/{}", host.trim_end_matches('/'), bucket), Some(bucket))
        }
        _ => return Err(Fault::bad_request("type must be one of nfs, s3")),
    };
    // Mount validation takes time on a real cloud; keep the lock released meanwhile.
    tokio::time::sleep(std::time::Duration::from_millis(state.config.create_target_delay_ms)).await;
    let conn = state.conn();
    if crate::db::exists(&conn, "backup_targets", "export", &export)? {
        return Err(Fault::new(
            axum::http::StatusCode::CONFLICT,
            format!("A backup target with export {export} already exists."),
        ));
    }
    let id = new_id();
    let stamp = now();
    let (capacity, used) = if kind == "nfs" { (Some("1.0 TB"), Some("0 B")) } else { (None, None) };
    conn.execute(
        "INSERT INTO backup_targets VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, 0, ?7, ?8, 'available')",
        params![id, kind, stamp, VERSION, export, mount_path(&export), capacity, used],
    )?;
    if let Some(Value::Object(meta)) = bt.get("metadata") {
        for (k, v) in meta {
            let v = text(Some(v)).unwrap_or_default();
            conn.execute(
                "INSERT OR REPLACE INTO backup_target_metadata VALUES (?1, ?2, ?3)",
                params![id, k, v],
            )?;
        }
    }
    if let Some(bucket) = bucket {
        conn.execute(
            "INSERT OR REPLACE INTO backup_target_metadata VALUES (?1, 'bucket', ?2)",
            params![id, bucket],
        )?;
        let lock = if immutable { "1" } else { "0" };
        conn.execute(
            "INSERT OR REPLACE INTO backup_target_metadata VALUES (?1, 'immutable', ?2)",
            params![id, lock],
        )?;
        conn.execute(
            "INSERT OR REPLACE INTO backup_target_metadata VALUES (?1, 'object_lock', ?2)",
            params![id, lock],
        )?;
    }
    let btt_name =
        text(bt.get("btt_name")).filter(|s| !s.trim().is_empty()).unwrap_or_else(|| export.clone());
    conn.execute(
        "INSERT INTO backup_target_types VALUES (?1, ?2, ?3, NULL, ?4, NULL, ?5, NULL, 0, 1)",
        params![new_id(), id, stamp, VERSION, btt_name],
    )?;
    if is_default {
        make_default(&conn, &id)?;
    }
    let target = target_json(&conn, &id, state.legacy_fields())?;
    ok_json(json!({ "backup_targets": target }))
}

pub async fn set_default(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_project, id)): Path<(String, String)>,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let conn = state.conn();
    if !crate::db::exists(&conn, "backup_targets", "id", &id)? {
        return Err(Fault::not_found(format!("Backup target {id} could not be found.")));
    }
    make_default(&conn, &id)?;
    conn.execute("UPDATE backup_targets SET updated_at = ?1 WHERE id = ?2", params![now(), id])?;
    let target = target_json(&conn, &id, state.legacy_fields())?;
    ok_json(json!({ "backup_targets": target }))
}

pub async fn delete(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_project, id)): Path<(String, String)>,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let conn = state.conn();
    let removed = conn.execute("DELETE FROM backup_targets WHERE id = ?1", [&id])?;
    if removed == 0 {
        return Err(Fault::not_found(format!("Backup target {id} could not be found.")));
    }
    conn.execute("DELETE FROM backup_target_metadata WHERE target_id = ?1", [&id])?;
    let types: Vec<String> = conn
        .prepare("SELECT id FROM backup_target_types WHERE backup_targets_id = ?1")?
        .query_map([&id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for t in types {
        crate::types::delete_type_rows(&conn, &t)?;
    }
    accepted_empty()
}

//! `/backup_target_types`: list, detailed list, show, create, update, projects, metadata, delete.

use crate::db::{new_id, now, VERSION};
use crate::fault::{accepted_empty, flag, ok_json, parse_body, text, wrapped, ApiResult, Fault};
use crate::{require_admin, AppState, Role};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Extension;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

pub fn type_json(conn: &Connection, id: &str) -> Result<Option<Value>, Fault> {
    let row = conn
        .query_row(
            "SELECT id, backup_targets_id, created_at, updated_at, version, user_id, name, is_default, description, is_public
             FROM backup_target_types WHERE id = ?1",
            [id],
            |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?, "backup_targets_id": r.get::<_, String>(1)?,
                    "created_at": r.get::<_, String>(2)?, "updated_at": r.get::<_, Option<String>>(3)?,
                    "version": r.get::<_, String>(4)?, "user_id": r.get::<_, Option<String>>(5)?,
                    "name": r.get::<_, String>(6)?, "is_default": r.get::<_, bool>(7)?,
                    "description": r.get::<_, Option<String>>(8)?, "is_public": r.get::<_, bool>(9)?
                }))
            },
        )
        .optional()?;
    let Some(mut value) = row else { return Ok(None) };
    let projects: Vec<Value> = conn
        .prepare("SELECT created_at, id, project_id FROM backup_target_type_projects WHERE btt_id = ?1 ORDER BY created_at, project_id")?
        .query_map([id], |r| {
            Ok(json!({
                "created_at": r.get::<_, String>(0)?, "updated_at": null, "version": VERSION,
                "id": r.get::<_, String>(1)?, "backup_target_types_id": id, "project_id": r.get::<_, String>(2)?
            }))
        })?
        .collect::<Result<_, _>>()?;
    let meta: Vec<Value> = conn
        .prepare(
            "SELECT key, value FROM backup_target_type_metadata WHERE btt_id = ?1 ORDER BY key",
        )?
        .query_map([id], |r| {
            Ok(json!({"key": r.get::<_, String>(0)?, "value": r.get::<_, String>(1)?}))
        })?
        .collect::<Result<_, _>>()?;
    value["backup_target_type_projects"] = Value::Array(projects);
    value["backup_target_type_metadata"] = Value::Array(meta);
    Ok(Some(value))
}

fn found(conn: &Connection, id: &str) -> ApiResult {
    match type_json(conn, id)? {
        Some(t) => ok_json(json!({ "backup_target_types": t })),
        None => Err(Fault::not_found(format!("Backup target type {id} could not be found."))),
    }
}

fn require_type(conn: &Connection, id: &str) -> Result<(), Fault> {
    if !crate::db::exists(conn, "backup_target_types", "id", id)? {
        return Err(Fault::not_found(format!("Backup target type {id} could not be found.")));
    }
    Ok(())
}

pub async fn list(State(state): State<AppState>) -> ApiResult {
    let conn = state.conn();
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM backup_target_types ORDER BY created_at, name")?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(t) = type_json(&conn, &id)? {
            out.push(t);
        }
    }
    ok_json(json!({ "backup_target_types": out }))
}

pub async fn show(
    State(state): State<AppState>,
    Path((_p, id)): Path<(String, String)>,
) -> ApiResult {
    found(&state.conn(), &id)
}

fn project_list(obj: &Map<String, Value>) -> Result<Vec<String>, Fault> {
    match obj.get("project_list") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
                _ => Err(Fault::bad_request("project_list must be a list of project IDs")),
            })
            .collect(),
        _ => Err(Fault::bad_request("project_list must be a list of project IDs")),
    }
}

fn metadata_list(obj: &Map<String, Value>) -> Result<Vec<(String, String)>, Fault> {
    match obj.get("metadata") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| {
                let key = text(item.get("key")).filter(|k| !k.is_empty());
                match key {
                    Some(k) => Ok((k, text(item.get("value")).unwrap_or_default())),
                    None => Err(Fault::bad_request("metadata entries need a key")),
                }
            })
            .collect(),
        Some(Value::Object(map)) => {
            Ok(map.iter().map(|(k, v)| (k.clone(), text(Some(v)).unwrap_or_default())).collect())
        }
        _ => Err(Fault::bad_request("metadata must be a list of {key, value}")),
    }
}

fn add_projects_rows(conn: &Connection, id: &str, projects: &[String]) -> Result<(), Fault> {
    for p in projects {
        conn.execute(
            "INSERT OR IGNORE INTO backup_target_type_projects VALUES (?1, ?2, ?3, ?4)",
            params![new_id(), id, p, now()],
        )?;
    }
    Ok(())
}

fn add_metadata_rows(conn: &Connection, id: &str, meta: &[(String, String)]) -> Result<(), Fault> {
    for (k, v) in meta {
        conn.execute(
            "INSERT OR REPLACE INTO backup_target_type_metadata VALUES (?1, ?2, ?3)",
            params![id, k, v],
        )?;
    }
    Ok(())
}

fn touch(conn: &Connection, id: &str) -> Result<(), Fault> {
    conn.execute(
        "UPDATE backup_target_types SET updated_at = ?1 WHERE id = ?2",
        params![now(), id],
    )?;
    Ok(())
}

fn set_default_type(conn: &Connection, id: &str) -> Result<(), Fault> {
    conn.execute("UPDATE backup_target_types SET is_default = (id = ?1)", [id])?;
    Ok(())
}

pub async fn create(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    body: Bytes,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let body = parse_body(&body)?;
    let obj = wrapped(&body, "backup_target_type")?;
    let name = text(obj.get("name")).map(|s| s.trim().to_owned()).unwrap_or_default();
    if name.is_empty() {
        return Err(Fault::bad_request("name is required"));
    }
    let target = text(obj.get("backup_targets_id")).unwrap_or_default();
    let conn = state.conn();
    if !crate::db::exists(&conn, "backup_targets", "id", &target)? {
        return Err(Fault::bad_request(format!("Backup target {target} could not be found.")));
    }
    if crate::db::exists(&conn, "backup_target_types", "name", &name)? {
        return Err(Fault::new(
            axum::http::StatusCode::CONFLICT,
            format!("A backup target type named {name} already exists."),
        ));
    }
    let projects = project_list(obj)?;
    let meta = metadata_list(obj)?;
    let id = new_id();
    let is_public = flag(obj.get("is_public")).unwrap_or(true);
    conn.execute(
        "INSERT INTO backup_target_types VALUES (?1, ?2, ?3, ?3, ?4, '2b1189be3add4806bcb7e0c259b03597', ?5, ?6, 0, ?7)",
        params![id, target, now(), VERSION, name, text(obj.get("description")), is_public],
    )?;
    if flag(obj.get("is_default")).unwrap_or(false) {
        set_default_type(&conn, &id)?;
    }
    add_projects_rows(&conn, &id, &projects)?;
    add_metadata_rows(&conn, &id, &meta)?;
    found(&conn, &id)
}

pub async fn update(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let body = parse_body(&body)?;
    let obj = wrapped(&body, "backup_target_type")?;
    let conn = state.conn();
    require_type(&conn, &id)?;
    if let Some(name) = text(obj.get("name")) {
        if name.trim().is_empty() {
            return Err(Fault::bad_request("name must not be empty"));
        }
        conn.execute(
            "UPDATE backup_target_types SET name = ?1 WHERE id = ?2",
            params![name.trim(), id],
        )?;
    }
    if obj.contains_key("description") {
        conn.execute(
            "UPDATE backup_target_types SET description = ?1 WHERE id = ?2",
            params![text(obj.get("description")), id],
        )?;
    }
    if let Some(public) = flag(obj.get("is_public")) {
        conn.execute(
            "UPDATE backup_target_types SET is_public = ?1 WHERE id = ?2",
            params![public, id],
        )?;
    }
    match flag(obj.get("is_default")) {
        Some(true) => set_default_type(&conn, &id)?,
        Some(false) => {
            conn.execute("UPDATE backup_target_types SET is_default = 0 WHERE id = ?1", [&id])?;
        }
        None => {}
    }
    let projects = project_list(obj)?;
    if flag(obj.get("purge_projects")).unwrap_or(false) {
        conn.execute("DELETE FROM backup_target_type_projects WHERE btt_id = ?1", [&id])?;
    }
    add_projects_rows(&conn, &id, &projects)?;
    let meta = metadata_list(obj)?;
    if flag(obj.get("purge_metadata")).unwrap_or(false) {
        conn.execute("DELETE FROM backup_target_type_metadata WHERE btt_id = ?1", [&id])?;
    }
    add_metadata_rows(&conn, &id, &meta)?;
    touch(&conn, &id)?;
    found(&conn, &id)
}

/// The four membership operations share one shape: admin only, a wrapped body, an existing
/// type, a change, the type as it now is.
#[derive(Clone, Copy)]
enum Membership {
    AddProjects,
    RemoveProjects,
    AddMetadata,
    RemoveMetadata,
}

fn change_membership(
    state: &AppState,
    role: Option<&Role>,
    id: &str,
    body: &[u8],
    op: Membership,
) -> ApiResult {
    require_admin(role)?;
    let body = parse_body(body)?;
    let obj = wrapped(&body, "backup_target_type")?;
    let conn = state.conn();
    match op {
        Membership::AddProjects | Membership::RemoveProjects => {
            let projects = project_list(obj)?;
            if projects.is_empty() {
                return Err(Fault::bad_request("project_list must name at least one project"));
            }
            require_type(&conn, id)?;
            if matches!(op, Membership::AddProjects) {
                add_projects_rows(&conn, id, &projects)?;
            } else {
                for p in &projects {
                    conn.execute("DELETE FROM backup_target_type_projects WHERE btt_id = ?1 AND project_id = ?2", params![id, p])?;
                }
            }
        }
        Membership::AddMetadata | Membership::RemoveMetadata => {
            let meta = metadata_list(obj)?;
            if meta.is_empty() {
                return Err(Fault::bad_request("metadata must hold at least one key/value pair"));
            }
            require_type(&conn, id)?;
            if matches!(op, Membership::AddMetadata) {
                add_metadata_rows(&conn, id, &meta)?;
            } else {
                for (k, _) in &meta {
                    conn.execute(
                        "DELETE FROM backup_target_type_metadata WHERE btt_id = ?1 AND key = ?2",
                        params![id, k],
                    )?;
                }
            }
        }
    }
    touch(&conn, id)?;
    found(&conn, id)
}

type TypePath = Path<(String, String)>;

pub async fn add_projects(
    State(s): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): TypePath,
    body: Bytes,
) -> ApiResult {
    change_membership(&s, role.as_deref(), &id, &body, Membership::AddProjects)
}

pub async fn remove_projects(
    State(s): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): TypePath,
    body: Bytes,
) -> ApiResult {
    change_membership(&s, role.as_deref(), &id, &body, Membership::RemoveProjects)
}

pub async fn add_metadata(
    State(s): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): TypePath,
    body: Bytes,
) -> ApiResult {
    change_membership(&s, role.as_deref(), &id, &body, Membership::AddMetadata)
}

pub async fn remove_metadata(
    State(s): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): TypePath,
    body: Bytes,
) -> ApiResult {
    change_membership(&s, role.as_deref(), &id, &body, Membership::RemoveMetadata)
}

pub fn delete_type_rows(conn: &Connection, id: &str) -> Result<usize, Fault> {
    let n = conn.execute("DELETE FROM backup_target_types WHERE id = ?1", [id])?;
    conn.execute("DELETE FROM backup_target_type_projects WHERE btt_id = ?1", [id])?;
    conn.execute("DELETE FROM backup_target_type_metadata WHERE btt_id = ?1", [id])?;
    Ok(n)
}

pub async fn delete(
    State(state): State<AppState>,
    role: Option<Extension<Role>>,
    Path((_p, id)): Path<(String, String)>,
) -> ApiResult {
    require_admin(role.as_deref())?;
    let conn = state.conn();
    if delete_type_rows(&conn, &id)? == 0 {
        return Err(Fault::not_found(format!("Backup target type {id} could not be found.")));
    }
    accepted_empty()
}

//! A local emulator of the Workloadmgr backup API (backup targets, backup target types,
//! snapshots, workloads), faithful to `shared/api-docs`. It serves the demo and every test.

pub mod db;
pub mod fault;
pub mod inject;
pub mod keystone;
mod lifecycle;
mod snapshots;
mod targets;
mod types;

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::Router;
use fault::{ok_json, Fault};
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How the emulator behaves; every field has a command-line flag in `main.rs`.
#[derive(Clone, Debug)]
pub struct Config {
    pub db: Option<PathBuf>,
    pub static_dir: Option<PathBuf>,
    pub member_token: String,
    pub admin_token: String,
    pub seed: bool,
    /// How long a snapshot takes from `creating` to `available`.
    pub snapshot_seconds: f64,
    /// How long creating a backup target takes (real servers validate the mount).
    pub create_target_delay_ms: u64,
    /// "5.0" sends `nfs_export`; anything else sends `filesystem_export`.
    pub api_version: String,
    pub tick_ms: u64,
    /// Extra finished snapshots to seed, for measuring the console at scale.
    pub extra_snapshots: usize,
    /// Check tokens against this Keystone (its v3 URL) instead of the fixed demo tokens.
    pub keystone: Option<String>,
    /// Faults from the command line: queued ones, and a seeded random rate for GETs.
    pub faults: Vec<inject::InjectedFault>,
    pub random_faults: Option<(f64, u64)>,
    /// The project ids the demo data belongs to (Keystone's, with `--keystone`).
    pub demo_project: String,
    pub other_project: String,
    /// Seed one snapshot whose progress has stood still for 25 minutes (the demo's overview).
    pub stalled_demo: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            db: None,
            static_dir: None,
            member_token: "demo-member-token".into(),
            admin_token: "demo-admin-token".into(),
            seed: true,
            snapshot_seconds: 12.0,
            create_target_delay_ms: 800,
            api_version: "5.2".into(),
            tick_ms: 250,
            extra_snapshots: 0,
            keystone: None,
            faults: Vec::new(),
            random_faults: None,
            demo_project: db::DEMO_PROJECT.into(),
            other_project: db::OTHER_PROJECT.into(),
            stalled_demo: false,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Member,
    Admin,
}

#[derive(Clone)]
pub struct AppState {
    pub db: Arc<Mutex<rusqlite::Connection>>,
    pub config: Arc<Config>,
    pub faults: Arc<inject::Faults>,
    pub keystone: Option<Arc<keystone::KeystoneCheck>>,
}

impl AppState {
    pub fn new(config: Config) -> rusqlite::Result<Self> {
        let mut conn = db::open(config.db.as_deref())?;
        if config.seed {
            db::seed(&conn)?;
            db::seed_bulk(&mut conn, config.extra_snapshots)?;
            if config.stalled_demo {
                db::seed_stalled(&conn)?;
            }
            db::assign_projects(&conn, &config.demo_project, &config.other_project)?;
        }
        let keystone =
            config.keystone.as_deref().map(|url| Arc::new(keystone::KeystoneCheck::new(url)));
        let faults = inject::Faults::default();
        for fault in &config.faults {
            faults.push(fault.clone());
        }
        if let Some((rate, seed)) = config.random_faults {
            faults.set_random(rate, seed);
        }
        Ok(Self {
            db: Arc::new(Mutex::new(conn)),
            config: Arc::new(config),
            faults: Arc::new(faults),
            keystone,
        })
    }

    /// The connection; a poisoned lock still holds a usable connection.
    pub fn conn(&self) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
        self.db.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn legacy_fields(&self) -> bool {
        self.config.api_version.starts_with("5.0")
    }
}

/// The whole application: the API under `/v1/{project_id}`, the test hooks under `/_emulator`,
/// and (optionally) the built console on the same origin.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/backup_targets", get(targets::list).post(targets::create))
        .route("/backup_targets/detail", get(targets::list))
        .route("/backup_targets/{id}", get(targets::show).delete(targets::delete))
        .route("/backup_targets/{id}/set_default", get(targets::set_default))
        .route("/backup_target_types", get(types::list).post(types::create))
        .route("/backup_target_types/detail", get(types::list))
        .route(
            "/backup_target_types/{id}",
            get(types::show).put(types::update).delete(types::delete),
        )
        .route("/backup_target_types/{id}/add_projects", post(types::add_projects))
        .route("/backup_target_types/{id}/remove_projects", put(types::remove_projects))
        .route("/backup_target_types/{id}/add_metadata", post(types::add_metadata))
        .route("/backup_target_types/{id}/remove_metadata", put(types::remove_metadata))
        .route("/snapshots", get(snapshots::list))
        .route("/snapshots/{id}", get(snapshots::show).delete(snapshots::delete))
        .route("/snapshots/{id}/cancel", get(snapshots::cancel))
        .route("/workloads", get(snapshots::list_workloads))
        .route("/workloads/{id}", post(snapshots::take))
        .fallback(|| async { Fault::not_found("The resource could not be found.") })
        .layer(middleware::from_fn_with_state(state.clone(), api_gate));

    let control = Router::new()
        .route("/requests", get(recorded_requests))
        .route("/fail_next", post(fail_next))
        .route("/hold", post(lifecycle::hold));

    let mut app = Router::new()
        .nest("/v1/{project_id}", api)
        .nest("/_emulator", control)
        .with_state(state.clone());
    if let Some(dir) = &state.config.static_dir {
        // A single-page app: unknown paths get index.html so deep links work.
        let serve = tower_http::services::ServeDir::new(dir)
            .fallback(tower_http::services::ServeFile::new(dir.join("index.html")));
        app = app.fallback_service(serve);
    }
    app
}

/// Starts the snapshot lifecycle timer.
pub fn spawn_lifecycle(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(lifecycle::run(state))
}

/// Checks the token, records the request for tests, applies an injected fault, and stamps
/// every answer with a request id, as the real pipeline does.
async fn api_gate(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let request_id = format!("req-{}", db::new_id());
    let (mut parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, 4 * 1024 * 1024).await {
        Ok(b) => b,
        Err(_) => {
            return stamp(
                Fault::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large").into_response(),
                &request_id,
            )
        }
    };
    let token = parts.headers.get("x-auth-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let header_text =
        |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let method = parts.method.to_string();
    // Nesting strips the prefix; tests want the full path the console asked for.
    let path = parts
        .extensions
        .get::<axum::extract::OriginalUri>()
        .map(|o| o.0.path().to_owned())
        .unwrap_or_else(|| parts.uri.path().to_owned());
    let access = access(&state, token, &path, header_text("x-auth-project-id").as_deref()).await;
    let role = access.as_ref().ok().copied();
    let seq = {
        let conn = state.conn();
        let inserted = conn.execute(
            "INSERT INTO requests (method, path, query, body, project_header, accept, content_type, token_ok)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            rusqlite::params![
                method,
                path,
                parts.uri.query().unwrap_or(""),
                String::from_utf8_lossy(&bytes),
                header_text("x-auth-project-id"),
                header_text("accept"),
                header_text("content-type"),
                role.is_some()
            ],
        );
        inserted.ok().map(|_| conn.last_insert_rowid())
    };

    let response = if let Err(fault) = access {
        fault.into_response()
    } else if let Some(injected) = state.faults.take(&method, &path) {
        match injected {
            inject::Injected::Answer(delay, response) => {
                tokio::time::sleep(delay).await;
                response
            }
            inject::Injected::Delay(delay) => {
                tokio::time::sleep(delay).await;
                parts.extensions.insert(role.unwrap_or(Role::Member));
                next.run(Request::from_parts(parts, Body::from(bytes))).await
            }
        }
    } else {
        if let Some(role) = role {
            parts.extensions.insert(role);
        }
        next.run(Request::from_parts(parts, Body::from(bytes))).await
    };
    if let Some(seq) = seq {
        let _ = state.conn().execute(
            "UPDATE requests SET status = ?1 WHERE seq = ?2",
            rusqlite::params![response.status().as_u16(), seq],
        );
    }
    stamp(response, &request_id)
}

/// Who may do what with `token`: the fixed demo tokens, or, with `--keystone`, what Keystone
/// says, where the project in the URL and in `X-Auth-Project-Id` must be the token's own.
async fn access(
    state: &AppState,
    token: &str,
    path: &str,
    project_header: Option<&str>,
) -> Result<Role, Fault> {
    let Some(keystone) = &state.keystone else {
        return if token == state.config.admin_token {
            Ok(Role::Admin)
        } else if token == state.config.member_token {
            Ok(Role::Member)
        } else {
            Err(Fault::unauthorized())
        };
    };
    let scope = match keystone.check(token).await {
        keystone::Check::Valid(scope) => scope,
        keystone::Check::Invalid => return Err(Fault::unauthorized()),
        keystone::Check::Unavailable(why) => {
            return Err(Fault::new(StatusCode::SERVICE_UNAVAILABLE, why));
        }
    };
    let url_project =
        path.strip_prefix("/v1/").and_then(|rest| rest.split('/').next()).unwrap_or("");
    for (what, project) in
        [("URL", Some(url_project)), ("X-Auth-Project-Id header", project_header)]
    {
        if project.is_some_and(|p| p != scope.project_id) {
            return Err(Fault::forbidden(format!(
                "The token is scoped to project {}, not to the project in the {what}.",
                scope.project_id
            )));
        }
    }
    Ok(scope.role)
}

fn stamp(mut response: Response, request_id: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(request_id) {
        response.headers_mut().insert("x-compute-request-id", v);
    }
    response
}

/// Requires the admin token for changes to targets and types, as Workloadmgr's policy does.
pub fn require_admin(role: Option<&Role>) -> Result<(), Fault> {
    match role {
        Some(Role::Admin) => Ok(()),
        _ => Err(Fault::forbidden("Policy doesn't allow this operation to be performed.")),
    }
}

async fn recorded_requests(
    State(state): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, Fault> {
    let since: i64 = q.get("since").and_then(|s| s.parse().ok()).unwrap_or(0);
    let conn = state.conn();
    let mut stmt = conn.prepare(
        "SELECT seq, method, path, query, body, project_header, accept, content_type, token_ok, status
         FROM requests WHERE seq > ?1 ORDER BY seq",
    )?;
    let rows = stmt
        .query_map([since], |r| {
            Ok(json!({
                "seq": r.get::<_, i64>(0)?, "method": r.get::<_, String>(1)?, "path": r.get::<_, String>(2)?,
                "query": r.get::<_, String>(3)?, "body": r.get::<_, String>(4)?,
                "project_header": r.get::<_, Option<String>>(5)?, "accept": r.get::<_, Option<String>>(6)?,
                "content_type": r.get::<_, Option<String>>(7)?, "token_ok": r.get::<_, bool>(8)?,
                "status": r.get::<_, Option<i64>>(9)?
            }))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    ok_json(json!({ "requests": rows }))
}

async fn fail_next(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, Fault> {
    let fault: inject::InjectedFault =
        serde_json::from_slice(&body).map_err(|e| Fault::bad_request(format!("bad fault: {e}")))?;
    state.faults.push(fault);
    Ok(StatusCode::NO_CONTENT.into_response())
}

//! SQLite schema, timestamps and demo data.

use rusqlite::{params, Connection};

pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS backup_targets (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT,
    version TEXT NOT NULL, export TEXT NOT NULL, mount_path TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0, capacity TEXT, used TEXT, status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS backup_target_metadata (
    target_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (target_id, key)
);
CREATE TABLE IF NOT EXISTS backup_target_types (
    id TEXT PRIMARY KEY, backup_targets_id TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT,
    version TEXT NOT NULL, user_id TEXT, name TEXT NOT NULL, description TEXT,
    is_default INTEGER NOT NULL DEFAULT 0, is_public INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS backup_target_type_projects (
    id TEXT PRIMARY KEY, btt_id TEXT NOT NULL, project_id TEXT NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (btt_id, project_id)
);
CREATE TABLE IF NOT EXISTS backup_target_type_metadata (
    btt_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (btt_id, key)
);
CREATE TABLE IF NOT EXISTS workloads (
    id TEXT PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL,
    created_at TEXT NOT NULL, instances TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS snapshots (
    id TEXT PRIMARY KEY, project_id TEXT NOT NULL, workload_id TEXT NOT NULL, user_id TEXT,
    name TEXT NOT NULL, description TEXT NOT NULL, host TEXT NOT NULL, status TEXT NOT NULL,
    snapshot_type TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT, finished_at TEXT,
    progress REAL NOT NULL DEFAULT 0, progress_msg TEXT, warning_msg TEXT, error_msg TEXT,
    size INTEGER NOT NULL DEFAULT 0, restore_size INTEGER NOT NULL DEFAULT 0,
    uploaded_size INTEGER NOT NULL DEFAULT 0, time_taken INTEGER NOT NULL DEFAULT 0,
    is_scheduled INTEGER NOT NULL DEFAULT 0, cancel_requested INTEGER NOT NULL DEFAULT 0,
    settle_at_ms INTEGER, held INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS snapshots_by_project ON snapshots (project_id, created_at);
CREATE TABLE IF NOT EXISTS requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, method TEXT NOT NULL, path TEXT NOT NULL,
    query TEXT NOT NULL, body TEXT NOT NULL, project_header TEXT, accept TEXT,
    content_type TEXT, token_ok INTEGER NOT NULL, status INTEGER
);
"#;

pub const DEMO_PROJECT: &str = "c76b3355a164498aa95ddbc960adc238";
pub const OTHER_PROJECT: &str = "fc439373e340459fb28202b2412e26c0";
pub const VERSION: &str = "5.2.8.15";

/// `2024-03-04T10:59:51.000000`: UTC, no zone, as the API writes times.
pub fn api_time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

pub fn now() -> String {
    api_time(chrono::Utc::now())
}

pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Mount paths on real servers are the base64 of the export.
pub fn base64(input: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

pub fn mount_path(export: &str) -> String {
    format!("/var/trilio/triliovault-mounts/{}", base64(export))
}

/// Whether `table` has a row whose `column` equals `value` (table and column are ours, never input).
pub fn exists(conn: &Connection, table: &str, column: &str, value: &str) -> rusqlite::Result<bool> {
    let sql = format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE {column} = ?1)");
    conn.query_row(&sql, [value], |r| r.get(0))
}

pub fn open(path: Option<&std::path::Path>) -> rusqlite::Result<Connection> {
    let conn = match path {
        Some(p) => Connection::open(p)?,
        None => Connection::open_in_memory()?,
    };
    conn.execute_batch(SCHEMA)?;
    // A database from before `held` existed (the demo keeps its database between runs).
    let has_held = conn.prepare("SELECT held FROM snapshots LIMIT 0").is_ok();
    if !has_held {
        conn.execute_batch("ALTER TABLE snapshots ADD COLUMN held INTEGER NOT NULL DEFAULT 0")?;
    }
    Ok(conn)
}

fn instances_for(workload_name: &str, workload_id: &str, vms: &[(&str, &str)]) -> String {
    let list: Vec<serde_json::Value> = vms
        .iter()
        .enumerate()
        .map(|(i, (name, ip))| {
            let vm_id = new_id();
            let vm_metadata = serde_json::json!({
                "workload_name": workload_name, "workload_id": workload_id,
                "trilio_ordered_interfaces": ip, "config_drive": ""
            })
            .to_string();
            serde_json::json!({
                "id": vm_id, "name": name, "status": "available",
                "metadata": {
                    "availability_zone": "nova", "config_drive": "", "data_transfer_time": "0",
                    "object_store_transfer_time": "0", "root_partition_type": "Linux",
                    "trilio_ordered_interfaces": ip, "vm_metadata": vm_metadata,
                    "workload_id": workload_id, "workload_name": workload_name
                },
                "flavor": {"vcpus": "1", "ram": "512", "disk": "1", "ephemeral": "0"},
                "security_group": [{"name": "default", "security_group_type": "neutron"}],
                "nics": [{
                    "mac_address": format!("fa:16:3e:cf:{:02x}:{:02x}", 16 + i, 145 + i),
                    "ip_address": ip,
                    "network": {
                        "id": "5fb7027d-a2ac-4a21-9ee1-438c281d2b26", "name": "internal", "cidr": null,
                        "network_type": "neutron",
                        "subnet": {"id": "b7b54304-aa82-4d50-91e6-66445ab56db4", "name": "internal",
                                   "cidr": "192.168.100.0/24", "ip_version": 4, "gateway_ip": "192.168.100.1"}
                    }
                }],
                "vdisks": [{
                    "label": null, "resource_id": new_id(), "restore_size": 1073741824u64,
                    "vm_id": vm_id, "volume_id": new_id(), "volume_name": format!("{name}-root"),
                    "volume_size": "1", "volume_type": "iscsi", "volume_mountpoint": "/dev/vda",
                    "availability_zone": "nova", "metadata": {"readonly": "False", "attached_mode": "rw"}
                }]
            })
        })
        .collect();
    serde_json::Value::Array(list).to_string()
}

/// Demo data: the targets and types of the documents plus a few more, workloads and a month of snapshots.
pub fn seed(conn: &Connection) -> rusqlite::Result<()> {
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM backup_targets", [], |r| r.get(0))?;
    if count > 0 {
        return Ok(());
    }
    let t0 = "2024-03-04T10:59:51.000000";
    let targets = [
        (
            "b39847c8-bf65-4cec-9af6-dd65303ca485",
            "nfs",
            "192.168.1.34:/mnt/tvault/162",
            true,
            Some("2.4 TB"),
            Some("1.2 TB"),
            "available",
        ),
        (
            "1fd7af34-d723-428d-90f5-35d31bf24884",
            "nfs",
            "192.168.1.34:/mnt/tvault/tvm",
            false,
            Some("2.4 TB"),
            Some("2.1 TB"),
            "available",
        ),
        (
            "2af5f2db-3267-453f-bc57-19884837e274",
            "s3",
            "cephs3.triliodata.demo/trilio-qamanual",
            false,
            None,
            None,
            "offline",
        ),
        (
            "0dcc632a-aed7-45ab-a40e-7cc2deae3994",
            "s3",
            "cephs3.triliodata.demo/object-locked-cephs3-2",
            false,
            None,
            None,
            "available",
        ),
    ];
    for (id, kind, export, default, cap, used, status) in targets {
        conn.execute(
            "INSERT INTO backup_targets VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![id, kind, t0, VERSION, export, mount_path(export), default, cap, used, status],
        )?;
    }
    for (key, value) in
        [("bucket", "object-locked-cephs3-2"), ("immutable", "1"), ("object_lock", "1")]
    {
        conn.execute(
            "INSERT INTO backup_target_metadata VALUES ('0dcc632a-aed7-45ab-a40e-7cc2deae3994', ?1, ?2)",
            params![key, value],
        )?;
    }
    let types = [
        (
            "13dd2bf2-12c5-4eb8-98a3-0f1dd9f8579f",
            "b39847c8-bf65-4cec-9af6-dd65303ca485",
            "nfs_1",
            true,
            true,
            None,
        ),
        (
            "51f11fc5-854b-4cb7-9b64-0a0ace33b0d5",
            "1fd7af34-d723-428d-90f5-35d31bf24884",
            "nfs_2",
            false,
            true,
            None,
        ),
        (
            "c65625c1-50bf-4ab7-aa26-f625001e60f1",
            "2af5f2db-3267-453f-bc57-19884837e274",
            "s3_2",
            false,
            false,
            Some("QA bucket, private to two projects"),
        ),
        (
            "fdae1b10-9852-4c68-8879-64ead0aed31b",
            "b39847c8-bf65-4cec-9af6-dd65303ca485",
            "BTT-name",
            false,
            true,
            None,
        ),
        (
            "8e0c5a0e-2f4b-4e0e-9d7c-3b1f6f1f0a11",
            "0dcc632a-aed7-45ab-a40e-7cc2deae3994",
            "object-locked",
            false,
            false,
            Some("Immutable backups for regulated workloads"),
        ),
    ];
    for (id, target, name, default, public, desc) in types {
        conn.execute(
            "INSERT INTO backup_target_types VALUES (?1, ?2, ?3, ?3, ?4, NULL, ?5, ?6, ?7, ?8)",
            params![id, target, t0, VERSION, name, desc, default, public],
        )?;
    }
    for (btt, project) in [
        ("c65625c1-50bf-4ab7-aa26-f625001e60f1", OTHER_PROJECT),
        ("c65625c1-50bf-4ab7-aa26-f625001e60f1", "0920f871077c4c079057ce940d8105a8"),
        ("8e0c5a0e-2f4b-4e0e-9d7c-3b1f6f1f0a11", DEMO_PROJECT),
    ] {
        conn.execute(
            "INSERT INTO backup_target_type_projects VALUES (?1, ?2, ?3, ?4)",
            params![new_id(), btt, project, t0],
        )?;
    }
    for (btt, key, value) in [
        ("c65625c1-50bf-4ab7-aa26-f625001e60f1", "dg1", "dg2"),
        ("fdae1b10-9852-4c68-8879-64ead0aed31b", "nfs", "secondary"),
        ("8e0c5a0e-2f4b-4e0e-9d7c-3b1f6f1f0a11", "retention", "7y"),
        ("8e0c5a0e-2f4b-4e0e-9d7c-3b1f6f1f0a11", "tier", "gold"),
    ] {
        conn.execute(
            "INSERT INTO backup_target_type_metadata VALUES (?1, ?2, ?3)",
            params![btt, key, value],
        )?;
    }

    let workloads = [
        (
            "18b809de-d7c8-41e2-867d-4a306407fb11",
            DEMO_PROJECT,
            "Workload_1",
            vec![("cirros-1", "192.168.100.176"), ("cirros-2", "192.168.100.80")],
        ),
        (
            "4b9e2c61-7a3d-4f0e-8c55-1d2e3f4a5b6c",
            DEMO_PROJECT,
            "billing-db",
            vec![("pg-primary", "192.168.100.21"), ("pg-replica", "192.168.100.22")],
        ),
        (
            "9a1f0c3e-5b7d-4e2a-8f6c-0d1e2f3a4b5c",
            DEMO_PROJECT,
            "web-frontend",
            vec![
                ("web-1", "192.168.100.31"),
                ("web-2", "192.168.100.32"),
                ("lb-1", "192.168.100.30"),
            ],
        ),
        (
            "6c5d4e3f-2a1b-4c9d-8e7f-6a5b4c3d2e1f",
            DEMO_PROJECT,
            "ci-runners",
            vec![("runner-1", "192.168.100.41")],
        ),
        (
            "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
            OTHER_PROJECT,
            "analytics",
            vec![("spark-1", "10.0.0.11")],
        ),
    ];
    let base = chrono::Utc::now() - chrono::Duration::days(30);
    for (id, project, name, vms) in &workloads {
        conn.execute(
            "INSERT INTO workloads VALUES (?1, ?2, ?3, 'available', ?4, ?5)",
            params![id, project, name, api_time(base), instances_for(name, id, vms)],
        )?;
    }
    // A month of nightly snapshots; one weekly full, the rest incremental.
    let mut n = 0;
    for day in 0..30i64 {
        for (w, (wid, project, name, _)) in workloads.iter().enumerate() {
            if (day + w as i64) % 3 != 0 && w != 0 {
                continue;
            }
            n += 1;
            let at = base + chrono::Duration::days(day) + chrono::Duration::hours(2 + w as i64);
            let full = day % 7 == 0;
            let failed = n % 17 == 0;
            let (status, error_msg, progress) = if failed {
                ("error", Some("Failed to quiesce instance: guest agent did not answer"), 43.0)
            } else {
                ("available", None, 100.0)
            };
            let host = if w % 2 == 0 { "TVM1" } else { "TVM2" };
            let size: i64 = if full { 2_147_483_648 } else { 44_171_264 * (1 + (day % 5)) };
            conn.execute(
                "INSERT INTO snapshots (id, project_id, workload_id, user_id, name, description, host, status,
                    snapshot_type, created_at, updated_at, finished_at, progress, progress_msg, error_msg,
                    size, restore_size, uploaded_size, time_taken, is_scheduled)
                 VALUES (?1, ?2, ?3, 'ccddc7e7a015487fa02920f4d4979779', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13,
                    ?14, ?15, ?14, ?16, 1)",
                params![
                    new_id(), project, wid, format!("{name}-nightly-{:02}", day + 1), "Scheduled snapshot",
                    host, status, if full { "full" } else { "incremental" }, api_time(at),
                    api_time(at + chrono::Duration::minutes(7)), progress,
                    if failed { "Snapshot failed" } else { "Snapshot of workload is complete" },
                    error_msg, size, 2_147_483_648i64, 428 + day * 3
                ],
            )?;
        }
    }
    // A failure of a few hours ago, so "are my backups healthy?" has a recent answer.
    let failed_at = chrono::Utc::now() - chrono::Duration::hours(3);
    conn.execute(
        "INSERT INTO snapshots (id, project_id, workload_id, user_id, name, description, host, status,
            snapshot_type, created_at, updated_at, finished_at, progress, progress_msg, error_msg, is_scheduled)
         VALUES (?1, ?2, ?3, 'ccddc7e7a015487fa02920f4d4979779', 'billing-db-hourly', 'Scheduled snapshot',
            'TVM2', 'error', 'incremental', ?4, ?5, ?5, 61, 'Snapshot failed', ?6, 1)",
        params![
            new_id(), DEMO_PROJECT, workloads[1].0, api_time(failed_at),
            api_time(failed_at + chrono::Duration::minutes(4)),
            "Upload to backup target failed: NFS server 192.168.1.34 not responding"
        ],
    )?;
    Ok(())
}

/// A snapshot of `web-frontend` stuck at 37 % since 25 minutes ago: held, so the lifecycle
/// leaves it where it is.
pub fn seed_stalled(conn: &Connection) -> rusqlite::Result<()> {
    if conn
        .query_row("SELECT COUNT(*) FROM snapshots WHERE held = 1", [], |r| r.get::<_, i64>(0))?
        > 0
    {
        return Ok(());
    }
    let started = chrono::Utc::now() - chrono::Duration::minutes(40);
    let stuck = chrono::Utc::now() - chrono::Duration::minutes(25);
    conn.execute(
        "INSERT INTO snapshots (id, project_id, workload_id, user_id, name, description, host, status,
            snapshot_type, created_at, updated_at, progress, progress_msg, held)
         VALUES (?1, ?2, '9a1f0c3e-5b7d-4e2a-8f6c-0d1e2f3a4b5c', 'ccddc7e7a015487fa02920f4d4979779',
            'web-frontend-manual', 'Taken before the release', 'TVM1', 'creating', 'full', ?3, ?4, 37,
            'Snapshotting instances', 1)",
        params![new_id(), DEMO_PROJECT, api_time(started), api_time(stuck)],
    )?;
    Ok(())
}

/// `n` more finished snapshots in the demo project, for measuring the console at scale.
pub fn seed_bulk(conn: &mut Connection, n: usize) -> rusqlite::Result<()> {
    let workloads: Vec<(String, String)> = conn
        .prepare("SELECT id, name FROM workloads WHERE project_id = ?1 ORDER BY name")?
        .query_map([DEMO_PROJECT], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    if workloads.is_empty() {
        return Ok(());
    }
    let start = chrono::Utc::now() - chrono::Duration::days(365);
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO snapshots (id, project_id, workload_id, user_id, name, description, host, status,
                snapshot_type, created_at, updated_at, finished_at, progress, progress_msg, size, restore_size,
                uploaded_size, time_taken, is_scheduled)
             VALUES (?1, ?2, ?3, NULL, ?4, 'Bulk demo snapshot', ?5, ?6, ?7, ?8, ?8, ?8, 100,
                'Snapshot of workload is complete', 44171264, 2147483648, 44171264, 300, 1)",
        )?;
        for i in 0..n {
            let (wid, wname) = &workloads[i % workloads.len()];
            let at = start + chrono::Duration::minutes((i as i64) * 525_600 / (n.max(1) as i64));
            insert.execute(params![
                new_id(),
                DEMO_PROJECT,
                wid,
                format!("{wname}-bulk-{i:05}"),
                if i % 2 == 0 { "TVM1" } else { "TVM2" },
                if i % 23 == 0 { "error" } else { "available" },
                if i % 7 == 0 { "full" } else { "incremental" },
                api_time(at)
            ])?;
        }
    }
    tx.commit()
}

/// Moves the demo data to other project ids: a real Keystone makes its own ids, and the
/// demo data must belong to the projects it made.
pub fn assign_projects(conn: &Connection, demo: &str, other: &str) -> rusqlite::Result<()> {
    for table in ["workloads", "snapshots", "backup_target_type_projects"] {
        for (from, to) in [(DEMO_PROJECT, demo), (OTHER_PROJECT, other)] {
            conn.execute(
                &format!("UPDATE {table} SET project_id = ?2 WHERE project_id = ?1"),
                params![from, to],
            )?;
        }
    }
    Ok(())
}

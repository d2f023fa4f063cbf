//! The snapshot lifecycle on a timer: creating (progress rising) → uploading → available;
//! cancelling → cancelled; deleting → gone.

use crate::db::{api_time, now, now_ms};
use crate::fault::Fault;
use crate::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rusqlite::params;
use serde::Deserialize;

pub async fn run(state: AppState) {
    let tick = std::time::Duration::from_millis(state.config.tick_ms.max(20));
    let mut interval = tokio::time::interval(tick);
    loop {
        interval.tick().await;
        if let Err(e) = advance(&state, tick.as_secs_f64()) {
            eprintln!("wlm-emulator: lifecycle step failed: {e}");
        }
    }
}

fn advance(state: &AppState, elapsed_secs: f64) -> rusqlite::Result<()> {
    let step = 100.0 * elapsed_secs / state.config.snapshot_seconds.max(0.1);
    let conn = state.conn();
    let stamp = now();
    let ms = now_ms();
    conn.execute(
        "UPDATE snapshots SET progress = MIN(100, progress + ?1), updated_at = ?2,
            host = CASE WHEN host = '' THEN 'TVM1' ELSE host END,
            uploaded_size = CAST(MIN(100, progress + ?1) * 441712.64 AS INTEGER),
            status = CASE WHEN progress + ?1 >= 60 THEN 'uploading' ELSE 'creating' END,
            progress_msg = CASE WHEN progress + ?1 >= 60 THEN 'Uploading snapshot data to the backup target'
                                ELSE 'Snapshotting instances' END
         WHERE status IN ('creating', 'uploading') AND held = 0",
        params![step, stamp],
    )?;
    conn.execute(
        "UPDATE snapshots SET status = 'available', finished_at = ?1, size = 44171264, uploaded_size = 44171264,
            progress_msg = 'Snapshot of workload is complete',
            time_taken = CAST((julianday(?1) - julianday(created_at)) * 86400 AS INTEGER)
         WHERE status = 'uploading' AND progress >= 100",
        params![stamp],
    )?;
    conn.execute(
        "UPDATE snapshots SET status = 'cancelled', finished_at = ?1, progress_msg = 'Snapshot was cancelled',
            settle_at_ms = NULL
         WHERE status = 'cancelling' AND settle_at_ms <= ?2",
        params![stamp, ms],
    )?;
    conn.execute("DELETE FROM snapshots WHERE status = 'deleting' AND settle_at_ms <= ?1", [ms])?;
    Ok(())
}

/// `POST /_emulator/hold`: `{"id": .., "held": true, "stalled_minutes": 15}` holds a running
/// snapshot's progress still (as a stuck server would), its last update that many minutes ago;
/// `"held": false` lets it move on.
#[derive(Deserialize)]
pub struct Hold {
    id: String,
    held: bool,
    #[serde(default)]
    stalled_minutes: Option<i64>,
}

pub async fn hold(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> Result<Response, Fault> {
    let hold: Hold =
        serde_json::from_slice(&body).map_err(|e| Fault::bad_request(format!("bad hold: {e}")))?;
    let conn = state.conn();
    let since =
        hold.stalled_minutes.map(|m| api_time(chrono::Utc::now() - chrono::Duration::minutes(m)));
    let changed = conn.execute(
        // A snapshot stuck that long ago also started before then.
        "UPDATE snapshots SET held = ?1, updated_at = COALESCE(?2, updated_at),
            created_at = CASE WHEN ?2 IS NOT NULL AND created_at > ?2 THEN ?2 ELSE created_at END
         WHERE id = ?3",
        params![hold.held, since, hold.id],
    )?;
    if changed == 0 {
        return Err(Fault::not_found(format!("Snapshot {} could not be found.", hold.id)));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

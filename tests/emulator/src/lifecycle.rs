//! The snapshot lifecycle on a timer: creating (progress rising) → uploading → available;
//! cancelling → cancelled; deleting → gone.

use crate::db::{now, now_ms};
use crate::AppState;
use rusqlite::params;

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
         WHERE status IN ('creating', 'uploading')",
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

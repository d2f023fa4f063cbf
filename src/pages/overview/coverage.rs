//! Protection coverage: each workload with the age of its last good snapshot; those without
//! one within the threshold are flagged. Worst first, and sortable.

use crate::api::ApiError;
use crate::components::data_table::{text_key, SortKey};
use crate::components::{
    table_csv, ApiText, CsvExport, DataTable, SortState, TableColumn, Time, CELL_CHARS,
};
use crate::format::{duration, local_time, zone_name};
use crate::models::coverage::{coverage, Coverage};
use crate::models::overview::Thresholds;
use crate::models::{Snapshot, Workload};
use crate::routes;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Workload,
    LastGood,
    Age,
    Protection,
}

impl TableColumn for Column {
    const ALL: &'static [Self] = &[Self::Workload, Self::LastGood, Self::Age, Self::Protection];
    fn header(self) -> String {
        match self {
            Self::Workload => "Workload".to_owned(),
            Self::LastGood => format!("Last good snapshot ({})", zone_name()),
            Self::Age => "Age".to_owned(),
            Self::Protection => "Protection".to_owned(),
        }
    }
}

/// "never", "21 h 00 min", or from two days on "2 d 19 h": the age of the last good snapshot.
fn age_text(c: &Coverage, now: f64) -> String {
    match c.age_ms(now) {
        None => "never".to_owned(),
        Some(ms) if ms >= 48.0 * 3_600_000.0 => {
            let hours = (ms / 3_600_000.0).floor() as u64;
            format!("{} d {} h", hours / 24, hours % 24)
        }
        Some(ms) => duration(ms / 1000.0),
    }
}

fn protection(c: &Coverage, now: f64, t: Thresholds) -> String {
    if c.is_unprotected(now, t.coverage_ms()) {
        format!("Unprotected: no good snapshot in {} hours", t.coverage_hours)
    } else {
        "Protected".to_owned()
    }
}

#[component]
pub fn CoverageTable(
    rows: RwSignal<Vec<Snapshot>>,
    workloads: LocalResource<Result<Vec<Workload>, ApiError>>,
    now: ReadSignal<f64>,
    thresholds: Memo<Thresholds>,
) -> impl IntoView {
    // Oldest first by default: "never" on top, then the longest without a good snapshot.
    let sort = SortState::kept(Column::Age, false);
    let shown = Memo::new(move |_| {
        let at = now.get_untracked();
        let known = workloads.get().and_then(Result::ok).unwrap_or_default();
        let mut list = rows.with(|r| coverage(&known, r));
        sort.apply(&mut list, |c, col| match col {
            Column::Workload => text_key(&c.workload),
            Column::LastGood | Column::Age => SortKey::Number(c.age_ms(at)),
            Column::Protection => SortKey::Number(Some(f64::from(u8::from(
                !c.is_unprotected(at, thresholds.get().coverage_ms()),
            )))),
        });
        list
    });
    let unprotected = move || {
        let (at, limit) = (now.get(), thresholds.get().coverage_ms());
        shown.with(|l| l.iter().filter(|c| c.is_unprotected(at, limit)).count())
    };
    let summary = move || match unprotected() {
        0 => format!(
            "Every workload has a good snapshot within {} hours.",
            thresholds.get().coverage_hours
        ),
        n => format!(
            "{n} workload{} without a good snapshot within {} hours.",
            if n == 1 { "" } else { "s" },
            thresholds.get().coverage_hours
        ),
    };
    let count = Signal::derive(move || (shown.with(Vec::len), shown.with(Vec::len)));
    let cell = move |c: &Coverage, col: Column| {
        let at = now.get_untracked();
        match col {
            Column::Workload => c.workload.clone(),
            Column::LastGood => c
                .last_good_ms
                .map(|t| local_time(&crate::format::api_time_text(t)))
                .unwrap_or_default(),
            Column::Age => age_text(c, at),
            Column::Protection => protection(c, at, thresholds.get_untracked()),
        }
    };
    let export = CsvExport::new("coverage.csv", move || shown.with(|l| table_csv(l.iter(), cell)));
    let row = move |c: Coverage| {
        let flagged = {
            let c = c.clone();
            Signal::derive(move || c.is_unprotected(now.get(), thresholds.get().coverage_ms()))
        };
        let (age, status) = {
            let (a, b) = (c.clone(), c.clone());
            (move || age_text(&a, now.get()), move || protection(&b, now.get(), thresholds.get()))
        };
        let last = c.last_good_ms.map(crate::format::api_time_text);
        let link = c.last_good_id.clone().map(|id| {
            view! {
                <a href=routes::snapshot(&id)><Time value=last.clone()/></a>
            }
        });
        view! {
            <tr data-workload-id=c.workload_id.clone() class:row--flagged=flagged>
                <td><ApiText text=c.workload.clone() max=CELL_CHARS/></td>
                <td class="cell--time">{link.map(IntoAny::into_any).unwrap_or_else(|| view! { <span class="muted">"None"</span> }.into_any())}</td>
                <td class="cell--nowrap">{age}</td>
                <td><span class="badge" class:badge--danger=flagged class:badge--ok=move || !flagged.get()>
                    <span class="badge__dot" aria-hidden="true"></span>{status}</span></td>
                <td class="cell--actions"><a class="btn btn--ghost btn--small"
                    href=routes::snapshots(&crate::models::SnapshotFilter { workload_id: c.workload_id.clone(), ..Default::default() })
                    aria-label=format!("Snapshots of {}", c.workload)>"Snapshots"</a></td>
            </tr>
        }
    };
    view! {
        <section class="overview-section" aria-labelledby="coverage-title">
            <h2 id="coverage-title">"Protection coverage"</h2>
            <p class="overview-summary" role="status">{summary}</p>
            <DataTable label="Protection coverage" sort count noun="workloads" export
                no_match="No workloads in this project.">
                {move || shown.get().into_iter().map(row).collect_view()}
            </DataTable>
        </section>
    }
}

//! Snapshots that failed in the last day or week, newest first, each with the server's
//! `error_msg`. The list does not carry it, so each failure's detail is read once.

use crate::api::snapshots::show_snapshot;
use crate::api::ApiError;
use crate::components::data_table::{exact_key, text_key};
use crate::components::{
    kept, table_csv, ApiText, CsvExport, DataTable, Field, FieldLayout, Segmented, SortState,
    TableColumn, Time, CELL_CHARS,
};
use crate::format::{api_time_millis, local_time, now_ms, zone_name};
use crate::models::{Snapshot, StatusFilter};
use crate::routes;
use crate::session::use_session;
use leptos::prelude::*;
use std::collections::HashMap;

/// At most this many details are read: the newest failures are what an admin looks at.
const DETAILS_AT_MOST: usize = 25;
const DAY_MS: f64 = 86_400_000.0;

/// The window of failures shown (days), the page's: it stays when the list reloads.
#[derive(Clone, Copy)]
struct FailureWindow(RwSignal<u32>);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    When,
    Snapshot,
    Error,
}

impl TableColumn for Column {
    const ALL: &'static [Self] = &[Self::When, Self::Snapshot, Self::Error];
    fn header(self) -> String {
        match self {
            Self::When => format!("Started ({})", zone_name()),
            Self::Snapshot => "Snapshot".to_owned(),
            Self::Error => "Error".to_owned(),
        }
    }
}

/// A failure's message: in the row once polling brought the detail, else read for it.
#[derive(Clone, Debug, PartialEq)]
enum Message {
    Loading,
    Said(Option<String>),
    Unread(ApiError),
}

impl Message {
    fn text(&self) -> String {
        match self {
            Self::Loading => "Reading the error…".to_owned(),
            Self::Said(Some(m)) => m.clone(),
            Self::Said(None) => "The server gave no error message.".to_owned(),
            Self::Unread(e) => format!("Could not read the detail: {}", e.title()),
        }
    }
}

#[component]
pub fn Failures(rows: RwSignal<Vec<Snapshot>>) -> impl IntoView {
    let ctx = use_session();
    let days = kept(|| FailureWindow(RwSignal::new(1u32))).0;
    let messages = RwSignal::new(HashMap::<String, Message>::new());
    // Newest first: the failures of the window, and the few whose detail is read.
    let failed = Memo::new(move |_| {
        let from = now_ms() - f64::from(days.get()) * DAY_MS;
        let mut list: Vec<Snapshot> = rows.with(|r| {
            let recent = |s: &&Snapshot| {
                StatusFilter::Failed.admits(s)
                    && s.created_at.as_deref().and_then(api_time_millis).is_some_and(|t| t >= from)
            };
            r.iter().filter(recent).cloned().collect()
        });
        list.sort_by(|a, b| b.created_at.cmp(&a.created_at));
        list
    });
    let wanted = Memo::new(move |_| {
        failed.with(|list| {
            let without = list.iter().filter(|s| s.error_msg.is_none());
            without.take(DETAILS_AT_MOST).map(|s| s.id.clone()).collect::<Vec<_>>()
        })
    });
    let message = move |s: &Snapshot| match &s.error_msg {
        Some(m) => m.clone(),
        None => messages.with(|m| m.get(&s.id).map(Message::text)).unwrap_or_else(|| {
            if wanted.with(|w| w.contains(&s.id)) {
                Message::Loading.text()
            } else {
                format!("Not read here (only the newest {DETAILS_AT_MOST} are): open the snapshot")
            }
        }),
    };
    let sort = SortState::kept(Column::When, false);
    let shown = Memo::new(move |_| {
        let mut list = failed.get();
        sort.apply(&mut list, |s, c| match c {
            Column::When => exact_key(s.created_at.as_deref().unwrap_or("")),
            Column::Snapshot => text_key(s.label()),
            Column::Error => text_key(&message(s)),
        });
        list
    });
    // Each wanted detail once.
    Effect::new(move |_| {
        let ids: Vec<String> = wanted.with(|w| {
            let known = messages.read_untracked();
            w.iter().filter(|id| !known.contains_key(*id)).cloned().collect()
        });
        let Some(client) = ctx.client() else { return };
        for id in ids {
            messages.update(|m| {
                m.insert(id.clone(), Message::Loading);
            });
            let client = client.clone();
            leptos::task::spawn_local(async move {
                let said = match show_snapshot(&client, &id).await {
                    Ok(s) => Message::Said(s.error_msg),
                    Err(e) => Message::Unread(e),
                };
                messages.try_update(|m| m.insert(id, said));
            });
        }
    });
    let count = Signal::derive(move || (shown.with(Vec::len), shown.with(Vec::len)));
    let cell = move |s: &Snapshot, c: Column| match c {
        Column::When => s.created_at.as_deref().map(local_time).unwrap_or_default(),
        Column::Snapshot => s.label().to_owned(),
        Column::Error => message(s),
    };
    let export = CsvExport::new("failures.csv", move || shown.with(|l| table_csv(l.iter(), cell)));
    let row = move |s: Snapshot| {
        let text = {
            let s = s.clone();
            move || message(&s)
        };
        view! {
            <tr data-snapshot-id=s.id.clone()>
                <td class="cell--time"><Time value=s.created_at.clone()/></td>
                <td><a href=routes::snapshot(&s.id)><ApiText text=s.label().to_owned() max=CELL_CHARS/></a></td>
                <td class="cell--error">{move || view! { <ApiText text=text() max=CELL_CHARS * 2/> }}</td>
                <td class="cell--actions"><a class="btn btn--ghost btn--small" href=routes::snapshot(&s.id)
                    aria-label=format!("Open snapshot {}", s.label())>"Open"</a></td>
            </tr>
        }
    };
    let windows = vec![(1u32, "1", "Last 24 hours"), (7u32, "7", "Last 7 days")];
    view! {
        <section class="overview-section" aria-labelledby="failures-title">
            <h2 id="failures-title">"Failures"</h2>
            <Field id="failures-window" label="Failed within" layout=FieldLayout::Group>
                <Segmented value=days options=windows/>
            </Field>
            <DataTable label="Failed snapshots" sort count noun="failures" export
                no_match="No snapshot failed in this time.">
                {move || shown.get().into_iter().map(row).collect_view()}
            </DataTable>
        </section>
    }
}

//! The snapshot filters: the form that writes them into the URL, and the instant search.

use crate::api::ApiError;
use crate::components::Checkbox;
use crate::components::{
    on_submit, ErrorsOf, Field, FieldLayout, InputKind, Segmented, Select, TextInput,
};
use crate::format::{api_time_text, now_ms};
use crate::models::snapshot::FilterField;
use crate::models::{FieldErrors, SnapshotFilter, StatusFilter, Workload};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn SnapshotFilters(
    /// The filters as the URL holds them; the form starts from them.
    filter: Memo<SnapshotFilter>,
    workloads: LocalResource<Result<Vec<Workload>, ApiError>>,
    /// The instant search over what is loaded.
    search: RwSignal<String>,
) -> impl IntoView {
    let router = routes::use_router();
    let f0 = filter.get_untracked();
    let [workload, host, date_from, date_to] =
        [f0.workload_id, f0.host, f0.date_from, f0.date_to].map(RwSignal::new);
    let all = RwSignal::new(f0.all);
    let status = RwSignal::new(f0.status);
    let errors = RwSignal::new(FieldErrors::<FilterField>::default());
    let go = move |f: &SnapshotFilter| router.go(&routes::snapshots(f));
    let read = move || SnapshotFilter {
        workload_id: workload.get_untracked(),
        host: host.get_untracked(),
        date_from: date_from.get_untracked(),
        date_to: date_to.get_untracked(),
        all: all.get_untracked(),
        status: status.get_untracked(),
    };
    let apply = on_submit(Signal::from(false), errors, read, move |f| go(&f));
    let clear = move |_| {
        [workload, host, date_from, date_to].into_iter().for_each(|s| s.set(String::new()));
        all.set(false);
        status.set(StatusFilter::All);
        go(&SnapshotFilter::default());
    };
    // The status is chosen among what is loaded: it goes into the URL at once.
    Effect::watch(
        move || status.get(),
        move |status, _, _| {
            // Only the admin's choice navigates; "Clear" has already put it in the URL.
            if filter.with_untracked(|f| f.status) != *status {
                go(&SnapshotFilter { status: *status, ..filter.get_untracked() });
            }
        },
        false,
    );
    // "Last 24 hours" and the like: the documented date range, from then until now (UTC).
    let preset = move |label: &'static str, hours: f64| {
        let pick = move |_| {
            let now = now_ms();
            date_from.set(api_time_text(now - hours * 3_600_000.0));
            date_to.set(api_time_text(now));
            errors.set(FieldErrors::default());
            go(&read());
        };
        view! { <button type="button" class="btn btn--secondary btn--small" on:click=pick>{label}</button> }
    };
    let statuses: Vec<_> = StatusFilter::CHOICES.iter().map(|c| (*c, c.key(), c.label())).collect();
    let options = move || {
        let list = workloads.get().and_then(Result::ok).unwrap_or_default();
        let options: Vec<(String, String)> =
            list.iter().map(|w| (w.id.clone(), w.label().to_owned())).collect();
        view! { <Select value=workload options empty="All workloads"/> }
    };
    let date = move |id: &'static str, label: &'static str, value, field| {
        view! {
            <Field id label error=errors.error_of(field) layout=FieldLayout::Toolbar>
                <TextInput value mono=true placeholder="YYYY-MM-DDTHH:MM:SS"/>
            </Field>
        }
    };
    view! {
        <form class="toolbar" role="search" aria-label="Snapshot filters" on:submit=apply novalidate>
            <Field id="filter-workload" label="Workload" layout=FieldLayout::Toolbar>{options}</Field>
            <Field id="filter-workload-id" label="or workload ID" layout=FieldLayout::Toolbar>
                <TextInput value=workload mono=true placeholder="paste an ID"/>
            </Field>
            <Field id="filter-host" label="Host" layout=FieldLayout::Toolbar>
                <TextInput value=host placeholder="TVM1"/>
            </Field>
            {date("filter-date-from", "From (UTC)", date_from, FilterField::DateFrom)}
            {date("filter-date-to", "To (UTC)", date_to, FilterField::DateTo)}
            <div class="toolbar__presets" role="group" aria-label="Date range">
                {preset("Last 24 hours", 24.0)}
                {preset("Last 7 days", 24.0 * 7.0)}
                {preset("Last 30 days", 24.0 * 30.0)}
            </div>
            <Field id="filter-all" label="All projects (admin)" layout=FieldLayout::Check>
                <Checkbox checked=all/>
            </Field>
            <button type="submit" class="btn btn--secondary">"Apply filters"</button>
            <button type="button" class="btn btn--ghost" on:click=clear>"Clear"</button>
            <Field id="filter-status" label="Status" layout=FieldLayout::Group>
                <Segmented value=status options=statuses/>
            </Field>
            <Field id="snapshots-search" label="Search name, description, ID" layout=FieldLayout::Toolbar>
                <TextInput value=search kind=InputKind::Search/>
            </Field>
        </form>
    }
}

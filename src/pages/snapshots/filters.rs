//! The snapshot filters: the form that writes them into the URL, and the instant search.

use crate::api::ApiError;
use crate::components::Checkbox;
use crate::components::{on_submit, ErrorsOf, Field, FieldLayout, InputKind, Select, TextInput};
use crate::models::snapshot::FilterField;
use crate::models::{FieldErrors, SnapshotFilter, Workload};
use crate::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn SnapshotFilters(
    /// The filters as the URL holds them; the form starts from them.
    filter: Memo<SnapshotFilter>,
    workloads: LocalResource<Result<Vec<Workload>, ApiError>>,
    /// The instant search over what is loaded.
    search: RwSignal<String>,
) -> impl IntoView {
    let navigate = use_navigate();
    let f0 = filter.get_untracked();
    let [workload, host, date_from, date_to] =
        [f0.workload_id, f0.host, f0.date_from, f0.date_to].map(RwSignal::new);
    let all = RwSignal::new(f0.all);
    let errors = RwSignal::new(FieldErrors::<FilterField>::default());
    let go = move |f: &SnapshotFilter| navigate(&routes::snapshots(f), NavigateOptions::default());
    let read = move || SnapshotFilter {
        workload_id: workload.get_untracked(),
        host: host.get_untracked(),
        date_from: date_from.get_untracked(),
        date_to: date_to.get_untracked(),
        all: all.get_untracked(),
    };
    let apply = on_submit(Signal::from(false), errors, read, {
        let go = go.clone();
        move |f| go(&f)
    });
    let clear = move |_| {
        [workload, host, date_from, date_to].into_iter().for_each(|s| s.set(String::new()));
        all.set(false);
        go(&SnapshotFilter::default());
    };
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
            <Field id="filter-all" label="All projects (admin)" layout=FieldLayout::Check>
                <Checkbox checked=all/>
            </Field>
            <button type="submit" class="btn btn--secondary">"Apply filters"</button>
            <button type="button" class="btn btn--ghost" on:click=clear>"Clear"</button>
            <Field id="snapshots-search" label="Search name, description, ID" layout=FieldLayout::Toolbar>
                <TextInput value=search kind=InputKind::Search/>
            </Field>
        </form>
    }
}

//! Take a snapshot of a workload: full or incremental, with an optional name and description.

use crate::api::snapshots::take_request;
use crate::api::snapshots::take_snapshot;
use crate::api::workloads::list_workloads;
use crate::components::{
    api_action, api_resource, failure_of, use_toasts, Breadcrumb, ErrorPanel, ErrorsOf, Field,
};
use crate::components::{on_submit, CopyCurl, Isolated, Segmented};
use crate::components::{FieldLayout, Loader, PageHeader, Select, TextField};
use crate::models::snapshot::TakeField;
use crate::models::{FieldErrors, Snapshot, TakeSnapshot, Workload};
use crate::routes;
use crate::routes::{GuardedForm, UnsentInput};
use leptos::prelude::*;

#[component]
pub fn TakeSnapshotPage() -> impl IntoView {
    let router = routes::use_router();
    let workloads = api_resource(|| (), |c, ()| async move { list_workloads(&c).await });
    let on_taken = Callback::new(move |s: Snapshot| router.go(&routes::snapshot(&s.id)));
    view! {
        <section class="page page--form">
            <Breadcrumb area="Snapshots" href=routes::SNAPSHOTS here="Take snapshot"/>
            <PageHeader title="Take a snapshot" description="Backs up every instance of the workload now."/>
            <Loader resource=workloads loading="Loading workloads…" failure="Could not load workloads" let:list>
                <TakeSnapshotForm workloads=list preselected=String::new() on_taken/>
            </Loader>
        </section>
    }
}

/// The take-snapshot form; `on_taken` receives the snapshot as the server returned it.
#[component]
pub fn TakeSnapshotForm(
    workloads: Vec<Workload>,
    /// Workload chosen at start (e.g. the one the list is filtered by).
    #[prop(into)]
    preselected: String,
    on_taken: Callback<Snapshot>,
    /// Shows a Cancel button that calls this.
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let toasts = use_toasts();
    let workload = RwSignal::new(preselected);
    let full = RwSignal::new(false);
    let (name, description) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(FieldErrors::<TakeField>::default());
    let unsent = UnsentInput::new();
    let take = api_action(
        |_: &TakeSnapshot| "Could not take the snapshot".to_owned(),
        |client, t: TakeSnapshot| async move { take_snapshot(&client, &t).await },
        move |_, s| {
            unsent.sent();
            toasts.success(format!(
                "Snapshot {} started ({}).",
                Isolated(s.label()),
                Isolated(s.status())
            ));
            name.set(String::new());
            description.set(String::new());
            on_taken.run(s);
        },
    );
    let pending = take.pending();
    let failure = failure_of(take);
    let read = move || TakeSnapshot {
        workload_id: workload.get_untracked().trim().to_owned(),
        full: full.get_untracked(),
        name: name.get_untracked(),
        description: description.get_untracked(),
        is_scheduled: false,
    };
    // What "Take snapshot" would send now, for "Copy as curl".
    let curl = Signal::derive(move || take_request(&read()));
    let submit = on_submit(pending.into(), errors, read, move |t| {
        take.dispatch(t);
    });
    let busy = Signal::<bool>::from(pending);
    let options = workloads.iter().map(|w| (w.id.clone(), w.label().to_owned())).collect();
    let kinds = vec![(false, "incremental", "Incremental"), (true, "full", "Full")];
    view! {
        <GuardedForm unsent class="form card" on_submit=submit label="Take snapshot">
            <Field id="take-workload" label="Workload" required=true error=errors.error_of(TakeField::Workload) disabled=busy>
                <Select value=workload options empty="Choose a workload…"/>
            </Field>
            <Field id="take-kind" label="Snapshot type" layout=FieldLayout::Group disabled=busy>
                <Segmented value=full options=kinds/>
            </Field>
            <TextField id="take-name" label="Name" value=name error=errors.error_of(TakeField::Name) disabled=busy hint="Optional."/>
            <TextField id="take-description" label="Description" value=description disabled=busy hint="Optional."/>
            {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused the snapshot"/> })}
            <div class="form__actions">
                {on_cancel.map(|cb| view! { <button type="button" class="btn btn--secondary" on:click=move |_| cb.run(())>"Cancel"</button> })}
                <button type="submit" class="btn btn--primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() { "Starting…" } else { "Take snapshot" }}
                </button>
                <CopyCurl request=curl/>
            </div>
        </GuardedForm>
    }
}

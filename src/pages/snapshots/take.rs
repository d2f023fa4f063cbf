//! Take a snapshot of a workload: full or incremental, with an optional name and description.

use super::snapshot_href;
use crate::api::snapshots::take_snapshot;
use crate::api::workloads::list_workloads;
use crate::api::ApiError;
use crate::components::{use_toasts, ErrorPanel, PageHeader, TextField};
use crate::models::{Snapshot, TakeSnapshot, Workload};
use crate::pages::{with_client, Loading};
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

#[component]
pub fn TakeSnapshotPage() -> impl IntoView {
    let ctx = use_session();
    let navigate = use_navigate();
    let workloads = LocalResource::new(move || async move { with_client(ctx, |c| async move { list_workloads(&c).await }).await });
    view! {
        <section class="page page--form">
            <crate::components::Breadcrumb area="Snapshots" href="/snapshots" here="Take snapshot"/>
            <PageHeader title="Take a snapshot" description="Backs up every instance of the workload now."/>
            <Transition fallback=|| view! { <Loading text="Loading workloads…"/> }>
                {move || {
                    let navigate = navigate.clone();
                    Suspend::new(async move {
                        match workloads.await {
                            Ok(list) => view! {
                                <TakeSnapshotForm workloads=list preselected=String::new()
                                    on_taken=Callback::new(move |s: Snapshot| navigate(&snapshot_href(&s.id), NavigateOptions::default()))/>
                            }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e context="Could not load workloads"/> }.into_any(),
                        }
                    })
                }}
            </Transition>
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
    let ctx = use_session();
    let toasts = use_toasts();
    let workload = RwSignal::new(preselected);
    let full = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let workload_err = RwSignal::new(None::<String>);
    let name_err = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiError>);
    let names: Vec<(String, String)> = workloads.iter().map(|w| (w.id.clone(), w.label().to_owned())).collect();
    let names = StoredValue::new(names);
    let take = Action::new_local(move |t: &TakeSnapshot| {
        let t = t.clone();
        async move { with_client(ctx, |c| async move { take_snapshot(&c, &t).await }).await }
    });
    let pending = take.pending();
    Effect::new(move |_| match take.value().get() {
        Some(Ok(s)) => {
            toasts.success(format!("Snapshot {} started ({}).", s.name(), s.status()));
            name.set(String::new());
            description.set(String::new());
            on_taken.run(s);
        }
        Some(Err(e)) => {
            toasts.error("Could not take the snapshot", &e);
            failure.set(Some(e));
        }
        None => {}
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        workload_err.set(workload.get_untracked().trim().is_empty().then(|| "Choose the workload to snapshot.".to_owned()));
        name_err.set((name.get_untracked().trim().len() > 255).then(|| "A name has at most 255 characters.".to_owned()));
        if workload_err.get_untracked().is_some() || name_err.get_untracked().is_some() {
            crate::components::form_field::focus_first_invalid();
            return;
        }
        failure.set(None);
        take.dispatch(TakeSnapshot {
            workload_id: workload.get_untracked().trim().to_owned(),
            full: full.get_untracked(),
            name: name.get_untracked(),
            description: description.get_untracked(),
            is_scheduled: false,
        });
    };
    let busy = Signal::derive(move || pending.get());
    view! {
        <form class="form card" on:submit=submit novalidate aria-label="Take snapshot">
            <div class="field" class:field--invalid=move || workload_err.with(Option::is_some)>
                <label class="field__label" for="take-workload">"Workload"<span class="field__required" aria-hidden="true">" *"</span></label>
                <select id="take-workload" class="field__input" disabled=move || busy.get()
                    aria-describedby="take-workload-error" aria-invalid=move || workload_err.with(Option::is_some).to_string()
                    on:change:target=move |ev| workload.set(ev.target().value())>
                    <option value="" selected=move || workload.get().is_empty()>"Choose a workload…"</option>
                    {names.with_value(|n| n.iter().map(|(id, label)| {
                        let (id, id2) = (id.clone(), id.clone());
                        view! { <option value=id selected=move || workload.get() == id2>{label.clone()}</option> }
                    }).collect_view())}
                </select>
                <p class="field__error" id="take-workload-error" aria-live="polite">{move || workload_err.get()}</p>
            </div>
            <fieldset class="segmented" disabled=move || busy.get()>
                <legend class="field__label">"Snapshot type"</legend>
                <label class="segmented__option">
                    <input type="radio" name="take-kind" value="incremental" prop:checked=move || !full.get() on:change=move |_| full.set(false)/>
                    " Incremental"
                </label>
                <label class="segmented__option">
                    <input type="radio" name="take-kind" value="full" prop:checked=move || full.get() on:change=move |_| full.set(true)/>
                    " Full"
                </label>
            </fieldset>
            <TextField id="take-name" label="Name" value=name error=name_err disabled=busy hint="Optional."/>
            <TextField id="take-description" label="Description" value=description disabled=busy hint="Optional."/>
            {move || failure.get().map(|e| view! { <ErrorPanel error=e context="The server refused the snapshot"/> })}
            <div class="form__actions">
                {on_cancel.map(|cb| view! { <button type="button" class="btn btn--secondary" on:click=move |_| cb.run(())>"Cancel"</button> })}
                <button type="submit" class="btn btn--primary" disabled=move || busy.get() aria-busy=move || busy.get().to_string()>
                    {move || if busy.get() { "Starting…" } else { "Take snapshot" }}
                </button>
            </div>
        </form>
    }
}

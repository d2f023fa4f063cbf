//! The overview's thresholds: how long still progress may stand before a warning, and how old
//! a workload's last good snapshot may be. Kept in the URL, like the list filters.

use crate::components::{on_submit, ErrorsOf, Field, FieldLayout, InputKind, TextInput};
use crate::models::overview::{OverviewField, OverviewSettings, Thresholds};
use crate::models::FieldErrors;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn ThresholdsForm(thresholds: Memo<Thresholds>) -> impl IntoView {
    let router = routes::use_router();
    let t0 = thresholds.get_untracked();
    let stall = RwSignal::new(t0.stall_minutes.to_string());
    let coverage = RwSignal::new(t0.coverage_hours.to_string());
    let errors = RwSignal::new(FieldErrors::<OverviewField>::default());
    let read = move || OverviewSettings {
        stall_minutes: stall.get_untracked(),
        coverage_hours: coverage.get_untracked(),
    };
    let apply = on_submit(Signal::from(false), errors, read, move |s: OverviewSettings| {
        router.replace(&routes::overview(s.thresholds()));
    });
    view! {
        <form class="toolbar" aria-label="Overview thresholds" on:submit=apply novalidate>
            <Field id="stall-minutes" label="Warn when progress stands still for (minutes)" layout=FieldLayout::Toolbar
                error=errors.error_of(OverviewField::StallMinutes)>
                <TextInput value=stall kind=InputKind::Number/>
            </Field>
            <Field id="coverage-hours" label="Flag workloads without a good snapshot for (hours)" layout=FieldLayout::Toolbar
                error=errors.error_of(OverviewField::CoverageHours)>
                <TextInput value=coverage kind=InputKind::Number/>
            </Field>
            <button type="submit" class="btn btn--secondary">"Apply thresholds"</button>
        </form>
    }
}

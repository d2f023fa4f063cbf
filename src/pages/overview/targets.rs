//! Backup target health: status, capacity used as a gauge, the default marked; a target that
//! is offline or (nearly) full comes first, says why, and links to its page.

use crate::api::ApiError;
use crate::components::{
    ApiSeparated, Loader, MeterKind, ProgressBar, StatusBadge, Tag, TagKind, UnreadableNotice,
    CELL_CHARS,
};
use crate::format::or_dash;
use crate::models::{BackupTarget, Listed};
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn TargetsHealth(
    targets: LocalResource<Result<Listed<BackupTarget>, ApiError>>,
) -> impl IntoView {
    view! {
        <section class="overview-section" aria-labelledby="health-title">
            <h2 id="health-title">"Backup targets"</h2>
            <Loader resource=targets loading="Loading backup targets…" failure="Could not load backup targets" let:listed>
                <UnreadableNotice lines=listed.unreadable noun="backup target"/>
                {health(listed.rows)}
            </Loader>
        </section>
    }
}

fn health(mut list: Vec<BackupTarget>) -> impl IntoView {
    // The most urgent first (None sorts before Some, so it is flipped), then by export.
    let rank = |t: &BackupTarget| (t.attention().is_none(), t.attention());
    list.sort_by(|a, b| (rank(a), a.label()).cmp(&(rank(b), b.label())));
    let attention = list.iter().filter(|t| t.attention().is_some()).count();
    let summary = match (attention, list.len()) {
        (_, 0) => "No backup targets: create one so workloads have somewhere to write.".to_owned(),
        (0, n) => format!("All {n} targets are online with room to spare."),
        (a, n) => format!("{a} of {n} targets need attention."),
    };
    view! {
        <p class="overview-summary" role="status">{summary}</p>
        <ul class="health-grid">{list.into_iter().map(target_card).collect_view()}</ul>
    }
}

fn target_card(t: BackupTarget) -> impl IntoView {
    let kind = if t.is_s3() { TagKind::S3 } else { TagKind::Nfs };
    let (used, capacity) = (or_dash(t.used.as_deref()), or_dash(t.capacity.as_deref()));
    let gauge = match t.usage_ratio() {
        Some(r) => view! {
            <ProgressBar percent=r * 100.0 kind=MeterKind::Usage label=format!("Capacity used on {}", t.label())
                detail=format!("{used} of {capacity}")/>
        }
        .into_any(),
        None => view! { <p class="muted small">{format!("Capacity {capacity}, used {used}")}</p> }.into_any(),
    };
    let attention = t.attention().map(|why| {
        let why = why.message();
        view! {
            <p class="health-card__alert">
                <span aria-hidden="true">"⚠ "</span>{why}" · "
                <a href=routes::backup_target(&t.id)>"Open this target"</a>
            </p>
        }
    });
    view! {
        <li class="health-card" class:health-card--alert=t.attention().is_some() data-target-id=t.id.clone()>
            <div class="health-card__head">
                <a class="mono" href=routes::backup_target(&t.id)><ApiSeparated text=t.label() max=CELL_CHARS/></a>
                <Tag text=t.kind_label() kind/>
                {t.is_default.then(|| view! { <Tag text="Default" kind=TagKind::Default/> })}
            </div>
            <StatusBadge status=t.status.clone().unwrap_or_else(|| "unknown".into())/>
            {gauge}
            {attention}
        </li>
    }
}

//! The targets table: every column sortable, filtered by text and kind.

use crate::components::data_table::{flag_key, text_key, SortKey};
use crate::components::{
    table_csv, ApiSeparated, CsvExport, DataTable, EmptyState, MeterKind, ProgressBar, SortState,
    StatusBadge, TableColumn, TableWidth, Tag, TagKind, Time, CELL_CHARS,
};
use crate::format::{local_time, or_dash, search_words, zone_name};
use crate::models::search::Searchable;
use crate::models::target_type::type_id_for;
use crate::models::{BackupTarget, TargetKind, TargetType};
use crate::routes;
use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Kind,
    Export,
    Default,
    Status,
    Usage,
    Version,
    Types,
    Created,
}

impl TableColumn for Column {
    const ALL: &'static [Self] = &[
        Self::Kind,
        Self::Export,
        Self::Default,
        Self::Status,
        Self::Usage,
        Self::Version,
        Self::Types,
        Self::Created,
    ];
    fn header(self) -> String {
        match self {
            Self::Kind => "Type".into(),
            Self::Export => "Export / mount path".into(),
            Self::Default => "Default".into(),
            Self::Status => "Status".into(),
            Self::Usage => "Capacity / used".into(),
            Self::Version => "Version".into(),
            Self::Types => "Target types".into(),
            Self::Created => format!("Created / updated ({})", zone_name()),
        }
    }
    fn secondary(self) -> bool {
        matches!(self, Self::Version | Self::Types | Self::Created)
    }
}

fn sort_key(t: &BackupTarget, column: Column) -> SortKey {
    let text = |v: &Option<String>| text_key(v.as_deref().unwrap_or(""));
    match column {
        Column::Kind => text(&t.kind),
        Column::Export => text_key(t.export()),
        Column::Default => flag_key(t.is_default),
        Column::Status => text(&t.status),
        Column::Usage => SortKey::Number(t.usage_ratio()),
        Column::Version => text(&t.version),
        Column::Types => text_key(&t.type_names().join(",")),
        Column::Created => text(&t.created_at),
    }
}

/// What a column says, as text for the CSV export.
fn cell(t: &BackupTarget, column: Column) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match column {
        Column::Kind => t.kind_label(),
        Column::Export => t.export().to_owned(),
        Column::Default => if t.is_default { "yes" } else { "no" }.to_owned(),
        Column::Status => text(&t.status),
        Column::Usage => {
            format!("{} / {}", or_dash(t.used.as_deref()), or_dash(t.capacity.as_deref()))
        }
        Column::Version => text(&t.version),
        Column::Types => t.type_names().join("; "),
        Column::Created => [&t.created_at, &t.updated_at]
            .map(|v| v.as_deref().map(local_time).unwrap_or_default())
            .join(" / "),
    }
}

fn of_kind(t: &BackupTarget, kind: Option<TargetKind>) -> bool {
    kind.is_none_or(|k| t.target_kind() == Some(k))
}

/// What the search looks in.
fn search_text(t: &BackupTarget) -> String {
    let fields = [t.export(), t.filesystem_export_mount_path.as_deref().unwrap_or("")];
    let more = [&t.status, &t.kind, &t.version].map(|v| v.as_deref().unwrap_or(""));
    format!("{} {} {}", fields.join(" "), more.join(" "), t.type_names().join(" "))
}

#[component]
pub fn TargetsTable(
    targets: Vec<BackupTarget>,
    /// Used to link type names to their pages.
    types: Vec<TargetType>,
    #[prop(into)] search: Signal<String>,
    #[prop(into)] kind: Signal<Option<TargetKind>>,
    on_set_default: Callback<BackupTarget>,
    on_delete: Callback<BackupTarget>,
    /// While a "Set default" runs, every row's button waits.
    #[prop(into, optional)]
    busy: Signal<bool>,
) -> impl IntoView {
    if targets.is_empty() {
        return Either::Left(view! {
            <EmptyState title="No backup targets yet"
                hint="Create an NFS or S3 target so workloads have somewhere to write their backups.">
                <a class="btn btn--primary" href=routes::NEW_BACKUP_TARGET>"Create target"</a>
            </EmptyState>
        });
    }
    let sort = SortState::kept(Column::Export, true);
    let total = targets.len();
    let targets = StoredValue::new(Searchable::new(targets, search_text));
    let types = StoredValue::new(types);
    let rows = Memo::new(move |_| {
        let (words, kind) = (search.with(|q| search_words(q)), kind.get());
        let mut list = targets
            .try_update_value(|all| all.find(&words, |t| of_kind(t, kind)))
            .unwrap_or_default();
        sort.apply(&mut list, sort_key);
        list
    });
    let count = Signal::derive(move || (rows.with(Vec::len), total));
    let row = move |t| view! { <TargetRow target=t types on_set_default on_delete busy/> };
    let body = move || rows.get().into_iter().map(row).collect_view();
    Either::Right(view! {
        <DataTable label="Backup targets" sort count width=TableWidth::Wide noun="targets" no_match="No target matches the filter."
            export=CsvExport::new("backup-targets.csv", move || rows.with(|r| table_csv(r.iter(), cell)))>
            {body}
        </DataTable>
    })
}

/// The links to a target's types; the types embedded in a target rarely carry their id.
fn type_links(target: &BackupTarget, types: &[TargetType]) -> impl IntoView {
    let link = |name: String| match type_id_for(types, &target.id, &name) {
        Some(id) => Either::Left(
            view! { <a class="chip" href=routes::target_type(&id)><ApiSeparated text=name max=CELL_CHARS/></a> },
        ),
        None => Either::Right(
            view! { <span class="chip"><ApiSeparated text=name max=CELL_CHARS/></span> },
        ),
    };
    target.type_names().into_iter().map(link).collect_view()
}

#[component]
fn TargetRow(
    target: BackupTarget,
    types: StoredValue<Vec<TargetType>>,
    on_set_default: Callback<BackupTarget>,
    on_delete: Callback<BackupTarget>,
    busy: Signal<bool>,
) -> impl IntoView {
    let t = target;
    let kind = if t.is_s3() { TagKind::S3 } else { TagKind::Nfs };
    let (used, capacity) = (or_dash(t.used.as_deref()), or_dash(t.capacity.as_deref()));
    let usage = match t.usage_ratio() {
        Some(r) => Either::Left(view! {
            <ProgressBar percent=r * 100.0 kind=MeterKind::Usage label=format!("Capacity used on {}", t.label())
                detail=format!("{used} of {capacity}")/>
        }),
        None => Either::Right(format!("{used} / {capacity}")),
    };
    let mount = or_dash(t.filesystem_export_mount_path.as_deref());
    let mount_title = mount.clone();
    let links = types.with_value(|all| type_links(&t, all));
    let (for_default, for_delete) = (t.clone(), t.clone());
    let is_default = t.is_default;
    view! {
        <tr data-target-id=t.id.clone()>
            <td>
                <Tag text=t.kind_label() kind/>
                {t.is_immutable().then(|| view! { <Tag text="Object lock" kind=TagKind::Lock/> })}
            </td>
            <td class="cell--export">
                <a class="mono" href=routes::backup_target(&t.id)><ApiSeparated text=t.label() max=CELL_CHARS/></a>
                <div class="mono small muted cell--truncate" title=mount_title><bdi>{mount}</bdi></div>
            </td>
            <td>{if t.is_default {
                Either::Left(view! { <Tag text="Default" kind=TagKind::Default/> })
            } else {
                Either::Right(view! { <span class="muted">"No"</span> })
            }}</td>
            <td><StatusBadge status=t.status.clone().unwrap_or_else(|| "unknown".into())/></td>
            <td class="cell--usage">{usage}</td>
            <td class:col--secondary=Column::Version.secondary()>{or_dash(t.version.as_deref())}</td>
            <td class:col--secondary=Column::Types.secondary()>{links}</td>
            <td class="cell--time" class:col--secondary=Column::Created.secondary()>
                <Time value=t.created_at.clone()/><br/>
                <span class="muted small"><Time value=t.updated_at.clone()/></span>
            </td>
            <td class="cell--actions cell--stack">
                <button type="button" class="btn btn--secondary btn--small" disabled=move || is_default || busy.get()
                    aria-label=format!("Set {} as default", t.label())
                    on:click=move |_| on_set_default.run(for_default.clone())>"Set default"</button>
                <button type="button" class="btn btn--danger-ghost btn--small" aria-label=format!("Delete {}", t.label())
                    on:click=move |_| on_delete.run(for_delete.clone())>"Delete"</button>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_matches_every_word_and_the_kind() {
        let t = BackupTarget {
            kind: Some("nfs".into()),
            filesystem_export: Some("10.0.0.1:/exports/Gold".into()),
            status: Some("available".into()),
            ..Default::default()
        };
        let mut list = Searchable::new(vec![t.clone()], search_text);
        assert_eq!(list.find(&search_words("gold AVAIL"), |_| true).len(), 1);
        assert!(list.find(&search_words("gold silver"), |_| true).is_empty());
        assert!(of_kind(&t, Some(TargetKind::Nfs)));
        assert!(!of_kind(&t, Some(TargetKind::S3)));
        assert!(of_kind(&t, None));
    }
}

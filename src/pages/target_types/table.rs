//! The target types table; each type links to its detail and to its target.

use crate::components::data_table::{flag_key, text_key, SortKey};
use crate::components::{
    table_csv, ApiSeparated, ApiText, CsvExport, DataTable, EmptyState, SortState, TableColumn,
    Tag, TagKind, Time, CELL_CHARS,
};
use crate::format::{or_dash, search_words};
use crate::models::search::Searchable;
use crate::models::{BackupTarget, TargetType, Visibility};
use crate::routes;
use leptos::either::Either;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Target,
    Default,
    Visibility,
    Projects,
    Metadata,
    Description,
    Created,
}

impl TableColumn for Column {
    const ALL: &'static [Self] = &[
        Self::Name,
        Self::Target,
        Self::Default,
        Self::Visibility,
        Self::Projects,
        Self::Metadata,
        Self::Description,
        Self::Created,
    ];
    fn header(self) -> String {
        let header = match self {
            Self::Name => "Name",
            Self::Target => "Target",
            Self::Default => "Default",
            Self::Visibility => "Visibility",
            Self::Projects => "Projects",
            Self::Metadata => "Metadata",
            Self::Description => "Description",
            Self::Created => "Created",
        };
        header.to_owned()
    }
    fn secondary(self) -> bool {
        self == Self::Metadata
    }
}

/// A type with the export of its target, when the target list names it.
type Row = (TargetType, Option<String>);

fn sort_key((t, export): &Row, column: Column) -> SortKey {
    let text = |v: &Option<String>| text_key(v.as_deref().unwrap_or(""));
    match column {
        Column::Name => text_key(t.name()),
        Column::Target => text(export),
        Column::Default => flag_key(t.is_default),
        Column::Visibility => text_key(t.visibility().label()),
        Column::Projects => SortKey::Number(Some(t.backup_target_type_projects.len() as f64)),
        Column::Metadata => text_key(&format!("{:?}", t.metadata_pairs())),
        Column::Description => text(&t.description),
        Column::Created => text(&t.created_at),
    }
}

/// What a column says, as text for the CSV export.
fn cell((t, export): &Row, column: Column) -> String {
    let pairs = || t.metadata_pairs().into_iter().map(|(k, v)| format!("{k}={v}"));
    match column {
        Column::Name => t.name().to_owned(),
        Column::Target => export.clone().unwrap_or_default(),
        Column::Default => if t.is_default { "yes" } else { "no" }.to_owned(),
        Column::Visibility => t.visibility().label().to_owned(),
        Column::Projects => t.project_ids().join("; "),
        Column::Metadata => pairs().collect::<Vec<_>>().join("; "),
        Column::Description => t.description.clone().unwrap_or_default(),
        Column::Created => t.created_at.clone().unwrap_or_default(),
    }
}

/// What the search looks in.
fn search_text((t, export): &Row) -> String {
    let meta: Vec<String> =
        t.metadata_pairs().into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    let fields =
        [t.name(), t.description.as_deref().unwrap_or(""), export.as_deref().unwrap_or("")];
    format!("{} {} {}", fields.join(" "), t.project_ids().join(" "), meta.join(" "))
}

#[component]
pub fn TypesTable(
    types: Vec<TargetType>,
    targets: Vec<BackupTarget>,
    #[prop(into)] search: Signal<String>,
    #[prop(into)] visibility: Signal<Option<Visibility>>,
    on_delete: Callback<TargetType>,
) -> impl IntoView {
    if types.is_empty() {
        return Either::Left(view! {
            <EmptyState title="No target types yet" hint="Create a type to give projects a named view of a backup target.">
                <a class="btn btn--primary" href=routes::NEW_TARGET_TYPE>"Create type"</a>
            </EmptyState>
        });
    }
    let total = types.len();
    let export_of = |t: &TargetType| {
        let id = t.backup_targets_id.as_deref()?;
        targets.iter().find(|x| x.id == id).map(|x| x.export().to_owned())
    };
    let all: Vec<Row> = types.into_iter().map(|t| (t.clone(), export_of(&t))).collect();
    let all = StoredValue::new(Searchable::new(all, search_text));
    let sort = SortState::kept(Column::Name, true);
    let rows = Memo::new(move |_| {
        let (words, vis) = (search.with(|q| search_words(q)), visibility.get());
        let visible = |(t, _): &Row| vis.is_none_or(|v| t.visibility() == v);
        let mut list = all.try_update_value(|a| a.find(&words, visible)).unwrap_or_default();
        sort.apply(&mut list, sort_key);
        list
    });
    let count = Signal::derive(move || (rows.with(Vec::len), total));
    let row = move |(t, export): Row| view! { <TypeRow target_type=t export on_delete/> };
    let body = move || rows.get().into_iter().map(row).collect_view();
    Either::Right(view! {
        <DataTable label="Backup target types" sort count noun="types" no_match="No type matches the filter."
            export=CsvExport::new("target-types.csv", move || rows.with(|r| table_csv(r.iter(), cell)))>
            {body}
        </DataTable>
    })
}

/// The assigned projects, folded: a type may list many.
fn projects_cell(t: &TargetType) -> impl IntoView {
    let projects = t.project_ids();
    let count = projects.len();
    if count == 0 {
        let text = if t.is_public { "All (public)" } else { "None" };
        return Either::Left(view! { <span class="muted">{text}</span> });
    }
    let summary = format!("{count} project{}", if count == 1 { "" } else { "s" });
    let items = projects.into_iter().map(|p| view! { <li class="mono">{p}</li> }).collect_view();
    Either::Right(
        view! { <details><summary>{summary}</summary><ul class="projects-list">{items}</ul></details> },
    )
}

#[component]
fn TypeRow(
    target_type: TargetType,
    export: Option<String>,
    on_delete: Callback<TargetType>,
) -> impl IntoView {
    let t = target_type;
    let target = match t.backup_targets_id.clone() {
        Some(id) => {
            let text = export.unwrap_or_else(|| id.clone());
            Either::Left(
                view! { <a href=routes::backup_target(&id)><ApiSeparated text max=CELL_CHARS/></a> },
            )
        }
        None => Either::Right(view! { <span class="muted">"—"</span> }),
    };
    let chips = t.metadata_pairs().into_iter().map(|(k, v)| {
        view! {
            <span class="chip">
                <ApiSeparated text=k max=CELL_CHARS/>"="<ApiSeparated text=v max=CELL_CHARS/>
            </span>
        }
    });
    let name = t.label().to_owned();
    let for_delete = t.clone();
    view! {
        <tr data-type-id=t.id.clone()>
            <td><a href=routes::target_type(&t.id)><ApiSeparated text=name.clone() max=CELL_CHARS/></a></td>
            <td class="mono">{target}</td>
            <td>{if t.is_default {
                Either::Left(view! { <Tag text="Default" kind=TagKind::Default/> })
            } else {
                Either::Right(view! { <span class="muted">"No"</span> })
            }}</td>
            <td>{t.visibility().label()}</td>
            <td>{projects_cell(&t)}</td>
            <td class:col--secondary=Column::Metadata.secondary()>{chips.collect_view()}</td>
            <td><ApiText text=or_dash(t.description.as_deref()) max=CELL_CHARS/></td>
            <td class="cell--nowrap"><Time value=t.created_at.clone()/></td>
            <td class="cell--actions">
                <a class="btn btn--secondary btn--small" href=routes::edit_target_type(&t.id)
                    aria-label=format!("Edit {name}")>"Edit"</a>
                <button type="button" class="btn btn--danger-ghost btn--small" aria-label=format!("Delete {name}")
                    on:click=move |_| on_delete.run(for_delete.clone())>"Delete"</button>
            </td>
        </tr>
    }
}

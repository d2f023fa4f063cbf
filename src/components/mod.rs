//! Reusable pieces every screen is built from, so they look and behave the same everywhere.

pub mod action;
pub mod api_text;
mod clock;
pub mod confirm_dialog;
pub mod controls;
mod copy_curl;
mod csv_export;
pub mod data_table;
pub mod delete_dialog;
pub mod error_panel;
pub mod field;
pub mod filter_bar;
mod focus;
pub mod kept;
pub mod key_value_editor;
pub mod loader;
pub mod page_header;
pub mod pager;
pub mod progress_bar;
pub mod props;
mod refresh;
pub mod resource;
mod rows_in_steps;
pub mod status_badge;
pub mod toast;
mod unreadable;

pub use action::{api_action, dispatch_once, failure_of, ApiAction};
pub use api_text::{ApiSeparated, ApiText, Isolated, CELL_CHARS};
pub use clock::use_clock;
pub use confirm_dialog::ConfirmDialog;
pub use controls::{
    CheckField, Checkbox, InputKind, Segmented, Select, TextArea, TextField, TextInput,
};
pub use copy_curl::CopyCurl;
pub use csv_export::{table_csv, CsvButton, CsvExport};
pub use data_table::{DataTable, SortHeader, SortState, TableColumn, TableWidth};
pub use delete_dialog::{DeleteDialog, DeleteSubject};
pub use error_panel::{ErrorPanel, ProblemPanel};
pub use field::{on_submit, ErrorsOf, Field, FieldLayout};
pub use filter_bar::{options, FilterBar};
pub use focus::focus_when_drawn;
pub use kept::{kept, PageKept};
pub use key_value_editor::{KeyValueEditor, KvRow};
pub use loader::{EmptyState, Loader, Loading};
pub use page_header::{name_the_tab, Breadcrumb, PageHeader};
pub use pager::{Pager, Paging};
pub use progress_bar::{MeterKind, ProgressBar};
pub use props::{compact_table, prop_row, Time};
pub use refresh::RefreshButton;
pub use resource::{api_resource, Handoff, PageReads};
pub use rows_in_steps::rows_in_steps;
pub use status_badge::{StatusBadge, Tag, TagKind};
pub use toast::{use_toasts, ToastRegion, Toasts};
pub use unreadable::UnreadableNotice;

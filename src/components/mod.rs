//! Reusable pieces every screen is built from, so they look and behave the same everywhere.

pub mod action;
pub mod confirm_dialog;
pub mod data_table;
pub mod delete_dialog;
pub mod error_panel;
pub mod field;
pub mod key_value_editor;
pub mod loader;
pub mod page_header;
pub mod progress_bar;
pub mod props;
pub mod status_badge;
pub mod toast;

pub use action::{api_action, failure_of, ApiAction};
pub use confirm_dialog::ConfirmDialog;
pub use data_table::{DataTable, SortHeader, SortState};
pub use delete_dialog::{DeleteDialog, DeleteSubject};
pub use error_panel::ErrorPanel;
pub use field::{show_errors, CheckField, ErrorsOf, Field, FieldLayout, InputKind, Select, TextField, TextInput};
pub use key_value_editor::{KeyValueEditor, KvRow};
pub use loader::{EmptyState, Loader, Loading};
pub use page_header::{Breadcrumb, PageHeader};
pub use progress_bar::{MeterKind, ProgressBar};
pub use props::{prop_row, Time};
pub use status_badge::{StatusBadge, Tag, TagKind};
pub use toast::{use_toasts, ToastRegion, Toasts};

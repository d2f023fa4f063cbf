//! Reusable pieces every screen is built from, so they look and behave the same everywhere.

pub mod backup_targets_select;
pub mod confirm_dialog;
pub mod data_table;
pub mod delete_dialog;
pub mod error_panel;
pub mod form_field;
pub mod key_value_editor;
pub mod page_header;
pub mod progress_bar;
pub mod status_badge;
pub mod toast;

pub use confirm_dialog::ConfirmDialog;
pub use delete_dialog::{DeleteDialog, DeleteSubject};
pub use data_table::{SortHeader, SortState};
pub use error_panel::ErrorPanel;
pub use form_field::{CheckField, TextField};
pub use key_value_editor::{KeyValueEditor, KvRow};
pub use page_header::{Breadcrumb, PageHeader};
pub use progress_bar::ProgressBar;
pub use status_badge::StatusBadge;
pub use toast::{use_toasts, ToastRegion, Toasts};

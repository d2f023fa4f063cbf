//! One folder per area; each page loads through the session's client with a `Loader`, and
//! changes things with an `api_action`.

pub mod backup_targets;
pub mod login;
pub mod not_found;
pub mod overview;
pub mod session;
pub mod sign_in;
pub mod snapshots;
pub mod target_types;

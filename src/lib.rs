//! Admin console for the OpenStack Workloadmgr backup API.

pub mod api;
pub mod models;
pub mod config;
pub mod format;
pub mod session;
pub mod components;
pub mod app;
pub mod pages;

pub use app::App;

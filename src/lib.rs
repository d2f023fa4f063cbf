//! Admin console for the OpenStack Workloadmgr backup API.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod crash;
pub mod embed;
pub mod format;
pub mod js;
pub mod json;
pub mod models;
pub mod order;
pub mod pages;
pub mod routes;
pub mod session;
pub mod timing;

pub use app::App;

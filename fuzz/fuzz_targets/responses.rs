//! Any body, under any status, read as every response model the console decodes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wlm_console::api::{decode_wrapped, RawResponse};
use wlm_console::models::keystone::{ProjectList, TokenInfo};
use wlm_console::models::{BackupTarget, Instance, Listed, Snapshot, TargetType, Workload};

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data).into_owned();
    let raw = RawResponse { status: 200, request_id: None, body };
    let _ = decode_wrapped::<Listed<Snapshot>>(&raw, "snapshots", "snapshot");
    let _ = decode_wrapped::<Snapshot>(&raw, "snapshots", "snapshot");
    let _ = decode_wrapped::<Listed<BackupTarget>>(&raw, "backup_targets", "backup_target");
    let _ = decode_wrapped::<BackupTarget>(&raw, "backup_targets", "backup_target");
    let _ = decode_wrapped::<Listed<TargetType>>(&raw, "backup_target_types", "backup_target_type");
    let _ = decode_wrapped::<TargetType>(&raw, "backup_target_types", "backup_target_type");
    let _ = decode_wrapped::<Vec<Workload>>(&raw, "workloads", "workload");
    let _ = decode_wrapped::<Vec<Instance>>(&raw, "instances", "instance");
    let _ = decode_wrapped::<TokenInfo>(&raw, "token", "token");
    if let Ok(value) = wlm_console::json::parse(&raw.body) {
        use wlm_console::models::FromJson;
        let _ = ProjectList::from_json(&value);
    }
});

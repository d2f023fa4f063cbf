//! The client against the API documents: every documented sample response decodes, every
//! request body is the documented one, every error body becomes a readable error.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use wlm_console::api::snapshots::delete_task_id;
use wlm_console::api::{build_url, decode_wrapped, endpoint_for, ApiError, RawResponse};
use wlm_console::models::target_type::{metadata_body, projects_body};
use wlm_console::models::{
    BackupTarget, NewBackupTarget, NewTargetType, Snapshot, SnapshotFilter, TakeSnapshot,
    TargetKind, TargetType, TargetTypeUpdate, Workload,
};

fn fixture(name: &str) -> RawResponse {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
    RawResponse { status: 200, request_id: Some("req-test".into()), body }
}

#[test]
fn backup_target_list_samples_decode_with_the_5_0_field_names() {
    for name in ["backup_targets_list", "backup_targets_detail"] {
        let targets: Vec<BackupTarget> =
            decode_wrapped(&fixture(name), "backup_targets", "backup_target").unwrap();
        assert_eq!(targets.len(), 3, "{name}");
        let first = &targets[0];
        assert_eq!(first.id, "b39847c8-bf65-4cec-9af6-dd65303ca485");
        assert_eq!(
            first.export(),
            "192.168.1.34:/mnt/tvault/162",
            "nfs_export lands in the export"
        );
        assert_eq!(
            first.filesystem_export_mount_path.as_deref(),
            Some("/var/triliovault-mounts/L21udC90dmF1bHQvMTYy")
        );
        assert!(first.is_default);
        assert_eq!(first.capacity.as_deref(), Some("2.4 TB"));
        assert_eq!(first.type_names(), vec!["nfs_1".to_owned()]);
        assert!((first.usage_ratio().unwrap() - 0.5).abs() < 1e-9);
        let s3 = &targets[1];
        assert!(s3.is_s3());
        assert_eq!(s3.capacity, None);
        assert_eq!(s3.usage_ratio(), None);
        assert_eq!(s3.status.as_deref(), Some("offline"));
    }
}

#[test]
fn backup_target_single_samples_decode_with_the_5_2_field_names() {
    for name in ["backup_target_create", "backup_target_show", "backup_target_set_default"] {
        let t: BackupTarget =
            decode_wrapped(&fixture(name), "backup_targets", "backup_target").unwrap();
        assert!(!t.id.is_empty(), "{name}");
        assert!(!t.export().is_empty(), "{name}: export present");
    }
    let created: BackupTarget =
        decode_wrapped(&fixture("backup_target_create"), "backup_targets", "backup_target")
            .unwrap();
    assert_eq!(created.export(), "cephs3.triliodata.demo/object-locked-cephs3-2");
    assert!(!created.is_immutable());
    let default: BackupTarget =
        decode_wrapped(&fixture("backup_target_set_default"), "backup_targets", "backup_target")
            .unwrap();
    assert!(default.is_default);
    assert!(default.is_immutable(), "6.x metadata immutable=1 means object lock");
    assert_eq!(default.metadata_value("bucket"), Some("s3-object-lock"));
}

#[test]
fn singular_wrapper_key_and_integer_flags_are_tolerated() {
    let raw = RawResponse {
        status: 200,
        request_id: None,
        body: json!({"backup_target": {"id": "x", "type": "nfs", "filesystem_export": "h:/p", "is_default": 1,
            "immutable": "0", "capacity": null, "used": null, "backup_target_types": null}})
        .to_string(),
    };
    let t: BackupTarget = decode_wrapped(&raw, "backup_targets", "backup_target").unwrap();
    assert!(t.is_default);
    assert_eq!(t.immutable, Some(false));
    assert!(t.backup_target_types.is_empty());
}

#[test]
fn target_type_samples_decode() {
    for name in ["target_types_list", "target_types_detail"] {
        let list: Vec<TargetType> =
            decode_wrapped(&fixture(name), "backup_target_types", "backup_target_type").unwrap();
        assert_eq!(list.len(), 4);
        assert_eq!(list[3].metadata_pairs(), vec![("nfs".to_owned(), "secondary".to_owned())]);
    }
    for name in [
        "target_type_show",
        "target_type_create",
        "target_type_update",
        "target_type_add_projects",
        "target_type_remove_projects",
        "target_type_add_metadata",
        "target_type_remove_metadata",
    ] {
        let t: TargetType =
            decode_wrapped(&fixture(name), "backup_target_types", "backup_target_type").unwrap();
        assert!(!t.id.is_empty(), "{name}");
        assert!(t.backup_targets_id.is_some(), "{name}");
    }
    let added: TargetType =
        decode_wrapped(&fixture("target_type_add_projects"), "backup_target_types", "x").unwrap();
    assert_eq!(
        added.project_ids(),
        vec!["fc439373e340459fb28202b2412e26c0", "0920f871077c4c079057ce940d8105a8"]
    );
    assert!(!added.is_public);
}

#[test]
fn snapshot_samples_decode() {
    let list: Vec<Snapshot> =
        decode_wrapped(&fixture("snapshots_list"), "snapshots", "snapshot").unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].status(), "available");
    assert_eq!(list[0].snapshot_type.as_deref(), Some("full"));
    let taken: Snapshot =
        decode_wrapped(&fixture("snapshot_take"), "snapshot", "snapshots").unwrap();
    assert_eq!(taken.status(), "creating");
    assert!(!taken.is_final() && taken.can_cancel() && !taken.can_delete());
    let shown: Snapshot =
        decode_wrapped(&fixture("snapshot_show"), "snapshot", "snapshots").unwrap();
    assert_eq!(shown.instances.len(), 2);
    assert_eq!(shown.metadata.len(), 10);
    assert_eq!(shown.size, Some(44_171_264.0));
    assert_eq!(shown.time_taken, Some(428.0));
    let inst = &shown.instances[0];
    assert_eq!(
        inst.nics[0].network.as_ref().unwrap().subnet.as_ref().unwrap().cidr.as_deref(),
        Some("192.168.100.0/24")
    );
    assert_eq!(inst.vdisks[0].volume_size.as_deref(), Some("1"));
    assert_eq!(inst.flavor.as_ref().unwrap().vcpus.as_deref(), Some("1"));
    assert_eq!(
        inst.nics[0].network.as_ref().unwrap().subnet.as_ref().unwrap().ip_version.as_deref(),
        Some("4")
    );
    assert_eq!(
        delete_task_id(&fixture("snapshot_delete")).as_deref(),
        Some("a73de236-6379-424a-abc7-33d553e050b7")
    );
    assert_eq!(
        delete_task_id(&RawResponse { status: 202, request_id: None, body: String::new() }),
        None
    );
}

#[test]
fn unknown_snapshot_statuses_count_as_still_moving() {
    for (status, final_) in [
        ("available", true),
        ("error", true),
        ("cancelled", true),
        ("creating", false),
        ("uploading", false),
        ("cancelling", false),
        ("deleting", false),
        ("restoring-something-new", false),
    ] {
        let s = Snapshot { status: Some(status.into()), ..Default::default() };
        assert_eq!(s.is_final(), final_, "{status}");
    }
}

#[test]
fn create_target_bodies_are_the_documented_ones() {
    let nfs = NewBackupTarget {
        kind: TargetKind::Nfs,
        filesystem_export: " 10.0.0.5:/exports/b ".into(),
        s3_endpoint_url: "ignored".into(),
        s3_bucket: "ignored".into(),
        is_default: true,
        immutable: true,
        btt_name: String::new(),
        metadata: vec![("site".into(), "paris".into())],
    };
    assert_eq!(
        sent(nfs.to_body()),
        json!({"backup_target": {"type": "nfs", "filesystem_export": "10.0.0.5:/exports/b", "is_default": 1,
            "metadata": {"site": "paris"}}})
    );
    let s3 = NewBackupTarget {
        kind: TargetKind::S3,
        filesystem_export: String::new(),
        s3_endpoint_url: "https://s3.example.com".into(),
        s3_bucket: "backups".into(),
        is_default: false,
        immutable: true,
        btt_name: "gold".into(),
        metadata: vec![],
    };
    assert_eq!(
        sent(s3.to_body()),
        json!({"backup_target": {"type": "s3", "s3_endpoint_url": "https://s3.example.com", "s3_bucket": "backups",
            "immutable": 1, "is_default": 0, "btt_name": "gold"}})
    );
}

#[test]
fn target_type_bodies_are_the_documented_ones() {
    let new = NewTargetType {
        name: " gold ".into(),
        description: "tier".into(),
        backup_targets_id: "t1".into(),
        is_default: false,
        is_public: false,
        project_list: vec!["p1".into(), "p2".into()],
        metadata: vec![("k".into(), "v".into())],
    };
    assert_eq!(
        sent(new.to_body()),
        json!({"backup_target_type": {"name": "gold", "description": "tier", "backup_targets_id": "t1", "is_default": 0,
            "is_public": 0, "project_list": ["p1", "p2"], "metadata": [{"key": "k", "value": "v"}]}})
    );
    let upd = TargetTypeUpdate {
        name: "gold".into(),
        description: String::new(),
        is_default: true,
        is_public: true,
        project_list: vec![],
        purge_projects: true,
        metadata: vec![],
        purge_metadata: false,
    };
    assert_eq!(
        sent(upd.to_body()),
        json!({"backup_target_type": {"name": "gold", "description": "", "is_default": 1, "is_public": 1,
            "project_list": [], "purge_projects": true, "metadata": [], "purge_metadata": false}})
    );
    assert_eq!(
        sent(projects_body("id1", &["p".into()])),
        json!({"backup_target_type": {"backup_target_type_id": "id1", "project_list": ["p"]}})
    );
    assert_eq!(
        sent(metadata_body("id1", &[("a".into(), "b".into())])),
        json!({"backup_target_type": {"backup_target_type_id": "id1", "metadata": [{"key": "a", "value": "b"}]}})
    );
}

#[test]
fn take_snapshot_request_is_documented() {
    let take = TakeSnapshot {
        workload_id: "w".into(),
        full: true,
        name: "n".into(),
        description: "d".into(),
        is_scheduled: false,
    };
    assert_eq!(take.query(), vec![("full", "True".to_owned())]);
    assert_eq!(
        sent(take.to_body()),
        json!({"snapshot": {"is_scheduled": false, "name": "n", "description": "d"}})
    );
    let inc = TakeSnapshot { workload_id: "w".into(), ..Default::default() };
    assert!(inc.query().is_empty());
}

#[test]
fn snapshot_filters_map_to_the_query_parameters() {
    let f = SnapshotFilter {
        workload_id: "w 1".into(),
        host: "TVM1".into(),
        date_from: "2024-03-01T00:00:00".into(),
        date_to: String::new(),
        all: true,
        // Chosen among the answer: never a query parameter.
        status: wlm_console::models::StatusFilter::Failed,
    };
    assert_eq!(
        f.query(),
        vec![
            ("workload_id", "w 1".to_owned()),
            ("host", "TVM1".to_owned()),
            ("date_from", "2024-03-01T00:00:00".to_owned()),
            ("all", "true".to_owned())
        ]
    );
    assert_eq!(
        build_url("/v1/p", "/snapshots", &f.query()),
        "/v1/p/snapshots?workload_id=w%201&host=TVM1&date_from=2024-03-01T00%3A00%3A00&all=true"
    );
    let back = SnapshotFilter::from_pairs([
        ("workload_id", "w 1"),
        ("host", "TVM1"),
        ("date_from", "2024-03-01T00:00:00"),
        ("all", "true"),
        ("status", "failed"),
    ]);
    assert_eq!(back, f, "the page's URL reads back as the same filters");
}

#[test]
fn endpoint_templates_take_the_project_id() {
    assert_eq!(
        endpoint_for("http://127.0.0.1:8780/v1/{project_id}", "abc"),
        "http://127.0.0.1:8780/v1/abc"
    );
    assert_eq!(endpoint_for("https://h:8780/v1/%(tenant_id)s/", "abc"), "https://h:8780/v1/abc");
    assert_eq!(endpoint_for("/v1/$(tenant_id)", "a/b"), "/v1/a%2Fb");
}

#[test]
fn openstack_fault_bodies_become_errors_with_message_and_request_id() {
    let e = ApiError::from_response(
        400,
        Some("req-1".into()),
        r#"{"badRequest": {"message": "Invalid export", "code": 400}}"#,
    );
    assert_eq!(
        e,
        ApiError::Http {
            status: 400,
            message: "Invalid export".into(),
            request_id: Some("req-1".into())
        }
    );
    assert!(
        e.to_string().contains("HTTP 400")
            && e.to_string().contains("Invalid export")
            && e.to_string().contains("req-1")
    );
    let e = ApiError::from_response(
        404,
        None,
        r#"{"itemNotFound": {"message": "Snapshot x could not be found.", "code": 404}}"#,
    );
    assert!(
        matches!(e, ApiError::NotFound { ref message, .. } if message == "Snapshot x could not be found.")
    );
    let e = ApiError::from_response(
        401,
        Some("r".into()),
        r#"{"unauthorized": {"message": "Authentication required", "code": 401}}"#,
    );
    assert!(matches!(e, ApiError::Unauthorized { .. }));
    assert_eq!(e.status(), Some(401));
    let e = ApiError::from_response(
        409,
        None,
        r#"{"errors": [{"title": "Conflict", "detail": "Type name taken"}]}"#,
    );
    assert_eq!(e.message(), "Type name taken");
    assert_eq!(e.status(), Some(409));
}

#[test]
fn proxy_pages_and_empty_bodies_still_give_a_message() {
    let e = ApiError::from_response(
        502,
        None,
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
    );
    assert_eq!(e.message(), "502 Bad Gateway");
    let e = ApiError::from_response(504, None, "");
    assert_eq!(e.message(), "Gateway Timeout");
    let e = ApiError::from_response(500, None, "{not json");
    assert_eq!(e.message(), "{not json");
    let e = ApiError::from_response(503, None, "[1,2]");
    assert_eq!(e.message(), "Service Unavailable");
}

#[test]
fn malformed_success_bodies_are_decode_errors_not_panics() {
    for body in ["", "null", "{", "[]", "{\"backup_targets\": 7}", "{\"other\": []}", "\u{0}\u{1}"]
    {
        let raw = RawResponse { status: 200, request_id: Some("req-x".into()), body: body.into() };
        let r: Result<Vec<BackupTarget>, _> =
            decode_wrapped(&raw, "backup_targets", "backup_target");
        match r {
            Err(ApiError::Decode { status: 200, request_id, .. }) => {
                assert_eq!(request_id.as_deref(), Some("req-x"))
            }
            other => panic!("{body:?} gave {other:?}"),
        }
    }
}

#[test]
fn odd_field_types_never_fail_a_whole_list() {
    let body = json!({"snapshots": [
        {"id": "a", "status": null, "progress_percent": "42.5", "size": "12", "name": 17, "pinned": "True"},
        {"id": "b", "instances": null, "metadata": null, "time_taken": {"weird": true}}
    ]});
    let raw = RawResponse { status: 200, request_id: None, body: body.to_string() };
    let list: Vec<Snapshot> = decode_wrapped(&raw, "snapshots", "snapshot").unwrap();
    assert_eq!(list[0].progress_percent, Some(42.5));
    assert_eq!(list[0].name.as_deref(), Some("17"));
    assert!(list[0].pinned);
    assert_eq!(list[0].status(), "unknown");
    assert_eq!(list[1].time_taken, None);
    let w: Vec<Workload> = decode_wrapped(
        &RawResponse {
            status: 200,
            request_id: None,
            body: r#"{"workloads":[{"id":"w","name":null}]}"#.into(),
        },
        "workloads",
        "workload",
    )
    .unwrap();
    assert_eq!(w[0].label(), "w");
}

/// A request body as the server receives it: its text, read by serde_json.
fn sent(body: wlm_console::json::Value) -> Value {
    serde_json::from_str(&body.to_string()).expect("a request body is JSON")
}

#[test]
fn every_fixture_is_valid_json_from_the_documents() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let reference: Value = serde_json::from_str(&text).unwrap();
        let read = wlm_console::json::parse(&text).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&read.to_string()).unwrap(), reference);
        n += 1;
    }
    assert_eq!(n, 18, "one fixture per documented sample response");
}

//! The emulator answers as the documents say: methods, paths, wrapper keys, status codes,
//! auth, project scoping, filters and the snapshot lifecycle.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;
use wlm_emulator::db::{DEMO_PROJECT, OTHER_PROJECT};
use wlm_emulator::{router, AppState, Config};

const ADMIN: &str = "demo-admin-token";
const MEMBER: &str = "demo-member-token";

struct Emu {
    state: AppState,
}

struct Answer {
    status: StatusCode,
    content_type: String,
    request_id: Option<String>,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

impl Emu {
    fn new() -> Self {
        Self::with(Config { create_target_delay_ms: 0, snapshot_seconds: 1.0, ..Config::default() })
    }
    fn with(config: Config) -> Self {
        Self { state: AppState::new(config).unwrap() }
    }
    async fn call(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let uri = if path.starts_with("/_") {
            path.to_owned()
        } else {
            format!("/v1/{DEMO_PROJECT}{path}")
        };
        self.raw(method, &uri, token, body).await
    }
    async fn raw(
        &self,
        method: &str,
        uri: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> Answer {
        let mut req =
            Request::builder().method(method).uri(uri).header("accept", "application/json");
        if let Some(t) = token {
            req = req.header("x-auth-token", t).header("x-auth-project-id", DEMO_PROJECT);
        }
        let req =
            req.body(body.map(|b| Body::from(b.to_string())).unwrap_or_else(Body::empty)).unwrap();
        let res = router(self.state.clone()).oneshot(req).await.unwrap();
        let status = res.status();
        let header =
            |n: &str| res.headers().get(n).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let content_type = header("content-type").unwrap_or_default();
        let request_id = header("x-compute-request-id");
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            content_type,
            request_id,
            text: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }
}

#[tokio::test]
async fn missing_or_wrong_token_is_401_with_an_openstack_fault() {
    let emu = Emu::new();
    for token in [None, Some("nope")] {
        let a = emu.call("GET", "/backup_targets", token, None).await;
        assert_eq!(a.status, StatusCode::UNAUTHORIZED);
        assert_eq!(a.json()["unauthorized"]["code"], 401);
        assert!(a.request_id.is_some_and(|r| r.starts_with("req-")));
    }
}

#[tokio::test]
async fn backup_target_lists_use_the_plural_key_and_5_2_names() {
    let emu = Emu::new();
    for path in ["/backup_targets", "/backup_targets/detail"] {
        let a = emu.call("GET", path, Some(MEMBER), None).await;
        assert_eq!(a.status, StatusCode::OK);
        let list = a.json()["backup_targets"].as_array().cloned().unwrap();
        assert!(list.len() >= 4);
        assert!(list
            .iter()
            .all(|t| t.get("filesystem_export").is_some() && t.get("nfs_export").is_none()));
        assert!(list.iter().any(|t| t["type"] == "s3") && list.iter().any(|t| t["type"] == "nfs"));
    }
}

#[tokio::test]
async fn a_5_0_emulator_sends_nfs_export() {
    let emu = Emu::with(Config {
        api_version: "5.0".into(),
        create_target_delay_ms: 0,
        ..Config::default()
    });
    let a = emu
        .call("GET", "/backup_targets/b39847c8-bf65-4cec-9af6-dd65303ca485", Some(MEMBER), None)
        .await;
    assert_eq!(a.json()["backup_targets"]["nfs_export"], "192.168.1.34:/mnt/tvault/162");
}

#[tokio::test]
async fn create_set_default_and_delete_a_target() {
    let emu = Emu::new();
    let body = json!({"backup_target": {"type": "nfs", "filesystem_export": "10.1.1.1:/exports/x", "is_default": 0,
        "metadata": {"site": "lab"}}});
    assert_eq!(
        emu.call("POST", "/backup_targets", Some(MEMBER), Some(body.clone())).await.status,
        StatusCode::FORBIDDEN
    );
    let a = emu.call("POST", "/backup_targets", Some(ADMIN), Some(body.clone())).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let t = a.json()["backup_targets"].clone();
    let id = t["id"].as_str().unwrap().to_owned();
    assert_eq!(t["filesystem_export"], "10.1.1.1:/exports/x");
    assert_eq!(
        t["backup_target_types"][0]["name"], "10.1.1.1:/exports/x",
        "btt_name defaults to the export"
    );
    assert_eq!(t["backup_target_metadata"][0], json!({"key": "site", "value": "lab"}));
    assert_eq!(
        emu.call("POST", "/backup_targets", Some(ADMIN), Some(body)).await.status,
        StatusCode::CONFLICT
    );

    let bad = json!({"backup_target": {"type": "nfs", "filesystem_export": "no-colon"}});
    let a = emu.call("POST", "/backup_targets", Some(ADMIN), Some(bad)).await;
    assert_eq!(a.status, StatusCode::BAD_REQUEST);
    assert!(a.json()["badRequest"]["message"].as_str().unwrap().contains("host:/path"));

    let a = emu.call("GET", &format!("/backup_targets/{id}/set_default"), Some(ADMIN), None).await;
    assert_eq!(a.json()["backup_targets"]["is_default"], true);
    let list = emu.call("GET", "/backup_targets", Some(ADMIN), None).await.json();
    let defaults: Vec<_> = list["backup_targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["is_default"] == true)
        .collect();
    assert_eq!(defaults.len(), 1, "exactly one default");

    let a = emu.call("DELETE", &format!("/backup_targets/{id}"), Some(ADMIN), None).await;
    assert_eq!(a.status, StatusCode::ACCEPTED);
    assert!(a.content_type.starts_with("text/html"));
    assert_eq!(a.text, "");
    assert_eq!(
        emu.call("GET", &format!("/backup_targets/{id}"), Some(ADMIN), None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn s3_targets_record_bucket_and_object_lock() {
    let emu = Emu::new();
    let body = json!({"backup_target": {"type": "s3", "s3_endpoint_url": "https://s3.lab.example", "s3_bucket": "locked",
        "immutable": 1, "is_default": 0, "btt_name": "locked-s3"}});
    let t = emu.call("POST", "/backup_targets", Some(ADMIN), Some(body)).await.json()
        ["backup_targets"]
        .clone();
    assert_eq!(t["filesystem_export"], "s3.lab.example/locked");
    assert_eq!(t["backup_target_types"][0]["name"], "locked-s3");
    let meta = t["backup_target_metadata"].as_array().unwrap();
    assert!(meta.contains(&json!({"key": "immutable", "value": "1"})));
}

#[tokio::test]
async fn target_type_lifecycle_projects_and_metadata() {
    let emu = Emu::new();
    let create = json!({"backup_target_type": {"name": "gold", "description": "tier 1",
        "backup_targets_id": "b39847c8-bf65-4cec-9af6-dd65303ca485", "is_default": 0, "is_public": 0,
        "project_list": ["p1", "p2"], "metadata": [{"key": "tier", "value": "1"}]}});
    let a = emu.call("POST", "/backup_target_types", Some(ADMIN), Some(create)).await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.text);
    let t = a.json()["backup_target_types"].clone();
    let id = t["id"].as_str().unwrap().to_owned();
    assert_eq!(t["backup_target_type_projects"].as_array().unwrap().len(), 2);
    assert_eq!(t["is_public"], false);

    let add = json!({"backup_target_type": {"backup_target_type_id": id, "project_list": ["p3"]}});
    let t = emu
        .call("POST", &format!("/backup_target_types/{id}/add_projects"), Some(ADMIN), Some(add))
        .await
        .json();
    assert_eq!(
        t["backup_target_types"]["backup_target_type_projects"].as_array().unwrap().len(),
        3
    );
    let rm = json!({"backup_target_type": {"backup_target_type_id": id, "project_list": ["p1"]}});
    let t = emu
        .call("PUT", &format!("/backup_target_types/{id}/remove_projects"), Some(ADMIN), Some(rm))
        .await
        .json();
    let projects: Vec<String> = t["backup_target_types"]["backup_target_type_projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["project_id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(projects.len(), 2);
    assert!(!projects.contains(&"p1".to_owned()));

    let meta = json!({"backup_target_type": {"backup_target_type_id": id, "metadata": [{"key": "zone", "value": "a"}]}});
    let t = emu
        .call(
            "POST",
            &format!("/backup_target_types/{id}/add_metadata"),
            Some(ADMIN),
            Some(meta.clone()),
        )
        .await
        .json();
    assert_eq!(
        t["backup_target_types"]["backup_target_type_metadata"].as_array().unwrap().len(),
        2
    );
    let t = emu
        .call("PUT", &format!("/backup_target_types/{id}/remove_metadata"), Some(ADMIN), Some(meta))
        .await
        .json();
    assert_eq!(
        t["backup_target_types"]["backup_target_type_metadata"],
        json!([{"key": "tier", "value": "1"}])
    );

    let update = json!({"backup_target_type": {"name": "gold-2", "description": "", "is_default": 1, "is_public": 0,
        "project_list": ["p9"], "purge_projects": true, "metadata": [], "purge_metadata": true}});
    let t = emu
        .call("PUT", &format!("/backup_target_types/{id}"), Some(ADMIN), Some(update))
        .await
        .json()["backup_target_types"]
        .clone();
    assert_eq!(t["name"], "gold-2");
    assert_eq!(t["is_default"], true);
    assert_eq!(t["backup_target_type_projects"][0]["project_id"], "p9");
    assert_eq!(t["backup_target_type_projects"].as_array().unwrap().len(), 1);
    assert_eq!(t["backup_target_type_metadata"], json!([]));

    let a = emu.call("DELETE", &format!("/backup_target_types/{id}"), Some(ADMIN), None).await;
    assert_eq!(a.status, StatusCode::ACCEPTED);
    assert_eq!(
        emu.call("GET", &format!("/backup_target_types/{id}"), Some(ADMIN), None).await.json()
            ["itemNotFound"]["code"],
        404
    );
}

#[tokio::test]
async fn snapshots_are_scoped_and_filtered() {
    let emu = Emu::new();
    let all_mine = emu.call("GET", "/snapshots", Some(MEMBER), None).await.json()["snapshots"]
        .as_array()
        .unwrap()
        .len();
    assert!(all_mine > 24, "dozens of demo snapshots");
    let w = "18b809de-d7c8-41e2-867d-4a306407fb11";
    let list =
        emu.call("GET", &format!("/snapshots?workload_id={w}"), Some(MEMBER), None).await.json();
    let list = list["snapshots"].as_array().unwrap();
    assert!(!list.is_empty() && list.iter().all(|s| s["workload_id"] == w));
    let hosts = emu.call("GET", "/snapshots?host=TVM2", Some(MEMBER), None).await.json();
    assert!(hosts["snapshots"].as_array().unwrap().iter().all(|s| s["host"] == "TVM2"));
    let first = list.last().unwrap()["created_at"].as_str().unwrap()[..19].to_owned();
    let dated = emu
        .call("GET", &format!("/snapshots?workload_id={w}&date_to={first}"), Some(MEMBER), None)
        .await
        .json();
    assert_eq!(
        dated["snapshots"].as_array().unwrap().len(),
        1,
        "date_to is inclusive to the second"
    );
    let from = emu
        .call("GET", &format!("/snapshots?workload_id={w}&date_from={first}"), Some(MEMBER), None)
        .await
        .json();
    assert_eq!(from["snapshots"].as_array().unwrap().len(), list.len());
    // Another project sees its own only; all=true is for admins.
    let other =
        emu.raw("GET", &format!("/v1/{OTHER_PROJECT}/snapshots"), Some(MEMBER), None).await.json();
    assert!(other["snapshots"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["workload_id"] == "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"));
    assert_eq!(
        emu.call("GET", "/snapshots?all=true", Some(MEMBER), None).await.status,
        StatusCode::FORBIDDEN
    );
    let everything = emu.call("GET", "/snapshots?all=true", Some(ADMIN), None).await.json();
    assert!(everything["snapshots"].as_array().unwrap().len() > all_mine);
}

#[tokio::test]
async fn taking_a_snapshot_runs_its_lifecycle() {
    let emu = Emu::new();
    let w = "18b809de-d7c8-41e2-867d-4a306407fb11";
    let a = emu.call("POST", &format!("/workloads/{w}?full=True"), Some(MEMBER),
        Some(json!({"snapshot": {"name": "API taken", "description": "d", "is_scheduled": false}}))).await;
    assert_eq!(a.status, StatusCode::OK);
    let s = a.json()["snapshot"].clone();
    assert_eq!(s["status"], "creating");
    assert_eq!(s["snapshot_type"], "full");
    let id = s["id"].as_str().unwrap().to_owned();
    let lifecycle = wlm_emulator::spawn_lifecycle(emu.state.clone());
    let mut seen = Vec::new();
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let d = emu.call("GET", &format!("/snapshots/{id}"), Some(MEMBER), None).await.json()
            ["snapshot"]
            .clone();
        seen.push((
            d["status"].as_str().unwrap().to_owned(),
            d["progress_percent"].as_i64().unwrap(),
        ));
        if d["status"] == "available" {
            assert_eq!(d["progress_percent"], 100);
            assert_eq!(d["instances"].as_array().unwrap().len(), 2);
            assert_eq!(d["metadata"].as_array().unwrap().len(), 10);
            break;
        }
    }
    assert_eq!(seen.last().map(|s| s.0.as_str()), Some("available"), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "progress only rises: {seen:?}");
    assert!(seen.iter().any(|s| s.0 == "uploading"), "{seen:?}");

    // Incremental by default, then cancel it.
    let s = emu.call("POST", &format!("/workloads/{w}"), Some(MEMBER), None).await.json()
        ["snapshot"]
        .clone();
    assert_eq!(s["snapshot_type"], "incremental");
    let id2 = s["id"].as_str().unwrap().to_owned();
    let a = emu.call("GET", &format!("/snapshots/{id2}/cancel"), Some(MEMBER), None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.text, "");
    let mut status = String::new();
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        status = emu.call("GET", &format!("/snapshots/{id2}"), Some(MEMBER), None).await.json()
            ["snapshot"]["status"]
            .as_str()
            .unwrap()
            .to_owned();
        if status == "cancelled" {
            break;
        }
    }
    assert_eq!(status, "cancelled");
    assert_eq!(
        emu.call("GET", &format!("/snapshots/{id2}/cancel"), Some(MEMBER), None).await.status,
        StatusCode::BAD_REQUEST
    );

    // Delete answers a task id, then the snapshot is gone.
    let a = emu.call("DELETE", &format!("/snapshots/{id}"), Some(MEMBER), None).await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.json()["task"]["id"].is_string());
    let mut gone = false;
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        if emu.call("GET", &format!("/snapshots/{id}"), Some(MEMBER), None).await.status
            == StatusCode::NOT_FOUND
        {
            gone = true;
            break;
        }
    }
    assert!(gone);
    lifecycle.abort();
    assert_eq!(
        emu.call("POST", "/workloads/unknown", Some(MEMBER), None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn requests_are_recorded_and_faults_can_be_injected() {
    let emu = Emu::new();
    let fault = json!({"status": 502, "body": "<html><title>502 Bad Gateway</title></html>", "content_type": "text/html", "path_contains": "/snapshots"});
    assert_eq!(
        emu.call("POST", "/_emulator/fail_next", None, Some(fault)).await.status,
        StatusCode::NO_CONTENT
    );
    let a = emu.call("GET", "/snapshots", Some(MEMBER), None).await;
    assert_eq!(a.status, StatusCode::BAD_GATEWAY);
    assert_eq!(
        emu.call("GET", "/snapshots", Some(MEMBER), None).await.status,
        StatusCode::OK,
        "only the next one fails"
    );
    let log = emu.call("GET", "/_emulator/requests", None, None).await.json();
    let reqs = log["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 2);
    assert_eq!(reqs[0]["path"], format!("/v1/{DEMO_PROJECT}/snapshots"));
    assert_eq!(reqs[0]["project_header"], DEMO_PROJECT);
    assert_eq!(reqs[0]["accept"], "application/json");
    assert!(!log.to_string().contains(MEMBER), "tokens are never recorded");
}

#[tokio::test]
async fn malformed_bodies_are_400_not_crashes() {
    let emu = Emu::new();
    for body in ["{", "[]", "{\"backup_target\": 5}", "null"] {
        let req = Request::builder()
            .method("POST")
            .uri(format!("/v1/{DEMO_PROJECT}/backup_targets"))
            .header("x-auth-token", ADMIN)
            .body(Body::from(body))
            .unwrap();
        let res = router(emu.state.clone()).oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body}");
    }
}

#[tokio::test]
async fn a_held_snapshot_stands_still_until_it_is_let_go() {
    let emu = Emu::new();
    let w = "18b809de-d7c8-41e2-867d-4a306407fb11";
    let s = emu.call("POST", &format!("/workloads/{w}"), Some(MEMBER), None).await.json()
        ["snapshot"]
        .clone();
    let id = s["id"].as_str().unwrap().to_owned();
    let hold = json!({"id": id, "held": true, "stalled_minutes": 15});
    assert_eq!(
        emu.call("POST", "/_emulator/hold", None, Some(hold)).await.status,
        StatusCode::NO_CONTENT
    );
    let lifecycle = wlm_emulator::spawn_lifecycle(emu.state.clone());
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let d = emu.call("GET", &format!("/snapshots/{id}"), Some(MEMBER), None).await.json()
        ["snapshot"]
        .clone();
    assert_eq!(
        (d["status"].as_str(), d["progress_percent"].as_i64()),
        (Some("creating"), Some(0)),
        "{d}"
    );
    let updated = chrono::NaiveDateTime::parse_from_str(
        d["updated_at"].as_str().unwrap(),
        "%Y-%m-%dT%H:%M:%S%.f",
    )
    .unwrap();
    let still = chrono::Utc::now().naive_utc() - updated;
    assert!((14..=16).contains(&still.num_minutes()), "last updated {still} ago");
    assert!(d["created_at"].as_str() <= d["updated_at"].as_str(), "it started before it stalled");

    let go = json!({"id": id, "held": false});
    assert_eq!(
        emu.call("POST", "/_emulator/hold", None, Some(go)).await.status,
        StatusCode::NO_CONTENT
    );
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let d = emu.call("GET", &format!("/snapshots/{id}"), Some(MEMBER), None).await.json()
        ["snapshot"]
        .clone();
    assert!(d["progress_percent"].as_i64().unwrap() > 0, "moving again: {d}");
    lifecycle.abort();
    let unknown = json!({"id": "nope", "held": true});
    assert_eq!(
        emu.call("POST", "/_emulator/hold", None, Some(unknown)).await.status,
        StatusCode::NOT_FOUND
    );
}

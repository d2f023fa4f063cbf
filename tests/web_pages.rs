//! Pages in a real DOM: the login form, the shell, the create-target validation, the
//! snapshot list and detail with the documented samples.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::mount::mount_to;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wlm_console::app::Providers;
use wlm_console::components::DeleteSubject;
use wlm_console::models::Snapshot;
use wlm_console::pages::backup_targets::BackupTargetCreatePage;
use wlm_console::pages::login::LoginPage;
use wlm_console::pages::snapshots::poller::PollStatus;
use wlm_console::pages::snapshots::{CancelSnapshots, SnapshotDetail, SnapshotsTable};
use wlm_console::routes::Router;
use wlm_console::session::{self, Session};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn login_has_the_documented_fields_and_refuses_empty_input() {
    session::clear();
    let root = container();
    let _handle =
        mount_to(root.clone(), || view! { <Providers><Router><LoginPage/></Router></Providers> });
    settle().await;
    assert!(text(&find(&root, "label[for=login-project]")).contains("Project ID"));
    assert!(text(&find(&root, "label[for=login-token]")).contains("Token"));
    assert_eq!(find(&root, "#login-token").get_attribute("type").as_deref(), Some("password"));
    assert_eq!(text(&find(&root, "button[type=submit]")).trim(), "Sign in");
    submit(&root, "form");
    settle().await;
    assert_eq!(text(&find(&root, "#login-project-error")), "Enter the project ID.");
    assert_eq!(text(&find(&root, "#login-token-error")), "Enter a token.");
    assert!(session::load().is_none(), "nothing was stored");
    type_into(&root, "#login-project", "has space");
    submit(&root, "form");
    settle().await;
    assert!(text(&find(&root, "#login-project-error")).contains("only letters, digits"));
}

#[wasm_bindgen_test]
async fn the_shell_shows_project_navigation_and_signs_out() {
    session::save(&Session {
        endpoint: "/v1/{project_id}".into(),
        project_id: "proj-shell".into(),
        token: "t".into(),
        expires_at: None,
        clock_offset_ms: 0.0,
        identity: None,
    });
    let root = container();
    let _handle = mount_to(root.clone(), wlm_console::App);
    settle().await;
    let header = find(&root, ".app-header");
    assert!(text(&header).contains("proj-shell"));
    let links: Vec<String> = find_all(&root, "nav[aria-label=Main] a").iter().map(text).collect();
    assert_eq!(
        links,
        vec!["Overview", "Backup targets", "Target types", "Type access", "Snapshots"]
    );
    assert!(find(&root, "main#main").is_object());
    // The landing page is the overview, marked current in the navigation.
    gloo_timers::future::sleep(std::time::Duration::from_millis(200)).await;
    let current = find(&root, "nav[aria-label=Main] a[aria-current=page]");
    assert_eq!(text(&current), "Overview");
    let sign_out = find_all(&header, "button")
        .into_iter()
        .find(|b| text(b) == "Sign out")
        .expect("sign out button");
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&sign_out).click();
    settle().await;
    assert!(session::load().is_none());
    assert!(find_all(&root, ".app-header").is_empty());
    assert!(text(&root).contains("Sign in"));
}

#[wasm_bindgen_test]
async fn create_target_validates_each_field_before_sending() {
    let root = container();
    let _handle = mount_to(
        root.clone(),
        || view! { <Providers><Router><BackupTargetCreatePage/></Router></Providers> },
    );
    settle().await;
    submit(&root, "form");
    settle().await;
    assert!(text(&find(&root, "#bt-export-error")).contains("Enter the NFS export"));
    type_into(&root, "#bt-export", "192.168.1.34/mnt");
    submit(&root, "form");
    settle().await;
    assert!(text(&find(&root, "#bt-export-error")).contains("host:/path"));
    assert_eq!(find(&root, "#bt-export").get_attribute("aria-invalid").as_deref(), Some("true"));
    // S3 fields.
    click(&root, "input[value=s3]");
    settle().await;
    type_into(&root, "#bt-s3-url", "s3.example.com");
    type_into(&root, "#bt-s3-bucket", "Bad_Bucket");
    submit(&root, "form");
    settle().await;
    assert!(text(&find(&root, "#bt-s3-url-error")).contains("http:// or https://"));
    assert!(text(&find(&root, "#bt-s3-bucket-error")).contains("lowercase"));
    // Metadata rows: a value without a key is refused.
    click(&root, ".kv-editor button.btn--small");
    settle().await;
    type_into(&root, ".kv-editor__row input:nth-of-type(2)", "orphan");
    submit(&root, "form");
    settle().await;
    assert!(text(&find(&root, "#bt-meta-error")).contains("enter a key"));
    // Nothing typed was lost.
    assert_eq!(
        wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>(find(
            &root,
            "#bt-s3-bucket"
        ))
        .value(),
        "Bad_Bucket"
    );
    assert!(
        text(&find(&root, "button[type=submit]")).contains("Create target"),
        "no request started"
    );
}

fn mount_snapshot_table(
    root: &web_sys::HtmlElement,
    list: Vec<Snapshot>,
) -> (RwSignal<Vec<Snapshot>>, impl Drop) {
    let rows = RwSignal::new(list);
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(HashSet::<String>::new());
    let names: HashMap<String, String> =
        [("18b809de-d7c8-41e2-867d-4a306407fb11".to_owned(), "Workload_1".to_owned())].into();
    let handle = mount_to(root.clone(), move || {
        view! {
            <SnapshotsTable rows search workload_names=names.clone() selected on_cancel=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    });
    (rows, handle)
}

#[wasm_bindgen_test]
async fn snapshot_list_renders_the_documented_sample() {
    let root = container();
    let list: Vec<Snapshot> = decode("snapshots_list", "snapshots", "snapshot");
    let (_rows, _handle) = mount_snapshot_table(&root, list);
    settle().await;
    let rows = find_all(&root, "tbody tr");
    assert_eq!(rows.len(), 1);
    let row = text(&rows[0]);
    assert!(
        row.contains("snapshot")
            && row.contains("available")
            && row.contains("full")
            && row.contains("TVM1")
    );
    assert!(row.contains("Workload_1"), "workload shown by name");
    assert!(row.contains("Complete"));
    assert!(find_all(&rows[0], "button").iter().any(|b| text(b) == "Delete"));
    assert!(!find_all(&rows[0], "button").iter().any(|b| text(b) == "Cancel"));
}

#[wasm_bindgen_test]
async fn the_snapshot_search_ignores_case_and_accents_in_any_script() {
    let root = container();
    let sample: Snapshot = decode("snapshot_show", "snapshot", "snapshots");
    let named = |id: &str, name: &str| {
        let mut s = sample.clone();
        (s.id, s.name) = (id.into(), Some(name.into()));
        s
    };
    let list = vec![
        named("a", "Été-Lyon"),
        named("b", "Москва-daily"),
        named("c", "nightly-ΣΟΦΙΑ"),
        named("d", "Zürich-weekly"),
    ];
    let rows = RwSignal::new(list);
    let search = RwSignal::new(String::new());
    let _handle = mount_to(root.clone(), move || {
        view! {
            <SnapshotsTable rows search workload_names=HashMap::new() selected=RwSignal::new(HashSet::new())
                on_cancel=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    });
    for (typed, found) in [
        ("ÉTÉ", "Été-Lyon"),
        ("ete lyon", "Été-Lyon"),
        ("москва", "Москва-daily"),
        ("NIGHTLY-σοφια", "nightly-ΣΟΦΙΑ"),
        ("zurich", "Zürich-weekly"),
        ("ZÜRICH", "Zürich-weekly"),
    ] {
        search.set(typed.into());
        settle().await;
        let shown: Vec<String> = find_all(&root, "tbody tr").iter().map(text).collect();
        assert_eq!(shown.len(), 1, "{typed}: {shown:?}");
        assert!(shown[0].contains(found), "{typed}: {shown:?}");
    }
}

#[wasm_bindgen_test]
async fn a_snapshot_whose_cancel_was_accepted_says_so_and_offers_no_second_cancel() {
    let root = container();
    let taken: Snapshot = decode("snapshot_take", "snapshot", "snapshots");
    let mut other = taken.clone();
    other.id = "other-running".into();
    other.name = Some("other-run".into());
    let rows = RwSignal::new(vec![taken.clone(), other]);
    let accepted = RwSignal::new(HashSet::from([taken.id.clone()]));
    let asked = RwSignal::new(Vec::<String>::new());
    let on_cancel = Callback::new(move |s: Snapshot| asked.update(|a| a.push(s.id)));
    let _handle = mount_to(root.clone(), move || {
        view! {
            <SnapshotsTable rows search=RwSignal::new(String::new()) workload_names=HashMap::new()
                selected=RwSignal::new(HashSet::new()) on_cancel on_delete=Callback::new(|_| {})
                cancel_accepted=accepted/>
        }
    });
    settle().await;
    let cancel_of =
        |id: &str| find(&root, &format!("tr[data-snapshot-id='{id}'] .cell--actions button"));
    let requested = cancel_of(&taken.id);
    assert_eq!(text(&requested), "Cancel requested");
    assert!(requested.has_attribute("disabled"), "no second cancel for it");
    let label = requested.get_attribute("aria-label").unwrap_or_default();
    assert!(label.starts_with("Cancel requested for snapshot"), "{label}");
    let open = cancel_of("other-running");
    assert_eq!(text(&open), "Cancel");
    assert!(!open.has_attribute("disabled"), "the others can still be cancelled");
    click(&root, "tr[data-snapshot-id='other-running'] .cell--actions button");
    settle().await;
    assert_eq!(asked.get_untracked(), vec!["other-running".to_owned()]);
    accepted.update(|a| {
        a.insert("other-running".into());
    });
    settle().await;
    assert_eq!(text(&cancel_of("other-running")), "Cancel requested");
}

#[wasm_bindgen_test]
async fn progress_bars_follow_the_snapshot_state() {
    let root = container();
    let taken: Snapshot = decode("snapshot_take", "snapshot", "snapshots");
    let (rows, _handle) = mount_snapshot_table(&root, vec![taken.clone()]);
    settle().await;
    let row = find(&root, "tbody tr");
    assert_eq!(row.get_attribute("data-status").as_deref(), Some("creating"));
    assert!(find_all(&row, "[role=progressbar]").len() == 1);
    assert!(find_all(&row, "button").iter().any(|b| text(b) == "Cancel"));
    rows.update(|r| {
        r[0].status = Some("uploading".into());
        r[0].progress_percent = Some(64.0);
        r[0].progress_msg = Some("Uploading snapshot data".into());
    });
    settle().await;
    let row = find(&root, "tbody tr");
    assert_eq!(
        find(&row, "[role=progressbar]").get_attribute("aria-valuenow").as_deref(),
        Some("64")
    );
    assert!(text(&row).contains("Uploading snapshot data"));
    rows.update(|r| r[0].status = Some("available".into()));
    settle().await;
    let row = find(&root, "tbody tr");
    assert!(find_all(&row, "[role=progressbar]").is_empty());
    assert!(text(&row).contains("Complete"));
    rows.update(|r| r[0].status = Some("error".into()));
    settle().await;
    assert!(find(&root, "tbody .badge").class_name().contains("badge--danger"));
}

#[wasm_bindgen_test]
async fn snapshot_detail_shows_every_section_of_the_sample() {
    let root = container();
    let snap: Snapshot = decode("snapshot_show", "snapshot", "snapshots");
    let _handle = mount_to(root.clone(), move || {
        let to_delete = RwSignal::new(None::<DeleteSubject>);
        let detail = move || {
            // Inside the providers: cancelling announces through their toasts.
            let cancel = CancelSnapshots::new(RwSignal::new(Vec::new()));
            view! { <SnapshotDetail snapshot=snap.clone() workload=Some("Workload_1".into()) live=PollStatus::idle() cancel to_delete/> }
        };
        view! { <Providers><Router>{detail()}</Router></Providers> }
    });
    settle().await;
    let all = text(&root);
    for expected in [
        "API taken 2",
        "available",
        "full",
        "Workload_1",
        "42.1 MiB",
        "2.0 GiB",
        "7 min 08 s",
        "TVM1",
        "Instances (2)",
        "cirros-1",
        "cirros-2",
        "fa:16:3e:cf:10:91",
        "192.168.100.80",
        "192.168.100.0/24",
        "192.168.100.1",
        "51491d30-9818-4332-b056-1f174e65d3e3",
        "/dev/vda",
        "iscsi",
        // The server's values inside the console's words keep their direction to themselves.
        "\u{2068}1\u{2069} vCPU",
        "\u{2068}default\u{2069} (\u{2068}neutron\u{2069})",
        "Metadata (10)",
        "backup_media_target",
        "10.10.2.20:/upstream",
        "workload_approx_backup_size",
    ] {
        assert!(all.contains(expected), "missing {expected}");
    }
    // hostnames is a JSON list inside a string: shown as a list.
    let lists = find_all(&root, "ul.structured li");
    let items: Vec<String> = lists.iter().map(text).collect();
    assert!(
        items.contains(&"cirros-1".to_owned()) && items.contains(&"cirros-2".to_owned()),
        "{items:?}"
    );
    // vm_metadata (an object inside a string) is shown as key/value pairs.
    assert!(all.contains("workload_name") && all.contains("trilio_ordered_interfaces"));
    assert_eq!(find_all(&root, "article.instance").len(), 2);
    // Finished snapshots offer delete, not cancel.
    let buttons: Vec<String> = find_all(&root, ".page-header button").iter().map(text).collect();
    assert!(
        buttons.contains(&"Delete".to_owned()) && !buttons.iter().any(|b| b.contains("Cancel"))
    );
}

#[wasm_bindgen_test]
async fn snapshot_filters_go_into_the_url_with_the_api_parameter_names() {
    session::save(&Session {
        endpoint: "/v1/{project_id}".into(),
        project_id: "proj-f".into(),
        token: "t".into(),
        expires_at: None,
        clock_offset_ms: 0.0,
        identity: None,
    });
    let root = container();
    let _handle = mount_to(
        root.clone(),
        || view! { <Providers><Router><wlm_console::pages::snapshots::SnapshotsPage/></Router></Providers> },
    );
    settle().await;
    type_into(&root, "#filter-workload-id", "w-1");
    type_into(&root, "#filter-host", "TVM1");
    type_into(&root, "#filter-date-from", "2024-03-01T00:00:00");
    click(&root, "#filter-all");
    submit(&root, "form[aria-label='Snapshot filters']");
    settle().await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.pathname().unwrap(), "/snapshots");
    assert_eq!(
        location.search().unwrap(),
        "?workload_id=w-1&host=TVM1&date_from=2024-03-01T00%3A00%3A00&all=true"
    );
    // A date in another format is refused at the field and the URL stays.
    type_into(&root, "#filter-date-to", "2024-03-01");
    submit(&root, "form[aria-label='Snapshot filters']");
    settle().await;
    assert!(text(&find(&root, "#filter-date-to-error")).contains("YYYY-MM-DDTHH:MM:SS"));
    assert!(!location.search().unwrap().contains("date_to"));
    session::clear();
}

/// A session whose token ends `minutes_left` minutes from now (on Keystone's clock, which
/// here is the browser's), signed in through Keystone as `admin`.
fn keystone_session(minutes_left: f64) -> Session {
    let end = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        js_sys::Date::now() + minutes_left * 60_000.0,
    ));
    let iso: String = end.to_iso_string().into();
    Session {
        endpoint: "/v1/{project_id}".into(),
        project_id: "proj-exp".into(),
        token: "t".into(),
        expires_at: Some(iso.trim_end_matches('Z').to_owned()),
        clock_offset_ms: 0.0,
        identity: Some(session::Identity {
            keystone_url: "/identity/v3".into(),
            user_id: "u1".into(),
            user_name: "admin".into(),
            user_domain: "Default".into(),
            project_name: "demo".into(),
            region: Some("RegionOne".into()),
            roles: vec!["admin".into()],
        }),
    }
}

#[wasm_bindgen_test]
async fn a_token_about_to_expire_is_announced_and_can_be_renewed_in_place() {
    session::save(&keystone_session(3.0));
    let root = container();
    let _handle = mount_to(root.clone(), wlm_console::App);
    settle().await;
    let header = text(&find(&root, ".app-header"));
    assert!(
        header.contains("admin") && header.contains("demo") && header.contains("RegionOne"),
        "{header}"
    );
    let banner = find(&root, ".banner[role=status]");
    assert!(text(&banner).contains("expires in about 3 minutes"), "{}", text(&banner));
    click(&root, ".banner button");
    settle().await;
    let dialog: web_sys::HtmlDialogElement =
        find(&root, "dialog[aria-labelledby=reauth-title]").unchecked_into();
    assert!(dialog.open(), "the renewal dialog opens over the page");
    assert_eq!(
        find(&root, "#signin-user").unchecked_into::<web_sys::HtmlInputElement>().value(),
        "admin"
    );
    assert!(find_all(&root, "#signin-project").is_empty(), "a renewal keeps the project");
    assert!(text(&dialog).contains("Not now"), "a renewal before expiry may wait");
}

#[wasm_bindgen_test]
async fn an_expired_token_is_never_sent_and_asks_for_a_new_sign_in() {
    let expired = keystone_session(-1.0);
    let asked = std::rc::Rc::new(std::cell::Cell::new(None));
    let seen = asked.clone();
    let client =
        expired.client().with_unauthorized_handler(move |was_expired| seen.set(Some(was_expired)));
    let result = wlm_console::api::backup_targets::list_backup_targets(&client).await;
    let Err(wlm_console::api::ApiError::Unauthorized { message, request_id }) = result else {
        panic!("expected a refusal without a request, got {result:?}")
    };
    assert!(message.contains("not sent"), "{message}");
    assert_eq!(request_id, None, "no request was made");
    assert_eq!(asked.get(), Some(true), "the app is told the token expired");
}

//! Components in a real DOM (headless Chromium): session store, badges, fields, dialogs,
//! progress bars, and the target and type tables with the documented samples.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::mount::mount_to;
use leptos::prelude::*;
use support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wlm_console::app::Providers;
use wlm_console::components::{
    ConfirmDialog, DeleteDialog, DeleteSubject, KeyValueEditor, KvRow, ProgressBar, StatusBadge,
    TextField, Time,
};
use wlm_console::models::{BackupTarget, TargetKind, TargetType, Visibility};
use wlm_console::pages::backup_targets::TargetsTable;
use wlm_console::pages::target_types::TypesTable;
use wlm_console::session::{self, Session, SessionCtx, STORAGE_KEY};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().session_storage().unwrap().unwrap()
}

fn demo_session() -> Session {
    Session {
        endpoint: "/v1/{project_id}".into(),
        project_id: "proj1".into(),
        token: "secret-token-123".into(),
        expires_at: None,
        clock_offset_ms: 0.0,
        identity: None,
    }
}

#[wasm_bindgen_test]
fn session_lives_in_session_storage_and_sign_out_clears_it() {
    session::clear();
    let owner = Owner::new();
    owner.with(|| {
        let ctx = SessionCtx::new();
        assert!(!ctx.is_signed_in());
        ctx.sign_in(demo_session());
        assert!(ctx.is_signed_in());
        assert_eq!(session::load(), Some(demo_session()));
        assert!(storage().get_item(STORAGE_KEY).unwrap().unwrap().contains("proj1"));
        assert!(
            !format!("{:?}", demo_session()).contains("secret-token-123"),
            "Debug never prints the token"
        );
        ctx.sign_out(Some("bye".into()));
        assert!(!ctx.is_signed_in());
        assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None);
        assert_eq!(ctx.notice.get_untracked().as_deref(), Some("bye"));
    });
}

#[wasm_bindgen_test]
fn an_expired_or_garbled_session_is_not_loaded() {
    storage().set_item(STORAGE_KEY, "{not json").unwrap();
    assert_eq!(session::load(), None);
    let expired = Session { expires_at: Some("2000-01-01T00:00:00".into()), ..demo_session() };
    session::save(&expired);
    assert_eq!(session::load(), None);
    assert_eq!(storage().get_item(STORAGE_KEY).unwrap(), None, "the expired session is removed");
}

#[wasm_bindgen_test]
fn a_fractional_clock_offset_is_stored_as_the_same_number() {
    // Numbers that are not whole are written by the browser's own Number formatting.
    for offset in [-1234.567, 0.1, 86_399_999.999, 90_000.0] {
        let skewed = Session { clock_offset_ms: offset, ..demo_session() };
        session::save(&skewed);
        assert_eq!(session::load().map(|s| s.clock_offset_ms), Some(offset));
    }
    session::clear();
}

#[wasm_bindgen_test]
fn a_crash_shows_one_banner_with_a_reload_link_and_no_details() {
    use wlm_console::crash::{show_crash_banner, BANNER_ID};
    show_crash_banner();
    show_crash_banner();
    let doc = support::document();
    assert_eq!(find_all(&doc.body().unwrap(), "#crash-banner").len(), 1, "shown once");
    let banner = doc.get_element_by_id(BANNER_ID).unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(text(&banner).contains("stopped working"));
    let reload = find(&banner, "a");
    assert_eq!(text(&reload), "Reload the console");
    assert_eq!(reload.get_attribute("href"), web_sys::window().unwrap().location().href().ok());
    banner.remove();
}

#[wasm_bindgen_test]
async fn status_badges_say_the_status_in_words() {
    let root = container();
    let _handle = mount_to(
        root.clone(),
        || view! { <StatusBadge status="offline"/><StatusBadge status="creating"/> },
    );
    settle().await;
    let badges = find_all(&root, ".badge");
    assert_eq!(badges.len(), 2);
    assert_eq!(text(&badges[0]).trim(), "offline");
    assert!(badges[0].class_name().contains("badge--danger"));
    assert!(badges[1].class_name().contains("badge--progress"));
}

#[wasm_bindgen_test]
async fn a_time_reads_as_date_and_clock_and_an_unreadable_one_as_sent() {
    let root = container();
    let _handle = mount_to(root.clone(), || {
        view! {
            <Time value=Some("2026-12-03T14:08:41.000000".to_owned())/>
            <Time value=Some("last tuesday, \u{202E}late".to_owned())/>
            <Time value=None/>
        }
    });
    settle().await;
    let times = find_all(&root, "time");
    assert_eq!(times.len(), 2);
    let shown = wlm_console::format::local_time("2026-12-03T14:08:41.000000");
    assert_eq!(text(&times[0]), shown, "one line of text, as before the split");
    let (date, _) = shown.split_once(' ').expect("a date and a clock");
    assert_eq!(text(&find_all(&times[0], ".time__date")[0]), date, "the date never breaks");
    assert_eq!(times[0].get_attribute("datetime").as_deref(), Some("2026-12-03T14:08:41.000000Z"));
    assert_eq!(text(&times[1]), "last tuesday, \u{202E}late", "as sent");
    assert!(find_all(&times[1], ".time__date").is_empty(), "not a date: free to wrap");
    assert_eq!(find_all(&times[1], "bdi").len(), 1, "isolated for direction");
    assert_eq!(times[1].get_attribute("datetime"), None, "no machine-readable time claimed");
    assert!(text(&root).ends_with('—'), "no time, a dash");
}

#[wasm_bindgen_test]
async fn text_fields_are_labelled_and_announce_their_error() {
    let root = container();
    let value = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let _handle = mount_to(
        root.clone(),
        move || view! { <TextField id="f1" label="Bucket" value error hint="3–63 characters"/> },
    );
    settle().await;
    let label = find(&root, "label[for=f1]");
    assert!(text(&label).contains("Bucket"));
    let input = find(&root, "#f1");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("false"));
    type_into(&root, "#f1", "My_Bucket");
    settle().await;
    assert_eq!(value.get_untracked(), "My_Bucket");
    error.set(Some("Use only lowercase letters.".into()));
    settle().await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input.get_attribute("aria-describedby").unwrap().contains("f1-error"));
    assert_eq!(text(&find(&root, "#f1-error")), "Use only lowercase letters.");
}

#[wasm_bindgen_test]
async fn metadata_rows_renumber_keep_focus_and_tell_their_form_when_they_come_and_go() {
    let root = container();
    let rows =
        RwSignal::new(vec![KvRow::new("a", "1"), KvRow::new("b", "2"), KvRow::new("c", "3")]);
    // The rows on screen each time the form hears of a change.
    let heard = RwSignal::new(Vec::<usize>::new());
    let drawn = root.clone();
    let _handle = mount_to(root.clone(), move || {
        let drawn = drawn.clone();
        let on_input = move |_| {
            let n = find_all(&drawn, ".kv-editor__row").len();
            heard.update(|seen| seen.push(n));
        };
        view! {
            <form on:input=on_input>
                <KeyValueEditor id="m" legend="Metadata" rows/>
            </form>
        }
    });
    settle().await;
    let active = || support::document().active_element().and_then(|el| el.get_attribute("id"));
    let label_of = |row: &KvRow| text(&find(&root, &format!("label[for=m-key-{}]", row.id)));
    let [_, b, c] = rows.get_untracked().try_into().unwrap();
    click(&root, "button[aria-label='Remove metadata row 1']");
    settle().await;
    assert_eq!(rows.get_untracked().len(), 2);
    assert_eq!((label_of(&b), label_of(&c)), ("Key 1".to_owned(), "Key 2".to_owned()));
    assert!(find_all(&root, "button[aria-label='Remove metadata row 3']").is_empty());
    assert_eq!(active(), Some(format!("m-key-{}", b.id)), "focus goes to the next row");
    assert_eq!(heard.get_untracked(), [2], "the form hears of the removed row, once it is gone");
    click(&root, "button[aria-label='Remove metadata row 2']");
    settle().await;
    assert_eq!(active().as_deref(), Some("m-add"), "after the last row, focus goes to Add");
    click(&root, "#m-add");
    settle().await;
    assert_eq!(heard.get_untracked(), [2, 1, 2], "and of a row added, once it is drawn");
    let added = rows.get_untracked()[1].id;
    assert_eq!(active(), Some(format!("m-key-{added}")), "focus goes to the new row's key");
}

#[wasm_bindgen_test]
async fn progress_bars_clamp_and_write_the_percentage() {
    let root = container();
    let p = RwSignal::new(42.4);
    let _handle = mount_to(
        root.clone(),
        move || view! { <ProgressBar percent=p label="Snapshot progress" detail=Signal::derive(|| "Uploading".to_owned())/> },
    );
    settle().await;
    let bar = find(&root, "[role=progressbar]");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("42"));
    assert!(text(&root).contains("42 %") && text(&root).contains("Uploading"));
    let fill = find(&root, "[role=progressbar] > div").get_attribute("style").unwrap_or_default();
    assert!(fill.contains("width: 42.4%"), "the bar's width is to a tenth: {fill}");
    p.set(42.1);
    settle().await;
    let fill = find(&root, "[role=progressbar] > div").get_attribute("style").unwrap_or_default();
    assert!(fill.contains("width: 42.1%"), "a tenth moves the bar: {fill}");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("42"));
    p.set(150.0);
    settle().await;
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("100"));
    p.set(0.0);
    settle().await;
    assert!(text(&root).contains("0 %"));
}

#[wasm_bindgen_test]
async fn confirm_dialog_is_modal_and_escape_closes_it() {
    let root = container();
    let open = RwSignal::new(false);
    let confirmed = RwSignal::new(0);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <ConfirmDialog open on_close=Callback::new(move |_| open.set(false)) title=Signal::derive(|| "Delete?".to_owned()) confirm_label=Signal::derive(|| "Delete it".to_owned())
                busy=Signal::derive(|| false) danger=true on_confirm=Callback::new(move |_| confirmed.update(|n| *n += 1))>
                <p>"Body text"</p>
            </ConfirmDialog>
        }
    });
    settle().await;
    let dialog: web_sys::HtmlDialogElement = find(&root, "dialog").unchecked_into();
    assert!(!dialog.open());
    open.set(true);
    settle().await;
    assert!(dialog.open(), "opened as a modal");
    let buttons = find_all(&root, "dialog button");
    assert_eq!(text(&buttons[1]), "Delete it");
    buttons[1].unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert_eq!(confirmed.get_untracked(), 1);
    fire(&dialog, "cancel"); // what Escape sends
    settle().await;
    assert!(!open.get_untracked());
    assert!(!dialog.open());
    // Closed and opened again before the browser's close event comes (Stay, then Back at once).
    open.set(true);
    settle().await;
    open.set(false);
    leptos::task::tick().await;
    open.set(true);
    settle().await;
    assert!(open.get_untracked(), "the late close event is not taken for the admin's");
    assert!(dialog.open());
}

#[wasm_bindgen_test]
async fn delete_dialog_names_the_item_and_repeats_the_warning() {
    let root = container();
    let subject = RwSignal::new(None::<DeleteSubject>);
    fn never(
        _: wlm_console::api::Client,
        _: String,
    ) -> futures::future::LocalBoxFuture<'static, Result<String, wlm_console::api::ApiError>> {
        Box::pin(async { Ok(String::new()) })
    }
    let _handle = mount_to(root.clone(), move || {
        view! {
            <Providers>
                <DeleteDialog subject noun="backup target" warning=wlm_console::pages::backup_targets::DELETE_WARNING delete=never
                    request=wlm_console::api::backup_targets::delete_request
                    on_deleted=Callback::new(|_| {})/>
            </Providers>
        }
    });
    subject.set(Some(DeleteSubject { id: "t1".into(), label: "10.0.0.1:/exports/x".into() }));
    settle().await;
    let dialog: web_sys::HtmlDialogElement = find(&root, "dialog").unchecked_into();
    assert!(dialog.open());
    let body = text(&dialog);
    assert!(body.contains("10.0.0.1:/exports/x"));
    assert!(body.contains(
        "Removing Backup Target from an active Workload can lead to inconsistent behavior"
    ));
    assert!(body.contains("Delete backup target"));
}

fn mount_targets(
    root: &web_sys::HtmlElement,
    targets: Vec<BackupTarget>,
    types: Vec<TargetType>,
) -> impl Drop {
    let search = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<TargetKind>);
    mount_to(root.clone(), move || {
        view! {
            <TargetsTable targets=targets.clone() types=types.clone() search kind
                on_set_default=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    })
}

#[wasm_bindgen_test]
async fn targets_table_shows_the_5_0_sample() {
    let root = container();
    let targets: Vec<BackupTarget> =
        decode("backup_targets_list", "backup_targets", "backup_target");
    let types: Vec<TargetType> =
        decode("target_types_detail", "backup_target_types", "backup_target_type");
    let _handle = mount_targets(&root, targets, types);
    settle().await;
    let rows = find_all(&root, "tbody tr");
    assert_eq!(rows.len(), 3);
    let all = text(&root);
    assert!(all.contains("192.168.1.34:/mnt/tvault/162"), "nfs_export shown as the export");
    assert!(all.contains("Showing 3 of 3 targets"));
    assert!(text(&rows[0]).contains("NFS"));
    assert!(all.contains("50 %"), "usage bar for 1.2 TB of 2.4 TB");
    assert!(all.contains("offline") && all.contains("available"));
    // The type name links to its detail page.
    let link = find(&root, "a[href='/target-types/13dd2bf2-12c5-4eb8-98a3-0f1dd9f8579f']");
    assert_eq!(text(&link), "nfs_1");
    // Sorted by export, ascending; one click on the header reverses it.
    assert!(text(&find_all(&root, "tbody tr")[0]).contains("/mnt/tvault/162"));
    let header = find_all(&root, "th button")[1].clone();
    header.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let order: Vec<String> = find_all(&root, "tbody tr").iter().map(text).collect();
    assert!(order[0].contains("cephs3.triliodata.demo/trilio-qamanual"), "{order:?}");
    assert!(order[2].contains("/mnt/tvault/162"), "{order:?}");
    assert_eq!(find_all(&root, "th")[1].get_attribute("aria-sort").as_deref(), Some("descending"));
}

#[wasm_bindgen_test]
async fn targets_table_shows_the_5_2_sample_and_filters_by_type() {
    let root = container();
    let a: BackupTarget = decode("backup_target_create", "backup_targets", "backup_target");
    let b: BackupTarget = decode("backup_target_set_default", "backup_targets", "backup_target");
    let search = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<TargetKind>);
    let mut nfs = a.clone();
    nfs.id = "n1".into();
    nfs.kind = Some("nfs".into());
    nfs.filesystem_export = Some("10.0.0.9:/exports/nine".into());
    nfs.backup_target_types.clear();
    let targets = vec![a, b, nfs];
    let _handle = mount_to(root.clone(), move || {
        view! {
            <TargetsTable targets=targets.clone() types=vec![] search kind on_set_default=Callback::new(|_| {}) on_delete=Callback::new(|_| {})/>
        }
    });
    settle().await;
    assert!(
        text(&root).contains("cephs3.triliodata.demo/object-locked-cephs3-2"),
        "filesystem_export shown"
    );
    assert!(text(&root).contains("Object lock"));
    kind.set(Some(TargetKind::Nfs));
    settle().await;
    assert_eq!(find_all(&root, "tbody tr").len(), 1);
    kind.set(None);
    search.set("object-locked".into());
    settle().await;
    assert_eq!(find_all(&root, "tbody tr").len(), 2);
    search.set("nothing-like-this".into());
    settle().await;
    assert!(text(&root).contains("No target matches the filter."));
}

#[wasm_bindgen_test]
async fn api_strings_render_as_text_never_html() {
    let root = container();
    let evil = "<img src=x onerror=alert(1)>";
    let mut types: Vec<TargetType> =
        decode("target_types_detail", "backup_target_types", "backup_target_type");
    types[0].name = Some(evil.into());
    types[0].description = Some("<b>bold</b>".into());
    types[0].backup_target_type_metadata =
        vec![wlm_console::models::KeyValue::new("<script>", "x")];
    let search = RwSignal::new(String::new());
    let visibility = RwSignal::new(None::<Visibility>);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <TypesTable types=types.clone() targets=vec![] search visibility on_delete=Callback::new(|_| {})/>
        }
    });
    settle().await;
    assert!(text(&root).contains(evil), "the name is shown literally");
    assert!(text(&root).contains("<b>bold</b>"));
    assert!(find_all(&root, "img").is_empty(), "no element was created from the name");
    assert!(find_all(&root, "tbody b").is_empty());
    assert!(find_all(&root, "tbody script").is_empty());
}

#[wasm_bindgen_test]
async fn types_table_shows_projects_and_metadata() {
    let root = container();
    let t: TargetType =
        decode("target_type_add_projects", "backup_target_types", "backup_target_type");
    let search = RwSignal::new(String::new());
    let visibility = RwSignal::new(None::<Visibility>);
    let _handle = mount_to(root.clone(), move || {
        view! {
            <TypesTable types=vec![t.clone()] targets=vec![] search visibility on_delete=Callback::new(|_| {})/>
        }
    });
    settle().await;
    let all = text(&root);
    assert!(
        all.contains("s3_2")
            && all.contains("Private")
            && all.contains("2 projects")
            && all.contains("dg1=dg2")
    );
    assert!(all.contains("fc439373e340459fb28202b2412e26c0"));
    visibility.set(Some(Visibility::Public));
    settle().await;
    assert!(text(&root).contains("No type matches the filter."));
}

#[wasm_bindgen_test]
fn names_sort_with_accented_letters_among_their_base_letters_and_numbers_by_value() {
    use wlm_console::components::data_table::text_key;
    use wlm_console::components::SortState;
    let names = ["Zeta", "Été", "apfel", "Ärger", "eclair", "web-10", "web-9", "Øst"];
    let sort = SortState::new((), true);
    let order = sort.order(&names, |name, ()| text_key(name));
    let sorted: Vec<&str> = order.iter().map(|&i| names[i as usize]).collect();
    // Ø is a letter of its own, not an O with a mark: after z, as in the Unicode order.
    assert_eq!(sorted, ["apfel", "Ärger", "eclair", "Été", "web-9", "web-10", "Zeta", "Øst"]);
}

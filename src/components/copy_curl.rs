//! "Copy as curl": the documented request a button sends, as a shell command with
//! `$OS_TOKEN` where the token goes. The token itself never reaches the clipboard.

use crate::api::ApiRequest;
use crate::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The project's endpoint as an absolute URL: behind one origin it is a path.
fn absolute(base: &str) -> String {
    if !base.starts_with('/') {
        return base.to_owned();
    }
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{base}")
}

/// Writes `text` to the clipboard; false when the browser refuses.
async fn write_clipboard(text: &str) -> bool {
    use crate::js::{call_method, property};
    let Some(window) = web_sys::window() else { return false };
    let Some(clipboard) = property(&window.navigator().into(), "clipboard") else { return false };
    let Some(promise) = call_method(&clipboard, "writeText", &[text.into()]) else { return false };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return false };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[derive(Clone, PartialEq)]
enum Copied {
    No,
    Yes,
    /// No session to build the command from (a new sign-in is asked for).
    NoSession,
    /// The clipboard was refused: the command is shown to be copied by hand.
    Refused(String),
}

/// A button that copies `request` as a curl command for this session's endpoint and project.
#[component]
pub fn CopyCurl(
    /// The request the neighbouring button sends, built by the same function the client uses.
    #[prop(into)]
    request: Signal<ApiRequest>,
    /// Which action, for pages with several: "Copy delete as curl".
    #[prop(optional)]
    action: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_session();
    let copied = RwSignal::new(Copied::No);
    let label = match action {
        Some(a) => format!("Copy {a} as curl"),
        None => "Copy as curl".to_owned(),
    };
    let copy = move |_| {
        let Some(client) = ctx.client() else {
            copied.set(Copied::NoSession);
            return;
        };
        let command =
            request.with_untracked(|r| r.curl(&absolute(client.base()), client.project_id()));
        leptos::task::spawn_local(async move {
            let state = if write_clipboard(&command).await {
                Copied::Yes
            } else {
                Copied::Refused(command)
            };
            copied.try_set(state);
        });
    };
    let said = move || match copied.get() {
        Copied::No => String::new(),
        Copied::Yes => "Copied: run it with the token in $OS_TOKEN.".to_owned(),
        Copied::NoSession => {
            "Sign in again first: the command names this session's endpoint.".to_owned()
        }
        Copied::Refused(_) => {
            "The browser refused the clipboard: copy the command below.".to_owned()
        }
    };
    let by_hand = move || match copied.get() {
        Copied::Refused(command) => Some(view! {
            <textarea class="curl__command mono" readonly aria-label="curl command" rows="3" prop:value=command></textarea>
        }),
        _ => None,
    };
    view! {
        <span class="curl">
            <button type="button" class="btn btn--ghost btn--small" on:click=copy>{label}</button>
            <span class="curl__status" role="status">{said}</span>
            {by_hand}
        </span>
    }
}

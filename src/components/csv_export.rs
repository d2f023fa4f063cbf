//! "Export CSV": what a table shows (after its filters and search) as a file.

use super::TableColumn;
use crate::models::csv::csv_text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A table's export: the file name and the text, built only when asked for.
#[derive(Clone, Copy)]
pub struct CsvExport {
    pub file: &'static str,
    pub text: Callback<(), String>,
}

impl CsvExport {
    pub fn new(file: &'static str, text: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self { file, text: Callback::new(move |()| text()) }
    }
}

/// The CSV of `rows` with one column per `C` (the table's columns, by their headers).
pub fn table_csv<'a, T: 'a, C: TableColumn>(
    rows: impl Iterator<Item = &'a T>,
    cell: impl Fn(&T, C) -> String,
) -> String {
    let header: Vec<String> = C::ALL.iter().map(|c| c.header()).collect();
    let body: Vec<Vec<String>> =
        rows.map(|r| C::ALL.iter().map(|c| cell(r, *c)).collect()).collect();
    csv_text(&header, &body)
}

/// Hands `text` to the browser as a download named `file`.
fn download(file: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file);
    link.click();
    web_sys::Url::revoke_object_url(&url).ok()
}

#[component]
pub fn CsvButton(export: CsvExport) -> impl IntoView {
    let failed = RwSignal::new(false);
    let run = move |_| {
        let text = export.text.run(());
        failed.set(download(export.file, &text).is_none());
    };
    view! {
        <button type="button" class="btn btn--ghost btn--small" on:click=run>"Export CSV"</button>
        <Show when=move || failed.get()>
            <span role="alert" class="field__error">"The browser did not start the download."</span>
        </Show>
    }
}

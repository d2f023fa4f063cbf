//! What a list left out: the entries of the server's answer that could not be read.

use super::ApiText;
use leptos::prelude::*;

/// How many reasons are listed; the rest are counted.
const SHOWN: usize = 5;

/// Nothing when every entry was read; otherwise how many were not, and why (the first few).
#[component]
pub fn UnreadableNotice(lines: Vec<String>, noun: &'static str) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        let heading = match lines.len() {
            1 => format!("1 {noun} in the server's answer could not be read and is not shown:"),
            n => format!("{n} {noun}s in the server's answer could not be read and are not shown:"),
        };
        let more = lines.len().saturating_sub(SHOWN);
        let items = lines
            .into_iter()
            .take(SHOWN)
            .map(|l| view! { <li><ApiText text=l max=200/></li> })
            .collect_view();
        view! {
            <div class="notice notice--warning" role="status">
                <p>{heading}</p>
                <ul class="notice__list">{items}</ul>
                {(more > 0).then(|| view! { <p>{format!("…and {more} more.")}</p> })}
            </div>
        }
    })
}

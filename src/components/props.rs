//! Read-only values: a labelled row of a definition list, a compact table, and API times.

use leptos::either::Either;
use leptos::prelude::*;

/// A definition list row; a plain function so its value is built in place.
pub fn prop_row(label: &str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="props__row">
            <dt class="props__label">{label.to_owned()}</dt>
            <dd class="props__value" dir="auto">{value}</dd>
        </div>
    }
}

/// A compact table with a header row; `cells` writes one row's cells.
pub fn compact_table<T, V: IntoView + 'static>(
    label: impl Into<String>,
    headers: &[&'static str],
    items: Vec<T>,
    cells: impl Fn(T) -> V + 'static,
) -> impl IntoView {
    let head = headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view();
    let body = items.into_iter().map(|i| view! { <tr>{cells(i)}</tr> }).collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table data-table--compact" aria-label=label.into()>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// A timestamp from the API in the browser's zone, with the UTC original on hover.
#[component]
pub fn Time(#[prop(into)] value: Option<String>) -> impl IntoView {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(raw) => {
            let (date, clock) = crate::format::local_time_parts(&raw);
            // Only a time that parsed is a machine-readable one.
            let datetime = clock.is_some().then(|| format!("{}Z", raw.trim_end_matches('Z')));
            // In a narrow table the time goes under the date, never the date cut at a hyphen.
            // A text that is not a time is the server's: isolated, and free to wrap.
            let shown = match clock {
                Some(clock) => {
                    Either::Left(view! { <span class="time__date">{date}</span>" "{clock} })
                }
                None => Either::Right(view! { <bdi class="time__raw">{date}</bdi> }),
            };
            Either::Left(
                view! { <time datetime=datetime title=format!("{raw} UTC")>{shown}</time> },
            )
        }
        None => Either::Right(view! { <span class="muted">"—"</span> }),
    }
}

//! A table page's rows drawn a few at a time: the first ones with the table, the rest in the
//! tasks after it, so that no one task draws a whole page (25 rows cost about 25 ms on the way
//! to a long list's first rows, 500 rows far more) and the first rows are painted sooner.

use crate::timing::SliceClock;
use leptos::prelude::*;

/// Rows drawn in the task that draws a page of rows: about what a screen shows of the table.
pub const FIRST_ROWS: usize = 10;
/// Rows added in each task after it.
pub const STEP_ROWS: usize = 15;

/// How many rows of `page` to draw, given how many are drawn of which page.
fn rows_to_draw<K: PartialEq>(drawn: &(Option<K>, usize), page: &K) -> usize {
    if drawn.0.as_ref() == Some(page) {
        drawn.1
    } else {
        FIRST_ROWS
    }
}

/// The leading part of `shown` drawn so far. `page` names the page shown (its number and size):
/// another page is drawn from `FIRST_ROWS` again. The same page changed (searched, sorted,
/// polled) keeps its count: the rows that stay are kept as they are, and only the new ones are
/// drawn, as when every row was drawn at once (a search keystroke redraws no row it keeps).
pub fn rows_in_steps<T, K>(
    shown: Memo<Vec<T>>,
    page: impl Fn() -> K + Send + Sync + 'static,
) -> Signal<Vec<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
    K: Clone + PartialEq + Send + Sync + 'static,
{
    let page = Memo::new(move |_| page());
    let drawn = RwSignal::new((None::<K>, FIRST_ROWS));
    Effect::new(move |_| {
        let (now, len) = (page.get(), shown.with(Vec::len));
        let count = drawn.with(|d| rows_to_draw(d, &now));
        if count >= len {
            return;
        }
        leptos::task::spawn_local(async move {
            // A task of its own: the browser paints the rows drawn so far first.
            SliceClock::start().yield_now().await;
            if page.try_with_untracked(|p| *p == now) != Some(true) {
                return;
            }
            drawn.try_update(|d| {
                let more = rows_to_draw(d, &now).max(count + STEP_ROWS);
                *d = (Some(now), more);
            });
        });
    });
    Signal::derive(move || {
        let count = page.with(|p| drawn.with(|d| rows_to_draw(d, p)));
        shown.with(|rows| rows[..rows.len().min(count)].to_vec())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_page_starts_from_the_first_rows() {
        assert_eq!(
            rows_to_draw(&(Some((3, 25)), 40), &(3, 25)),
            40,
            "the same page keeps its count"
        );
        assert_eq!(rows_to_draw(&(Some((3, 25)), 40), &(4, 25)), FIRST_ROWS, "another page");
        assert_eq!(rows_to_draw(&(Some((3, 25)), 40), &(3, 50)), FIRST_ROWS, "another size");
        assert_eq!(rows_to_draw(&(None, FIRST_ROWS), &(0, 25)), FIRST_ROWS, "the first page");
    }
}

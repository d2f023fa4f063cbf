//! What a page keeps for the parts drawn under it while it is open. A reload of a list (Refresh,
//! a delete, new filters) draws its table anew; the order or the window the admin chose there
//! is the page's, and stays.

use leptos::prelude::*;
use std::any::{Any, TypeId};

/// One value per type for the open page, made under the page's owner so that it outlives the
/// parts drawn under it, and goes with the page.
#[derive(Clone)]
pub struct PageKept {
    owner: Owner,
    values: StoredValue<Vec<(TypeId, Box<dyn Any + Send + Sync>)>>,
}

impl PageKept {
    /// For the page being built under the current owner.
    pub fn provide() {
        let owner = Owner::current().unwrap_or_default();
        provide_context(PageKept { owner, values: StoredValue::new(Vec::new()) });
    }
}

/// The open page's `T` (a type of its own for each use: a table's sort state, a newtype),
/// made by `make` the first time. Outside a page (a component mounted alone), `make`'s.
pub fn kept<T: Copy + Send + Sync + 'static>(make: impl FnOnce() -> T) -> T {
    let Some(page) = use_context::<PageKept>() else {
        return make();
    };
    let key = TypeId::of::<T>();
    let found = page.values.with_value(|values| {
        values.iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.downcast_ref().copied())
    });
    found.unwrap_or_else(|| {
        let made = page.owner.with(make);
        page.values.update_value(|values| values.push((key, Box::new(made))));
        made
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy)]
    struct Order(RwSignal<u8>);
    #[derive(Clone, Copy)]
    struct Window(RwSignal<u8>);

    #[test]
    fn a_part_drawn_anew_finds_what_the_page_kept_and_a_part_alone_keeps_its_own() {
        let page = Owner::new();
        page.with(|| {
            PageKept::provide();
            // A table drawn under the page, changed by the admin, then drawn anew.
            let first = page.child();
            let order = first.with(|| kept(|| Order(RwSignal::new(0))));
            order.0.set(3);
            first.cleanup();
            let again = page.child().with(|| kept(|| Order(RwSignal::new(0))));
            assert_eq!(again.0.try_get(), Some(3), "the same order, alive after its table went");
            let window = page.child().with(|| kept(|| Window(RwSignal::new(7))));
            assert_eq!(window.0.get(), 7, "another type is another value");
        });
        let alone = Owner::new();
        alone.with(|| {
            let a = kept(|| Order(RwSignal::new(1)));
            a.0.set(5);
            let b = kept(|| Order(RwSignal::new(1)));
            assert_eq!(b.0.get(), 1, "no page: each part has its own");
        });
    }
}

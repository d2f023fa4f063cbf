use crate::routes;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page page--narrow">
            <h1 class="page-header__title">"Page not found"</h1>
            <p>"There is no page at this address. It may have been mistyped, or the item it showed was deleted."</p>
            <p><a class="btn btn--primary" href=routes::HOME>"Go to the overview"</a></p>
        </section>
    }
}

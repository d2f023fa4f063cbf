use crate::components::name_the_tab;
use crate::routes;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    name_the_tab("Page not found".to_owned());
    view! {
        <section class="page page--narrow">
            <h1 class="page-header__title" tabindex="-1">"Page not found"</h1>
            <p>"There is no page at this address. It may have been mistyped, or the item it showed was deleted."</p>
            <p><a class="btn btn--primary" href=routes::HOME>"Go to the overview"</a></p>
        </section>
    }
}

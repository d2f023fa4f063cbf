use super::Isolated;
use crate::config::use_config;
use leptos::prelude::*;

/// Names the browser's tab (and the history entry) after the page: "Snapshots · Backup
/// Console", with the console's own title once `config.json` is in. The page's name is isolated
/// for its direction, as it may be a name from the API.
pub fn name_the_tab(page: String) {
    Effect::new(move |_| {
        let console = use_config().unwrap_or_default();
        document().set_title(&format!("{} · {}", Isolated(&page), console.title()));
    });
}

/// The title row of a page with its main actions on the right. Its heading is where focus goes
/// when the page is opened from another (`routes`' page outlet).
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(into, optional)] description: MaybeProp<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    name_the_tab(title.clone());
    // A page opened from another has focus on its main region while its heading waits for data
    // (`routes`' page outlet): the heading takes it once drawn, unless the admin has moved on.
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        let main_focused = document().active_element().is_some_and(|e| e.id() == "main");
        if let (Some(h1), true) = (heading.get(), main_focused) {
            let _ = h1.focus();
        }
    });
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title" dir="auto" tabindex="-1" node_ref=heading>{title}</h1>
                {move || description.get().map(|d| view! { <p class="page-header__description">{d}</p> })}
            </div>
            <div class="page-header__actions">{children.map(|c| c())}</div>
        </header>
    }
}

/// "Area / Here" above a page title; the area links back to its list.
#[component]
pub fn Breadcrumb(
    /// Name of the area, e.g. "Backup targets".
    area: &'static str,
    /// Where the area's list lives (a path of `routes`).
    href: &'static str,
    /// This page, e.g. "Detail".
    here: &'static str,
) -> impl IntoView {
    view! {
        <nav class="breadcrumb" aria-label="Breadcrumb">
            <a href=href>{area}</a>
            <span aria-hidden="true">" / "</span>
            <span aria-current="page">{here}</span>
        </nav>
    }
}

use leptos::prelude::*;

/// The title row of a page with its main actions on the right.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(into, optional)] description: MaybeProp<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title" dir="auto">{title}</h1>
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

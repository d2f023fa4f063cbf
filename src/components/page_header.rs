use leptos::prelude::*;

/// The title row of a page with its main actions on the right.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(into, optional)] description: String,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            <div class="page-header__text">
                <h1 class="page-header__title">{title}</h1>
                {(!description.is_empty()).then(|| view! { <p class="page-header__description">{description}</p> })}
            </div>
            <div class="page-header__actions">{children.map(|c| c())}</div>
        </header>
    }
}

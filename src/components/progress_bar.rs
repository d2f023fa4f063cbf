use leptos::prelude::*;

/// A labelled bar for progress or usage. The percentage is always written out as text.
#[component]
pub fn ProgressBar(
    /// 0–100.
    #[prop(into)]
    percent: Signal<f64>,
    /// What the bar measures, for assistive technology.
    #[prop(into)]
    label: String,
    /// `progress` or `usage`: usage turns amber above 80 % and red above 95 %.
    #[prop(into, default = "progress".to_owned())]
    kind: String,
    /// Text after the percentage (e.g. the progress message).
    #[prop(into, optional)]
    detail: Signal<String>,
) -> impl IntoView {
    let clamped = move || percent.get().clamp(0.0, 100.0);
    let tone = move || {
        let p = clamped();
        if kind != "usage" {
            "meter__fill"
        } else if p >= 95.0 {
            "meter__fill meter__fill--danger"
        } else if p >= 80.0 {
            "meter__fill meter__fill--warn"
        } else {
            "meter__fill meter__fill--ok"
        }
    };
    view! {
        <div class="meter">
            <div class="meter__track" role="progressbar" aria-label=label aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=move || format!("{:.0}", clamped())>
                <div class=tone style=move || format!("width: {:.1}%", clamped())></div>
            </div>
            <span class="meter__text">
                {move || format!("{:.0} %", clamped())}
                {move || {
                    let d = detail.get();
                    (!d.is_empty()).then(|| view! { <span class="meter__detail">{format!(" · {d}")}</span> })
                }}
            </span>
        </div>
    }
}

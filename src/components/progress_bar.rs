use crate::format::decimal;
use crate::models::UsageLevel;
use leptos::prelude::*;

/// What a bar measures, which sets how it is coloured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MeterKind {
    /// Work done: always the progress colour.
    #[default]
    Progress,
    /// Capacity used: amber from 80 %, red from 95 %.
    Usage,
}

impl MeterKind {
    fn fill_class(self, percent: f64) -> &'static str {
        match self {
            Self::Progress => "meter__fill",
            Self::Usage => match UsageLevel::of_percent(percent) {
                UsageLevel::Critical => "meter__fill meter__fill--danger",
                UsageLevel::Warning => "meter__fill meter__fill--warn",
                UsageLevel::Normal => "meter__fill meter__fill--ok",
            },
        }
    }
}

/// A labelled bar for progress or usage. The percentage is always written out as text.
#[component]
pub fn ProgressBar(
    /// 0–100.
    #[prop(into)]
    percent: Signal<f64>,
    /// What the bar measures, for assistive technology.
    #[prop(into)]
    label: String,
    #[prop(optional)] kind: MeterKind,
    /// Text after the percentage (e.g. the progress message).
    #[prop(into, optional)]
    detail: MaybeProp<String>,
) -> impl IntoView {
    // Read once per change of the percent; the whole-number text, shown and announced, only
    // touches the page when it changes, not on every poll that moves the bar a tenth.
    let clamped = Memo::new(move |_| percent.get().clamp(0.0, 100.0));
    let whole = Memo::new(move |_| decimal(clamped.get(), 0));
    // The message comes from the server: isolated, cut to a line or two, whole in the title.
    let detail = move || {
        detail.get().filter(|d| !d.is_empty()).map(|d| {
            view! { " · " <super::ApiText text=d max=super::CELL_CHARS/> }
        })
    };
    view! {
        <div class="meter">
            <div class="meter__track" role="progressbar" aria-label=label aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=whole>
                <div class=move || kind.fill_class(clamped.get()) style:width=move || format!("{}%", decimal(clamped.get(), 1))></div>
            </div>
            <span class="meter__text">
                {move || format!("{} %", whole.get())}<span class="meter__detail">{detail}</span>
            </span>
        </div>
    }
}

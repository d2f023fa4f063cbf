use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ok,
    Danger,
    Progress,
    Muted,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Ok => "badge badge--ok",
            Tone::Danger => "badge badge--danger",
            Tone::Progress => "badge badge--progress",
            Tone::Muted => "badge badge--muted",
        }
    }
}

/// The colour family of a status; any status not known here counts as in progress.
pub fn status_tone(status: &str) -> Tone {
    match status.to_ascii_lowercase().as_str() {
        "available" | "online" | "success" | "active" => Tone::Ok,
        "error" | "offline" | "failed" => Tone::Danger,
        "cancelled" | "deleted" => Tone::Muted,
        _ => Tone::Progress,
    }
}

/// A status as text with a colour cue: the word is always there, colour never stands alone.
#[component]
pub fn StatusBadge(
    /// The status as the API wrote it.
    #[prop(into)]
    status: String,
) -> impl IntoView {
    let tone = status_tone(&status);
    let data_status = status.clone();
    view! {
        <span class=tone.class() data-status=data_status>
            <span class="badge__dot" aria-hidden="true"></span>
            {status}
        </span>
    }
}

/// A plain label chip (target kind, default marker, visibility).
#[component]
pub fn Tag(
    #[prop(into)] text: String,
    /// Extra modifier, e.g. `tag--nfs`.
    #[prop(into, optional)]
    modifier: String,
) -> impl IntoView {
    view! { <span class=format!("tag {modifier}")>{text}</span> }
}

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

/// What a [`Tag`] marks, which sets its colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagKind {
    #[default]
    Plain,
    Nfs,
    S3,
    /// Object lock (immutable).
    Lock,
    /// The default target or type.
    Default,
}

impl TagKind {
    fn class(self) -> &'static str {
        match self {
            Self::Plain => "tag",
            Self::Nfs => "tag tag--nfs",
            Self::S3 => "tag tag--s3",
            Self::Lock => "tag tag--lock",
            Self::Default => "tag tag--default",
        }
    }
}

/// A plain label chip (target kind, default marker, snapshot type).
#[component]
pub fn Tag(#[prop(into)] text: String, #[prop(optional)] kind: TagKind) -> impl IntoView {
    view! { <span class=kind.class()>{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_have_a_tone_and_unknown_ones_look_in_progress() {
        assert_eq!(status_tone("available"), Tone::Ok);
        assert_eq!(status_tone("online"), Tone::Ok);
        assert_eq!(status_tone("offline"), Tone::Danger);
        assert_eq!(status_tone("error"), Tone::Danger);
        assert_eq!(status_tone("cancelled"), Tone::Muted);
        assert_eq!(status_tone("creating"), Tone::Progress);
        assert_eq!(status_tone("something-new"), Tone::Progress);
    }
}

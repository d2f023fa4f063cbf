use super::record::record;
use super::validate::{self, FieldErrors, Validate};
use super::{Instance, KeyValue};
use crate::json::{json, Map, Value};
use std::collections::HashSet;
use std::sync::Arc;

record! {
    /// A snapshot. The list sends the first few fields; `GET /snapshots/{id}` sends them all.
    pub struct Snapshot {
        String: id;
        Option<String>: created_at, updated_at, finished_at, user_id, project_id, status, snapshot_type,
            workload_id, name, description, host, progress_msg, warning_msg, error_msg;
        Option<f64>: size, restore_size, uploaded_size, progress_percent, time_taken;
        bool: pinned;
        Vec<Instance>: instances;
        Vec<KeyValue>: metadata;
    }
}

/// Statuses after which a snapshot no longer changes by itself. Anything else, including a
/// status this console has never seen, is treated as still moving.
pub const FINAL_STATUSES: &[&str] = &["available", "error", "failed", "cancelled", "deleted"];

pub fn is_final_status(status: &str) -> bool {
    FINAL_STATUSES.iter().any(|s| s.eq_ignore_ascii_case(status))
}

impl super::Row for Snapshot {
    fn row_id(&self) -> &str {
        &self.id
    }
    fn row_label(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl Snapshot {
    /// Its name, or its id when it has none.
    pub fn label(&self) -> &str {
        super::name_or_id(self.name.as_deref(), &self.id)
    }
    pub fn status(&self) -> &str {
        self.status.as_deref().unwrap_or("unknown")
    }
    pub fn is_final(&self) -> bool {
        is_final_status(self.status())
    }
    /// Cancel is offered only while the snapshot is being taken.
    pub fn can_cancel(&self) -> bool {
        let status = self.status().to_ascii_lowercase();
        matches!(status.as_str(), "creating" | "uploading" | "queued" | "starting")
    }
    pub fn can_delete(&self) -> bool {
        self.is_final()
    }
}

/// Which listed snapshots belong to another project than the session's. The API is
/// project-scoped: acting on such a snapshot or polling it from here would meet a 404 that
/// says nothing, so it is shown and left alone. Asked row by row, so that a list of 100,000
/// is never walked (or its ids copied) to know it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Ownership {
    /// Every row is this project's (a list without "all projects").
    #[default]
    AllOwn,
    /// Listed with "all projects": a row is this project's by its `project_id` when the server
    /// sends one (the detail does, the list does not), or else by its workload, which
    /// `GET /workloads` (project-scoped) listed. Until the project and its workloads are
    /// known, `None`: no row counts as this project's.
    Mixed(Option<(String, Arc<HashSet<String>>)>),
}

impl Ownership {
    pub fn is_foreign(&self, s: &Snapshot) -> bool {
        let Ownership::Mixed(scope) = self else { return false };
        let Some((project, own_workloads)) = scope else { return true };
        match s.project_id.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => p != project,
            None => s.workload_id.as_deref().is_some_and(|w| !own_workloads.contains(w)),
        }
    }
}

/// The filter fields that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    DateFrom,
    DateTo,
}

/// Which statuses the list shows. The API has no such parameter: it filters what is loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    InProgress,
    Failed,
    Available,
    Cancelled,
}

impl StatusFilter {
    pub const CHOICES: [Self; 5] =
        [Self::All, Self::InProgress, Self::Failed, Self::Available, Self::Cancelled];

    /// Its value in the page's URL (`?status=failed`); empty for all.
    pub fn key(self) -> &'static str {
        match self {
            Self::All => "",
            Self::InProgress => "in_progress",
            Self::Failed => "failed",
            Self::Available => "available",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::InProgress => "In progress",
            Self::Failed => "Failed",
            Self::Available => "Available",
            Self::Cancelled => "Cancelled",
        }
    }

    pub fn parse(key: &str) -> Self {
        Self::CHOICES.into_iter().find(|c| c.key() == key).unwrap_or_default()
    }

    pub fn admits(self, s: &Snapshot) -> bool {
        let status = s.status();
        let is = |name: &str| status.eq_ignore_ascii_case(name);
        match self {
            Self::All => true,
            Self::InProgress => !s.is_final(),
            Self::Failed => is("error") || is("failed"),
            Self::Available => is("available"),
            Self::Cancelled => is("cancelled"),
        }
    }
}

/// The list filters: the documented query parameters, and the status shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotFilter {
    pub workload_id: String,
    pub host: String,
    pub date_from: String,
    pub date_to: String,
    pub all: bool,
    pub status: StatusFilter,
}

impl Validate for SnapshotFilter {
    type Field = FilterField;
    fn validate(&self) -> Result<(), FieldErrors<FilterField>> {
        let mut errors = FieldErrors::default();
        errors.check(FilterField::DateFrom, validate::filter_date(&self.date_from));
        errors.check(FilterField::DateTo, validate::filter_date(&self.date_to));
        errors.into_result()
    }
}

impl SnapshotFilter {
    /// What `GET /snapshots` is asked for: the status is chosen among its answer.
    pub fn listed(&self) -> Self {
        Self { status: StatusFilter::All, ..self.clone() }
    }

    /// The page's URL query: the API's parameters, and the status.
    pub fn url_query(&self) -> Vec<(&'static str, String)> {
        let mut q = self.query();
        if self.status != StatusFilter::All {
            q.push(("status", self.status.key().to_owned()));
        }
        q
    }

    /// Query parameters for `GET /snapshots`, empty filters left out.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        let texts = [
            ("workload_id", &self.workload_id),
            ("host", &self.host),
            ("date_from", &self.date_from),
            ("date_to", &self.date_to),
        ];
        let mut q: Vec<(&'static str, String)> = texts
            .into_iter()
            .map(|(name, value)| (name, value.trim().to_owned()))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if self.all {
            q.push(("all", "true".to_owned()));
        }
        q
    }

    /// Reads the filters from the page's URL query (the same names as the API's).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut f = Self::default();
        for (k, v) in pairs {
            match k {
                "workload_id" => f.workload_id = v.to_owned(),
                "host" => f.host = v.to_owned(),
                "date_from" => f.date_from = v.to_owned(),
                "date_to" => f.date_to = v.to_owned(),
                "all" => f.all = matches!(v, "true" | "1" | "True"),
                "status" => f.status = StatusFilter::parse(v),
                _ => {}
            }
        }
        f
    }
}

/// The take-snapshot fields that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TakeField {
    Workload,
    Name,
}

/// What the take-snapshot form sends: `POST /workloads/{id}[?full=True]` with an optional body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TakeSnapshot {
    pub workload_id: String,
    pub full: bool,
    pub name: String,
    pub description: String,
    pub is_scheduled: bool,
}

impl Validate for TakeSnapshot {
    type Field = TakeField;
    fn validate(&self) -> Result<(), FieldErrors<TakeField>> {
        let mut errors = FieldErrors::default();
        let no_workload = self.workload_id.trim().is_empty();
        errors.check(
            TakeField::Workload,
            no_workload.then(|| "Choose the workload to snapshot.".into()),
        );
        errors.check(TakeField::Name, validate::name(&self.name, false));
        errors.into_result()
    }
}

impl TakeSnapshot {
    pub fn query(&self) -> Vec<(&'static str, String)> {
        if self.full {
            vec![("full", "True".to_owned())]
        } else {
            Vec::new()
        }
    }
    pub fn to_body(&self) -> Value {
        let mut inner = Map::new();
        inner.insert("is_scheduled".into(), json!(self.is_scheduled));
        for (key, text) in [("name", &self.name), ("description", &self.description)] {
            if !text.trim().is_empty() {
                inner.insert(key.into(), json!(text.trim()));
            }
        }
        json!({ "snapshot": inner })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_of_another_project_is_known_by_its_project_or_its_workload() {
        let snap = |project: Option<&str>, workload: Option<&str>| Snapshot {
            project_id: project.map(Into::into),
            workload_id: workload.map(Into::into),
            ..Default::default()
        };
        let own_workloads = Arc::new(HashSet::from(["w-mine".to_owned()]));
        let mixed = Ownership::Mixed(Some(("p-mine".into(), own_workloads)));
        assert!(!mixed.is_foreign(&snap(Some("p-mine"), Some("w-other"))), "the project decides");
        assert!(mixed.is_foreign(&snap(Some("p-other"), Some("w-mine"))));
        assert!(
            !mixed.is_foreign(&snap(Some(""), Some("w-mine"))),
            "an empty project says nothing"
        );
        assert!(mixed.is_foreign(&snap(None, Some("w-other"))));
        assert!(!mixed.is_foreign(&snap(None, None)));
        let unknown = Ownership::Mixed(None);
        assert!(
            unknown.is_foreign(&snap(Some("p-mine"), Some("w-mine"))),
            "nothing is acted on yet"
        );
        assert!(!Ownership::AllOwn.is_foreign(&snap(Some("p-other"), Some("w-other"))));
    }

    #[test]
    fn failed_snapshots_are_final_and_deletable_and_unknown_ones_still_move() {
        let with = |status: &str| Snapshot { status: Some(status.into()), ..Default::default() };
        for status in ["error", "failed", "FAILED"] {
            let s = with(status);
            assert!(s.is_final() && s.can_delete() && !s.can_cancel(), "{status}");
        }
        for status in ["creating", "restoring-something-new"] {
            assert!(!with(status).is_final() && !with(status).can_delete(), "{status}");
        }
    }

    #[test]
    fn the_status_filter_lives_in_the_url_but_is_never_sent_to_the_api() {
        let f = SnapshotFilter::from_pairs([("status", "failed"), ("host", "TVM1")]);
        assert_eq!(f.status, StatusFilter::Failed);
        assert_eq!(f.query(), vec![("host", "TVM1".to_owned())]);
        assert!(f.url_query().contains(&("status", "failed".to_owned())));
        assert_eq!(f.listed().status, StatusFilter::All);
        let with = |status: &str| Snapshot { status: Some(status.into()), ..Default::default() };
        assert!(StatusFilter::Failed.admits(&with("error")));
        assert!(!StatusFilter::Failed.admits(&with("available")));
        assert!(StatusFilter::InProgress.admits(&with("uploading")));
        assert!(StatusFilter::InProgress.admits(&with("something-new")), "unknown still moves");
        assert!(StatusFilter::Cancelled.admits(&with("cancelled")));
        assert_eq!(StatusFilter::parse("nonsense"), StatusFilter::All);
    }

    #[test]
    fn filters_check_their_dates() {
        let at = |from: &str, to: &str| SnapshotFilter {
            date_from: from.into(),
            date_to: to.into(),
            ..Default::default()
        };
        assert!(at("2024-03-04T10:59:51", "").validate().is_ok());
        let refused = at("2024-03-04", "").validate().unwrap_err();
        assert!(refused
            .get(FilterField::DateFrom)
            .is_some_and(|m| m.contains("YYYY-MM-DDTHH:MM:SS")));
        assert!(refused.get(FilterField::DateTo).is_none(), "an empty date is no filter");
    }

    #[test]
    fn taking_a_snapshot_needs_a_workload() {
        let errors = TakeSnapshot::default().validate().unwrap_err();
        assert_eq!(errors.get(TakeField::Workload), Some("Choose the workload to snapshot."));
        let long =
            TakeSnapshot { workload_id: "w".into(), name: "n".repeat(300), ..Default::default() };
        assert!(long.validate().unwrap_err().get(TakeField::Name).is_some());
    }
}

use super::record::record;
use super::validate::{self, FieldErrors, Validate};
use super::{Instance, KeyValue};
use serde_json::{json, Map, Value};
use std::collections::HashSet;

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
    /// Listed with "all projects", it belongs to another project than `project`: by its
    /// `project_id` when the server sends one (the detail does, the list does not), or else by
    /// its workload, which `GET /workloads` (project-scoped) did not list. The API is
    /// project-scoped: acting on it or polling it from here would meet a 404 that says nothing.
    pub fn is_foreign(&self, project: &str, own_workloads: &HashSet<String>) -> bool {
        match self.project_id.as_deref().filter(|p| !p.is_empty()) {
            Some(p) => p != project,
            None => self.workload_id.as_deref().is_some_and(|w| !own_workloads.contains(w)),
        }
    }
}

/// The filter fields that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterField {
    DateFrom,
    DateTo,
}

/// The list filters, mapped one to one onto the documented query parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotFilter {
    pub workload_id: String,
    pub host: String,
    pub date_from: String,
    pub date_to: String,
    pub all: bool,
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
    fn a_snapshot_of_another_project_is_known_by_its_project_or_its_workload() {
        let ours: HashSet<String> = ["w-ours".to_owned()].into();
        let of = |p: Option<&str>, w: &str| Snapshot {
            project_id: p.map(str::to_owned),
            workload_id: Some(w.to_owned()),
            ..Default::default()
        };
        assert!(of(Some("other"), "w-ours").is_foreign("mine", &ours), "the project id decides");
        assert!(!of(Some("mine"), "w-theirs").is_foreign("mine", &ours));
        assert!(of(None, "w-theirs").is_foreign("mine", &ours), "a list row: by its workload");
        assert!(!of(None, "w-ours").is_foreign("mine", &ours));
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

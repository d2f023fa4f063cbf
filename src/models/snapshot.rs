use super::json::{FromJson, Obj};
use super::validate::{self, FieldErrors};
use super::{Instance, KeyValue};
use serde_json::{json, Map, Value};

/// A snapshot. The list sends the first few fields; `GET /snapshots/{id}` sends them all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub id: String,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
    pub finished_at: Option<String>,
    pub user_id: Option<String>,
    pub project_id: Option<String>,
    pub status: Option<String>,
    pub snapshot_type: Option<String>,
    pub workload_id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub host: Option<String>,
    pub instances: Vec<Instance>,
    pub size: Option<f64>,
    pub restore_size: Option<f64>,
    pub uploaded_size: Option<f64>,
    pub progress_percent: Option<f64>,
    pub progress_msg: Option<String>,
    pub warning_msg: Option<String>,
    pub error_msg: Option<String>,
    pub time_taken: Option<f64>,
    pub pinned: bool,
    pub metadata: Vec<KeyValue>,
}

impl FromJson for Snapshot {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.id(),
            created_at: o.text("created_at"),
            updated_at: o.text("updated_at"),
            finished_at: o.text("finished_at"),
            user_id: o.text("user_id"),
            project_id: o.text("project_id"),
            status: o.text("status"),
            snapshot_type: o.text("snapshot_type"),
            workload_id: o.text("workload_id"),
            name: o.text("name"),
            description: o.text("description"),
            host: o.text("host"),
            instances: o.list("instances"),
            size: o.number("size"),
            restore_size: o.number("restore_size"),
            uploaded_size: o.number("uploaded_size"),
            progress_percent: o.number("progress_percent"),
            progress_msg: o.text("progress_msg"),
            warning_msg: o.text("warning_msg"),
            error_msg: o.text("error_msg"),
            time_taken: o.number("time_taken"),
            pinned: o.flag("pinned"),
            metadata: o.list("metadata"),
        })
    }
}

/// Statuses after which a snapshot no longer changes by itself. Anything else, including a
/// status this console has never seen, is treated as still moving.
pub const FINAL_STATUSES: &[&str] = &["available", "error", "cancelled", "deleted"];

pub fn is_final_status(status: &str) -> bool {
    FINAL_STATUSES.iter().any(|s| s.eq_ignore_ascii_case(status))
}

impl Snapshot {
    pub fn status(&self) -> &str {
        self.status.as_deref().unwrap_or("unknown")
    }
    /// Its name, or its id when it has none.
    pub fn label(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
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

    pub fn validate(&self) -> Result<(), FieldErrors<FilterField>> {
        let mut errors = FieldErrors::default();
        errors.check(FilterField::DateFrom, validate::filter_date(&self.date_from));
        errors.check(FilterField::DateTo, validate::filter_date(&self.date_to));
        errors.into_result()
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

impl TakeSnapshot {
    pub fn validate(&self) -> Result<(), FieldErrors<TakeField>> {
        let mut errors = FieldErrors::default();
        let no_workload = self.workload_id.trim().is_empty();
        errors.check(TakeField::Workload, no_workload.then(|| "Choose the workload to snapshot.".into()));
        errors.check(TakeField::Name, validate::name(&self.name, false));
        errors.into_result()
    }
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
    fn filters_check_their_dates() {
        let f = SnapshotFilter { date_from: "2024-03-04".into(), ..Default::default() };
        let errors = f.validate().unwrap_err();
        assert!(errors.get(FilterField::DateFrom).unwrap().contains("YYYY-MM-DDTHH:MM:SS"));
        assert_eq!(errors.get(FilterField::DateTo), None);
    }

    #[test]
    fn taking_a_snapshot_needs_a_workload() {
        let errors = TakeSnapshot::default().validate().unwrap_err();
        assert_eq!(errors.get(TakeField::Workload), Some("Choose the workload to snapshot."));
        let long = TakeSnapshot { workload_id: "w".into(), name: "n".repeat(300), ..Default::default() };
        assert!(long.validate().unwrap_err().get(TakeField::Name).is_some());
    }
}

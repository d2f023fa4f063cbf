use super::de;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// A snapshot. The list sends the first few fields; `GET /snapshots/{id}` sends them all.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Snapshot {
    #[serde(default)]
    pub id: String,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub created_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub updated_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub finished_at: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub user_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub project_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub snapshot_type: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub workload_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub description: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub host: Option<String>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub instances: Vec<Instance>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub size: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub restore_size: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub uploaded_size: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub progress_percent: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub progress_msg: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub warning_msg: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub error_msg: Option<String>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub time_taken: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_bool")]
    pub pinned: bool,
    #[serde(default, deserialize_with = "de::null_list")]
    pub metadata: Vec<SnapshotMetadata>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SnapshotMetadata {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub key: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub value: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Instance {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub status: Option<String>,
    #[serde(default, deserialize_with = "null_map")]
    pub metadata: BTreeMap<String, Value>,
    #[serde(default)]
    pub flavor: Option<Flavor>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub security_group: Vec<SecurityGroup>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub nics: Vec<Nic>,
    #[serde(default, deserialize_with = "de::null_list")]
    pub vdisks: Vec<Vdisk>,
}

fn null_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Value>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Object(m) => m.into_iter().collect(),
        _ => BTreeMap::new(),
    })
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Flavor {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub vcpus: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub ram: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub disk: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub ephemeral: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SecurityGroup {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub security_group_type: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Nic {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub mac_address: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub ip_address: Option<String>,
    #[serde(default)]
    pub network: Option<Network>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Network {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub cidr: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub network_type: Option<String>,
    #[serde(default)]
    pub subnet: Option<Subnet>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Subnet {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub cidr: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub ip_version: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub gateway_ip: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Vdisk {
    #[serde(default, deserialize_with = "de::flex_string")]
    pub label: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub resource_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_f64")]
    pub restore_size: Option<f64>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub vm_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub volume_id: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub volume_name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub volume_size: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub volume_type: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub volume_mountpoint: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub availability_zone: Option<String>,
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
    pub fn name(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
    }
    pub fn is_final(&self) -> bool {
        is_final_status(self.status())
    }
    /// Cancel is offered only while the snapshot is being taken.
    pub fn can_cancel(&self) -> bool {
        matches!(self.status().to_ascii_lowercase().as_str(), "creating" | "uploading" | "queued" | "starting")
    }
    pub fn can_delete(&self) -> bool {
        self.is_final()
    }
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
        let mut q = Vec::new();
        for (name, value) in [
            ("workload_id", &self.workload_id),
            ("host", &self.host),
            ("date_from", &self.date_from),
            ("date_to", &self.date_to),
        ] {
            let v = value.trim();
            if !v.is_empty() {
                q.push((name, v.to_owned()));
            }
        }
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

/// `YYYY-MM-DDTHH:MM:SS`, the documented date filter format.
pub fn is_valid_filter_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 19 {
        return false;
    }
    let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
    let seps = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !digits.iter().all(|&i| b[i].is_ascii_digit()) || !seps.iter().all(|&(i, c)| b[i] == c) {
        return false;
    }
    let num = |a: usize, z: usize| text[a..z].parse::<u32>().unwrap_or(99);
    (1..=12).contains(&num(5, 7)) && (1..=31).contains(&num(8, 10)) && num(11, 13) < 24 && num(14, 16) < 60 && num(17, 19) < 60
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
        if !self.name.trim().is_empty() {
            inner.insert("name".into(), json!(self.name.trim()));
        }
        if !self.description.trim().is_empty() {
            inner.insert("description".into(), json!(self.description.trim()));
        }
        json!({ "snapshot": inner })
    }
}

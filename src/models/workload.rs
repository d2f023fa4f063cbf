use super::de;
use serde::{Deserialize, Serialize};

/// What `GET /workloads` tells about a workload: enough to pick one and to name it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Workload {
    #[serde(default)]
    pub id: String,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub name: Option<String>,
    #[serde(default, deserialize_with = "de::flex_string")]
    pub status: Option<String>,
}

impl Workload {
    /// The name, or the id when the server sent none.
    pub fn label(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
    }
}

use super::json::{FromJson, Obj};
use serde_json::Value;

/// What `GET /workloads` tells about a workload: enough to pick one and to name it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workload {
    pub id: String,
    pub name: Option<String>,
    pub status: Option<String>,
}

impl FromJson for Workload {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self { id: o.id(), name: o.text("name"), status: o.text("status") })
    }
}

impl Workload {
    /// The name, or the id when the server sent none.
    pub fn label(&self) -> &str {
        self.name.as_deref().filter(|n| !n.is_empty()).unwrap_or(&self.id)
    }
}

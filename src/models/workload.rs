use super::record::record;

record! {
    /// What `GET /workloads` tells about a workload: enough to pick one and to name it.
    pub struct Workload {
        String: id;
        Option<String>: name, status;
    }
}

impl Workload {
    /// The name, or the id when the server sent none.
    pub fn label(&self) -> &str {
        super::name_or_id(self.name.as_deref(), &self.id)
    }
}

//! The instances inside a snapshot, as `GET /snapshots/{id}` describes them. Every nested part
//! is optional: a server that sends a string where an object is documented loses that part only.

use super::json::{FromJson, Obj};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Instance {
    pub id: Option<String>,
    pub name: Option<String>,
    pub status: Option<String>,
    pub metadata: BTreeMap<String, Value>,
    pub flavor: Option<Flavor>,
    pub security_group: Vec<SecurityGroup>,
    pub nics: Vec<Nic>,
    pub vdisks: Vec<Vdisk>,
}

impl FromJson for Instance {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self {
            id: o.text("id"),
            name: o.text("name"),
            status: o.text("status"),
            metadata: o.map("metadata"),
            flavor: o.record("flavor"),
            security_group: o.list("security_group"),
            nics: o.list("nics"),
            vdisks: o.list("vdisks"),
        })
    }
}

impl Instance {
    /// Its name, or its id.
    pub fn label(&self) -> String {
        self.name.clone().filter(|n| !n.is_empty()).or_else(|| self.id.clone()).unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flavor {
    pub vcpus: Option<String>,
    pub ram: Option<String>,
    pub disk: Option<String>,
    pub ephemeral: Option<String>,
}

impl FromJson for Flavor {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        let [vcpus, ram, disk, ephemeral] = ["vcpus", "ram", "disk", "ephemeral"].map(|k| o.text(k));
        Ok(Self { vcpus, ram, disk, ephemeral })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecurityGroup {
    pub name: Option<String>,
    pub security_group_type: Option<String>,
}

impl FromJson for SecurityGroup {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self { name: o.text("name"), security_group_type: o.text("security_group_type") })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Nic {
    pub mac_address: Option<String>,
    pub ip_address: Option<String>,
    pub network: Option<Network>,
}

impl FromJson for Nic {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self { mac_address: o.text("mac_address"), ip_address: o.text("ip_address"), network: o.record("network") })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    pub id: Option<String>,
    pub name: Option<String>,
    pub cidr: Option<String>,
    pub network_type: Option<String>,
    pub subnet: Option<Subnet>,
}

impl FromJson for Network {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        let [id, name, cidr, network_type] = ["id", "name", "cidr", "network_type"].map(|k| o.text(k));
        Ok(Self { id, name, cidr, network_type, subnet: o.record("subnet") })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subnet {
    pub id: Option<String>,
    pub name: Option<String>,
    pub cidr: Option<String>,
    pub ip_version: Option<String>,
    pub gateway_ip: Option<String>,
}

impl FromJson for Subnet {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        let [id, name, cidr, ip_version, gateway_ip] =
            ["id", "name", "cidr", "ip_version", "gateway_ip"].map(|k| o.text(k));
        Ok(Self { id, name, cidr, ip_version, gateway_ip })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Vdisk {
    pub label: Option<String>,
    pub resource_id: Option<String>,
    pub restore_size: Option<f64>,
    pub vm_id: Option<String>,
    pub volume_id: Option<String>,
    pub volume_name: Option<String>,
    pub volume_size: Option<String>,
    pub volume_type: Option<String>,
    pub volume_mountpoint: Option<String>,
    pub availability_zone: Option<String>,
}

impl FromJson for Vdisk {
    fn from_json(v: &Value) -> Result<Self, String> {
        let o = Obj::new(v)?;
        Ok(Self {
            label: o.text("label"),
            resource_id: o.text("resource_id"),
            restore_size: o.number("restore_size"),
            vm_id: o.text("vm_id"),
            volume_id: o.text("volume_id"),
            volume_name: o.text("volume_name"),
            volume_size: o.text("volume_size"),
            volume_type: o.text("volume_type"),
            volume_mountpoint: o.text("volume_mountpoint"),
            availability_zone: o.text("availability_zone"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_string_where_an_object_is_documented_loses_only_that_part() {
        let v = json!({"id": "i1", "flavor": "m1.small", "nics": [{"ip_address": "10.0.0.5", "network": "net"}]});
        let i = Instance::from_json(&v).unwrap();
        assert_eq!(i.flavor, None);
        assert_eq!(i.nics[0].ip_address.as_deref(), Some("10.0.0.5"));
        assert_eq!(i.nics[0].network, None);
        assert_eq!(i.label(), "i1");
    }
}

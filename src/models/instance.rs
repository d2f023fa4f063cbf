//! The instances inside a snapshot, as `GET /snapshots/{id}` describes them. Every nested part
//! is optional: a server that sends a string where an object is documented loses that part only.

use super::record::record;
use crate::json::Value;
use std::collections::BTreeMap;

record! {
    pub struct Instance {
        Option<String>: id, name, status;
        BTreeMap<String, Value>: metadata;
        Option<Flavor>: flavor;
        Vec<SecurityGroup>: security_group;
        Vec<Nic>: nics;
        Vec<Vdisk>: vdisks;
    }
}

impl Instance {
    /// Its name, or its id.
    pub fn label(&self) -> String {
        super::name_or_id(self.name.as_deref(), self.id.as_deref().unwrap_or("")).to_owned()
    }
}

record! {
    pub struct Flavor {
        Option<String>: vcpus, ram, disk, ephemeral;
    }
}

record! {
    pub struct SecurityGroup {
        Option<String>: name, security_group_type;
    }
}

record! {
    pub struct Nic {
        Option<String>: mac_address, ip_address;
        Option<Network>: network;
    }
}

record! {
    pub struct Network {
        Option<String>: id, name, cidr, network_type;
        Option<Subnet>: subnet;
    }
}

record! {
    pub struct Subnet {
        Option<String>: id, name, cidr, ip_version, gateway_ip;
    }
}

record! {
    /// A disk of an instance.
    pub struct Vdisk {
        Option<String>: label, resource_id, vm_id, volume_id, volume_name, volume_size, volume_type,
            volume_mountpoint, availability_zone;
        Option<f64>: restore_size;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;
    use crate::models::FromJson;

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

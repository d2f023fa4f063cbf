//! Finding the Workloadmgr endpoint in a token's service catalog.

use crate::models::record::record;

/// The service types a Workloadmgr is registered under, in order of preference.
pub const SERVICE_TYPES: [&str; 2] = ["workloads", "workloadmgr"];
/// The service name some clouds register it under, whatever its type.
pub const SERVICE_NAME: &str = "TrilioVaultWLM";

record! {
    pub struct CatalogService {
        Option<String>: kind = "type", name;
        Vec<CatalogEndpoint>: endpoints;
    }
}

record! {
    pub struct CatalogEndpoint {
        Option<String>: interface, region = "region_id" | "region", url;
    }
}

/// One usable endpoint: its URL template (`%(tenant_id)s` still in it) and its region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceEndpoint {
    pub url: String,
    pub region: Option<String>,
}

fn is_workloadmgr(service: &CatalogService) -> bool {
    let kind = service.kind.as_deref().map(str::to_ascii_lowercase);
    kind.as_deref().is_some_and(|k| SERVICE_TYPES.contains(&k))
        || service.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(SERVICE_NAME))
}

/// The Workloadmgr endpoints of `interface`, one per region (in `region` only, when given).
/// Several means the admin chooses; none is an error that names what was looked for.
pub fn find_workloadmgr(
    catalog: &[CatalogService],
    interface: &str,
    region: Option<&str>,
) -> Result<Vec<ServiceEndpoint>, String> {
    // A service registered under the documented type wins over a look-alike by name: the
    // services taken rank by rank (a catalog has a handful, and this needs no sort's code).
    let rank = |s: &CatalogService| {
        let kind = s.kind.as_deref().unwrap_or("").to_ascii_lowercase();
        SERVICE_TYPES.iter().position(|t| *t == kind).unwrap_or(SERVICE_TYPES.len())
    };
    let services: Vec<&CatalogService> = (0..=SERVICE_TYPES.len())
        .flat_map(|r| catalog.iter().filter(move |s| is_workloadmgr(s) && rank(s) == r))
        .collect();
    let looked_for = format!(
        "service type \"{}\" or \"{}\", or the name \"{SERVICE_NAME}\"",
        SERVICE_TYPES[0], SERVICE_TYPES[1]
    );
    if services.is_empty() {
        return Err(format!(
            "The token's service catalog has no backup service (looked for {looked_for})."
        ));
    }
    let mut found: Vec<ServiceEndpoint> = Vec::new();
    for service in services {
        for e in &service.endpoints {
            let Some(url) = e.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
                continue;
            };
            let interface_ok =
                e.interface.as_deref().unwrap_or("public").eq_ignore_ascii_case(interface);
            let region_ok = region.is_none_or(|r| e.region.as_deref() == Some(r));
            if interface_ok && region_ok && !found.iter().any(|f| f.region == e.region) {
                found.push(ServiceEndpoint { url: url.to_owned(), region: e.region.clone() });
            }
        }
    }
    if found.is_empty() {
        let place = region.map(|r| format!(" in region \"{r}\"")).unwrap_or_default();
        return Err(format!(
            "The backup service ({looked_for}) has no \"{interface}\" endpoint{place} in the token's catalog."
        ));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::json;
    use crate::models::FromJson;

    fn catalog(value: crate::json::Value) -> Vec<CatalogService> {
        Vec::<CatalogService>::from_json(&value).unwrap()
    }

    fn urls(found: &[ServiceEndpoint]) -> Vec<&str> {
        found.iter().map(|e| e.url.as_str()).collect()
    }

    #[test]
    fn the_interface_and_region_pick_the_endpoint() {
        let c = catalog(json!([
            {"type": "identity", "name": "keystone", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "http://ks/v3"}]},
            {"type": "workloads", "name": "TrilioVaultWLM", "endpoints": [
                {"interface": "public", "region_id": "RegionOne", "url": "https://one/v1/%(tenant_id)s"},
                {"interface": "internal", "region_id": "RegionOne", "url": "http://10.0.0.1/v1/%(tenant_id)s"},
                {"interface": "public", "region": "RegionTwo", "url": "https://two/v1/$(tenant_id)s"}]}
        ]));
        let all = find_workloadmgr(&c, "public", None).unwrap();
        assert_eq!(urls(&all), ["https://one/v1/%(tenant_id)s", "https://two/v1/$(tenant_id)s"]);
        assert_eq!(all[1].region.as_deref(), Some("RegionTwo"), "the older `region` key counts");
        let two = find_workloadmgr(&c, "public", Some("RegionTwo")).unwrap();
        assert_eq!(urls(&two), ["https://two/v1/$(tenant_id)s"]);
        let internal = find_workloadmgr(&c, "internal", None).unwrap();
        assert_eq!(urls(&internal), ["http://10.0.0.1/v1/%(tenant_id)s"]);
    }

    #[test]
    fn the_older_type_and_the_service_name_are_found_too() {
        let by_type = catalog(json!([{"type": "workloadmgr", "endpoints": [
            {"interface": "public", "region_id": "R", "url": "https://a/v1/{project_id}"}]}]));
        assert_eq!(
            urls(&find_workloadmgr(&by_type, "public", None).unwrap()),
            ["https://a/v1/{project_id}"]
        );
        let by_name = catalog(json!([{"type": "backup", "name": "TrilioVaultWLM", "endpoints": [
            {"interface": "public", "region_id": "R", "url": "https://b/v1/%(tenant_id)s"}]}]));
        assert_eq!(
            urls(&find_workloadmgr(&by_name, "public", None).unwrap()),
            ["https://b/v1/%(tenant_id)s"]
        );
        let both = catalog(json!([
            {"type": "backup", "name": "TrilioVaultWLM", "endpoints": [
                {"interface": "public", "region_id": "R", "url": "https://lookalike"}]},
            {"type": "workloads", "endpoints": [
                {"interface": "public", "region_id": "R", "url": "https://real"}]}
        ]));
        assert_eq!(urls(&find_workloadmgr(&both, "public", None).unwrap()), ["https://real"]);
    }

    #[test]
    fn a_missing_service_or_endpoint_says_what_was_looked_for() {
        let none = catalog(json!([{"type": "compute", "endpoints": []}]));
        let err = find_workloadmgr(&none, "public", None).unwrap_err();
        assert!(err.contains("\"workloads\"") && err.contains("TrilioVaultWLM"), "{err}");
        let no_admin = catalog(json!([{"type": "workloads", "endpoints": [
            {"interface": "public", "region_id": "RegionOne", "url": "https://a"}, {"interface": "admin"}]}]));
        let err = find_workloadmgr(&no_admin, "admin", Some("RegionOne")).unwrap_err();
        assert!(err.contains("\"admin\" endpoint in region \"RegionOne\""), "{err}");
        assert!(find_workloadmgr(&[], "public", None).is_err());
    }
}

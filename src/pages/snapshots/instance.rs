//! One instance of a snapshot: flavor, security groups, network interfaces, disks, metadata.

use crate::components::{compact_table, prop_row, Isolated, StatusBadge};
use crate::format::{opt_bytes, or_dash};
use crate::json::Value;
use crate::models::instance::{Nic, Vdisk};
use crate::models::json::value_text;
use crate::models::Instance;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Metadata values that hold JSON (`vm_metadata`, `hostnames`): shown parsed when they parse.
pub const STRUCTURED_KEYS: &[&str] = &["vm_metadata", "hostnames", "preferredgroup"];

#[derive(Clone, Debug, PartialEq)]
pub enum Structured {
    List(Vec<String>),
    Map(Vec<(String, String)>),
    Text(String),
}

pub fn parse_structured(raw: &str) -> Structured {
    match crate::json::parse(raw) {
        Ok(Value::Array(items)) => Structured::List(items.iter().map(value_text).collect()),
        Ok(Value::Object(map)) => {
            Structured::Map(map.iter().map(|(k, v)| (k.clone(), value_text(v))).collect())
        }
        _ => Structured::Text(raw.to_owned()),
    }
}

/// A metadata value: parsed for the structured keys, as text otherwise.
pub fn metadata_value(key: &str, raw: String) -> impl IntoView {
    if !STRUCTURED_KEYS.contains(&key) {
        return EitherOf3::A(view! { <span class="mono">{raw}</span> });
    }
    match parse_structured(&raw) {
        Structured::List(items) => {
            let items =
                items.into_iter().map(|i| view! { <li class="mono">{i}</li> }).collect_view();
            EitherOf3::B(view! { <ul class="structured">{items}</ul> })
        }
        Structured::Map(pairs) => {
            let rows = pairs
                .into_iter()
                .map(|(k, v)| prop_row(&k, view! { <span class="mono">{v}</span> }));
            EitherOf3::C(view! { <dl class="props">{rows.collect_view()}</dl> })
        }
        Structured::Text(t) => EitherOf3::A(view! { <span class="mono">{t}</span> }),
    }
}

fn nic_cells(n: Nic) -> impl IntoView {
    let net = n.network.unwrap_or_default();
    let sub = net.subnet.clone().unwrap_or_default();
    view! {
        <td class="mono">{or_dash(n.mac_address.as_deref())}</td>
        <td class="mono">{or_dash(n.ip_address.as_deref())}</td>
        <td>{or_dash(net.name.as_deref())}</td>
        <td>{or_dash(sub.name.as_deref())}</td>
        <td class="mono">{or_dash(sub.cidr.as_deref().or(net.cidr.as_deref()))}</td>
        <td class="mono">{or_dash(sub.gateway_ip.as_deref())}</td>
    }
}

fn disk_cells(d: Vdisk) -> impl IntoView {
    view! {
        <td class="mono">{or_dash(d.volume_id.as_deref())}</td>
        <td class="mono">{or_dash(d.volume_name.as_deref())}</td>
        <td>{d.volume_size.map(|s| format!("{s} GB")).unwrap_or_else(|| "—".into())}</td>
        <td>{or_dash(d.volume_type.as_deref())}</td>
        <td class="mono">{or_dash(d.volume_mountpoint.as_deref())}</td>
        <td>{opt_bytes(d.restore_size)}</td>
    }
}

#[component]
pub fn InstanceView(instance: Instance) -> impl IntoView {
    let i = instance;
    let name = i.label();
    let f = i.flavor.clone().unwrap_or_default();
    let flavor = [&f.vcpus, &f.ram, &f.disk, &f.ephemeral].map(|v| or_dash(v.as_deref()));
    let flavor = format!(
        "{} vCPU · {} MB RAM · {} GB disk · {} GB ephemeral",
        Isolated(&flavor[0]),
        Isolated(&flavor[1]),
        Isolated(&flavor[2]),
        Isolated(&flavor[3])
    );
    let group = |g: &crate::models::instance::SecurityGroup| {
        format!(
            "{} ({})",
            Isolated(g.name.as_deref().unwrap_or("?")),
            Isolated(g.security_group_type.as_deref().unwrap_or("?"))
        )
    };
    let groups: Vec<String> = i.security_group.iter().map(group).collect();
    let groups = if groups.is_empty() { "—".to_owned() } else { groups.join(", ") };
    let meta: Vec<(String, Value)> = i.metadata.into_iter().collect();
    let meta_title = format!("Instance metadata ({})", meta.len());
    let meta_rows = meta
        .into_iter()
        .map(|(k, v)| prop_row(&k, metadata_value(&k, value_text(&v))))
        .collect_view();
    let nic_headers = ["MAC", "IP", "Network", "Subnet", "CIDR", "Gateway"];
    let disk_headers = ["Volume ID", "Name", "Size", "Type", "Mount point", "Restore size"];
    view! {
        <article class="instance" aria-label=format!("Instance {name}")>
            <h3 class="instance__title">{name.clone()}<StatusBadge status=i.status.unwrap_or_else(|| "unknown".into())/></h3>
            <dl class="props">
                {prop_row("Instance ID", view! { <code>{or_dash(i.id.as_deref())}</code> })}
                {prop_row("Flavor", flavor)}
                {prop_row("Security groups", groups)}
            </dl>
            <h4 class="card__subtitle">"Network interfaces"</h4>
            {compact_table(format!("Network interfaces of {name}"), &nic_headers, i.nics, nic_cells)}
            <h4 class="card__subtitle">"Disks"</h4>
            {compact_table(format!("Disks of {name}"), &disk_headers, i.vdisks, disk_cells)}
            <details>
                <summary>{meta_title}</summary>
                <dl class="props">{meta_rows}</dl>
            </details>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unparsable_structured_metadata_falls_back_to_text() {
        assert_eq!(parse_structured("[\"a\", 1]"), Structured::List(vec!["a".into(), "1".into()]));
        assert_eq!(parse_structured("{broken"), Structured::Text("{broken".into()));
    }
}

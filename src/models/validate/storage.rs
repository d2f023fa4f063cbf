//! Where backups are written: NFS exports, S3 endpoints and bucket names.

/// `host:/path`: a host (name, IPv4 or [IPv6]) and an absolute path, no spaces.
pub fn nfs_export(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the NFS export, e.g. 192.168.1.34:/mnt/backups.".into());
    }
    if t.contains(char::is_whitespace) {
        return Some("The export must not contain spaces.".into());
    }
    let Some((host, path)) = t.split_once(":/") else {
        return Some("Use the form host:/path, e.g. nfs.example.com:/exports/backups.".into());
    };
    if !is_host(host) {
        return Some(format!("\"{host}\" is not a valid host name or IP address."));
    }
    if path.contains("//") {
        return Some("The path must not contain empty segments (//).".into());
    }
    None
}

fn is_host(host: &str) -> bool {
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || c == ':');
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    !host.is_empty() && host.split('.').all(label_ok)
}

/// An http or https URL with a host.
pub fn s3_url(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the S3 endpoint URL, e.g. https://s3.example.com.".into());
    }
    match t.strip_prefix("https://").or_else(|| t.strip_prefix("http://")) {
        None => Some("The endpoint URL must start with http:// or https://.".into()),
        Some(r) if r.is_empty() || r.starts_with('/') || r.contains(char::is_whitespace) => {
            Some("The endpoint URL needs a host name and no spaces.".into())
        }
        Some(_) => None,
    }
}

/// S3 bucket naming rules: 3–63 characters of lowercase letters, digits, dots and hyphens,
/// starting and ending with a letter or digit, no `..`, not shaped like an IP address.
pub fn bucket(text: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return Some("Enter the bucket name.".into());
    }
    if !(3..=63).contains(&t.len()) {
        return Some("A bucket name has 3 to 63 characters.".into());
    }
    if !t.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-') {
        return Some("Use only lowercase letters, digits, dots (.) and hyphens (-).".into());
    }
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !edge_ok(t.chars().next()) || !edge_ok(t.chars().last()) {
        return Some("A bucket name starts and ends with a letter or digit.".into());
    }
    if t.contains("..") || t.contains(".-") || t.contains("-.") {
        return Some("A bucket name has no two adjacent dots and no dot next to a hyphen.".into());
    }
    if t.split('.').count() == 4 && t.split('.').all(|p| p.parse::<u8>().is_ok()) {
        return Some("A bucket name must not look like an IP address.".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfs_exports_must_be_host_colon_path() {
        for ok in ["192.168.1.34:/mnt/tvault/162", "nfs.example.com:/exports", "[fd00::1]:/b"] {
            assert_eq!(nfs_export(ok), None, "{ok}");
        }
        for bad in ["", "192.168.1.34/mnt", "host:/a b", ":/path", "bad_host!:/x", "host:relative"]
        {
            assert!(nfs_export(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn s3_urls_and_bucket_names_follow_the_rules() {
        assert_eq!(s3_url("https://s3.example.com"), None);
        assert_eq!(s3_url("http://10.0.0.1:7480"), None);
        for bad in ["", "s3.example.com", "ftp://x", "https://", "https:// x"] {
            assert!(s3_url(bad).is_some(), "{bad}");
        }
        for ok in ["abc", "trilio-backups", "a.b-c.1"] {
            assert_eq!(bucket(ok), None, "{ok}");
        }
        let long = "x".repeat(64);
        for bad in ["ab", "Upper", "-start", "end-", "a..b", "192.168.1.1", "under_score", &long] {
            assert!(bucket(bad).is_some(), "{bad}");
        }
    }
}

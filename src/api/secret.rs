//! A token as the console holds it: usable, never printed.

/// A credential. `Debug` prints `<redacted>`, so no struct holding one can leak it into a
/// log line or a message by being printed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The value, for the one place that sends it: the `X-Auth-Token` header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_never_printed() {
        let s = Secret::from("gAAAAAB-secret");
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(s.expose(), "gAAAAAB-secret");
    }
}

//! A [`Value`] written as compact JSON, as serde_json wrote it: request bodies, the stored
//! session, and a field shown as text.

use super::Value;
use std::fmt::{self, Write};

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Number(n) => f.write_str(n.as_str()),
            Value::String(s) => write_string(f, s),
            Value::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    item.fmt(f)?;
                }
                f.write_char(']')
            }
            Value::Object(fields) => {
                f.write_char('{')?;
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_string(f, key)?;
                    f.write_char(':')?;
                    value.fmt(f)?;
                }
                f.write_char('}')
            }
        }
    }
}

/// A string in quotes, with `"`, `\` and the control characters escaped.
fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    f.write_char('"')?;
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both slices are whole characters.
        f.write_str(s.get(start..i).unwrap_or_default())?;
        if short.is_empty() {
            f.write_str("\\u00")?;
            f.write_char(char::from(HEX[usize::from(b >> 4)]))?;
            f.write_char(char::from(HEX[usize::from(b & 0xf)]))?;
        } else {
            f.write_str(short)?;
        }
        start = i + 1;
    }
    f.write_str(s.get(start..).unwrap_or_default())?;
    f.write_char('"')
}

#[cfg(test)]
mod tests {
    use crate::json::parse;

    #[test]
    fn text_is_escaped_and_reads_back_the_same() {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} del \u{7f} é 😀 </script>";
        let written = crate::json::json!({ "s": text }).to_string();
        assert_eq!(
            written,
            "{\"s\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 del \u{7f} é 😀 </script>\"}"
        );
        assert_eq!(parse(&written).unwrap()["s"].as_str(), Some(text));
    }
}

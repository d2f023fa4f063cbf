//! JSON text to a [`Value`], by RFC 8259 and as strictly as serde_json read it (no trailing
//! commas, no comments, no lone surrogates, nesting to 128), with its wording of errors.
//! Every byte is looked at through `get`, so no body can make it panic.

use super::{Map, Number, Value};
use std::fmt;

/// Deeper than this is refused, so a hostile body cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseError {
    what: &'static str,
    line: usize,
    column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

/// The value `text` holds, with nothing but whitespace around it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut reader = Reader { text, at: 0 };
    let value = reader.value(0)?;
    reader.end()?;
    Ok(value)
}

/// The text of each entry of the list under `plural` (else `singular`) of the object `text`
/// holds, for reading one entry at a time; the other fields are checked, not built. `None`
/// when the text is not such an object.
pub fn list_entries<'a>(text: &'a str, plural: &str, singular: &str) -> Option<Vec<&'a str>> {
    let mut reader = Reader { text, at: 0 };
    let (mut under_plural, mut under_singular) = (None, None);
    reader.expect(b'{').ok()?;
    if !reader.eat(b'}') {
        loop {
            reader.expect(b'"').ok()?;
            let key = reader.string(true).ok()??;
            reader.expect(b':').ok()?;
            if key == plural || key == singular {
                let entries = Some(reader.entries().ok()?);
                *(if key == plural { &mut under_plural } else { &mut under_singular }) = entries;
            } else {
                reader.value_or_skip(1, false).ok()?;
            }
            if !reader.after_item(b'}').ok()? {
                break;
            }
        }
    }
    reader.end().ok()?;
    under_plural.or(under_singular)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn fail<T>(&self, what: &'static str) -> Result<T, ParseError> {
        let before = self.text.as_bytes().get(..self.at).unwrap_or(self.text.as_bytes());
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count();
        Err(ParseError { what, line, column })
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The next byte after any whitespace.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.byte() {
            self.at += 1;
        }
        self.byte()
    }

    fn eat(&mut self, b: u8) -> bool {
        let next = self.peek() == Some(b);
        self.at += usize::from(next);
        next
    }

    fn expect(&mut self, b: u8) -> Result<(), ParseError> {
        match self.peek() {
            Some(next) if next == b => {
                self.at += 1;
                Ok(())
            }
            None => self.fail("EOF while parsing a value"),
            Some(_) if b == b'"' => self.fail("key must be a string"),
            Some(_) if b == b':' => self.fail("expected `:`"),
            Some(_) => self.fail("expected value"),
        }
    }

    /// After an item of a list or object: `true` when another follows (a comma), `false` at
    /// the closing `close`.
    fn after_item(&mut self, close: u8) -> Result<bool, ParseError> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.at += 1;
                Ok(false)
            }
            None => self.fail("EOF while parsing a value"),
            Some(_) if close == b']' => self.fail("expected `,` or `]`"),
            Some(_) => self.fail("expected `,` or `}`"),
        }
    }

    fn end(&mut self) -> Result<(), ParseError> {
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ParseError> {
        self.value_or_skip(depth, true).map(Option::unwrap_or_default)
    }

    /// Reads one value: built when `build`, else only checked (`None`).
    fn value_or_skip(&mut self, depth: usize, build: bool) -> Result<Option<Value>, ParseError> {
        let Some(first) = self.peek() else { return self.fail("EOF while parsing a value") };
        if matches!(first, b'[' | b'{') && depth >= MAX_DEPTH {
            return self.fail("recursion limit exceeded");
        }
        let value = match first {
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.extend(self.value_or_skip(depth + 1, build)?);
                        if !self.after_item(b']')? {
                            break;
                        }
                    }
                }
                Value::Array(items)
            }
            b'{' => {
                self.at += 1;
                let mut entries = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.expect(b'"')?;
                        let key = self.string(build)?;
                        self.expect(b':')?;
                        let value = self.value_or_skip(depth + 1, build)?;
                        entries.extend(key.zip(value));
                        if !self.after_item(b'}')? {
                            break;
                        }
                    }
                }
                Value::Object(Map::from_entries(entries))
            }
            b'"' => {
                self.at += 1;
                self.string(build)?.map(Value::String).unwrap_or_default()
            }
            b't' => self.literal("true", Value::Bool(true))?,
            b'f' => self.literal("false", Value::Bool(false))?,
            b'n' => self.literal("null", Value::Null)?,
            b'-' | b'0'..=b'9' => {
                let text = self.number()?;
                if !build {
                    return Ok(None);
                }
                Value::Number(Number(text.into()))
            }
            _ => return self.fail("expected value"),
        };
        Ok(build.then_some(value))
    }

    /// A list's items as their texts (the reader just before its `[`).
    fn entries(&mut self) -> Result<Vec<&'a str>, ParseError> {
        self.expect(b'[')?;
        let mut entries = Vec::new();
        if !self.eat(b']') {
            loop {
                self.peek();
                let start = self.at;
                self.value_or_skip(1, false)?;
                entries.push(self.text.get(start..self.at).unwrap_or_default());
                if !self.after_item(b']')? {
                    break;
                }
            }
        }
        Ok(entries)
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, ParseError> {
        if self.text.as_bytes().get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            self.fail("expected ident")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.byte().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number's text, checked against JSON's grammar.
    fn number(&mut self) -> Result<&'a str, ParseError> {
        let start = self.at;
        self.at += usize::from(self.byte() == Some(b'-'));
        match self.byte() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("invalid number"),
        }
        if self.byte() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.at += 1;
            self.at += usize::from(matches!(self.byte(), Some(b'+' | b'-')));
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        Ok(self.text.get(start..self.at).unwrap_or_default())
    }

    /// A string's contents, unescaped when `build` (the reader just after its opening quote).
    fn string(&mut self, build: bool) -> Result<Option<String>, ParseError> {
        let mut out: Option<String> = None;
        loop {
            let start = self.at;
            let rest = self.text.as_bytes().get(start..).unwrap_or_default();
            self.at += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            // The run stops only at an ASCII byte or the end, so it is whole characters.
            let run = self.text.get(start..self.at).unwrap_or_default();
            if build {
                match out.as_mut() {
                    Some(out) => out.push_str(run),
                    // Most strings have no escape: one allocation of the right size.
                    None => out = Some(run.to_owned()),
                }
            }
            match self.byte() {
                None => return self.fail("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    if let Some(out) = out.as_mut() {
                        out.push(c);
                    }
                }
                Some(_) => {
                    return self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string")
                }
            }
        }
    }

    /// The character an escape stands for (the reader just after its backslash).
    fn escape(&mut self) -> Result<char, ParseError> {
        let Some(b) = self.byte() else { return self.fail("EOF while parsing a string") };
        self.at += 1;
        let simple = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return self.fail("invalid escape"),
        };
        Ok(simple)
    }

    /// `\uXXXX`, or two of them for a character beyond the first plane.
    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.text.as_bytes().get(self.at..self.at + 2) != Some(b"\\u") {
                    return self.fail("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.fail("lone leading surrogate in hex escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.fail("lone trailing surrogate in hex escape"),
            code => code,
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.fail("invalid unicode code point"),
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut code = 0;
        for _ in 0..4 {
            let Some(digit) = self.byte().and_then(|b| char::from(b).to_digit(16)) else {
                return self.fail("invalid escape");
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_read_as_their_characters() {
        let v = parse(r#"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "é😀"]"#).unwrap();
        assert_eq!(v[0].as_str(), Some("a\"b\\c/d\n\té😀"));
        assert_eq!(v[1].as_str(), Some("é😀"));
    }

    #[test]
    fn malformed_text_is_an_error_saying_where() {
        for bad in [
            "",
            " ",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "tru",
            "nul",
            "01",
            "1.",
            "-",
            "1e",
            "\"abc",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"a\u{1}b\"",
            "[1] 2",
            "/* no */ 1",
            "\"\\u12\"",
            "{\"a\":",
            "[",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} is not JSON");
        }
        let e = parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!(e.to_string(), "expected ident at line 2 column 7");
        assert!(parse(&"[".repeat(200)).unwrap_err().to_string().contains("recursion limit"));
        assert_eq!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).map(|_| ()), Ok(()));
    }

    #[test]
    fn a_list_is_cut_into_its_entries_other_fields_checked() {
        let body = r#" {"snapshots_links": [{"x": "]"}], "snapshots": [ {"id": "a"} , [1], "s" ],
            "next": {"snapshots": []}} "#;
        let entries = list_entries(body, "snapshots", "snapshot").unwrap();
        assert_eq!(entries, [r#"{"id": "a"}"#, "[1]", r#""s""#]);
        assert_eq!(list_entries(r#"{"snapshot": [1]}"#, "snapshots", "snapshot").unwrap(), ["1"]);
        assert_eq!(
            list_entries(r#"{"snapshots": [1], "snapshot": [2]}"#, "snapshots", "snapshot")
                .unwrap(),
            ["1"],
            "the plural wins"
        );
        assert_eq!(list_entries(r#"{"sn\u0061pshots": [3]}"#, "snapshots", "x").unwrap(), ["3"]);
        for not_one in [
            r#"{"snapshots": null}"#,
            r#"{"other": []}"#,
            "[1]",
            r#"{"snapshots": [1], "x": tru}"#,
            r#"{"snapshots": []} x"#,
        ] {
            assert_eq!(list_entries(not_one, "snapshots", "snapshot"), None, "{not_one}");
        }
    }
}

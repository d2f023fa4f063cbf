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
    let mut cut = ListCut::new(text, plural, singular);
    loop {
        match cut.step() {
            Cut::Reading => {}
            Cut::Read(entries) => return Some(entries),
            Cut::NotAList => return None,
        }
    }
}

/// What one [`ListCut::step`] leaves.
#[derive(Debug, PartialEq)]
pub enum Cut<'a> {
    /// More of the text is still to read.
    Reading,
    /// The whole text is read: the entries (`list_entries`'s `Some`).
    Read(Vec<&'a str>),
    /// The text is not such an object (`list_entries`'s `None`).
    NotAList,
}

/// [`list_entries`] a piece at a time: each step reads one entry of a list, or one other field,
/// so that a caller can give the page a turn between steps (40,000 entries are a one-pass
/// read of tens of milliseconds).
pub struct ListCut<'a, 'k> {
    reader: Reader<'a>,
    plural: &'k str,
    singular: &'k str,
    at: Place,
    /// The list being read: whether under the plural, and its entries so far.
    open: Option<(bool, Vec<&'a str>)>,
    under_plural: Option<Vec<&'a str>>,
    under_singular: Option<Vec<&'a str>>,
}

#[derive(Clone, Copy, PartialEq)]
enum Place {
    Start,
    Field,
    Entry,
    AfterField,
    End,
}

impl<'a, 'k> ListCut<'a, 'k> {
    pub fn new(text: &'a str, plural: &'k str, singular: &'k str) -> Self {
        ListCut {
            reader: Reader { text, at: 0 },
            plural,
            singular,
            at: Place::Start,
            open: None,
            under_plural: None,
            under_singular: None,
        }
    }

    pub fn step(&mut self) -> Cut<'a> {
        match self.advance() {
            Ok(true) => Cut::Reading,
            Ok(false) => match self.under_plural.take().or_else(|| self.under_singular.take()) {
                Some(entries) => Cut::Read(entries),
                None => Cut::NotAList,
            },
            Err(_) => {
                self.at = Place::End;
                self.under_plural = None;
                self.under_singular = None;
                Cut::NotAList
            }
        }
    }

    /// One piece further; `false` once the text is read to its end.
    fn advance(&mut self) -> Result<bool, ParseError> {
        let reader = &mut self.reader;
        self.at = match self.at {
            Place::Start => {
                reader.expect(b'{')?;
                if reader.eat(b'}') {
                    Place::End
                } else {
                    Place::Field
                }
            }
            Place::Field => {
                reader.expect(b'"')?;
                let key = reader.string(true)?.unwrap_or_default();
                reader.expect(b':')?;
                if key == self.plural || key == self.singular {
                    reader.expect(b'[')?;
                    self.open = Some((key == self.plural, Vec::new()));
                    if reader.eat(b']') {
                        self.close_list();
                        Place::AfterField
                    } else {
                        Place::Entry
                    }
                } else {
                    reader.value_or_skip(1, false)?;
                    Place::AfterField
                }
            }
            Place::Entry => {
                reader.peek();
                let start = reader.at;
                reader.value_or_skip(1, false)?;
                let entry = reader.text.get(start..reader.at).unwrap_or_default();
                if let Some((_, entries)) = self.open.as_mut() {
                    entries.push(entry);
                }
                if reader.after_item(b']')? {
                    Place::Entry
                } else {
                    self.close_list();
                    Place::AfterField
                }
            }
            Place::AfterField => {
                if reader.after_item(b'}')? {
                    Place::Field
                } else {
                    Place::End
                }
            }
            Place::End => {
                reader.end()?;
                return Ok(false);
            }
        };
        Ok(true)
    }

    /// The list just read goes under its key (a key given twice keeps its last list).
    fn close_list(&mut self) {
        if let Some((plural, entries)) = self.open.take() {
            *(if plural { &mut self.under_plural } else { &mut self.under_singular }) =
                Some(entries);
        }
    }
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

    #[test]
    fn a_long_list_is_cut_an_entry_a_step() {
        let entries: Vec<String> = (0..1000).map(|i| format!(r#"{{"id": "s{i}"}}"#)).collect();
        let body = format!(r#"{{"meta": [1, 2], "snapshots": [{}]}}"#, entries.join(", "));
        let mut cut = ListCut::new(&body, "snapshots", "snapshot");
        let mut steps = 0;
        let read = loop {
            match cut.step() {
                Cut::Reading => steps += 1,
                done => break done,
            }
        };
        assert_eq!(read, Cut::Read(entries.iter().map(String::as_str).collect()));
        assert!(steps >= 1000, "a step reads at most one entry ({steps} steps)");
        assert_eq!(cut.step(), Cut::NotAList, "nothing more once read");
        let mut broken = ListCut::new(r#"{"snapshots": [1, 2,]}"#, "snapshots", "snapshot");
        let end = std::iter::repeat_with(|| broken.step()).find(|c| *c != Cut::Reading);
        assert_eq!(end, Some(Cut::NotAList));
    }
}

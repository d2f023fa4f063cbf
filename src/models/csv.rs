//! CSV as spreadsheets read it: a header row, RFC 4180 quoting, and no cell a spreadsheet
//! would run as a formula.

/// One cell. A cell that starts like a formula (`=`, `+`, `-`, `@`, or a tab or carriage
/// return before one) gets a leading `'`, so the spreadsheet shows it as text; a cell with a
/// comma, quote or line break is quoted, with quotes doubled.
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The whole file: UTF-8 with a byte-order mark (so spreadsheets do not guess another
/// encoding), the header row, then the rows; lines end in CRLF.
pub fn csv_text(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    let mut out = String::from('\u{feff}');
    for cells in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        out.push_str(&line(cells));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_separators_are_quoted() {
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("plain é 名前"), "plain é 名前");
        assert_eq!(csv_cell("1-2"), "1-2", "only a leading sign is a formula");
    }

    #[test]
    fn a_file_has_a_bom_a_header_and_crlf_lines() {
        let text = csv_text(&["Name".into(), "Size".into()], &[vec!["a,b".into(), "=1".into()]]);
        assert_eq!(text, "\u{feff}Name,Size\r\n\"a,b\",'=1\r\n");
    }
}

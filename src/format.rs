//! How values from the API are shown: times in the browser's zone, sizes, durations.

/// Milliseconds since the epoch for an API time (`2024-03-04T10:59:51.000000`, UTC, no zone).
/// A trailing `Z` or `+00:00` is accepted too.
pub fn api_time_millis(text: &str) -> Option<f64> {
    canonical_time_millis(text.as_bytes()).or_else(|| any_time_millis(text))
}

/// The form servers send, read digit by digit: sorting 100,000 snapshots by time reads one
/// per row, and the general reader's float parse of the seconds was most of that sort.
fn canonical_time_millis(b: &[u8]) -> Option<f64> {
    let number = |from: usize, to: usize| -> Option<i64> {
        let digits = b.get(from..to)?;
        digits
            .iter()
            .try_fold(0i64, |n, &c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if !separators.iter().all(|&(at, c)| b.get(at) == Some(&c)) {
        return None;
    }
    let (y, mo, d) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (h, mi, s) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    let mut rest = b.get(19..)?;
    let mut fraction_ms = 0.0;
    if let Some(digits) = rest.strip_prefix(b".") {
        let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        fraction_ms = number(20, 20 + n)? as f64 / 10f64.powi(n as i32 - 3);
        rest = &digits[n..];
    }
    if !matches!(rest, b"" | b"Z" | b"+00:00") || s > 60 {
        return None;
    }
    Some(civil_seconds(y, mo, d, h, mi)? as f64 * 1000.0 + s as f64 * 1000.0 + fraction_ms)
}

/// Any form `api_time_millis` accepts: spaces around it, a space for the `T`, one-digit
/// fields, no seconds.
fn any_time_millis(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('Z').trim_end_matches("+00:00");
    let (date, time) = t.split_once(['T', ' '])?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, mo, da) = (d.next()??, d.next()??, d.next()??);
    let mut parts = time.split(':');
    let h: i64 = parts.next()?.parse().ok()?;
    let mi: i64 = parts.next()?.parse().ok()?;
    let s = parse_decimal(parts.next().unwrap_or("0"))?;
    if !(0.0..61.0).contains(&s) {
        return None;
    }
    Some((civil_seconds(y, mo, da, h, mi)? as f64 + s) * 1000.0)
}

/// A decimal number as servers and people write it: `42`, `-1.5`, `.5`, `2.4e3`, spaces
/// around it. Read here rather than by `str::parse::<f64>`, whose tables are 10 KB of the first
/// load: correctly rounded for up to 15 significant digits and an exponent within ±22, off by at
/// most a few units in the last place beyond (sizes, percents and seconds need no more).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let b = text.trim().as_bytes();
    let (negative, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let (mut mantissa, mut exponent, mut digits) = (0u64, 0i32, 0usize);
    let mut read_digits = |i: &mut usize, fraction: bool| {
        while let Some(&c) = b.get(*i).filter(|c| c.is_ascii_digit()) {
            digits += 1;
            if mantissa < 1_000_000_000_000_000_000 {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                exponent = exponent.saturating_sub(i32::from(fraction));
            } else {
                exponent = exponent.saturating_add(i32::from(!fraction));
            }
            *i += 1;
        }
    };
    read_digits(&mut i, false);
    if b.get(i) == Some(&b'.') {
        i += 1;
        read_digits(&mut i, true);
    }
    if digits == 0 {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e = 0i32;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = e.saturating_mul(10).saturating_add(i32::from(c - b'0'));
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent = exponent.saturating_add(sign * e);
    }
    if i != b.len() {
        return None;
    }
    // 10^k is exact up to 10^22, so one multiplication or division rounds once.
    let m = mantissa as f64;
    let value = match exponent {
        0 => m,
        e if e > 0 => m * 10f64.powi(e.min(400)),
        e if e >= -308 => m / 10f64.powi(-e),
        e => m / 1e308 / 10f64.powi((-e - 308).min(400)),
    };
    Some(if negative { -value } else { value })
}

/// Text for comparing without regard to case or accents, in any script: in lower case, and a
/// letter with an accent as its base letter (`É` as `e`: the canonical decomposition without
/// its combining diacritics), as a collator compares at its first level, so that `Été` sorts
/// among the e's and a search for `zurich` finds `Zürich`. Letters of their own (`ø`, `ß`)
/// stay. ASCII is folded here; other text by the browser (`toLowerCase`, `normalize`), which
/// keeps Unicode's tables (11 KB for the case alone) out of the first load. Natively (the
/// tests) only the case is folded.
pub fn fold_text(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        let lower = js_sys::JsString::from(text).to_lower_case();
        let decomposed = String::from(lower.normalize("NFD"));
        decomposed.chars().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// The words of a search, folded once for every row they are looked for in.
pub fn search_words(needle: &str) -> Vec<String> {
    fold_text(needle).split_whitespace().map(str::to_owned).collect()
}

/// Whether a folded `text` holds every one of a search's `words` (as [`search_words`] gives
/// them), in any order: how every list searches its rows.
pub fn holds_every(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

/// `fold_text` over many texts, with one call into the browser for all those that are not
/// ASCII: a call per text costs more than the folding (100,000 Cyrillic names: about 230 ms
/// one by one, 80 ms in one call).
pub fn fold_texts(texts: &mut [String]) {
    let mut others = Vec::new();
    for (i, text) in texts.iter_mut().enumerate() {
        if text.is_ascii() {
            text.make_ascii_lowercase();
        } else if text.contains('\n') {
            *text = fold_text(text);
        } else {
            others.push(i);
        }
    }
    if others.is_empty() {
        return;
    }
    // One text a line (none holds a line break); folding never adds or removes one.
    let joined = others.iter().map(|&i| texts[i].as_str()).collect::<Vec<_>>().join("\n");
    let folded = fold_text(&joined);
    let lines: Vec<&str> = folded.split('\n').collect();
    if lines.len() == others.len() {
        for (&i, line) in others.iter().zip(lines) {
            texts[i] = line.to_owned();
        }
    } else {
        for &i in &others {
            texts[i] = fold_text(&texts[i]);
        }
    }
}

/// Seconds since the epoch at the start of that UTC minute; `None` for a field out of range.
/// Days from civil (Howard Hinnant's algorithm).
fn civil_seconds(y: i64, mo: i64, da: i64, h: i64, mi: i64) -> Option<i64> {
    if !(1..=12).contains(&mo)
        || !(1..=31).contains(&da)
        || !(0..=23).contains(&h)
        || !(0..=59).contains(&mi)
    {
        return None;
    }
    let yy = if mo <= 2 { y - 1 } else { y };
    let era = if yy >= 0 { yy } else { yy - 399 } / 400;
    let yoe = yy - era * 400;
    let mp = (mo + 9) % 12;
    let doy = (153 * mp + 2) / 5 + da - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3_600 + mi * 60)
}

/// The UTC date and time of milliseconds since the epoch: (year, month, day, h, min, s). Civil
/// from days (Howard Hinnant's algorithm), the inverse of `api_time_millis`.
fn utc_parts(ms: f64) -> (i64, i64, i64, i64, i64, i64) {
    let secs = (ms / 1000.0).floor() as i64;
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
}

/// An API time (`YYYY-MM-DDTHH:MM:SS`, UTC) for milliseconds since the epoch.
pub fn api_time_text(ms: f64) -> String {
    let (y, mo, d, h, mi, s) = utc_parts(ms);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
}

/// The browser's clock, in milliseconds since the epoch.
pub fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        since.map(|d| d.as_secs_f64() * 1000.0).unwrap_or(0.0)
    }
}

/// `YYYY-MM-DD HH:MM:SS` in the browser's time zone; the raw text when it does not parse.
pub fn local_time(text: &str) -> String {
    match local_time_parts(text) {
        (date, Some(clock)) => format!("{date} {clock}"),
        (raw, None) => raw,
    }
}

/// `local_time` as its date and its clock, for a cell that may break between them; the raw text
/// without a clock when it does not parse.
pub fn local_time_parts(text: &str) -> (String, Option<String>) {
    match api_time_millis(text) {
        Some(ms) => {
            let (date, clock) = format_local(ms);
            (date, Some(clock))
        }
        None => (text.to_owned(), None),
    }
}

#[cfg(target_arch = "wasm32")]
fn format_local(ms: f64) -> (String, String) {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let date = format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
    (date, format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds()))
}

#[cfg(not(target_arch = "wasm32"))]
fn format_local(ms: f64) -> (String, String) {
    // Native builds (tests) have no browser zone: show UTC.
    let (y, mo, d, h, mi, s) = utc_parts(ms);
    (format!("{y:04}-{mo:02}-{d:02}"), format!("{h:02}:{mi:02}:{s:02}"))
}

/// The browser's zone name for column headers ("Europe/Paris"), or "local time". Read once:
/// where the browser has no Temporal, the first `Intl.DateTimeFormat` of a page costs about
/// 20 ms (the browser loads its locale data), so `warm_zone_name` reads it while the page
/// waits for the network.
pub fn zone_name() -> String {
    thread_local! {
        static ZONE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
    }
    ZONE.with(|zone| zone.get_or_init(read_zone_name).clone())
}

fn read_zone_name() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // `Temporal.Now.timeZoneId()` answers in a tenth of a millisecond; Intl's is the
        // fallback for browsers without Temporal.
        use crate::js::{call_method, property};
        let temporal = property(&js_sys::global(), "Temporal").and_then(|t| property(&t, "Now"));
        let as_zone = |v: wasm_bindgen::JsValue| v.as_string().filter(|z| !z.is_empty());
        let zone = temporal.and_then(|now| call_method(&now, "timeZoneId", &[])).and_then(as_zone);
        let zone = zone.or_else(|| {
            let options =
                js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                    .resolved_options();
            property(&options, "timeZone").and_then(as_zone)
        });
        if let Some(zone) = zone {
            return zone;
        }
    }
    "local time".to_owned()
}

/// Reads the zone name in the next task: called once the app is mounted, when the page is
/// about to wait for its chunk and its first answer, instead of on the way to the first rows.
pub fn warm_zone_name() {
    #[cfg(target_arch = "wasm32")]
    gloo_timers::callback::Timeout::new(0, || drop(zone_name())).forget();
}

/// `x` with `places` decimals (at most 9), rounded half away from zero: `42.1`. Written with
/// integer arithmetic because the standard float formatting (`{:.1}`) brings 10 KB of code and
/// tables into the first load. Past 2^53 a float has no fraction left, and `as` saturates.
pub fn decimal(x: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10u64.pow(places);
    let scaled = (x.abs() * scale as f64).round() as u64;
    let mut text = String::new();
    if x < 0.0 && scaled > 0 {
        text.push('-');
    }
    text.push_str(&(scaled / scale).to_string());
    if scale > 1 {
        let fraction = (scaled % scale).to_string();
        text.push('.');
        text.extend(std::iter::repeat_n('0', places as usize - fraction.len()));
        text.push_str(&fraction);
    }
    text
}

/// A finite `x` as the shortest text that reads back as the same number (`0.1`, `60000`,
/// `1e+21`), a JSON number; `None` for NaN and the infinities, which JSON has no text for. In
/// the browser by the engine's own `Number.prototype.toString`, for the reason [`decimal`]
/// gives.
pub fn shortest_number(x: f64) -> Option<String> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if !x.is_finite() {
        return None;
    }
    if x.fract() == 0.0 && x.abs() < EXACT {
        return Some((x as i64).to_string());
    }
    #[cfg(target_arch = "wasm32")]
    return js_sys::Number::from(x)
        .to_string_with_radix(10)
        .ok()
        .map(String::from)
        .filter(|text| !text.is_empty());
    #[cfg(not(target_arch = "wasm32"))]
    Some(x.to_string())
}

/// Bytes in binary units: `42.1 MiB`.
pub fn human_bytes(bytes: f64) -> String {
    if !bytes.is_finite() || bytes < 0.0 {
        return "—".to_owned();
    }
    const UNITS: [&str; 7] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{} B", decimal(value, 0))
    } else {
        format!("{} {}", decimal(value, 1), UNITS[unit])
    }
}

pub fn opt_bytes(bytes: Option<f64>) -> String {
    bytes.map(human_bytes).unwrap_or_else(|| "—".to_owned())
}

/// Seconds as `1 h 02 min`, `7 min 08 s`, `42 s`.
pub fn duration(secs: f64) -> String {
    if !secs.is_finite() || secs < 0.0 {
        return "—".to_owned();
    }
    let s = secs.round() as u64;
    let (h, m, s) = (s / 3600, s % 3600 / 60, s % 60);
    if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else {
        format!("{s} s")
    }
}

/// "2.4 TB", "512 MiB", "1024" → bytes.
pub fn parse_size(text: &str) -> Option<f64> {
    let t = text.trim();
    let split = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let number = parse_decimal(&t[..split])?;
    let unit = t[split..].trim().to_ascii_uppercase();
    let power = match unit.trim_end_matches("IB").trim_end_matches('B') {
        "" => 0,
        "K" => 1,
        "M" => 2,
        "G" => 3,
        "T" => 4,
        "P" => 5,
        "E" => 6,
        _ => return None,
    };
    let base: f64 = if unit.ends_with("IB") { 1024.0 } else { 1000.0 };
    Some(number * base.powi(power))
}

/// `—` for a missing or empty value.
pub fn or_dash(text: Option<&str>) -> String {
    match text.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_times_are_written_as_they_are_read() {
        for text in ["2024-03-04T10:59:51", "2000-02-29T00:00:00", "1999-12-31T23:59:59"] {
            assert_eq!(api_time_text(api_time_millis(text).unwrap()), text);
        }
    }

    #[test]
    fn api_times_are_utc() {
        assert_eq!(api_time_millis("1970-01-01T00:00:01.500000"), Some(1500.0));
        assert_eq!(api_time_millis("2024-03-04T10:59:51.000000"), Some(1_709_549_991_000.0));
        assert_eq!(api_time_millis("2024-03-04T10:59:51Z"), api_time_millis("2024-03-04T10:59:51"));
        assert_eq!(api_time_millis("yesterday"), None);
        // Native builds show UTC; the browser shows its own zone.
        assert_eq!(local_time("2024-03-04T10:59:51.000000"), "2024-03-04 10:59:51");
        assert_eq!(local_time("not a time"), "not a time");
        let parts = |date: &str, clock: Option<&str>| (date.to_owned(), clock.map(str::to_owned));
        assert_eq!(local_time_parts("2024-03-04T10:59:51Z"), parts("2024-03-04", Some("10:59:51")));
        assert_eq!(local_time_parts("last tuesday"), parts("last tuesday", None));
    }

    #[test]
    fn the_fast_reader_agrees_with_the_general_one() {
        for text in [
            "2024-03-04T10:59:51.000000",
            "2024-03-04T10:59:51.123456",
            "2024-03-04T10:59:51.5",
            "2024-03-04T10:59:51Z",
            "2024-03-04T10:59:51.250+00:00",
            "2000-02-29T00:00:00",
            "1969-07-20T20:17:40",
            "2024-12-31T23:59:60",
        ] {
            let (fast, any) = (canonical_time_millis(text.as_bytes()), any_time_millis(text));
            let (fast, any) = (fast.expect(text), any.expect(text));
            assert!((fast - any).abs() < 0.001, "{text}: {fast} against {any}");
        }
        // What the fast reader leaves to the general one, which still reads it.
        for text in [
            " 2024-03-04T10:59:51 ",
            "2024-03-04 10:59:51",
            "2024-3-4T10:59:51",
            "2024-03-04T10:59",
        ] {
            assert_eq!(canonical_time_millis(text.as_bytes()), None, "{text}");
            assert!(api_time_millis(text).is_some(), "{text}");
        }
        for text in [
            "2024-13-04T10:59:51",
            "2024-03-04T24:00:00",
            "2024-03-04T10:59:51+02:00",
            "2024-03-04T10:5a:51",
        ] {
            assert_eq!(api_time_millis(text), None, "{text}");
        }
    }

    #[test]
    fn decimals_read_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "42",
            "-1.5",
            "+7",
            ".5",
            "5.",
            "2.4e3",
            "1E-3",
            " 12.75 ",
            "99.999",
            "0.1",
            "0.3",
            "123456789012345",
            "1.5e308",
            "5e-324",
            "4.9e-324",
            "12345678901234567890123",
            "0.000001234",
            "1e22",
            "1e23",
            "-0",
        ] {
            let (ours, std) =
                (parse_decimal(text).expect(text), text.trim().parse::<f64>().unwrap());
            let close = ours == std || ((ours - std) / std).abs() < 1e-15;
            assert!(close, "{text}: {ours} against {std}");
        }
        // Exact where a size, a percent or a second is written.
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        assert_eq!(parse_decimal("2.4"), Some(2.4));
        assert_eq!(parse_decimal("59.123456"), Some(59.123456));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        for text in
            ["", " ", "-", ".", "1.2.3", "1e", "1e+", "abc", "1 2", "0x10", "1,5", "--1", "e5"]
        {
            assert_eq!(parse_decimal(text), None, "{text:?}");
        }
    }

    #[test]
    fn case_is_folded_in_any_script() {
        assert_eq!(fold_text("Nightly-BACKUP"), "nightly-backup");
        assert_eq!(fold_text("ÉTÉ Москва ΣΟΦΙΑ"), "été москва σοφια");
    }

    #[test]
    fn many_texts_fold_as_each_alone() {
        let texts = ["Nightly", "ÉTÉ", "", "Москва\nДНЕВНОЙ", "ΣΟΦΙΑ Ω", "plain"];
        let mut folded = texts.map(str::to_owned);
        fold_texts(&mut folded);
        assert_eq!(folded, texts.map(fold_text));
    }

    #[test]
    fn a_search_needs_every_word_in_any_order() {
        let text = fold_text("web-10 Available nightly");
        assert!(holds_every(&text, &search_words("NIGHTLY web")));
        assert!(holds_every(&text, &search_words("   ")), "no words: every row");
        assert!(!holds_every(&text, &search_words("nightly error")));
    }

    #[test]
    fn sizes_and_durations_read_like_an_admin_expects() {
        assert_eq!(human_bytes(44_171_264.0), "42.1 MiB");
        assert_eq!(human_bytes(2_147_483_648.0), "2.0 GiB");
        assert_eq!(human_bytes(512.0), "512 B");
        assert_eq!(duration(428.0), "7 min 08 s");
        assert_eq!(duration(3_700.0), "1 h 01 min");
        assert_eq!(duration(42.0), "42 s");
        assert_eq!(parse_size("2.4 TB"), Some(2.4e12));
        assert_eq!(parse_size("1 KiB"), Some(1024.0));
        assert_eq!(parse_size("lots"), None);
    }

    #[test]
    fn decimals_are_rounded_and_padded() {
        assert_eq!(decimal(42.06, 1), "42.1");
        assert_eq!(decimal(99.96, 1), "100.0");
        assert_eq!(decimal(7.0, 2), "7.00");
        assert_eq!(decimal(0.04, 0), "0");
        assert_eq!(decimal(-1.26, 1), "-1.3");
        assert_eq!(decimal(-0.01, 1), "0.0", "no minus on a zero");
        assert_eq!(decimal(f64::NAN, 1), "0.0");
        assert_eq!(decimal(1e300, 0), u64::MAX.to_string(), "saturates, never panics");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn decimals_match_the_standard_formatting_but_at_ties(x in -1e9f64..1e9, places in 0u32..4) {
            let ours = decimal(x, places);
            let std = format!("{x:.prec$}", prec = places as usize);
            let unit = 10f64.powi(-(places as i32));
            // The standard rounds the exact binary value half to even; this rounds `x * 10^n`
            // half away from zero, so they may differ by one unit in the last place, no more.
            let (a, b) = (ours.parse::<f64>().unwrap(), std.parse::<f64>().unwrap());
            proptest::prop_assert!((a - b).abs() <= unit * 1.000_001, "{ours} against {std}");
            proptest::prop_assert_eq!(ours.split('.').nth(1).map_or(0, str::len), places as usize);
        }

        #[test]
        fn shortest_numbers_read_back_the_same(x in proptest::num::f64::NORMAL | proptest::num::f64::ZERO) {
            let text = shortest_number(x).expect("a finite number has a text");
            proptest::prop_assert_eq!(text.parse::<f64>().unwrap(), x);
        }

        #[test]
        fn milliseconds_written_read_back_the_same_in_json(n in -1_000_000_000_000i64..1_000_000_000_000) {
            // Within `parse_decimal`'s exact range: up to 15 digits.
            let x = n as f64 / 1000.0;
            let text = crate::json::json!({ "ms": x }).to_string();
            proptest::prop_assert_eq!(crate::json::parse(&text).unwrap()["ms"].as_f64(), Some(x));
        }
    }
}

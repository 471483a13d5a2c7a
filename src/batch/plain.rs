//! The usual input line read without serde: an object whose keys are only `"id"`, `"text"` and
//! `"dct"`, each once, with a string `text` and `dct` and an `id` that is a string, a number, a
//! boolean or null. Whatever else a line holds (other keys, nested values, escapes in keys, a bad
//! escape, trailing characters, anything malformed) makes this reader give up, and the line goes to
//! serde, which reads it or says what is wrong with it: this reader never decides an error.
//!
//! It exists because serde_json decodes a string with escapes (every news text has `\n`) into a
//! scratch buffer allocated per call and the visitor then copies it once more; here the text is
//! decoded once, into a buffer reused from line to line, and read in place when it has no escapes.

use crate::render::json::plain_run;
use serde_json::Value;
use std::borrow::Cow;

/// The fields of a plain line: what serde would give for it, the extra fields being none.
pub(super) struct Plain<'a> {
    /// The id (`None` when absent or null).
    pub id: Option<Value>,
    /// The text, borrowed from the line or from the decoding buffer.
    pub text: Cow<'a, str>,
    /// The reference date as written.
    pub dct: Cow<'a, str>,
}

/// Reads `line` if it is a plain line, decoding an escaped text into `buf` (cleared first).
pub(super) fn read<'a>(line: &'a str, buf: &'a mut String) -> Option<Plain<'a>> {
    let b = line.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    // Each field once: `None` until read (the id read may itself be `None`, for null).
    let mut id: Option<Option<Value>> = None;
    let mut text: Option<Cow<str>> = None;
    let mut dct: Option<Cow<str>> = None;
    let mut buf = Some(buf);
    loop {
        i = skip_ws(b, i);
        // The key: plain bytes between quotes.
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = i + 1 + b[i + 1..].iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        if b[key_end] != b'"' {
            return None;
        }
        let key = &b[i + 1..key_end];
        i = skip_ws(b, key_end + 1);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        match key {
            b"text" if text.is_none() => {
                let (s, next) = string(line, i, buf.take())?;
                text = Some(s);
                i = next;
            }
            b"dct" if dct.is_none() => {
                let (s, next) = string(line, i, None)?;
                dct = Some(s);
                i = next;
            }
            b"id" if id.is_none() => {
                let (v, next) = scalar(line, i)?;
                id = Some(v);
                i = next;
            }
            _ => return None,
        }
        i = skip_ws(b, i);
        match b.get(i) {
            Some(b',') => i += 1,
            Some(b'}') => break,
            _ => return None,
        }
    }
    // Nothing but whitespace after the object.
    if skip_ws(b, i + 1) != b.len() {
        return None;
    }
    Some(Plain { id: id.flatten(), text: text?, dct: dct? })
}

/// The index of the first byte at or after `i` that is not JSON whitespace.
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The JSON string starting at the quote at byte `i` of `line`, and the index after its closing
/// quote: borrowed when it has no escapes, else decoded into `buf` (or a new string without one).
fn string<'a>(line: &'a str, i: usize, buf: Option<&'a mut String>) -> Option<(Cow<'a, str>, usize)> {
    let b = line.as_bytes();
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let j = plain_run(b, start);
    if b.get(j) == Some(&b'"') {
        return Some((Cow::Borrowed(&line[start..j]), j + 1));
    }
    match buf {
        Some(buf) => {
            buf.clear();
            let end = decode(line, start, j, buf)?;
            let buf: &'a String = buf;
            Some((Cow::Borrowed(buf.as_str()), end))
        }
        None => {
            let mut s = String::new();
            let end = decode(line, start, j, &mut s)?;
            Some((Cow::Owned(s), end))
        }
    }
}

/// Appends to `out` the string whose content starts at byte `start` of `line`, the bytes before `j`
/// being plain; returns the index after its closing quote.
fn decode(line: &str, start: usize, mut j: usize, out: &mut String) -> Option<usize> {
    let b = line.as_bytes();
    out.reserve(b.len() - start);
    out.push_str(&line[start..j]);
    loop {
        match *b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => {
                let c = match *b.get(j + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    b'u' => {
                        let hi = hex4(b, j + 2)?;
                        j += 4;
                        match hi {
                            // A surrogate pair; a lone surrogate is left to serde (an error).
                            0xD800..=0xDBFF => {
                                if b.get(j + 2) != Some(&b'\\') || b.get(j + 3) != Some(&b'u') {
                                    return None;
                                }
                                let lo = hex4(b, j + 4)?;
                                if !(0xDC00..=0xDFFF).contains(&lo) {
                                    return None;
                                }
                                j += 6;
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                            }
                            0xDC00..=0xDFFF => return None,
                            _ => char::from_u32(hi)?,
                        }
                    }
                    _ => return None,
                };
                out.push(c);
                j += 2;
            }
            // A control character inside a string is an error: serde's to report.
            _ => return None,
        }
        let run_end = plain_run(b, j);
        // (Escapes often come in pairs, "\n\n": nothing to copy between them.)
        if run_end > j {
            out.push_str(&line[j..run_end]);
        }
        j = run_end;
    }
}

/// The four hex digits at byte `i` of `b`.
fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
}

/// A JSON scalar (string, number, `true`, `false`, `null`) starting at byte `i` of `line`, as serde
/// reads it into an `Option<Value>`, and the index after it.
fn scalar(line: &str, i: usize) -> Option<(Option<Value>, usize)> {
    let b = line.as_bytes();
    match *b.get(i)? {
        b'"' => {
            let (s, end) = string(line, i, None)?;
            Some((Some(Value::String(s.into_owned())), end))
        }
        b'-' | b'0'..=b'9' => {
            let len = b[i..].iter().take_while(|c| matches!(c, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')).count();
            // serde's own number reader, on the number alone.
            let v: Value = serde_json::from_str(&line[i..i + len]).ok()?;
            Some((Some(v), i + len))
        }
        _ => {
            let rest = &line[i..];
            let (v, len) = if rest.starts_with("true") {
                (Some(Value::Bool(true)), 4)
            } else if rest.starts_with("false") {
                (Some(Value::Bool(false)), 5)
            } else if rest.starts_with("null") {
                (None, 4)
            } else {
                return None;
            };
            Some((v, i + len))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde reads from a line that has only these fields.
    fn by_serde(line: &str) -> Option<(Option<Value>, String, String)> {
        let v: serde_json::Map<String, Value> = serde_json::from_str(line).ok()?;
        if v.keys().any(|k| !matches!(k.as_str(), "id" | "text" | "dct")) {
            return None;
        }
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let id = v.get("id").cloned().filter(|v| !v.is_null());
        Some((id, s("text")?, s("dct")?))
    }

    #[test]
    fn plain_lines_read_as_serde_reads_them() {
        let lines = [
            r#"{"id": "a", "text": "It rained Monday.", "dct": "2024-08-13"}"#,
            r#" { "dct" : "2024-08-13" ,"text":"a\nb \"q\" \\ \/ \t\r\b\f \u00e9 \uD83D\uDE00 \u0000 end","id":12 } "#,
            r#"{"id": -1.5e3, "text": "x", "dct": "d"}"#,
            r#"{"id": 18446744073709551616, "text": "x", "dct": "d"}"#,
            r#"{"id": null, "text": "x", "dct": "d"}"#,
            r#"{"id": true, "text": "\u00E9t\u00e9", "dct": "d\u0031"}"#,
            r#"{"id": "\u00e9\n", "text": "", "dct": ""}"#,
            r#"{"text": "x", "dct": "d"}"#,
            // Escapes in either word of a sixteen-byte step.
            r#"{"id": "b", "text": "Sixteen bytes \\ then more text\n and \"quotes\" after a long run.", "dct": "d"}"#,
        ];
        for line in lines {
            let mut buf = String::from("left over");
            let p = read(line, &mut buf).unwrap_or_else(|| panic!("not read: {line}"));
            let got = (p.id, p.text.into_owned(), p.dct.into_owned());
            assert_eq!(Some(got), by_serde(line), "{line}");
        }
    }

    #[test]
    fn other_lines_are_left_to_serde() {
        let lines = [
            // Extra or repeated keys, nested ids, bad escapes, errors of every kind.
            r#"{"id": 1, "text": "x", "dct": "d", "src": "w"}"#,
            r#"{"id": 1, "text": "x", "text": "y", "dct": "d"}"#,
            r#"{"id": [1], "text": "x", "dct": "d"}"#,
            r#"{"id": 01, "text": "x", "dct": "d"}"#,
            r#"{"id": 1, "text": "\uD83D", "dct": "d"}"#,
            r#"{"id": 1, "text": "\uDE00x", "dct": "d"}"#,
            r#"{"id": 1, "text": "\x", "dct": "d"}"#,
            r#"{"id": 1, "text": 5, "dct": "d"}"#,
            r#"{"id": 1, "text": "x"}"#,
            r#"{"id": 1, "text": "x", "dct": "d"} x"#,
            r#"{"id": 1, "text": "x", "dct": "d",}"#,
            r#"{"id": nul, "text": "x", "dct": "d"}"#,
            r#"{"i\u0064": 1, "text": "x", "dct": "d"}"#,
            "{\"id\": 1, \"text\": \"a\tb\", \"dct\": \"d\"}",
            "[1]",
            "{}",
            "",
        ];
        for line in lines {
            assert!(read(line, &mut String::new()).is_none(), "{line}");
        }
    }
}

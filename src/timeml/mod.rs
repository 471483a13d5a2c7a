//! TimeML documents (TempEval-3 format): reading with a real XML parser (quick-xml) and writing our
//! TIMEX3 tags back into the same document.
//!
//! Reading keeps the `<TEXT>` content twice: *raw* (as written, entities escaped, markup removed) and
//! *decoded* (what extraction reads), with a map between their offsets, so that writing inserts our tags
//! into the raw text and the text, once tags are stripped, stays byte-identical to the input's.
//! Markup already inside `<TEXT>` (TIMEX3, EVENT, SIGNAL) is dropped; gold TIMEX3 are kept aside for
//! evaluation. Elements after `</TEXT>` (TLINKs, MAKEINSTANCE) are dropped on output.

use crate::error::Error;
use crate::timeline::Mention;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::path::Path;

/// A TIMEX3 annotation read from a document.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Start byte in the decoded text.
    pub start: usize,
    /// End byte in the decoded text.
    pub end: usize,
    /// Its attributes (`tid`, `type`, `value`, `mod`, ...).
    pub attrs: BTreeMap<String, String>,
}

impl GoldTimex {
    /// An attribute, or "".
    pub fn attr(&self, name: &str) -> &str {
        self.attrs.get(name).map_or("", String::as_str)
    }
}

/// A parsed TimeML document.
#[derive(Debug, Clone)]
pub struct TimeMlDoc {
    /// `<DOCID>`, if present.
    pub docid: Option<String>,
    /// The DCT's TIMEX3 value, if present.
    pub dct: Option<String>,
    /// The source up to and including the `<TEXT>` start tag.
    pub prefix: String,
    /// The `<TEXT>` content as written, markup removed, entities kept.
    pub raw_text: String,
    /// The `<TEXT>` content decoded: what extraction reads.
    pub text: String,
    /// `raw_of[i]`: the raw offset of decoded byte `i` (length `text.len() + 1`).
    raw_of: Vec<usize>,
    /// TIMEX3 annotations inside `<TEXT>`.
    pub gold: Vec<GoldTimex>,
    /// The elements `<TEXT>` is inside, outermost first (`TimeML`), closed after it on output.
    enclosing: Vec<String>,
}

fn syntax(path: &Path, src: &str, pos: usize, message: impl Into<String>) -> Error {
    let pos = pos.min(src.len());
    let before = &src[..floor_char(src, pos)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Error::Syntax { path: path.to_path_buf(), line, column, message: message.into() }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn attrs_of(e: &BytesStart, path: &Path, src: &str, pos: usize) -> Result<BTreeMap<String, String>, Error> {
    let mut out = BTreeMap::new();
    for a in e.attributes() {
        let a = a.map_err(|err| syntax(path, src, pos, format!("bad attribute: {err}")))?;
        let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
        let value = a.unescape_value().map_err(|err| syntax(path, src, pos, format!("bad attribute value: {err}")))?;
        out.insert(key, value.into_owned());
    }
    Ok(out)
}

/// An XML element name: a letter, `_` or `:` (or any non-ASCII character), then also digits, `-`
/// and `.`. (quick-xml takes a start tag's name up to the first space, whatever it holds.)
fn is_xml_name(name: &[u8]) -> bool {
    let ok = |c: u8, first: bool| {
        c >= 0x80
            || c.is_ascii_alphabetic()
            || c == b'_'
            || c == b':'
            || (!first && (c.is_ascii_digit() || c == b'-' || c == b'.'))
    };
    name.first().is_some_and(|&c| ok(c, true)) && name[1..].iter().all(|&c| ok(c, false))
}

/// The encoding named by the XML declaration at the start of `bytes` (`<?xml version="1.0"
/// encoding="ISO-8859-1"?>`), if there is one.
pub fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let b = &b[b.iter().position(|c| !c.is_ascii_whitespace())?..];
    if !b.starts_with(b"<?xml") {
        return None;
    }
    // The declaration is ASCII and short; look no further than its end.
    let end = b.windows(2).take(512).position(|w| w == b"?>")?;
    let decl = String::from_utf8_lossy(&b[..end]);
    let rest = decl[decl.find("encoding")? + "encoding".len()..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// The XML declaration of `prefix` made to name UTF-8, the encoding chronoline writes: a document
/// read from ISO-8859-1 is written back as UTF-8 and must say so.
fn declare_utf8(prefix: String) -> String {
    let Some(enc) = declared_encoding(prefix.as_bytes()) else {
        return prefix;
    };
    if enc.eq_ignore_ascii_case("utf-8") {
        return prefix;
    }
    let Some(decl_end) = prefix.find("?>") else {
        return prefix;
    };
    let decl = &prefix[..decl_end];
    match decl.rfind(enc.as_str()) {
        Some(i) => format!("{}UTF-8{}", &prefix[..i], &prefix[i + enc.len()..]),
        None => prefix,
    }
}

/// True when `src` looks like a TimeML document rather than plain text.
///
/// An XML document is read as TimeML even without a `<TEXT>` element (which is then reported as
/// missing), rather than as plain text whose markup would be searched for dates.
pub fn looks_like_timeml(src: &str) -> bool {
    let head = src.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<?xml") || head.starts_with("<TimeML") || head.starts_with("<TEXT>")
}

/// Parses a TimeML document. `path` is only used in error messages.
pub fn parse(src: &str, path: &Path) -> Result<TimeMlDoc, Error> {
    let mut reader = Reader::from_str(src);
    reader.config_mut().check_end_names = true;
    let mut docid = None;
    let mut dct = None;
    let mut in_dct = false;
    let mut in_docid = false;
    let mut text_start: Option<usize> = None;
    let mut text_done = false;
    let mut raw_text = String::new();
    let mut text = String::new();
    let mut raw_of: Vec<usize> = Vec::new();
    let mut open: Vec<(usize, BTreeMap<String, String>)> = Vec::new();
    let mut gold = Vec::new();
    let mut depth_in_text = 0usize;
    // Elements open outside `<TEXT>`, and those open when it starts (its ancestors, outermost first).
    let mut outer: Vec<String> = Vec::new();
    let mut enclosing: Vec<String> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let ev = reader
            .read_event()
            .map_err(|e| syntax(path, src, reader.error_position() as usize, format!("malformed XML: {e}")))?;
        let end = reader.buffer_position() as usize;
        let inside = text_start.is_some() && !text_done;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.name();
                let name = name.as_ref();
                if inside {
                    depth_in_text += 1;
                    if name == b"TIMEX3" {
                        open.push((text.len(), attrs_of(&e, path, src, pos)?));
                    }
                } else if name == b"TEXT" {
                    if text_start.is_some() {
                        return Err(syntax(path, src, pos, "a second <TEXT> element"));
                    }
                    text_start = Some(end);
                    enclosing = outer.clone();
                } else {
                    // Closed again on output after <TEXT>: it must be a name a closing tag can hold.
                    if !is_xml_name(name) {
                        let shown = String::from_utf8_lossy(&name[..name.len().min(40)]).into_owned();
                        return Err(syntax(path, src, pos, format!("malformed XML: {shown:?} is not an element name")));
                    }
                    outer.push(String::from_utf8_lossy(name).into_owned());
                    if name == b"DOCID" {
                        in_docid = true;
                    } else if name == b"DCT" {
                        in_dct = true;
                    } else if name == b"TIMEX3" && in_dct {
                        dct = attrs_of(&e, path, src, pos)?.remove("value");
                    }
                }
            }
            Event::Empty(e) if !inside && e.name().as_ref() == b"TIMEX3" && in_dct => {
                dct = attrs_of(&e, path, src, pos)?.remove("value");
            }
            Event::End(e) => {
                let name = e.name();
                let name = name.as_ref();
                if inside {
                    if name == b"TEXT" && depth_in_text == 0 {
                        text_done = true;
                        raw_of.push(raw_text.len());
                    } else {
                        depth_in_text = depth_in_text.saturating_sub(1);
                        if name == b"TIMEX3" {
                            if let Some((start, attrs)) = open.pop() {
                                gold.push(GoldTimex { start, end: text.len(), attrs });
                            }
                        }
                    }
                } else {
                    outer.pop();
                    if name == b"DOCID" {
                        in_docid = false;
                    } else if name == b"DCT" {
                        in_dct = false;
                    }
                }
            }
            Event::Text(t) => {
                let raw = &src[pos..end];
                if inside {
                    decode_into(raw, &mut raw_text, &mut text, &mut raw_of).map_err(|m| syntax(path, src, pos, m))?;
                } else if in_docid {
                    docid = Some(t.unescape().map(|s| s.trim().to_string()).unwrap_or_default());
                }
            }
            Event::CData(c) if inside => {
                let s = String::from_utf8_lossy(c.as_ref()).into_owned();
                let raw = &src[pos..end];
                for ch in s.chars() {
                    for _ in 0..ch.len_utf8() {
                        raw_of.push(raw_text.len());
                    }
                    text.push(ch);
                }
                raw_text.push_str(raw);
            }
            _ => {}
        }
    }
    let Some(ts) = text_start else {
        return Err(Error::input(path, "not a TimeML document we can read: no <TEXT> element (its text goes there)"));
    };
    if !text_done {
        return Err(syntax(path, src, src.len(), "<TEXT> is never closed"));
    }
    gold.sort_by_key(|g: &GoldTimex| (g.start, g.end));
    let prefix = declare_utf8(src[..ts].to_string());
    Ok(TimeMlDoc { docid, dct, prefix, raw_text, text, raw_of, gold, enclosing })
}

/// Appends escaped `raw` to `raw_text` and its decoded form to `text`, recording the offset map.
fn decode_into(raw: &str, raw_text: &mut String, text: &mut String, raw_of: &mut Vec<usize>) -> Result<(), String> {
    let mut i = 0;
    let b = raw.as_bytes();
    while i < b.len() {
        let base = raw_text.len() + i;
        if b[i] == b'&' {
            let j = raw[i..].find(';').map(|k| i + k).ok_or("an `&` that starts no entity")?;
            let decoded = quick_xml::escape::unescape(&raw[i..=j]).map_err(|e| format!("bad entity: {e}"))?;
            for _ in 0..decoded.len() {
                raw_of.push(base);
            }
            text.push_str(&decoded);
            i = j + 1;
        } else {
            let ch = raw[i..].chars().next().unwrap_or(' ');
            for _ in 0..ch.len_utf8() {
                raw_of.push(base);
            }
            text.push(ch);
            i += ch.len_utf8();
        }
    }
    raw_text.push_str(raw);
    Ok(())
}

impl TimeMlDoc {
    /// A TimeML document wrapping plain text.
    pub fn from_plain(name: &str, dct: &str, text: &str) -> TimeMlDoc {
        let mut raw_text = String::new();
        let mut decoded = String::new();
        let mut raw_of = Vec::with_capacity(text.len() + 1);
        let escaped = quick_xml::escape::escape(text);
        // Escaping never fails to decode back.
        let _ = decode_into(&escaped, &mut raw_text, &mut decoded, &mut raw_of);
        raw_of.push(raw_text.len());
        let prefix = format!(
            "<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>{}</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{}</TIMEX3></DCT>\n\n<TEXT>",
            esc(&xml_safe(name)),
            esc(&xml_safe(dct)),
            esc(&xml_safe(dct))
        );
        TimeMlDoc {
            docid: Some(name.to_string()),
            dct: Some(dct.to_string()),
            prefix,
            raw_text,
            text: decoded,
            raw_of,
            gold: Vec::new(),
            enclosing: vec!["TimeML".to_string()],
        }
    }

    /// The raw offset of a decoded byte offset.
    fn raw_offset(&self, i: usize) -> usize {
        self.raw_of.get(i).copied().unwrap_or(self.raw_text.len())
    }

    /// The document with `mentions` (byte spans into [`TimeMlDoc::text`]) as TIMEX3 tags inside `<TEXT>`.
    /// Characters XML cannot hold are replaced in the text as [`push_xml_safe`] says; the markup before
    /// `<TEXT>` is the input's, as it was.
    pub fn write(&self, mentions: &[Mention]) -> String {
        let mut out = String::with_capacity(self.prefix.len() + self.raw_text.len() * 2 + 64);
        out.push_str(&self.prefix);
        let mut last = 0;
        let tid = |m: &Mention| format!("t{}", m.id.trim_start_matches('m'));
        for m in mentions {
            let (s, e) = (self.raw_offset(m.byte_start), self.raw_offset(m.byte_end));
            if s < last || e <= s {
                continue; // overlapping or empty: never nest tags
            }
            push_xml_safe(&mut out, &self.raw_text[last..s]);
            out.push_str(&format!("<TIMEX3 tid=\"{}\" type=\"{}\" value=\"{}\"", tid(m), m.kind.name(), esc(&m.value)));
            if let Some(md) = m.modifier {
                out.push_str(&format!(" mod=\"{}\"", md.name()));
            }
            if let Some(q) = &m.quant {
                out.push_str(&format!(" quant=\"{}\"", esc(q)));
            }
            if let Some(f) = &m.freq {
                out.push_str(&format!(" freq=\"{}\"", esc(f)));
            }
            if let Some(a) = &m.anchor {
                out.push_str(&format!(" anchorTimeID=\"t{}\"", a.trim_start_matches('m')));
            }
            out.push('>');
            push_xml_safe(&mut out, &self.raw_text[s..e]);
            out.push_str("</TIMEX3>");
            last = e;
        }
        push_xml_safe(&mut out, &self.raw_text[last..]);
        out.push_str("</TEXT>\n\n");
        for name in self.enclosing.iter().rev() {
            out.push_str(&format!("</{name}>\n"));
        }
        out
    }
}

/// Appends `s` with the characters XML 1.0 cannot hold replaced by characters of the same UTF-8
/// length, so that every offset is kept: control characters other than tab, line feed and carriage
/// return (a NUL from a scraped page) become spaces, U+FFFE and U+FFFF become U+FFFD.
pub fn push_xml_safe(out: &mut String, s: &str) {
    let bad = |c: char| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}';
    if !s.chars().any(bad) {
        out.push_str(s);
        return;
    }
    out.extend(s.chars().map(|c| match c {
        '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
        c if bad(c) => ' ',
        c => c,
    }));
}

fn xml_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_xml_safe(&mut out, s);
    out
}

fn esc(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

/// Removes every tag from an XML fragment (for round-trip checks: stripping our tags from `<TEXT>`).
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for ch in s.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The raw content between `<TEXT>` and `</TEXT>` of a serialized document.
pub fn text_section(s: &str) -> Option<&str> {
    let a = s.find("<TEXT>")? + "<TEXT>".len();
    let b = s.rfind("</TEXT>")?;
    (a <= b).then(|| &s[a..b])
}

/// Reads and parses a TimeML file.
pub fn read(path: &Path) -> Result<TimeMlDoc, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let src = String::from_utf8(bytes).map_err(|e| {
        Error::input(path, format!("not UTF-8 at byte {}: TimeML input must be UTF-8", e.utf8_error().valid_up_to()))
    })?;
    parse(&src, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nSales &amp; profits <EVENT eid=\"e1\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.\n</TEXT>\n<TLINK lid=\"l1\"/>\n</TimeML>\n";

    #[test]
    fn reads_dct_text_and_gold() {
        let d = parse(DOC, Path::new("x.tml")).unwrap();
        assert_eq!(d.dct.as_deref(), Some("1998-01-08"));
        assert_eq!(d.docid.as_deref(), Some("X1"));
        assert_eq!(d.text, "\nSales & profits fell yesterday.\n");
        assert_eq!(d.gold.len(), 1);
        assert_eq!(&d.text[d.gold[0].start..d.gold[0].end], "yesterday");
        assert_eq!(d.gold[0].attr("value"), "1998-01-07");
    }

    #[test]
    fn an_encoding_declaration_is_read_and_rewritten_to_utf8() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding = 'ISO-8859-1' ?><a/>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(declared_encoding(b"\xEF\xBB\xBF <?xml version=\"1.0\"?>"), None);
        assert_eq!(declared_encoding(b"plain text encoding=\"x\""), None);
        let src = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TimeML><TEXT>caf\u{e9}</TEXT></TimeML>";
        let d = parse(src, Path::new("x.tml")).unwrap();
        assert_eq!(d.prefix, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML><TEXT>");
    }

    #[test]
    fn characters_xml_cannot_hold_are_written_as_same_length_replacements() {
        let d = TimeMlDoc::from_plain("a\u{1}b", "2024-08-13", "x\0y\u{b}z\u{FFFF}\tend");
        let out = d.write(&[]);
        assert!(out.contains("<TEXT>x y z\u{FFFD}\tend</TEXT>"), "{out}");
        assert!(out.contains("<DOCID>a b</DOCID>"), "{out}");
    }

    /// cargo fuzz (timeml): quick-xml takes a start tag's name up to the first space, so in
    /// `<TimE">x" a="1">` the name was `TimE">x"`, and closing it after <TEXT> gave output that does
    /// not parse. Such a name is now refused where it stands.
    #[test]
    fn an_element_around_the_text_with_an_impossible_name_is_refused() {
        let src = "<TimeML><TimE\">x\" a=\"1\"><TEXT>On Monday.</TEXT></TimeML>";
        let msg = parse(src, Path::new("bad.tml")).unwrap_err().to_string();
        assert_eq!(msg, r#"bad.tml:1:9: malformed XML: "TimE\">x\"" is not an element name"#);
        assert!(parse("<TimeML><my-doc.v2 a=\"1\"><TEXT>x</TEXT></my-doc.v2></TimeML>", Path::new("ok.tml")).is_ok());
    }

    /// cargo fuzz (timeml): replacing control characters in the markup before `<TEXT>` too broke an
    /// attribute name there ("func\u{1}cument=" became "func cument="); that markup is the input's, kept
    /// as it was, so the output parses whenever the input did.
    #[test]
    fn control_characters_in_the_markup_before_the_text_are_kept_as_they_were() {
        let src = "<TimeML><DCT><TIMEX3 tid=\"t0\" func\u{1}\0tion=\"x\" value=\"1998-01-08\"/></DCT><TEXT>a\u{2}b</TEXT></TimeML>";
        let d = parse(src, Path::new("x.tml")).unwrap();
        let out = d.write(&[]);
        assert!(out.starts_with("<TimeML><DCT><TIMEX3 tid=\"t0\" func\u{1}\0tion="), "{out}");
        assert!(out.contains("<TEXT>a b</TEXT>"), "{out}");
        assert_eq!(parse(&out, Path::new("out.tml")).unwrap().text, "a b");
    }

    /// cargo fuzz (timeml): the output always ended with `</TimeML>`, whatever element held `<TEXT>`
    /// ("<wksTimeML><TEXT>...</TEXT>" came back as "...</TEXT></TimeML>", which does not parse).
    #[test]
    fn the_elements_around_the_text_are_closed_as_they_were_opened() {
        let d = parse("<?xml version=\"1.0\"?>\n<Doc><Body><TEXT>On Monday.</TEXT></Body></Doc>", Path::new("x.tml"))
            .unwrap();
        let out = d.write(&[]);
        assert!(out.ends_with("<TEXT>On Monday.</TEXT>\n\n</Body>\n</Doc>\n"), "{out}");
        assert_eq!(parse(&out, Path::new("out.tml")).unwrap().text, "On Monday.");
        let d = parse("<TEXT>On Monday.</TEXT>", Path::new("bare.tml")).unwrap();
        assert_eq!(d.write(&[]), "<TEXT>On Monday.</TEXT>\n\n");
        assert!(
            DOC.ends_with("</TimeML>\n")
                && parse(DOC, Path::new("x.tml")).unwrap().write(&[]).ends_with("</TEXT>\n\n</TimeML>\n")
        );
    }

    #[test]
    fn malformed_xml_names_the_position() {
        let err = parse("<TimeML><TEXT>a <b></TEXT></TimeML>", Path::new("bad.tml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("bad.tml:1:"), "{msg}");
    }
}

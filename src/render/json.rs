//! Compact `chronoline/1` JSON written straight into a byte buffer: the batch mode's output line.
//! Format only: it writes what the [`Timeline`] holds and computes nothing.
//!
//! The bytes are exactly those of `serde_json::to_string` on the same values (same key order, same
//! skipped fields, same string escapes, same date-time spelling); a test holds the two together.
//! It exists because output is about twice the size of the input, and serde's generic path (string
//! escapes one byte at a time, date-times through `fmt`) cost more than a sixth of a batch run.

use crate::timeline::{Event, Explain, Interval, Mention, Timeline};
use chrono::{Datelike, NaiveDateTime, Timelike};

/// Writes the fields of `timeline` (`"schema":...,"document":...,...,"events":[...]`) without the
/// surrounding braces, as serde would when the timeline is flattened into an enclosing object.
pub fn write_timeline_fields(out: &mut Vec<u8>, timeline: &Timeline) {
    out.extend_from_slice(b"\"schema\":");
    write_str(out, &timeline.schema);
    out.extend_from_slice(b",\"document\":{\"name\":");
    write_str(out, &timeline.document.name);
    out.extend_from_slice(b",\"dct\":");
    write_str(out, &timeline.document.dct);
    out.extend_from_slice(b"},\"sentences\":[");
    // Where each sentence was written, then each mention's interval (an empty range for none): an
    // event's sentence is one of the sentences, and its interval most often its first mention's,
    // copied from there rather than written again.
    // (The list is kept from call to call: allocated for each document, it cost about 150
    // instructions a document.)
    thread_local! {
        static WRITTEN: crate::spare::Slot<Vec<(usize, usize)>> = const { crate::spare::Slot::new(Vec::new()) };
    }
    let mut written = WRITTEN.with(crate::spare::Slot::take);
    written.clear();
    for (k, s) in timeline.sentences.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        let at = out.len();
        write_str(out, s);
        written.push((at, out.len()));
    }
    out.extend_from_slice(b"],\"mentions\":[");
    for (k, m) in timeline.mentions.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        written.push(write_mention(out, m));
    }
    out.extend_from_slice(b"],\"events\":[");
    let (sentences_written, intervals_written) = written.split_at(timeline.sentences.len());
    let places = Written { sentences: sentences_written, intervals: intervals_written };
    for (k, e) in timeline.events.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        write_event(out, e, timeline, &places);
    }
    out.push(b']');
    // (A huge document's list is not kept.)
    if written.capacity() <= 1 << 10 {
        WRITTEN.with(|slot| slot.give(written));
    }
}

/// Where parts of a timeline were written in the output, for [`write_event`] to copy.
struct Written<'a> {
    /// Each sentence's string.
    sentences: &'a [(usize, usize)],
    /// Each mention's interval object (an empty range for a mention without one).
    intervals: &'a [(usize, usize)],
}

/// Writes `timeline` as one compact JSON object, like `serde_json::to_vec`.
pub fn write_timeline(out: &mut Vec<u8>, timeline: &Timeline) {
    out.push(b'{');
    write_timeline_fields(out, timeline);
    out.push(b'}');
}

/// Writes a mention; returns where its interval was written (an empty range for none).
fn write_mention(out: &mut Vec<u8>, m: &Mention) -> (usize, usize) {
    out.extend_from_slice(b"{\"id\":");
    write_str(out, &m.id);
    out.extend_from_slice(b",\"text\":");
    write_str(out, &m.text);
    out.extend_from_slice(b",\"start\":");
    write_uint(out, m.start as u64);
    out.extend_from_slice(b",\"end\":");
    write_uint(out, m.end as u64);
    out.extend_from_slice(b",\"byte_start\":");
    write_uint(out, m.byte_start as u64);
    out.extend_from_slice(b",\"byte_end\":");
    write_uint(out, m.byte_end as u64);
    field_name(out, "type", m.kind.name());
    field_str(out, "value", &m.value);
    if let Some(x) = m.modifier {
        field_name(out, "mod", x.name());
    }
    opt_field_str(out, "quant", m.quant.as_deref());
    opt_field_str(out, "freq", m.freq.as_deref());
    let mut interval = (0, 0);
    if let Some(x) = &m.interval {
        out.extend_from_slice(b",\"interval\":");
        let at = out.len();
        write_interval(out, x);
        interval = (at, out.len());
    }
    if let Some(x) = m.grain {
        field_name(out, "grain", x.name());
    }
    opt_field_str(out, "anchor", m.anchor.as_deref());
    opt_field_str(out, "range_with", m.range_with.as_deref());
    out.extend_from_slice(b",\"sentence\":");
    write_uint(out, m.sentence as u64);
    if let Some(x) = &m.explain {
        out.extend_from_slice(b",\"explain\":");
        write_explain(out, x);
    }
    out.push(b'}');
    interval
}

fn write_explain(out: &mut Vec<u8>, x: &Explain) {
    out.extend_from_slice(b"{\"rule\":");
    write_str(out, &x.rule);
    field_str(out, "unresolved", &x.unresolved);
    opt_field_str(out, "tense", x.tense.as_deref());
    field_str(out, "how", &x.how);
    out.push(b'}');
}

/// Writes an event of `timeline`, whose sentences and mentions' intervals were written at
/// `written` in `out`.
fn write_event(out: &mut Vec<u8>, e: &Event, timeline: &Timeline, written: &Written) {
    out.extend_from_slice(b"{\"id\":");
    write_str(out, &e.id);
    field_str(out, "value", &e.value);
    out.extend_from_slice(b",\"interval\":");
    // The event's first mention (by its id, `m` and its number), whose interval and sentence are
    // most often the event's: written already, the same bytes. (Each is compared before it is
    // copied, so a timeline built otherwise is written right too.)
    let first = e.mentions.first().and_then(|id| mention_index(id)).and_then(|k| Some((k, timeline.mentions.get(k)?)));
    match first {
        Some((k, m)) if m.interval.as_ref() == Some(&e.interval) => {
            out.extend_from_within(written.intervals[k].0..written.intervals[k].1)
        }
        _ => write_interval(out, &e.interval),
    }
    field_name(out, "grain", e.grain.name());
    field_str(out, "headline", &e.headline);
    let sentences = &timeline.sentences;
    let sentence = match first {
        Some((_, m)) if sentences.get(m.sentence) == Some(&e.sentence) => Some(m.sentence),
        _ => sentences.iter().position(|s| *s == e.sentence),
    };
    match sentence {
        // The same string, escaped the same way: its bytes already in `out`.
        Some(k) => {
            out.extend_from_slice(b",\"sentence\":");
            out.extend_from_within(written.sentences[k].0..written.sentences[k].1);
        }
        None => field_str(out, "sentence", &e.sentence),
    }
    out.extend_from_slice(b",\"mentions\":[");
    for (k, id) in e.mentions.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        write_str(out, id);
    }
    out.extend_from_slice(b"]}");
}

/// The index of the mention of id `id` as the timeline numbers them (`m1` is 0), if it is such an
/// id of at most nine digits.
fn mention_index(id: &str) -> Option<usize> {
    let digits = id.as_bytes().strip_prefix(b"m")?;
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    let mut n = 0usize;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + usize::from(d - b'0');
    }
    n.checked_sub(1)
}

fn write_interval(out: &mut Vec<u8>, iv: &Interval) {
    // The usual interval, its digits written in place on the stack and appended at once.
    let mut buf = *b"{\"start\":\"0000-00-00T00:00:00\",\"end\":\"0000-00-00T00:00:00\"}";
    let (start, end) = buf.split_at_mut(29);
    let start: &mut [u8; 19] = (&mut start[10..]).try_into().expect("19 bytes");
    let end: &mut [u8; 19] = (&mut end[9..28]).try_into().expect("19 bytes");
    if datetime_digits(&iv.start, start) && datetime_digits(&iv.end, end) {
        out.extend_from_slice(&buf);
    } else {
        out.extend_from_slice(b"{\"start\":");
        write_datetime(out, &iv.start);
        out.extend_from_slice(b",\"end\":");
        write_datetime(out, &iv.end);
        out.push(b'}');
    }
}

/// A date-time as chrono's serde writes it (its `Debug` form, `2024-08-13T00:00:00`), quoted.
fn write_datetime(out: &mut Vec<u8>, dt: &NaiveDateTime) {
    let mut buf = *b"\"0000-00-00T00:00:00\"";
    let digits: &mut [u8; 19] = (&mut buf[1..20]).try_into().expect("19 bytes");
    if datetime_digits(dt, digits) {
        out.extend_from_slice(&buf);
    } else {
        // Years outside 0..=9999 get a sign, fractions and leap seconds get digits: rare, left to chrono.
        write_str(out, &format!("{dt:?}"));
    }
}

/// Writes the digits of `YYYY-MM-DDTHH:MM:SS` over those of `buf` (which holds the dashes, `T` and
/// colons) for a date-time of a year in 0..=9999 without a fraction of a second (what chrono writes
/// for it), and says so; false for others. (Written in place: returned as a value, the digits were
/// copied once more on their way to the output.)
fn datetime_digits(dt: &NaiveDateTime, buf: &mut [u8; 19]) -> bool {
    let (y, t) = (dt.year(), dt.time());
    if !(0..=9999).contains(&y) || t.nanosecond() != 0 {
        return false;
    }
    // Each field is below 100: its two digits from the table of pairs.
    let pairs = crate::expr::PAIRS.as_bytes();
    let mut two = |at: usize, n: u32| {
        let k = 2 * n as usize;
        buf[at..at + 2].copy_from_slice(&pairs[k..k + 2]);
    };
    two(0, y as u32 / 100);
    two(2, y as u32 % 100);
    two(5, dt.month());
    two(8, dt.day());
    two(11, t.hour());
    two(14, t.minute());
    two(17, t.second());
    true
}

/// An unsigned integer in decimal.
pub fn write_uint(out: &mut Vec<u8>, n: u64) {
    crate::timeline::push_decimal(out, n);
}

/// `,"key":` then the string `s` (`key` is written as given: a plain ASCII name).
#[inline]
fn field_str(out: &mut Vec<u8>, key: &str, s: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
    write_str(out, s);
}

/// [`field_str`] for a name from a fixed list of the program's own (a TIMEX3 type, a grain, a
/// modifier), which needs no escape: written without the search for bytes to escape (a test
/// checks every name).
#[inline]
fn field_name(out: &mut Vec<u8>, key: &str, name: &'static str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":\"");
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
}

/// [`field_str`] when there is a value, nothing otherwise (serde's `skip_serializing_if`).
fn opt_field_str(out: &mut Vec<u8>, key: &str, s: Option<&str>) {
    if let Some(s) = s {
        field_str(out, key, s);
    }
}

/// A JSON string with serde_json's escapes: `"`, `\`, and control characters below 0x20 (`\n`, `\t`,
/// `\r`, `\b`, `\f` by name, the others as `\u00xx`); everything else, non-ASCII included, as is.
#[inline]
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // Most strings written (ids, values, types) are short and need no escape: appended quoted as
    // one block of fixed size, then cut to their length (no copy of a length known only at run time).
    match quoted_short(b) {
        Some(quoted) => {
            let at = out.len();
            out.extend_from_slice(&quoted);
            out.truncate(at + b.len() + 2);
        }
        None => write_escaped(out, b),
    }
}

/// [`write_str`] for a string that is long or has bytes to escape.
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, b: &[u8]) {
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    loop {
        // Straight to the next byte that needs an escape (prose has few).
        i = plain_run(b, i);
        if i >= b.len() {
            break;
        }
        let c = b[i];
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&b[start..i]);
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]);
                i += 1;
                start = i;
                continue;
            }
            // (`plain_run` stops at no other byte.)
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&b[start..i]);
        out.extend_from_slice(esc);
        i += 1;
        start = i;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// `b` quoted, in the first `b.len() + 2` bytes, when it has fewer than sixteen bytes and none to
/// escape (`None` otherwise, or when unsure): read as two overlapping words of eight bytes, or of
/// four, and written as such (or byte by byte below four).
#[inline]
fn quoted_short(b: &[u8]) -> Option<[u8; 18]> {
    let n = b.len();
    let mut buf = [b'"'; 18];
    if n >= 16 {
        return None;
    } else if n >= 8 {
        let lo = u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
        let hi = u64::from_le_bytes(b[n - 8..].try_into().expect("eight bytes"));
        if needs_escape(lo) || needs_escape(hi) {
            return None;
        }
        buf[1..9].copy_from_slice(&lo.to_le_bytes());
        buf[n - 7..n + 1].copy_from_slice(&hi.to_le_bytes());
    } else if n >= 4 {
        let lo = u32::from_le_bytes(b[..4].try_into().expect("four bytes"));
        let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("four bytes"));
        if needs_escape(u64::from(lo) | u64::from(hi) << 32) {
            return None;
        }
        buf[1..5].copy_from_slice(&lo.to_le_bytes());
        buf[n - 3..n + 1].copy_from_slice(&hi.to_le_bytes());
    } else {
        for (k, &c) in b.iter().enumerate() {
            if matches!(c, b'"' | b'\\' | 0..=0x1f) {
                return None;
            }
            buf[1 + k] = c;
        }
    }
    buf[n + 1] = b'"';
    Some(buf)
}

/// The index of the first byte at or after `i` of `b` that a JSON string escapes: a quote, a
/// backslash or a control character (or the end). Sixteen bytes at a time with SSE2, then eight,
/// then one. (The batch reader stops at the same bytes in its input.)
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn plain_run(b: &[u8], i: usize) -> usize {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { plain_run_sse2(b, i) }
}

/// [`plain_run`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn plain_run_sse2(b: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    // Bit k: byte k of the sixteen at `p` needs an escape.
    let escapes = |p: &[u8; 16]| {
        // SAFETY: `p` holds 16 bytes, which an unaligned load reads.
        let x = unsafe { _mm_loadu_si128(p.as_ptr().cast()) };
        // A byte at most 0x1f is its own minimum with 0x1f.
        let control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x);
        let quote = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'"' as i8));
        let backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\\' as i8));
        _mm_movemask_epi8(_mm_or_si128(control, _mm_or_si128(quote, backslash))) as u32
    };
    let n = b.len();
    while i + 16 <= n {
        let bits = escapes(b[i..i + 16].try_into().expect("sixteen bytes"));
        if bits != 0 {
            return i + bits.trailing_zeros() as usize;
        }
        i += 16;
    }
    if i >= n {
        return n;
    }
    // A string of fewer than sixteen bytes (most of those written: ids, values, types) as
    // overlapping words: cheaper than the padded copy a sixteen-byte load would need.
    if n < 16 {
        return plain_run_short(b, i);
    }
    // The last bytes: the sixteen that end the string (those before `i` shifted out).
    let bits = escapes(b[n - 16..].try_into().expect("sixteen bytes")) >> (i - (n - 16));
    if bits != 0 {
        i + bits.trailing_zeros() as usize
    } else {
        n
    }
}

/// [`plain_run`] on a string of fewer than sixteen bytes: the bytes from `i` read as two
/// overlapping words of eight bytes, or of four, when there are so many (so that a string needing
/// no escape, the usual case, is cleared without a loop or a copy), else one by one.
#[cfg(any(test, target_arch = "x86_64"))]
#[inline]
fn plain_run_short(b: &[u8], i: usize) -> usize {
    let rest = &b[i..];
    let n = rest.len();
    let clean = if n >= 8 {
        let lo = u64::from_le_bytes(rest[..8].try_into().expect("eight bytes"));
        let hi = u64::from_le_bytes(rest[n - 8..].try_into().expect("eight bytes"));
        !needs_escape(lo) && !needs_escape(hi)
    } else if n >= 4 {
        let lo = u32::from_le_bytes(rest[..4].try_into().expect("four bytes")) as u64;
        let hi = u32::from_le_bytes(rest[n - 4..].try_into().expect("four bytes")) as u64;
        !needs_escape(lo | hi << 32)
    } else {
        false
    };
    if clean {
        return b.len();
    }
    let mut i = i;
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// [`plain_run`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn plain_run(b: &[u8], i: usize) -> usize {
    plain_run_swar(b, i)
}

/// [`plain_run`] eight bytes at a time, then one.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn plain_run_swar(b: &[u8], mut i: usize) -> usize {
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        if needs_escape(w) {
            break;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'"' | b'\\' | 0..=0x1f) {
        i += 1;
    }
    i
}

/// Whether any of the eight bytes of `w` is below 0x20, a `"` or a `\` (exact, no false negatives:
/// a `true` only sends the bytes to the byte-wise check).
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // A byte below 0x20: (b - 0x20) borrows into the high bit only for b < 0x20 among bytes < 0x80;
    // bytes >= 0x80 are masked out by `!w`.
    let below = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below | zeros(w ^ (ONES * b'"' as u64)) | zeros(w ^ (ONES * b'\\' as u64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search for the next byte to escape finds the first one, with SSE2 and without, for
    /// every byte value at every offset of a run longer than a step.
    #[test]
    fn plain_runs_end_at_the_first_byte_to_escape() {
        for len in 0..40 {
            for at in 0..=len {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    if at < len {
                        b[at] = c;
                        if at + 3 < len {
                            b[at + 3] = b'"';
                        }
                    }
                    for from in [0, 1, 2, 3, 5, 9, 12, 17].into_iter().filter(|&f| f <= len) {
                        let want = (from..len).find(|&k| matches!(b[k], b'"' | b'\\' | 0..=0x1f)).unwrap_or(len);
                        assert_eq!(plain_run(&b, from), want, "{b:?} from {from}");
                        assert_eq!(plain_run_swar(&b, from), want, "{b:?} from {from}");
                        if len < 16 {
                            assert_eq!(plain_run_short(&b, from), want, "{b:?} from {from}");
                        }
                    }
                }
            }
        }
    }
    use crate::expr::{Grain, Mod};
    use crate::resolve::TimexType;

    /// The names written without escaping need none: each is written as `write_str` writes it.
    #[test]
    fn names_written_as_they_are_need_no_escape() {
        use Grain::*;
        let grains = [Century, Decade, Year, Half, Quarter, Season, Month, Week, Day, PartOfDay, Hour, Minute, Second];
        let mods = Mod::ALL;
        let types = [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set];
        let names = grains.map(Grain::name).into_iter().chain(mods.map(Mod::name)).chain(types.map(TimexType::name));
        for name in names {
            let (mut plain, mut escaped) = (Vec::new(), Vec::new());
            field_name(&mut plain, "k", name);
            field_str(&mut escaped, "k", name);
            assert_eq!(plain, escaped, "{name}");
        }
    }
    use crate::{extract_with, Options, Reference};

    fn same_as_serde(tl: &Timeline) {
        let mut out = Vec::new();
        write_timeline(&mut out, tl);
        assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(tl).unwrap());
    }

    #[test]
    fn timelines_are_written_as_serde_writes_them() {
        let reference: Reference = "2024-08-13".parse().unwrap();
        let texts = [
            "On Monday he said sales fell last month.",
            "It rained \"all day\" on Jan. 6, 2021\\ at 3 p.m. ET;\tthe board meets every week.\n\nAug. 12-14",
            "Between May and July 2023, more than 40 minutes, twice a month, early 2024, the 1990s \u{1} \u{1f}",
            "No date here. Café — “Monday’s” talk at 10:30:15 a.m. on 5/6/2020 \u{7f} and in the year 12000.",
        ];
        for text in texts {
            for explain in [false, true] {
                let tl = extract_with(text, &reference, &Options { explain, ..Options::default() });
                same_as_serde(&tl);
            }
        }
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/musk-trump-x.txt")).unwrap();
        same_as_serde(&extract_with(&text, &reference, &Options { explain: true, ..Options::default() }));
        // An event whose sentence is not in the list (a timeline built by hand) is written too.
        let mut tl = extract_with(texts[1], &reference, &Options::default());
        tl.events[0].sentence = "Not \"listed\".\n".to_string();
        tl.sentences.insert(0, "Same\tbytes".to_string());
        tl.events.last_mut().unwrap().sentence = "Same\tbytes".to_string();
        same_as_serde(&tl);
        // Events whose first mention (by id) has another interval or sentence, or is no mention of
        // the list, are written with their own.
        let mut tl = extract_with(texts[1], &reference, &Options::default());
        assert!(tl.events.len() >= 2 && tl.mentions.len() >= 2);
        tl.events[0].interval.end += chrono::Duration::seconds(1);
        tl.events[1].mentions.insert(0, "m0".to_string());
        let last = tl.events.len() - 1;
        tl.events[last].mentions[0] = tl.mentions[0].id.clone();
        tl.mentions[0].sentence = tl.sentences.len();
        tl.mentions[1].interval = None;
        same_as_serde(&tl);
    }

    #[test]
    fn mention_ids_give_their_index() {
        assert_eq!(mention_index("m1"), Some(0));
        assert_eq!(mention_index("m12"), Some(11));
        for id in ["m0", "m", "e1", "m1x", "m1234567890", ""] {
            assert_eq!(mention_index(id), None, "{id}");
        }
    }

    /// Short strings, written as one block, are written as serde writes them: every character
    /// (escaped or not, of one to four bytes) at every offset of strings of up to twenty bytes.
    #[test]
    fn short_strings_escape_as_serde_does() {
        let chars: Vec<char> = (0u32..0x80).filter_map(char::from_u32).chain(['é', '’', '😀']).collect();
        let mut out = Vec::new();
        for len in 0..20 {
            for at in 0..len.max(1) {
                for &c in &chars {
                    let s: String = (0..len).map(|k| if k == at { c } else { 'a' }).collect();
                    out.clear();
                    out.extend_from_slice(b"x");
                    write_str(&mut out, &s);
                    assert_eq!(out[1..], *serde_json::to_string(&s).unwrap().as_bytes(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn strings_escape_as_serde_does() {
        let all: String = (0u32..0x80).filter_map(char::from_u32).chain("é’€😀".chars()).collect();
        // Escapes in either word of a sixteen-byte step, and past it.
        let long = "abcdefghijklmn\"opqrstuvwxyz0123456789abcdefghijk\\lmnopqrstuvwxyz0123456789\t";
        for s in [all.as_str(), "", "\"", "\\\\", "abcdefgh\"", "abcdefghi\n", "\u{1f}bcdefgh", "xx\u{0}", long] {
            let mut out = Vec::new();
            write_str(&mut out, s);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn names_and_date_times_match_serde() {
        use TimexType::*;
        for t in [Date, Time, Duration, Set] {
            assert_eq!(format!("\"{}\"", t.name()), serde_json::to_string(&t).unwrap());
        }
        use Grain::*;
        for g in [Century, Decade, Year, Half, Quarter, Season, Month, Week, Day, PartOfDay, Hour, Minute, Second] {
            assert_eq!(format!("\"{}\"", g.name()), serde_json::to_string(&g).unwrap());
        }
        for m in Mod::ALL {
            assert_eq!(format!("\"{}\"", m.name()), serde_json::to_string(&m).unwrap());
        }
        let d = chrono::NaiveDate::from_ymd_opt(2024, 8, 13).unwrap();
        for dt in [
            d.and_hms_opt(0, 0, 0).unwrap(),
            d.and_hms_opt(23, 59, 59).unwrap(),
            d.and_hms_milli_opt(23, 59, 59, 1500).unwrap(),
            d.and_hms_nano_opt(1, 2, 3, 4).unwrap(),
            chrono::NaiveDate::from_ymd_opt(12000, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
            chrono::NaiveDate::from_ymd_opt(-5, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
            chrono::NaiveDate::from_ymd_opt(7, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        ] {
            let mut out = Vec::new();
            write_datetime(&mut out, &dt);
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&dt).unwrap());
        }
        let mut out = Vec::new();
        for n in [0u64, 7, 10, 99, 100, 12345, u64::MAX] {
            out.clear();
            write_uint(&mut out, n);
            assert_eq!(String::from_utf8(out.clone()).unwrap(), n.to_string());
        }
    }
}

//! Sentence spans: where a sentence ends, so that tense, anchors and headlines see one sentence.
//! A sentence ends at `.`, `!` or `?` followed by space and a capital, digit or quote (unless the word
//! before the dot is a known abbreviation), at a blank line, and at a line break after a short line
//! without final punctuation (a headline or byline). Expressions are not affected: tokens run across
//! sentence boundaries.

use crate::lexicon::lexicon;

/// Byte spans `[start, end)` of the sentences of `text`, trimmed of surrounding whitespace, in order.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    split_sentences_until(text, usize::MAX, &mut out);
    out
}

/// The sentences of [`split_sentences`] up to the first that starts after byte `until`, written
/// over `out` (a buffer kept from document to document): a prefix of the whole list that holds every sentence starting at or before
/// `until`, so that the sentence holding any byte up to there is found in it as in the whole
/// list. (Extraction needs the sentences of its mentions only; the text after the last is not
/// read.)
pub fn split_sentences_until(text: &str, until: usize, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    out.clear();
    let mut start = 0;
    let mut line_start = 0;
    let mut i = 0;
    // The whitespace run after the latest line break: where it ends, and its last line break. Every
    // line break of a run shares them, so a run of a million newlines is scanned once.
    let mut run_end = 0;
    let mut run_last_newline = 0;
    while i < b.len() {
        let c = b[i];
        if !matches!(c, b'\n' | b'.' | b'!' | b'?') {
            // Nothing happens at other bytes: go straight to the next line break or punctuation.
            i = next_stop(b, i + 1);
            continue;
        }
        let mut cut = None;
        if c == b'\n' {
            let line = text[line_start..i].trim();
            if i + 1 > run_end {
                run_end = next_non_space(text, i + 1);
                run_last_newline = text[i + 1..run_end].rfind('\n').map_or(0, |k| i + 1 + k);
            }
            if line_break_ends(text, line, run_end, run_last_newline > i) {
                cut = Some(i);
            }
            line_start = i + 1;
        } else if matches!(c, b'.' | b'!' | b'?') && ends_sentence(text, i) {
            let e = after_closers(text, i + 1);
            cut = Some(e);
            i = e - 1;
        }
        if let Some(end) = cut {
            push_trimmed(text, start, end, out);
            start = end;
            if out.last().is_some_and(|&(s, _)| s > until) {
                return;
            }
        }
        i += 1;
    }
    push_trimmed(text, start, b.len(), out);
}

/// The sentences of [`split_sentences`] that hold the bytes `positions` (in ascending order), each
/// once, in order, written over `out`: the sentence that [`split_sentences`]' list gives for a byte
/// (the last that starts at or before it) is in `out`, and so is the last of `out` to start at or
/// before it. Only the text around the positions is read: whether a sentence ends at a line break
/// or punctuation depends on the bytes around it alone, so the ends before and after each position
/// are found by scanning out from it. (Positions out of order, or in the whitespace before a
/// sentence, fall back to [`split_sentences_until`], whose list has these properties too.)
pub fn sentences_holding(text: &str, positions: impl Iterator<Item = usize> + Clone, out: &mut Vec<(usize, usize)>) {
    thread_local! {
        /// The list of pieces, kept from document to document (allocated for each, it cost
        /// about 200 instructions a document).
        static PIECES: crate::spare::Slot<Vec<(usize, usize)>> = const { crate::spare::Slot::new(Vec::new()) };
    }
    let mut pieces = PIECES.with(crate::spare::Slot::take);
    pieces.clear();
    sentences_holding_with(text, positions, out, &mut pieces);
    // (A huge document's list is not kept.)
    if pieces.capacity() <= 1 << 10 {
        PIECES.with(|slot| slot.give(pieces));
    }
}

/// [`sentences_holding`] with its list of pieces passed in, empty.
fn sentences_holding_with(
    text: &str,
    positions: impl Iterator<Item = usize> + Clone,
    out: &mut Vec<(usize, usize)>,
    pieces: &mut Vec<(usize, usize)>,
) {
    out.clear();
    let b = text.as_bytes();
    // The pieces of the latest segment between two ends (in `pieces`), and where it ends.
    let mut seg_end = 0;
    let mut last_pos = 0;
    for pos in positions.clone() {
        if pos < last_pos || pos >= b.len() {
            return fall_back(text, positions, out);
        }
        last_pos = pos;
        if pos >= seg_end || pieces.is_empty() {
            // The end before `pos` (not before the latest segment's), and the end after it: an end
            // made by a stop before `pos` may lie after it (`pos` among closing quotes).
            let mut after = None;
            let mut before = seg_end;
            let mut k = pos + 1;
            while let Some(stop) = prev_stop(b, seg_end, k) {
                k = stop;
                if let Some(cut) = cut_at(text, k) {
                    if cut <= pos {
                        before = cut;
                        break;
                    }
                    after = Some(cut);
                }
            }
            let end = after.unwrap_or_else(|| {
                let mut k = pos + 1;
                loop {
                    k = next_stop(b, k);
                    if k >= b.len() {
                        break b.len();
                    }
                    if let Some(cut) = cut_at(text, k) {
                        break cut;
                    }
                    k += 1;
                }
            });
            pieces.clear();
            push_trimmed(text, before, end, pieces);
            seg_end = end;
        }
        // The piece that holds `pos`; none when `pos` is in the whitespace before the first.
        let n = pieces.partition_point(|&(s, _)| s <= pos);
        if n == 0 {
            return fall_back(text, positions, out);
        }
        if out.last() != Some(&pieces[n - 1]) {
            out.push(pieces[n - 1]);
        }
    }
}

/// The last byte in `lo..hi` that is a line break, `.`, `!` or `?`: sixteen bytes at a time with
/// SSE2 while none of them is one.
#[cfg(target_arch = "x86_64")]
#[inline]
fn prev_stop(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { prev_stop_sse2(b, lo, hi) }
}

/// [`prev_stop`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn prev_stop_sse2(b: &[u8], lo: usize, mut hi: usize) -> Option<usize> {
    use std::arch::x86_64::*;
    hi = hi.min(b.len());
    while hi >= lo + 16 {
        // SAFETY: the 16 bytes before `hi` are within `b` (`hi` is at most its length), which an
        // unaligned load reads.
        let x = unsafe { _mm_loadu_si128(b[hi - 16..hi].as_ptr().cast()) };
        let is = |c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
        let stops = _mm_or_si128(_mm_or_si128(is(b'\n'), is(b'.')), _mm_or_si128(is(b'!'), is(b'?')));
        let bits = _mm_movemask_epi8(stops) as u32;
        if bits != 0 {
            return Some(hi - 16 + (31 - bits.leading_zeros()) as usize);
        }
        hi -= 16;
    }
    prev_stop_bytes(b, lo, hi)
}

/// [`prev_stop`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
fn prev_stop(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    prev_stop_bytes(b, lo, hi)
}

/// The last byte in `lo..hi` that is a line break, `.`, `!` or `?`, one byte at a time.
fn prev_stop_bytes(b: &[u8], lo: usize, hi: usize) -> Option<usize> {
    let hi = hi.min(b.len());
    (lo.min(hi)..hi).rev().find(|&k| matches!(b[k], b'\n' | b'.' | b'!' | b'?'))
}

/// [`sentences_holding`] by splitting the text up to the last position.
fn fall_back(text: &str, positions: impl Iterator<Item = usize>, out: &mut Vec<(usize, usize)>) {
    match positions.max() {
        Some(last) => split_sentences_until(text, last, out),
        None => out.clear(),
    }
}

/// Whether a line break after `line` (trimmed) ends a sentence, with the next text starting at byte
/// `next` and a blank line between them or not: after a blank line, after a line ending in
/// punctuation, at the end of the text, or before a capital after a short line (under 80
/// characters, counted only when its bytes leave it open: a heading or a dateline).
fn line_break_ends(text: &str, line: &str, next: usize, blank: bool) -> bool {
    let ends_punct = line.ends_with(['.', '!', '?', ':', '"', '”']);
    let next_upper = text[next..].chars().next().is_some_and(|ch| ch.is_uppercase());
    let short = |line: &str| line.len() < 80 || (line.len() < 320 && line.chars().count() < 80);
    blank || ends_punct || (next_upper && short(line)) || next >= text.len()
}

/// The end of the closing quotes and brackets that begin at byte `e` (a sentence keeps them).
fn after_closers(text: &str, mut e: usize) -> usize {
    while let Some(ch) = text.get(e..).and_then(|t| t.chars().next()) {
        if !matches!(ch, '"' | '”' | '’' | '\'' | ')' | ']') {
            break;
        }
        e += ch.len_utf8();
    }
    e
}

/// Where [`split_sentences_until`] ends a sentence at the stop (line break, `.`, `!` or `?`) at byte
/// `i`, if it does: what it decides there reads the bytes around `i` only.
fn cut_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    if b[i] == b'\n' {
        let line_start = super::last_newline(&b[..i]).map_or(0, |k| k + 1);
        let next = next_non_space(text, i + 1);
        let blank = b[i + 1..next].contains(&b'\n');
        line_break_ends(text, text[line_start..i].trim(), next, blank).then_some(i)
    } else if ends_sentence(text, i) {
        Some(after_closers(text, i + 1))
    } else {
        None
    }
}

/// The first byte at or after `i` that is a line break, `.`, `!` or `?` (or the end): sixteen bytes
/// at a time with SSE2 while none of them is one.
#[cfg(target_arch = "x86_64")]
#[inline]
fn next_stop(b: &[u8], i: usize) -> usize {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { next_stop_sse2(b, i) }
}

/// [`next_stop`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn next_stop_sse2(b: &[u8], mut i: usize) -> usize {
    use std::arch::x86_64::*;
    while i + 16 <= b.len() {
        // SAFETY: the 16 bytes from `i` are within `b`, which an unaligned load reads.
        let x = unsafe { _mm_loadu_si128(b[i..i + 16].as_ptr().cast()) };
        let is = |c: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(c as i8));
        let stops = _mm_or_si128(_mm_or_si128(is(b'\n'), is(b'.')), _mm_or_si128(is(b'!'), is(b'?')));
        let bits = _mm_movemask_epi8(stops);
        if bits != 0 {
            return i + bits.trailing_zeros() as usize;
        }
        i += 16;
    }
    next_stop_swar(b, i)
}

/// [`next_stop`] without SSE2 (and for the last bytes): eight bytes at a time.
#[cfg(not(target_arch = "x86_64"))]
fn next_stop(b: &[u8], i: usize) -> usize {
    next_stop_swar(b, i)
}

/// The first byte at or after `i` that is a line break, `.`, `!` or `?` (or the end): eight bytes at a
/// time while none of them is one.
#[inline]
fn next_stop_swar(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bits marking zero bytes of `v` (exact about whether there is any, and about the first).
    let zeros = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    while i + 8 <= b.len() {
        let w = u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
        let stops = zeros(w ^ (ONES * b'\n' as u64))
            | zeros(w ^ (ONES * b'.' as u64))
            | zeros(w ^ (ONES * b'!' as u64))
            | zeros(w ^ (ONES * b'?' as u64));
        if stops != 0 {
            // The lowest marked byte is exact: a false mark only ever follows a true one.
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'\n' | b'.' | b'!' | b'?') {
        i += 1;
    }
    i
}

fn next_non_space(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\n' || b[i] == b'\r') {
        i += 1;
    }
    i
}

/// The longest sentence, in bytes. Text without sentence punctuation (tables, lists, garbage) is cut
/// at the last space within this many bytes (at the limit itself if the last 500 bytes hold none),
/// so that the work done per mention on its sentence (tense, headline) stays bounded and long inputs
/// stay linear. The longest sentence of the TimeBank and AQUAINT development documents has about
/// 600 bytes.
pub const MAX_SENTENCE: usize = 1000;

/// The length of the whitespace `s.trim_start()` takes off: ASCII whitespace byte by byte (the
/// usual line breaks and spaces; decoding each as a character cost about 40 instructions a
/// sentence), the rest as `trim_start` does from the first other byte on.
fn leading_whitespace(s: &str) -> usize {
    // The ASCII characters `char::is_whitespace` holds: tab, line feed, vertical tab, form feed,
    // carriage return, space.
    let ascii = s.bytes().take_while(|b| matches!(b, b'\t'..=b'\r' | b' ')).count();
    let rest = &s[ascii..];
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        ascii + rest.len() - rest.trim_start().len()
    } else {
        ascii
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    // (A visible ASCII character at an end, as a sentence mostly has, leaves nothing to trim there.)
    let visible = |c: Option<&u8>| c.is_some_and(u8::is_ascii_graphic);
    let lead = if visible(s.as_bytes().first()) { 0 } else { leading_whitespace(s) };
    let trail = if visible(s.as_bytes().last()) { 0 } else { s.len() - s.trim_end().len() };
    if lead + trail >= s.len() {
        return;
    }
    let (mut start, end) = (start + lead, end - trail);
    let b = text.as_bytes();
    while end - start > MAX_SENTENCE {
        // The last space within the limit, else (a run without spaces) the limit itself, on a
        // character boundary: never further, or a long run followed by one space would be one
        // sentence again.
        let (piece_end, next) =
            match (start + MAX_SENTENCE / 2..start + MAX_SENTENCE).rev().find(|&i| b[i] == b' ' || b[i] == b'\n') {
                Some(cut) => (cut, cut + 1),
                None => {
                    let mut cut = start + MAX_SENTENCE;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    (cut, cut)
                }
            };
        out.push((start, piece_end));
        start = next;
        while start < end && b[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    out.push((start, end));
}

/// The start of the run of ASCII letters, digits and dots that ends `b`: eight bytes at a time
/// while all of them are in it (a word before a dot has several), then byte by byte.
fn word_or_dots_start(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut end = b.len();
    while end >= 8 {
        let w = u64::from_le_bytes(b[end - 8..end].try_into().expect("eight bytes"));
        // Exact per byte: without the high bit, the additions never carry into the next byte.
        let low = w & !HIGH;
        let within = |x: u64, lo: u8, hi: u8| {
            x.wrapping_add(ONES * (0x80 - lo as u64)) & !x.wrapping_add(ONES * (0x80 - hi as u64 - 1))
        };
        let dot = low ^ (ONES * b'.' as u64);
        // High bit of each zero byte of `dot`: adding 0x7f sets it in every other byte.
        let dots = !(dot.wrapping_add(ONES * 0x7f) | dot) & HIGH;
        let alnum = within(low | (ONES * 0x20), b'a', b'z') | within(low, b'0', b'9');
        // The bytes of the run: ASCII (high bit clear in `w`) and one of those.
        let outside = !((alnum | dots) & !w) & HIGH;
        if outside != 0 {
            // The last byte outside the run (the highest marked one) ends the search.
            return end - (outside.leading_zeros() / 8) as usize;
        }
        end -= 8;
    }
    while end > 0 && (b[end - 1].is_ascii_alphanumeric() || b[end - 1] == b'.') {
        end -= 1;
    }
    end
}

/// Does the punctuation at byte `i` end a sentence?
fn ends_sentence(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    // Next visible character, after closing quotes and spaces.
    let mut j = i + 1;
    let mut saw_space = false;
    // The character at `j` (an ASCII byte read as it is, without decoding), once the loop stops.
    let mut next = ' ';
    while j < b.len() {
        next = if b[j] < 0x80 { b[j] as char } else { text[j..].chars().next().unwrap_or(' ') };
        if next.is_whitespace() {
            saw_space = true;
        } else if saw_space || !matches!(next, '"' | '”' | '’' | '\'' | ')') {
            break;
        }
        j += next.len_utf8();
    }
    if j >= b.len() {
        return true;
    }
    if !saw_space {
        return false;
    }
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '(')) {
        return false;
    }
    if b[i] != b'.' {
        return true;
    }
    // The word before the dot: an abbreviation ("Jan.", "Mr.", "U.S.") does not end a sentence
    // unless it is a dotted one followed by a capital word that is not a name (kept simple: only
    // single-letter initials and known abbreviations are exempt).
    let before = &text[..i];
    // Back over ASCII letters, digits and dots byte by byte; a character of another script sends
    // the search back to the characters.
    let bb = before.as_bytes();
    let ascii_start = word_or_dots_start(bb);
    let word_start = if ascii_start > 0 && !bb[ascii_start - 1].is_ascii() {
        before
            .char_indices()
            .rev()
            .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '.'))
            .map(|(k, ch)| k + ch.len_utf8())
            .unwrap_or(0)
    } else {
        ascii_start
    };
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let word_key = word.trim_end_matches('.');
    // The lengths first: most words before a dot are longer than any abbreviation and any month
    // or weekday looked up below, and have no dot of their own: they end the sentence, without
    // being lower-cased or looked up.
    static LONGEST: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let longest = *LONGEST.get_or_init(|| lexicon().abbreviations.iter().map(String::len).max().unwrap_or(0));
    if word_key.len() > longest.max(5) && !word_key.as_bytes().contains(&b'.') {
        return true;
    }
    // Lower-cased on the stack: a word before a dot is almost always short.
    let mut buf = [0u8; 32];
    let owned;
    let key: &str = if !word_key.bytes().any(|c| c.is_ascii_uppercase()) {
        // Already lower case (most words before a dot).
        word_key
    } else if word_key.len() <= buf.len() {
        let lower = &mut buf[..word_key.len()];
        lower.copy_from_slice(word_key.as_bytes());
        lower.make_ascii_lowercase();
        // SAFETY: the bytes of `word_key`, a `str`, with ASCII letters lower-cased: ASCII
        // lower-casing keeps bytes UTF-8. (Checked, the conversion was a call of some 55
        // instructions a word.)
        unsafe { std::str::from_utf8_unchecked(lower) }
    } else {
        owned = word_key.to_ascii_lowercase();
        &owned
    };
    if word.len() <= 4 && word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return false; // an initial: "George W. Bush"
    }
    let lex = lexicon();
    if key.contains('.') {
        // "a.m." and "U.S." end a sentence only before a capital word that is not a weekday or month.
        let rest = &text[j..];
        let written: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let next_word = written.to_lowercase();
        // A zone after a clock time ("1:47 p.m. EDT", "10 a.m. Eastern time") goes with it.
        let zone = lex.zones.contains_word(&next_word)
            && (written.chars().all(|c| c.is_uppercase())
                || rest[written.len()..].trim_start_matches(' ').starts_with("time"));
        return !next_word.is_empty()
            && !lex.weekdays.contains_word(&next_word)
            && !lex.months.contains_word(&next_word)
            && !zone;
    }
    // (Most keys are no abbreviation: a filter on their first two letters and length turns them
    // away before the set hashes them.)
    static FILTER: std::sync::OnceLock<crate::lexicon::KeyFilter> = std::sync::OnceLock::new();
    let filter = FILTER.get_or_init(|| {
        let mut f = crate::lexicon::KeyFilter::default();
        lex.abbreviations.iter().for_each(|w| f.insert(w));
        f
    });
    !((key.len() <= longest && filter.may_contain(key) && lex.abbreviations.contains(key))
        || lex.is_month_abbreviation(key)
        || (key.len() <= 5 && !key.ends_with("day") && lex.weekdays.contains_word(key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_whitespace_is_what_trim_start_takes_off() {
        let pieces = [
            " ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}", "a", "é", ".", "\u{1}",
        ];
        let mut next = crate::detect::xorshift(0x1ead_5bac_e000_0001);
        for _ in 0..5000 {
            let s: String = (0..next(8)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(leading_whitespace(&s), s.len() - s.trim_start().len(), "{s:?}");
        }
    }

    #[test]
    fn stops_are_found_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                for stop in [b'\n', b'.', b'!', b'?'] {
                    // Bytes one above and below the stops, and a second stop after the first.
                    let mut b: Vec<u8> = (0..len).map(|k| [b'\x0b', b'/', b'"', b'@', 0x01, 0xff][k % 6]).collect();
                    if at < len {
                        b[at] = stop;
                        if at + 2 < len {
                            b[at + 2] = b'.';
                        }
                    }
                    let want = b.iter().position(|c| matches!(c, b'\n' | b'.' | b'!' | b'?')).unwrap_or(len);
                    assert_eq!(next_stop(&b, 0), want, "{b:?}");
                    assert_eq!(next_stop_swar(&b, 0), want, "{b:?}");
                }
            }
        }
    }

    #[test]
    fn the_word_before_a_dot_starts_where_the_byte_by_byte_search_finds_it() {
        // Every byte value next to each kind of byte of the run, at every offset of a block.
        let byte_by_byte = |b: &[u8]| {
            let mut end = b.len();
            while end > 0 && (b[end - 1].is_ascii_alphanumeric() || b[end - 1] == b'.') {
                end -= 1;
            }
            end
        };
        for other in 0..=255u8 {
            for len in 0..20 {
                for at in 0..=len {
                    let mut b: Vec<u8> = (0..len).map(|k| [b'a', b'Z', b'.', b'0', b'9', b'z'][k % 6]).collect();
                    if at < len {
                        b[at] = other;
                    }
                    assert_eq!(word_or_dots_start(&b), byte_by_byte(&b), "{b:?}");
                }
            }
        }
    }

    #[test]
    fn stops_before_are_found_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut b: Vec<u8> = (0..len).map(|k| [b'\x0b', b'/', b'"', b'@', 0x01, 0xff][k % 6]).collect();
                if at < len {
                    b[at] = [b'\n', b'.', b'!', b'?'][at % 4];
                    if at >= 2 {
                        b[at - 2] = b'.';
                    }
                }
                for lo in 0..=len {
                    for hi in 0..=len + 1 {
                        let want = (lo..hi.min(len)).rev().find(|&k| matches!(b[k], b'\n' | b'.' | b'!' | b'?'));
                        assert_eq!(prev_stop(&b, lo, hi), want, "{b:?} {lo} {hi}");
                        assert_eq!(prev_stop_bytes(&b, lo, hi), want, "{b:?} {lo} {hi}");
                    }
                }
            }
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect()
    }

    #[test]
    fn splits_on_final_punctuation_but_not_abbreviations() {
        assert_eq!(
            sents("He left on Jan. 6. Mr. Smith stayed in the U.S. for a day."),
            vec!["He left on Jan. 6.", "Mr. Smith stayed in the U.S. for a day."]
        );
        assert_eq!(sents("It ended at 3 p.m. Monday. Then more."), vec!["It ended at 3 p.m. Monday.", "Then more."]);
    }

    #[test]
    fn a_zone_after_a_clock_time_does_not_start_a_sentence() {
        let one = |t: &str| assert_eq!(sents(t), vec![t], "{t}");
        one("Liftoff is set for 1:47 p.m. EDT (1747 GMT) on Thursday.");
        one("Polls close at 8 p.m. Eastern time on Tuesday.");
        // A capital word that is not a zone still starts one.
        assert_eq!(sents("It ended at 3 p.m. Edward left."), vec!["It ended at 3 p.m.", "Edward left."]);
    }

    /// The sentences up to a byte are the whole list's first ones, through the first that starts
    /// after it.
    #[test]
    fn sentences_up_to_a_byte_are_a_prefix_of_all() {
        let t = "HEADLINE HERE\nBody text. Mr. Smith left on Jan. 6. More!\n\nAnother one? Yes.  ";
        let all = split_sentences(t);
        let mut got = Vec::new();
        for until in 0..=t.len() + 1 {
            split_sentences_until(t, until, &mut got);
            let n = all.iter().position(|&(s, _)| s > until).map_or(all.len(), |k| k + 1);
            assert_eq!(got, all[..n], "until {until}");
        }
    }

    /// The sentences holding some bytes hold them as the whole list's do, at every offset and for
    /// every pair of offsets.
    #[test]
    fn sentences_holding_bytes_are_those_of_the_whole_list() {
        let texts = [
            "HEADLINE HERE\nBody text. Mr. Smith left on Jan. 6. More!\n\nAnother one? Yes.  ",
            "  He said: \"It ended.\" Then (he left.) On Jan. 6 U.S. troops came.\nshort\nLower line\n\n\n",
            "Café É. Dupont came.\u{a0}He left!\u{2019} “Yes?” No.\r\n\r\nA\n",
            "x",
            "",
        ];
        let long = format!("{}. Then {}\nEnd. ", "word ".repeat(450), "w".repeat(1200));
        for t in texts.iter().copied().chain([long.as_str()]) {
            let all = split_sentences(t);
            let check = |positions: &[usize]| {
                let mut got = Vec::new();
                sentences_holding(t, positions.iter().copied(), &mut got);
                let mut rest = all.iter();
                assert!(got.iter().all(|g| rest.any(|a| a == g)), "{t:?} {positions:?}: {got:?}");
                for &p in positions {
                    let want = all.get(all.partition_point(|&(s, _)| s <= p).saturating_sub(1));
                    let have = got.get(got.partition_point(|&(s, _)| s <= p).saturating_sub(1));
                    assert_eq!(have, want, "{t:?} {positions:?}");
                }
            };
            let offsets: Vec<usize> = (0..t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            for &p in &offsets {
                check(&[p]);
            }
            for (n, &p) in offsets.iter().enumerate() {
                for &q in offsets.iter().skip(n).step_by(7) {
                    check(&[p, q]);
                    check(&[q, p]);
                }
            }
        }
    }

    #[test]
    fn words_with_other_scripts_before_a_dot_are_read_whole() {
        // "Café" ends a sentence; "É." is an initial; "Sté." would be an abbreviation only if listed.
        assert_eq!(sents("He met at the Café. Then he left."), vec!["He met at the Café.", "Then he left."]);
        assert_eq!(sents("Jean É. Dupont came. He left."), vec!["Jean É. Dupont came.", "He left."]);
        assert_eq!(split_sentences("They left in JAN. 6 was cold."), split_sentences("They left in Jan. 6 was cold."));
    }

    #[test]
    fn text_without_punctuation_is_cut_into_bounded_sentences() {
        let t = "word ".repeat(1000);
        let spans = split_sentences(&t);
        assert!(spans.len() >= 5);
        assert!(spans.iter().all(|&(s, e)| e - s <= MAX_SENTENCE && s < e));
    }

    #[test]
    fn a_short_line_without_punctuation_is_a_sentence() {
        assert_eq!(sents("HEADLINE HERE\nBody text. More."), vec!["HEADLINE HERE", "Body text.", "More."]);
        assert_eq!(sents("signed on January\n6, 2021 by all."), vec!["signed on January\n6, 2021 by all."]);
    }
}

//! Detection: a cheap scan for trigger words and digits, the windows of text around them that the
//! grammar will read, and sentence spans. No dates are computed here.
//!
//! One Aho-Corasick automaton finds every trigger (month, weekday, unit, season, part of day, vague
//! reference, holiday word, a few literal words, any digit). Every grammar rule contains at least one
//! trigger, so text without triggers costs only the automaton's scan; each trigger opens a window of
//! [`CONTEXT`] bytes on both sides, which holds any modifier before it and any continuation after it.

pub mod sentences;
pub mod tokens;

use crate::lexicon::lexicon;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

pub use sentences::split_sentences;
pub use tokens::{TokKind, Token, Tokens};

/// Bytes of context kept on each side of a trigger. Longer than any modifier or continuation a rule
/// reads ("the first nine months of", "more than", "10:30 a.m. ET").
pub const CONTEXT: usize = 64;

/// Words that appear inside table phrases but do not signal a date on their own.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "at", "in", "to", "on", "for", "and", "'s", "'", ".", ",", "-", "st", "jr", "day", "one",
    "right", "near", "these", "present", "king", "luther", "martin", "good", "new",
];

fn automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let lex = lexicon();
        let mut words: Vec<String> = Vec::new();
        words.extend(lex.months.first_words().map(str::to_string));
        words.extend(lex.weekdays.first_words().map(str::to_string));
        words.extend(lex.units.first_words().map(str::to_string));
        words.extend(lex.seasons.first_words().map(str::to_string));
        words.extend(lex.parts_of_day.first_words().map(str::to_string));
        words.extend(lex.triggers.iter().cloned());
        words.extend(lex.set_words.first_words().map(str::to_string));
        words.extend(lex.vague.all_words().map(str::to_string));
        words.extend(lex.holidays.all_words().map(str::to_string));
        words.push("day".into()); // "the next day", "Election Day": a unit, but listed in STOP for holidays
        words.retain(|w| !STOP.contains(&w.as_str()) || w == "day");
        words.extend((0..10).map(|d| d.to_string()));
        words.sort();
        words.dedup();
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .expect("trigger automaton builds")
    })
}

/// Byte ranges `[start, end)` of `text` worth reading: each trigger with [`CONTEXT`] bytes around it
/// within its paragraph, widened to whitespace, overlapping ranges merged. In text order.
///
/// A window never crosses a blank line: no expression spans a paragraph break, no rule or filter
/// looks across one ("more than\n\n40 minutes" is two paragraphs, not a modified duration), and what
/// is found in a paragraph does not depend on the paragraphs around it.
pub fn windows(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in automaton().find_iter(text) {
        let (s, e) = (m.start(), m.end());
        let is_digit = b[s].is_ascii_digit();
        // A digit right after "Q" starts a quarter ("Q1 2024"): the trigger is the digit.
        let quarter =
            is_digit && s > 0 && matches!(b[s - 1], b'q' | b'Q') && (s == 1 || !is_word_byte(text, s - 1, true));
        let left_ok = s == 0 || !is_word_byte(text, s, true) || quarter;
        // A word trigger must end a word (or be followed by a plural or possessive "s").
        let right_ok = is_digit
            || e >= b.len()
            || !is_word_byte(text, e, false)
            || ((b[e] == b's' || b[e] == b'S') && (e + 1 >= b.len() || !is_word_byte(text, e + 1, false)));
        if !left_ok || !right_ok {
            continue;
        }
        let left = paragraph_start(b, s.saturating_sub(CONTEXT), s);
        let right = paragraph_end(b, e, (e + CONTEXT).min(b.len()));
        // Widening never rescans text a window already covers, so that a long run without
        // whitespace full of triggers ("1-1-1-...") costs one pass, not one pass per trigger.
        match out.last_mut() {
            // The window before reaches this one: extend it. Its end is whitespace or the end of
            // the text, so widening a point before it would stop there.
            Some(last) if widen_left(text, left, last.1) <= last.1 => {
                if right > last.1 {
                    last.1 = widen_right(text, right);
                }
            }
            _ => out.push((widen_left(text, left, 0), widen_right(text, right))),
        }
    }
    out
}

/// Where the paragraph holding byte `to` starts, looking back no further than `from`: just after the
/// last blank line (a line break, then only spaces, tabs and carriage returns, then a line break)
/// in `[from, to)`, else `from`.
fn paragraph_start(b: &[u8], from: usize, to: usize) -> usize {
    // Most contexts hold no line break at all: one fast search says so.
    if !b[from..to].contains(&b'\n') {
        return from;
    }
    let mut start = from;
    let mut i = from;
    while i < to {
        if b[i] != b'\n' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut last_newline = i;
        while j < to && matches!(b[j], b' ' | b'\t' | b'\r' | b'\n') {
            if b[j] == b'\n' {
                last_newline = j;
            }
            j += 1;
        }
        if last_newline > i {
            start = last_newline + 1;
        }
        i = j;
    }
    start
}

/// Where the paragraph holding byte `from` ends, looking no further than `to`: at the first line
/// break in `[from, to)` that starts a blank line, else `to`.
fn paragraph_end(b: &[u8], from: usize, to: usize) -> usize {
    if !b[from..to].contains(&b'\n') {
        return to;
    }
    for i in from..to {
        if b[i] == b'\n' {
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            if j < b.len() && b[j] == b'\n' {
                return i;
            }
        }
    }
    to
}

/// Is the character touching byte `i` (before it when `before`, at it otherwise) part of a word?
fn is_word_byte(text: &str, i: usize, before: bool) -> bool {
    let c = if before { text[..i].chars().next_back() } else { text[i..].chars().next() };
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Moves `i` left to just after whitespace (or to the start), stopping early at `floor`.
fn widen_left(text: &str, mut i: usize, floor: usize) -> usize {
    let b = text.as_bytes();
    while i > floor && !b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    i
}

/// Moves `i` right to whitespace (or to the end).
fn widen_right(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_triggers_has_no_windows() {
        assert!(windows("The cat lay on the rug with a hat.").is_empty());
        assert!(windows("Moneymaking salesmen.").is_empty());
    }

    #[test]
    fn windows_end_at_blank_lines() {
        let t = "It took more than\n \r\n40 minutes.";
        let w: Vec<&str> = windows(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["40 minutes."]);
        let t = "May 1\nand May 2";
        assert_eq!(windows(t), [(0, t.len())]);
        // A paragraph without a trigger of its own is not read because the next one has one.
        let t = "Q-rated\n\nOn May 2 it rained.";
        let w: Vec<&str> = windows(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(w, ["On May 2 it rained."]);
    }

    #[test]
    fn triggers_open_windows_on_whitespace() {
        let t = "Nothing here. Then on Monday we met. Nothing.";
        let w = windows(t);
        assert_eq!(w.len(), 1);
        assert!(t[w[0].0..w[0].1].contains("Monday"));
        assert!(windows("in 2022a mug").len() == 1);
        assert!(windows("MONDAY’S talk").len() == 1);
        assert!(windows("Q1 was good").len() == 1);
        assert!(windows("A380 or AQ1").is_empty());
    }
}

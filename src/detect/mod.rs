//! Detection: a cheap scan for trigger words and digits, the windows of text around them that the
//! grammar will read, and sentence spans. No dates are computed here.
//!
//! One scan over the starts of words finds every trigger (month, weekday, unit, season, part of day,
//! one word of each vague reference and holiday, a few literal words, any digit). Almost every
//! grammar rule contains a trigger, so text without triggers costs only that scan; each trigger
//! opens a window of [`CONTEXT`] bytes on both sides, which holds any modifier before it and any
//! continuation after it. A few expressions hold no trigger ("FY2023", "the latest period"): they
//! are found when the window of a trigger near them holds them. Words that open a
//! window for nothing most of the time (a price, a percentage, "father" without "'s Day") open it
//! only when such an expression is near, so that what is found stays what it was.

pub mod sentences;
pub mod tokens;

use crate::grammar::filters::PRICE_SIGNS;
use crate::lexicon::lexicon;
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

pub use sentences::{sentences_holding, split_sentences, split_sentences_until};
pub use tokens::{TokKind, Token, TokenSlice, Tokens, WindowTokens};

/// Bytes of context kept on each side of a trigger. Longer than any modifier or continuation a rule
/// reads ("the first nine months of", "more than", "10:30 a.m. ET").
pub const CONTEXT: usize = 64;

/// Words that appear inside table phrases but do not signal a date on their own.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "at", "in", "to", "on", "for", "and", "'s", "'", ".", ",", "-", "st", "jr", "day", "one",
    "right", "near", "these", "king", "luther", "martin", "good", "new",
];

/// The trigger words (lower case), sorted, without duplicates: every first word of the tables the
/// rules start with, the literal triggers, one word of each vague or holiday phrase without one of
/// those, and the ten digits.
pub fn trigger_words() -> Vec<String> {
    let lex = lexicon();
    let mut words: Vec<String> = Vec::new();
    words.extend(lex.months.first_words().map(str::to_string));
    words.extend(lex.weekdays.first_words().map(str::to_string));
    words.extend(lex.units.first_words().map(str::to_string));
    words.extend(lex.seasons.first_words().map(str::to_string));
    words.extend(lex.parts_of_day.first_words().map(str::to_string));
    words.extend(lex.triggers.iter().cloned());
    words.extend(lex.set_words.first_words().map(str::to_string));
    // "A weeklong strike." holds no other trigger.
    words.extend(crate::lexicon::LENGTH_WORDS.iter().map(|w| w.to_string()));
    words.push("day".into()); // "the next day", "Election Day": a unit, but listed in STOP for holidays
    words.retain(|w| !STOP.contains(&w.as_str()) || w == "day");
    // A phrase of the vague and holiday tables is found through any one trigger inside it: the
    // window of one holds the whole phrase and the words a rule reads around it. So a phrase with
    // a trigger of the tables above ("Father's Day", "the fourth of July") adds none, and any
    // other phrase adds its last word that is not a stop word ("birthday" of "Washington's
    // Birthday", "term" of "the long term"). The other words of the phrases are weak (see
    // [`Kind::Weak`]).
    let strong: HashSet<String> = words.iter().cloned().collect();
    let mut phrase_words = Vec::new();
    for phrase in lex.vague.phrases().chain(lex.holidays.phrases()) {
        if phrase.iter().any(|&w| strong.contains(w)) {
            continue;
        }
        if let Some(last) = phrase.iter().rev().find(|w| !STOP.contains(w)) {
            phrase_words.push(last.to_string());
        }
    }
    words.extend(phrase_words);
    words.extend((0..10).map(|d| d.to_string()));
    words.sort();
    words.dedup();
    words
}

/// What a word the scan finds signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A trigger: it opens a window.
    Open,
    /// A word found only inside vague and holiday phrases that hold a trigger of their own
    /// ("father" of "Father's Day", "washington", "all", "long"): it opens a window only when a
    /// [`Kind::Latent`] word is within its reach (and is looked for only then). News text has
    /// such words often without a date; each opened a window for nothing.
    Weak,
    /// A word of an expression that holds no trigger ("the latest period", "FY 25"; "weeklong" and
    /// "at present" had none before they were made triggers): such an expression is found only
    /// inside the window of some trigger near it. It opens no window, but keeps the weak triggers
    /// and quantities near it from being pruned, so that what is found stays what every trigger's
    /// window finds.
    Latent,
}

/// Expressions of the rules that match without a trigger, besides the tables' phrases: "the latest
/// period" (`relative.reported_period`), "FY 25" (`date.fiscal_year`), "Q 3" (`date.quarter`);
/// `#` stands for a number.
const LATENT: &[&str] = &["the latest period", "fy #", "q #"];

/// The expressions without a trigger, each as its words: the [`LATENT`] ones, the vague and
/// holiday phrases without a trigger (none since "present" became one), and the unit words with
/// "long" glued after them (`duration.long`) that are no trigger ("weeklong" and the others the rule
/// reads are); each with the index of its hook, its longest word, which the scan finds as a
/// [`Kind::Latent`] word.
fn latent_phrases() -> &'static [(Vec<String>, usize)] {
    static PHRASES: OnceLock<Vec<(Vec<String>, usize)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let lex = lexicon();
        let triggers: HashSet<&str> = trigger_list().iter().map(String::as_str).collect();
        let mut phrases: Vec<Vec<String>> = LATENT.iter().map(|p| p.split(' ').map(str::to_string).collect()).collect();
        for phrase in lex.vague.phrases().chain(lex.holidays.phrases()) {
            if !phrase.iter().any(|&w| triggers.contains(w)) {
                phrases.push(phrase.iter().map(|w| w.to_string()).collect());
            }
        }
        phrases.extend(lex.units.first_words().map(|u| vec![format!("{u}long")]));
        phrases
            .into_iter()
            .map(|words| {
                let hook = (0..words.len()).rev().max_by_key(|&k| words[k].len()).unwrap_or(0);
                (words, hook)
            })
            .collect()
    })
}

/// Whether the latent word `[s, e)` is the hook of one of [`latent_phrases`] there: the runs of
/// ASCII letters and digits around it are the phrase's words (`#`: a run of digits first). More
/// lenient than the tokenizer (it skips any other byte between words), so never false where the
/// phrase's rule may match.
fn latent_phrase_at(text: &str, s: usize, e: usize) -> bool {
    let b = text.as_bytes();
    let hook = &text[s..e];
    // The run of letters and digits before `at` (backwards) or from it.
    let run_before = |at: usize| {
        let end = (0..at).rev().find(|&i| b[i].is_ascii_alphanumeric()).map(|i| i + 1)?;
        let start = (0..end).rev().find(|&i| !b[i].is_ascii_alphanumeric()).map_or(0, |i| i + 1);
        Some((start, end))
    };
    let run_after = |at: usize| {
        let start = (at..b.len()).find(|&i| b[i].is_ascii_alphanumeric())?;
        let end = (start..b.len()).find(|&i| !b[i].is_ascii_alphanumeric()).unwrap_or(b.len());
        Some((start, end))
    };
    let is = |(rs, re): (usize, usize), w: &str| {
        if w == "#" {
            b[rs].is_ascii_digit()
        } else {
            text[rs..re].eq_ignore_ascii_case(w)
        }
    };
    latent_phrases().iter().any(|(words, k)| {
        if !words[*k].eq_ignore_ascii_case(hook) {
            return false;
        }
        let mut at = s;
        let before = words[..*k].iter().rev().all(|w| match run_before(at) {
            Some(run) if is(run, w) => {
                at = run.0;
                true
            }
            _ => false,
        });
        let mut at = e;
        before
            && words[k + 1..].iter().all(|w| match run_after(at) {
                Some(run) if is(run, w) => {
                    at = run.1;
                    true
                }
                _ => false,
            })
    })
}

/// The [`trigger_words`], worked out once: the latent phrases and the scanned words both start
/// from them (each call of [`trigger_words`] builds the list again from the lexicon).
fn trigger_list() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(trigger_words)
}

/// Every word the scan of a whole text looks for, with its kind: the [`trigger_words`] and the
/// hooks of the [`latent_phrases`].
fn scanned_words() -> Vec<(String, Kind)> {
    let triggers = trigger_list();
    let mut words: Vec<(String, Kind)> = triggers.iter().map(|w| (w.clone(), Kind::Open)).collect();
    // A word of two kinds is the first of them: a trigger. The triggers come sorted, so the few
    // hooks that are none go after them and a stable sort merges the two runs (sorting the whole
    // list as if unsorted cost about 0.1M instructions at start-up).
    let mut hooks: Vec<&str> =
        latent_hooks().filter(|w| triggers.binary_search_by(|t| t.as_str().cmp(w)).is_err()).collect();
    hooks.sort_unstable();
    hooks.dedup();
    words.extend(hooks.into_iter().map(|w| (w.to_string(), Kind::Latent)));
    words.sort_by(|(a, _), (b, _)| a.cmp(b));
    words
}

/// The hooks of the [`latent_phrases`] (some twice, some also triggers).
fn latent_hooks() -> impl Iterator<Item = &'static str> {
    latent_phrases().iter().map(|(p, k)| p[*k].as_str())
}

/// The weak words ([`Kind::Weak`]): the words of the vague and holiday phrases with a trigger
/// that are neither a trigger nor a stop word. They are looked for only near latent words.
fn weak_words() -> Vec<(String, Kind)> {
    let lex = lexicon();
    // The scanned words, as a set: built from their two sources, not by sorting them again.
    let scanned: HashSet<&str> = trigger_list().iter().map(String::as_str).chain(latent_hooks()).collect();
    let mut words: Vec<(String, Kind)> = Vec::new();
    for phrase in lex.vague.phrases().chain(lex.holidays.phrases()) {
        if phrase.iter().any(|&w| scanned.contains(w)) {
            words.extend(
                phrase
                    .iter()
                    .filter(|&&w| !STOP.contains(&w) && !scanned.contains(w))
                    .map(|w| (w.to_string(), Kind::Weak)),
            );
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// The trigger words arranged for [`find_triggers`]: a scan that visits only the starts of words,
/// since a trigger counts only at the start of a word (see [`windows`]).
///
/// It finds what a leftmost-longest, ASCII-case-insensitive multi-pattern search of the words finds
/// at word starts (the search this replaced; a test keeps the two together). Most triggers are runs
/// of letters, and a run of letters matches one whole word or a word and a plural `s`, so a word is
/// compared with the few triggers of its first two letters and its length; the digits each match
/// on their own; the rare trigger with other characters ("o'clock") is compared at the word starts
/// whose first run has its length.
struct Triggers {
    /// Per first letter (`a`..`z`) and low five bits of the second letter (the same in both
    /// cases; 0 for a one-letter word): which lengths and third letters occur. Eight bytes a
    /// slot, so that the table stays in the nearest cache; [`SLOTS`] of them, so that an index
    /// masked to the table needs no bounds check.
    slots: Box<[Slot; SLOTS]>,
    /// Per slot, `lengths | lengths << 1`: bit `n` set when one of its triggers has `n` letters or
    /// `n - 1` (a word of `n` letters may be one of them or one of them and a plural `s`); bit 0
    /// when a word of its letters needs a closer look whatever its length: a trigger of
    /// [`Triggers::joined`] starts with its letters, or they start with a "Q" (the digit after
    /// it may be a quarter's). What [`Triggers::open`] refines by a third letter.
    near: [u32; SLOTS],
    /// Per slot and low five bits of a third letter (0 for a word of one or two letters, see
    /// [`Triggers::open_index`]): bit `n` set when one of the slot's triggers with that third
    /// letter has `n` letters or `n - 1`, or, for a trigger of two letters, `n - 1` and a plural
    /// `s` as third; all ones when the slot's `near` has bit 0. What [`Triggers::probe`] tests,
    /// one bit at the word's length: a word is turned away by its first three letters, not two,
    /// so that common words that share a slot and a length with a trigger ("the" with "thu") no
    /// longer reach [`Triggers::longest_at`] (-2.4M instructions on the 2 MB sample, for a table
    /// of 128 kilobytes of which a word reads four bytes).
    open: Box<[u32; SLOTS * 32]>,
    /// Per slot, the range of its triggers in `words`.
    ranges: Vec<(u32, u32)>,
    /// Triggers of ASCII letters only, grouped by slot.
    words: Vec<Vec<u8>>,
    /// The kind of each of `words`.
    kinds: Vec<Kind>,
    /// Per slot, bit `n` set when one of its words of `n` letters is no [`Kind::Open`] trigger.
    others: Box<[u32; SLOTS]>,
    /// Triggers with characters other than ASCII letters, besides the single digits, each with the
    /// length of its first run of ASCII letters and digits, and its kind.
    joined: Vec<(Vec<u8>, usize, Kind)>,
    /// One of `joined` starts with a digit.
    digit_joined: bool,
}

/// What [`Triggers::probe`] read of a word it does not turn away, for [`Triggers::longest_at`].
#[derive(Debug, Clone, Copy)]
enum Probe {
    /// The word starts with a digit.
    Digit,
    /// The word starts with a letter: its slot.
    Word { index: usize },
}

/// The triggers of letters that share a first letter and the low bits of a second one.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// Bit `n` set when one of them has `n` letters; bit 0 when a trigger of [`Triggers::joined`]
    /// starts with these letters.
    lengths: u32,
    /// Bit `c & 31` set for each third letter `c` of theirs, bit 0 for those of one or two letters.
    thirds: u32,
}

/// Room in [`Triggers::slots`]: 32 × 32 slots (a letter's low five bits are 1 to 26), a power of
/// two.
const SLOTS: usize = 1024;

/// Longest trigger of letters [`Triggers`] holds, so that its lengths fit [`Slot::lengths`].
const MAX_TRIGGER: usize = 30;

impl Triggers {
    fn new(all: &[(String, Kind)]) -> Triggers {
        let mut t = Triggers {
            slots: Box::new([Slot::default(); SLOTS]),
            near: [0; SLOTS],
            open: Box::new([0; SLOTS * 32]),
            ranges: vec![(0, 0); SLOTS],
            words: Vec::new(),
            kinds: Vec::new(),
            others: Box::new([0; SLOTS]),
            joined: Vec::new(),
            digit_joined: false,
        };
        let mut by_slot: Vec<Vec<(Vec<u8>, Kind)>> = vec![Vec::new(); SLOTS];
        let mut by_slot_joined = Vec::new();
        for (w, kind) in all {
            let kind = *kind;
            let b = w.as_bytes();
            if b.len() == 1 && b[0].is_ascii_digit() {
                continue;
            }
            if !b.is_empty() && b.len() <= MAX_TRIGGER && b.iter().all(u8::is_ascii_lowercase) {
                by_slot[Self::slot(b[0], b.get(1).copied())].push((b.to_vec(), kind));
            } else {
                let run = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
                // One starting with a digit is tried at every digit, one starting with a letter
                // at the words of its slot. (Each starts with one or the other: a test checks.)
                if b.first().is_some_and(u8::is_ascii_alphabetic) {
                    let second = b.get(1).copied().filter(|_| run > 1);
                    by_slot_joined.push(Self::slot(b[0], second));
                } else {
                    t.digit_joined = true;
                }
                t.joined.push((b.to_ascii_lowercase(), run, kind));
            }
        }
        for (((slot, range), others), list) in
            t.slots.iter_mut().zip(t.ranges.iter_mut()).zip(t.others.iter_mut()).zip(by_slot)
        {
            range.0 = t.words.len() as u32;
            for (w, kind) in list {
                if kind != Kind::Open {
                    *others |= 1 << w.len();
                }
                slot.lengths |= 1 << w.len();
                slot.thirds |= w.get(2).map_or(1, |&c| 1 << (c & 31));
                t.words.push(w);
                t.kinds.push(kind);
            }
            range.1 = t.words.len() as u32;
        }
        for i in by_slot_joined {
            t.slots[i].lengths |= 1;
        }
        for (i, (near, slot)) in t.near.iter_mut().zip(t.slots.iter()).enumerate() {
            *near = slot.lengths | slot.lengths << 1;
            // "Q1": a word that starts with a "Q" is looked at closer, for a digit after it.
            if i / 32 == (b'q' & 31) as usize {
                *near |= 1;
            }
        }
        for (index, &near) in t.near.iter().enumerate() {
            let open = &mut t.open[index * 32..index * 32 + 32];
            if near & 1 != 0 {
                open.fill(!0);
                continue;
            }
            for w in &t.words[t.ranges[index].0 as usize..t.ranges[index].1 as usize] {
                let n = w.len();
                // The words it may be found in: itself (its third letter, or none), and itself
                // with a plural `s` (one of two letters gets the `s` as third letter).
                open[w.get(2).map_or(0, |&c| (c & 31) as usize)] |= 1 << n | 1 << (n + 1);
                if n == 2 {
                    open[(b's' & 31) as usize] |= 1 << (n + 1);
                }
            }
        }
        t
    }

    /// What the scan needs of the word of ASCII letters and digits of `len` bytes at offset `k`
    /// (below 64) of `window`, a block of the text and the eight bytes after it (at a word start),
    /// for [`Triggers::longest_at`]; `None` when it surely starts no trigger and no quarter ("Q1"):
    /// it starts with a letter, and its slot has no trigger of its length or one less, nor a reason
    /// for a closer look. Most words are such; this test, inline in the scan, turns them away with
    /// few instructions (and registers), and what it read of the others is not read again.
    #[inline(always)]
    fn probe(&self, window: &[u8; 72], k: usize, len: usize) -> Option<Probe> {
        let first = window[k];
        if first.is_ascii_digit() {
            return Some(Probe::Digit);
        }
        // (A word of two bytes or more has its second within the window: `k + 1 < 65`, and one
        // of three or more its third: `k + 2 < 66`.)
        let index = Self::slot(first, (len > 1).then(|| window[k + 1])) & (SLOTS - 1);
        let third = if len > 2 { window[k + 2] } else { 0 };
        // `near & (1 << len | 1) != 0` narrowed by the third letter, as one bit of `open`. A word
        // longer than any trigger and its plural (32 letters or more) tests some bit of its length
        // modulo 32: when it is set, the word only goes on to the exact test.
        ((self.open[Self::open_index(index, third)] >> (len & 31)) & 1 != 0).then_some(Probe::Word { index })
    }

    /// The place in [`Triggers::open`] of the slot `index` and the third byte `third` of a word (0
    /// for none). Masked to the table, so that the index needs no bounds check. (A digit as third
    /// byte shares its low five bits with a letter: it is only looked at closer.)
    #[inline(always)]
    fn open_index(index: usize, third: u8) -> usize {
        (index * 32 + (third & 31) as usize) & (SLOTS * 32 - 1)
    }

    /// The slot of a word of ASCII letters, from its first letter and its second (if any).
    #[inline]
    fn slot(first: u8, second: Option<u8>) -> usize {
        // The low five bits of a letter are its place in the alphabet (1 to 26), in both cases.
        (first & 31) as usize * 32 + second.map_or(0, |c| (c & 31) as usize)
    }

    /// The end and kind of the longest trigger starting at byte `s` of `b`, the first byte of a
    /// word, whose run of ASCII letters and digits ends at `run_end`; `probe` is what
    /// [`Triggers::probe`] read of it.
    #[inline(always)]
    fn longest_at(&self, b: &[u8], s: usize, run_end: usize, probe: Probe) -> Option<(usize, Kind)> {
        let len = run_end - s;
        let (index, near) = match probe {
            Probe::Digit => {
                let joined = if self.digit_joined { self.joined_at(b, s, len) } else { None };
                return joined.or(Some((s + 1, Kind::Open)));
            }
            Probe::Word { index } => (index, self.near[index]),
        };
        // A word of letters and digits that starts with a letter. "Mondays" may be "monday" and
        // an `s`; a shorter trigger would end inside the word, which does not count.
        // Most words have no trigger of their length or one less in their slot: they are turned
        // away before their plural and third letter are read. (Bit 0 of a one-letter word only
        // lets it through to the exact test below.)
        // (The bits of a length are tested rotated down to bit 0, here and below, not against a
        // mask `1 << len`: LTO merged that mask with the probe's test and built it in the scan's
        // common path, +1M instructions, in several builds; a rotation it leaves where it is.
        // Past `len > MAX_TRIGGER + 1` a rotation by `len` or `len - 1` is a shift: a word is at
        // least one byte long.)
        let away = len > MAX_TRIGGER + 1 || near.rotate_right(len as u32) & 1 == 0;
        if near & 1 != 0 && self.slots[index].lengths & 1 != 0 {
            if let Some(e) = self.joined_at(b, s, len) {
                return Some(e);
            }
        }
        if away {
            return None;
        }
        let slot = self.slots[index];
        let plural = len > 2 && b[run_end - 1] | 0x20 == b's';
        // Bit 1: the slot has a trigger of `len` bytes; bit 0: of `len - 1`.
        let lengths = slot.lengths.rotate_right(len as u32 - 1) & 3;
        // A trigger of two letters and a plural `s` has no third letter: bit 1 stands for none.
        let third = match len {
            0..=2 => 1,
            3 if plural => 1 | 1u32 << (b[s + 2] & 31),
            _ => 1u32 << (b[s + 2] & 31),
        };
        if (lengths & 2 == 0 && !(plural && lengths & 1 != 0)) || slot.thirds & third == 0 {
            return None;
        }
        let (start, end) = self.ranges[index];
        let candidates = &self.words[start as usize..end as usize];
        // The word's bytes are ASCII letters and digits, the trigger's lower-case letters: setting
        // bit 5 lower-cases a letter and leaves a digit a digit, so it compares them exactly.
        let is = |n: usize| {
            let word = &b[s..s + n];
            candidates.iter().any(|w| w.len() == n && word.iter().zip(w).all(|(&x, &y)| x | 0x20 == y))
        };
        let n = if lengths & 2 != 0 && is(len) {
            len
        } else if plural && lengths & 1 != 0 && is(len - 1) {
            len - 1
        } else {
            return None;
        };
        // Most matches are triggers: the kind is looked up only in a slot with others of the length.
        let kind = if self.others[index].rotate_right(n as u32) & 1 != 0 {
            self.kind_of(&b[s..s + n], index)
        } else {
            Kind::Open
        };
        Some((s + n, kind))
    }

    /// The kind of the word `word` of slot `index`, one of its words.
    #[cold]
    fn kind_of(&self, word: &[u8], index: usize) -> Kind {
        let (start, end) = self.ranges[index];
        (start as usize..end as usize)
            .find(|&k| self.words[k].eq_ignore_ascii_case(word))
            .map_or(Kind::Open, |k| self.kinds[k])
    }

    /// The end of the longest trigger with other characters than letters that starts at byte `s`
    /// of `b`, a word whose first run of ASCII letters and digits is `len` bytes. Such a trigger
    /// reaches past the run, so it is longer than any other.
    #[cold]
    fn joined_at(&self, b: &[u8], s: usize, len: usize) -> Option<(usize, Kind)> {
        self.joined
            .iter()
            .filter(|(j, run, _)| *run == len && b.len() - s >= j.len() && b[s..s + j.len()].eq_ignore_ascii_case(j))
            .map(|(j, _, kind)| (s + j.len(), *kind))
            .max_by_key(|&(e, _)| e)
    }
}

fn triggers() -> &'static Triggers {
    static TRIGGERS: OnceLock<Triggers> = OnceLock::new();
    TRIGGERS.get_or_init(|| Triggers::new(&scanned_words()))
}

/// The [`weak_words`] arranged for [`find_triggers_in`].
fn weak_triggers() -> &'static Triggers {
    static TRIGGERS: OnceLock<Triggers> = OnceLock::new();
    TRIGGERS.get_or_init(|| Triggers::new(&weak_words()))
}

/// Calls `found(start, end, kind)` for each word of [`scanned_words`] that starts a word, in text
/// order: the matches at word starts of a leftmost-longest, non-overlapping search for them in any
/// ASCII case. A digit right after a "Q" that starts a word counts as starting one ("Q1 2024").
/// Besides, before the words of each 64 bytes, for each digit glued after an ASCII letter
/// ("FY2023", "A380", but not the "Q" of "Q1"), `found(digit, digit + 1, Kind::Latent)`: "FY2023"
/// and "Dec5" are expressions without a trigger.
fn find_triggers(text: &str, found: impl FnMut(usize, usize, Kind)) {
    find_triggers_in(triggers(), text, found)
}

/// [`find_triggers`] with the words of `t`.
fn find_triggers_in(t: &Triggers, text: &str, mut found: impl FnMut(usize, usize, Kind)) {
    let b = text.as_bytes();
    let n = b.len();
    // Where the scan may look again: after the latest match.
    let mut resume = 0;
    // Whether the byte before the current block is an ASCII letter or digit, and whether it is
    // not ASCII.
    let mut carry = 0u64;
    let mut high_carry = 0u64;
    // Whether the byte before the current block is an ASCII letter.
    let mut letter_carry = 0u64;
    let mut base = 0;
    while base < n {
        // The block and the eight bytes after it, zeros past the end: the probe reads a word's
        // first two bytes from here at offsets below 65, without a bounds test (in the text, each
        // read tested its index, about a million instructions on the 2 MB sample).
        let mut window = [0u8; 72];
        if base + 72 <= n {
            window.copy_from_slice(&b[base..base + 72]);
        } else {
            window[..n - base].copy_from_slice(&b[base..]);
        }
        // Bit k: byte `base + k` is an ASCII letter or digit (bytes past the end are not); and,
        // in `high`, it is not ASCII.
        let (mask, high, digits) = block_masks(window[..64].try_into().expect("64 bytes"));
        let letters = mask & !digits;
        let mut glued = digits & ((letters << 1) | letter_carry);
        letter_carry = letters >> 63;
        while glued != 0 {
            let k = glued.trailing_zeros() as usize;
            glued &= glued - 1;
            let p = base + k;
            // Not the digit of "Q1", a trigger of its own.
            if !follows_quarter_q(text, p) {
                found(p, p + 1, Kind::Latent);
            }
        }
        // The first byte of each run of ASCII letters and digits, but those a match hides.
        let mut starts = mask & !((mask << 1) | carry) & from_on(resume, base);
        carry = mask >> 63;
        // Bit k: the byte before byte `base + k` is not ASCII.
        let high_before = (high << 1) | high_carry;
        high_carry = high >> 63;
        while starts != 0 {
            let k = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let s = base + k;
            // The run's end: within the block from the mask, past it byte by byte.
            let ones = (!(mask >> k)).trailing_zeros() as usize;
            let mut run_end = s + ones;
            if k + ones == 64 {
                while run_end < n && b[run_end].is_ascii_alphanumeric() {
                    run_end += 1;
                }
            }
            // Inside a run no position starts a word; the run itself does unless a letter (of
            // another script) or digit is glued before it.
            if (high_before >> k) & 1 != 0 && is_word_byte(text, s, true) {
                continue;
            }
            let Some(probe) = t.probe(&window, k, run_end - s) else {
                continue;
            };
            match t.longest_at(b, s, run_end, probe) {
                Some((e, kind)) => {
                    found(s, e, kind);
                    // A match hides nothing that could start a word before its end (only one
                    // of other characters than letters reaches past its run: "o'clock").
                    resume = e;
                    starts &= from_on(resume, base);
                }
                None if matches!(b[s], b'q' | b'Q') && s + 1 < run_end && b[s + 1].is_ascii_digit() => {
                    found(s + 1, s + 2, Kind::Open)
                }
                None => {}
            }
        }
        base += 64;
    }
}

/// The bits of the block of 64 bytes at `base` for its bytes at `resume` or after (bit `k` for
/// byte `base + k`).
#[inline(always)]
fn from_on(resume: usize, base: usize) -> u64 {
    match resume.saturating_sub(base) {
        skip @ 0..=63 => !0u64 << skip,
        _ => 0,
    }
}

/// For the 64 bytes of `block`: bit `k` set when byte `k` is an ASCII letter or digit, in the
/// second mask when it is not ASCII, in the third when it is an ASCII digit. Sixteen bytes at a
/// time with SSE2.
#[cfg(target_arch = "x86_64")]
#[inline]
fn block_masks(block: &[u8; 64]) -> (u64, u64, u64) {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { block_masks_sse2(block) }
}

/// [`block_masks`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn block_masks_sse2(block: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    let (mut alnum, mut high, mut digits) = (0u64, 0u64, 0u64);
    for (j, chunk) in block.chunks_exact(16).enumerate() {
        // SAFETY: `chunk` holds 16 bytes, which an unaligned load reads.
        let x = unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) };
        // Setting bit 5 lower-cases ASCII letters and keeps other bytes out of `a..=z` (it leaves
        // the high bit of non-ASCII bytes set).
        let letters = bytes_within(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
        let digit = bytes_within(x, b'0', b'9');
        let hits = _mm_or_si128(letters, digit);
        alnum |= (_mm_movemask_epi8(hits) as u32 as u64) << (16 * j);
        high |= (_mm_movemask_epi8(x) as u32 as u64) << (16 * j);
        digits |= (_mm_movemask_epi8(digit) as u32 as u64) << (16 * j);
    }
    (alnum, high, digits)
}

/// All ones in each byte of `x` in `lo..=hi`: `x + (0x80 - lo)` (wrapping) is then, as a signed
/// byte, below `-128 + (hi - lo + 1)`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn bytes_within(x: std::arch::x86_64::__m128i, lo: u8, hi: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
    _mm_cmplt_epi8(shifted, _mm_set1_epi8((0x80u8 + (hi - lo + 1)) as i8))
}

/// [`block_masks`] without SSE2: eight bytes at a time without a branch per byte.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn block_masks(block: &[u8; 64]) -> (u64, u64, u64) {
    (alnum_mask(block), high_mask(block), digit_mask(block))
}

/// Bit `k` set when byte `k` of the 64 bytes of `block` is an ASCII digit.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn digit_mask(block: &[u8]) -> u64 {
    block.iter().enumerate().filter(|(_, c)| c.is_ascii_digit()).fold(0, |m, (k, _)| m | 1 << k)
}

/// Bit `k` set when byte `k` of the 64 bytes of `block` is not ASCII, eight bytes at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn high_mask(block: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut mask = 0u64;
    for (j, chunk) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes")) & HIGH;
        mask |= (((w >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56) << (8 * j);
    }
    mask
}

/// Bit `k` set when byte `k` of the 64 bytes of `block` is an ASCII letter or digit, eight bytes at a
/// time without a branch per byte.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn alnum_mask(block: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut mask = 0u64;
    for (j, chunk) in block.chunks_exact(8).enumerate() {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Without the high bit, so that the additions below never carry between bytes; bytes with
        // it are masked out at the end.
        let x = w & !HIGH;
        // High bit of each byte in [lo, hi]: x >= lo and not x >= hi + 1.
        let within = |x: u64, lo: u8, hi: u8| {
            x.wrapping_add(ONES * (0x80 - lo as u64)) & !x.wrapping_add(ONES * (0x80 - hi as u64 - 1))
        };
        let hits = (within(x | (ONES * 0x20), b'a', b'z') | within(x, b'0', b'9')) & !w & HIGH;
        // The eight high bits gathered into the low byte: bit 8i+7 moves to bit 56+i, then down.
        let bits = ((hits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * j);
    }
    mask
}

/// Byte ranges `[start, end)` of `text` worth reading: each trigger with [`CONTEXT`] bytes around it
/// within its paragraph, widened to whitespace, overlapping ranges merged. In text order.
///
/// A window never crosses a blank line: no expression spans a paragraph break, no rule or filter
/// looks across one ("more than\n\n40 minutes" is two paragraphs, not a modified duration), and what
/// is found in a paragraph does not depend on the paragraphs around it.
pub fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    windows_into(text, &mut out);
    out
}

/// [`windows`] written over `out` (a buffer kept from document to document).
pub fn windows_into(text: &str, out: &mut Vec<(usize, usize)>) {
    thread_local! {
        static SCAN: std::cell::RefCell<Scan> = std::cell::RefCell::default();
    }
    SCAN.with(|scan| match scan.try_borrow_mut() {
        Ok(mut scan) => windows_with(text, out, &mut scan),
        Err(_) => windows_with(text, out, &mut Scan::default()),
    })
}

/// What [`windows_into`] finds in a document before it opens windows, kept per thread so that a
/// batch of documents allocates it once.
#[derive(Default)]
struct Scan {
    /// The triggers that count, in text order, each with whether it may be pruned (a digit of a
    /// quantity, [`is_quantity`]); and the weak words ([`Kind::Weak`]) that a latent word keeps.
    triggers: Vec<(usize, usize, bool)>,
    /// The starts of the latent words ([`Kind::Latent`]), in text order.
    latent: Vec<usize>,
}

/// Words on each side of a latent word that an expression without a trigger, with what a rule
/// wraps around it ("more than", "the first nine months of"), may span.
const LATENT_REACH: usize = 8;

/// [`windows_into`] with its buffers passed in. A trigger that may be pruned, or a weak word,
/// opens its window only when a latent word is within its reach: then an expression without a
/// trigger that its window helped cover is still covered, so that the windows find what every
/// trigger's window found.
fn windows_with(text: &str, out: &mut Vec<(usize, usize)>, scan: &mut Scan) {
    let b = text.as_bytes();
    out.clear();
    scan.triggers.clear();
    scan.latent.clear();
    // The end of the latest number token a digit trigger started, and whether it is a quantity:
    // the digits after its separators ("1,000", "2.5") are triggers of their own, with its verdict.
    // (Digits after a separator that continue a token whose first digit was no trigger, glued to
    // a word ("é10:30"), keep their windows.)
    let mut number = (0, false);
    let Scan { triggers, latent } = scan;
    find_triggers(text, |s, e, kind| {
        if kind == Kind::Latent {
            // A digit glued after a letter, or a hook word in its phrase.
            if b[s].is_ascii_digit() || latent_phrase_at(text, s, e) {
                latent.push(s);
            }
            return;
        }
        let Some(quarter) = counts(text, s, e) else {
            return;
        };
        let mut prunable = false;
        if b[s].is_ascii_digit() {
            if s >= number.0 {
                let end = tokens::scan_number(b, s);
                let inside = s > 1
                    && b[s - 2].is_ascii_digit()
                    && match b[s - 1] {
                        b'.' | b':' | b'/' => true,
                        b',' => b[s..end].iter().take_while(|c| c.is_ascii_digit()).count() == 3,
                        _ => false,
                    };
                number = (end, !inside && is_quantity(text, s, end));
            }
            // The digit of "Q1" is a quarter whatever follows it.
            prunable = number.1 && !quarter;
        }
        triggers.push((s, e, prunable));
    });
    if !latent.is_empty() {
        weak_near_latent(text, latent, triggers);
    }
    for &(s, e, prunable) in triggers.iter() {
        if !prunable || latent_within_reach(text, latent, s, e) {
            open_window(text, out, s, e);
        }
    }
    if triggers.capacity() > 1 << 16 {
        *scan = Scan::default();
    }
}

/// Whether the word found at `[s, e)` counts as a trigger: it starts a word (a digit may follow
/// the "Q" of a quarter: then `Some(true)`) and a word trigger ends one (or is followed by a
/// plural or possessive "s").
#[inline(always)]
fn counts(text: &str, s: usize, e: usize) -> Option<bool> {
    let b = text.as_bytes();
    let is_digit = b[s].is_ascii_digit();
    // A digit right after "Q" starts a quarter ("Q1 2024"): the trigger is the digit.
    let quarter = is_digit && follows_quarter_q(text, s);
    let left_ok = s == 0 || !is_word_byte(text, s, true) || quarter;
    let right_ok = is_digit
        || e >= b.len()
        || !is_word_byte(text, e, false)
        || ((b[e] == b's' || b[e] == b'S') && (e + 1 >= b.len() || !is_word_byte(text, e + 1, false)));
    (left_ok && right_ok).then_some(quarter)
}

/// Whether byte `p` follows a "Q" that starts a word ("Q1 2024": the digit is a quarter's).
fn follows_quarter_q(text: &str, p: usize) -> bool {
    let b = text.as_bytes();
    p > 0 && matches!(b[p - 1], b'q' | b'Q') && (p == 1 || !is_word_byte(text, p - 1, true))
}

/// Adds to `triggers` (kept in text order) the weak words whose windows reach one of `latent`
/// (sorted, not empty): each latent word's neighbourhood is scanned for them, wide enough to hold
/// every word that reaches it ([`latent_within_reach`]).
#[cold]
fn weak_near_latent(text: &str, latent: &[usize], triggers: &mut Vec<(usize, usize, bool)>) {
    let b = text.as_bytes();
    let before = triggers.len();
    let mut scanned = 0;
    for &p in latent {
        // A word that reaches `p` has its context within the words around `p` and
        // [`CONTEXT`] bytes beyond them (with a margin for the word itself), widened to whitespace.
        let from = widen_left(text, words_back(b, p, LATENT_REACH + 3).saturating_sub(2 * CONTEXT).max(scanned), 0);
        let to = widen_right(text, (words_on(b, p, LATENT_REACH + 3) + 2 * CONTEXT).min(b.len()));
        if from >= to {
            continue;
        }
        // `from` follows whitespace (or starts the text) and `to` is whitespace (or ends it): the
        // words of the slice are words of the text.
        find_triggers_in(weak_triggers(), &text[from..to], |s, e, kind| {
            let (s, e) = (from + s, from + e);
            if kind == Kind::Weak && counts(text, s, e).is_some() && latent_within_reach(text, latent, s, e) {
                triggers.push((s, e, false));
            }
        });
        scanned = to;
    }
    if triggers.len() > before {
        triggers.sort_unstable();
        triggers.dedup();
    }
}

/// Whether one of `latent` (sorted) is within [`LATENT_REACH`] words of the window the trigger
/// `[s, e)` would open (before its paragraph bounds, which only narrow it).
fn latent_within_reach(text: &str, latent: &[usize], s: usize, e: usize) -> bool {
    let i = latent.partition_point(|&p| p < s);
    // The nearest latent word before the trigger, and the nearest at or after it: the first
    // tests are those of most texts, the exact ones those of latent words just out of reach.
    let before = i.checked_sub(1).map(|k| latent[k]);
    let after = latent.get(i).copied();
    if before.is_some_and(|p| p + CONTEXT >= s) || after.is_some_and(|q| q < e + CONTEXT) {
        return true;
    }
    let b = text.as_bytes();
    before.is_some_and(|p| p >= words_back(b, widen_left(text, s.saturating_sub(CONTEXT), 0), LATENT_REACH))
        || after.is_some_and(|q| q < words_on(b, widen_right(text, (e + CONTEXT).min(b.len())), LATENT_REACH))
}

/// Where `n` words (runs of bytes that are not ASCII whitespace) back from `at` start.
fn words_back(b: &[u8], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        while at > 0 && b[at - 1].is_ascii_whitespace() {
            at -= 1;
        }
        while at > 0 && !b[at - 1].is_ascii_whitespace() {
            at -= 1;
        }
    }
    at
}

/// Where `n` words (runs of bytes that are not ASCII whitespace) on from `at` end.
fn words_on(b: &[u8], mut at: usize, n: usize) -> usize {
    for _ in 0..n {
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        while at < b.len() && !b[at].is_ascii_whitespace() {
            at += 1;
        }
    }
    at
}

/// Opens the window of the trigger `[s, e)`, after those of the triggers before it: extends the
/// last window of `out` when the two meet.
fn open_window(text: &str, out: &mut Vec<(usize, usize)>, s: usize, e: usize) {
    let b = text.as_bytes();
    let from = s.saturating_sub(CONTEXT);
    let to = (e + CONTEXT).min(b.len());
    // Dense triggers: when the window before reaches back into this one's context and no line
    // break lies between its end and the trigger, this one's context starts at or before that
    // end (`paragraph_start` only moves forward past a blank line, and there is none after the
    // end), so the window before is extended, as below, without reading the context again.
    if let Some(last) = out.last_mut() {
        if from <= last.1 && (last.1 >= s || first_newline(&b[last.1..s]).is_none()) {
            if to > last.1 {
                let right = paragraph_end(b, e, to);
                if right > last.1 {
                    last.1 = widen_right(text, right);
                }
            }
            return;
        }
    }
    let left = paragraph_start(b, from, s);
    let right = paragraph_end(b, e, to);
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

/// Whether the number token `text[start..end]` is a price ("$5", "€1.2") or a percentage ("5%",
/// "2.5%"): a quantity that is in no temporal expression, so that its digits open no window (a
/// third of the digits of news text, mostly in financial reports). An expression beside it ("$5 a
/// day", "up 5% in 2023") has a trigger of its own.
///
/// Why the grammar finds nothing at such a number: the filters reject every candidate that starts
/// at a number glued after a [`PRICE_SIGNS`] sign, and no rule reads the sign; a count of digits
/// or a decimal number (not a year, a date or a clock time with a colon) before `%` starts no rule
/// ("%" has no class; a bare or dotted hour needs "a.m." or the like after it, a day a month's
/// name, the head of a range of hours "to" or "-"). A rule that reads such a number inside a
/// longer expression reads a trigger there too (a unit, a month), whose window holds the number,
/// or a latent word ("FY 25%", [`Kind::Latent`]), which keeps the number's window open.
fn is_quantity(text: &str, start: usize, end: usize) -> bool {
    use crate::lexicon::class::{number, NUM_LONG, NUM_SEP, NUM_SHORT};
    let before = &text[..start];
    // A sign ends in '$' or '#', or in a continuation byte ("€", "£", "¥"): the byte before the
    // number turns most numbers away before the signs are compared.
    let signed = start > 0
        && matches!(text.as_bytes()[start - 1], b'$' | b'#' | 0x80..=0xbf)
        && PRICE_SIGNS.iter().any(|sign| before.ends_with(sign));
    signed
        || (text.as_bytes().get(end) == Some(&b'%')
            && number(&text[start..end]) & (NUM_SHORT | NUM_LONG | NUM_SEP) != 0)
}

/// Where the paragraph holding byte `to` starts, looking back no further than `from`: just after the
/// last blank line (a line break, then only spaces, tabs and carriage returns, then a line break)
/// in `[from, to)`, else `from`.
fn paragraph_start(b: &[u8], from: usize, to: usize) -> usize {
    // Most contexts hold no line break at all: one fast search says so.
    let Some(first) = first_newline(&b[from..to]) else {
        return from;
    };
    let mut start = from;
    let mut i = from + first;
    // `b[i]` is a line break: the whitespace run after it, and whether it holds another.
    loop {
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
        match first_newline(&b[j..to]) {
            Some(k) => i = j + k,
            None => return start,
        }
    }
}

/// Where the paragraph holding byte `from` ends, looking no further than `to`: at the first line
/// break in `[from, to)` that starts a blank line, else `to`.
fn paragraph_end(b: &[u8], from: usize, to: usize) -> usize {
    // Most contexts hold no line break: one search says so, and the loop over the line breaks
    // is out of line (inlined, it made every call save and restore seven registers).
    match first_newline(&b[from..to]) {
        None => to,
        Some(k) => paragraph_end_at(b, from + k, to),
    }
}

/// [`paragraph_end`] from the line break at byte `i`.
#[inline(never)]
fn paragraph_end_at(b: &[u8], mut i: usize, to: usize) -> usize {
    loop {
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
            j += 1;
        }
        if j < b.len() && b[j] == b'\n' {
            return i;
        }
        match first_newline(&b[i + 1..to]) {
            Some(k) => i += 1 + k,
            None => return to,
        }
    }
}

/// The index of the first line break in `b` (here a trigger's context, at most [`CONTEXT`] bytes;
/// in the batch reader a whole line): sixteen bytes at a time with SSE2, inline (a call to a
/// general search costs more than the search on so few bytes).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn first_newline(b: &[u8]) -> Option<usize> {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { first_newline_sse2(b) }
}

/// [`first_newline`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn first_newline_sse2(b: &[u8]) -> Option<usize> {
    use std::arch::x86_64::*;
    let mut at = 0;
    while at + 16 <= b.len() {
        // SAFETY: the 16 bytes from `at` are within `b`, which an unaligned load reads.
        let x = unsafe { _mm_loadu_si128(b[at..at + 16].as_ptr().cast()) };
        let bits = _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(b'\n' as i8)));
        if bits != 0 {
            return Some(at + bits.trailing_zeros() as usize);
        }
        at += 16;
    }
    first_newline_swar(&b[at..]).map(|k| at + k)
}

/// The index of the last line break in `b` (the line before a line break, for the sentence
/// splitter): sixteen bytes at a time with SSE2, back from the end (what `rfind('\n')` finds, with
/// less work per byte than its search).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn last_newline(b: &[u8]) -> Option<usize> {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { last_newline_sse2(b) }
}

/// [`last_newline`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn last_newline_sse2(b: &[u8]) -> Option<usize> {
    use std::arch::x86_64::*;
    let mut end = b.len();
    while end >= 16 {
        // SAFETY: the 16 bytes before `end` are within `b`, which an unaligned load reads.
        let x = unsafe { _mm_loadu_si128(b[end - 16..end].as_ptr().cast()) };
        let bits = _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(b'\n' as i8))) as u32;
        if bits != 0 {
            return Some(end - 16 + (31 - bits.leading_zeros()) as usize);
        }
        end -= 16;
    }
    b[..end].iter().rposition(|&c| c == b'\n')
}

/// [`last_newline`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(crate) fn last_newline(b: &[u8]) -> Option<usize> {
    b.iter().rposition(|&c| c == b'\n')
}

/// [`first_newline`] for a long input (the batch reader's line, most of it a whole document): 64
/// bytes a test, the comparisons of four loads joined, up to the block holding the line break,
/// which [`first_newline`] then searches (sixteen bytes a test cost more than twice as much over a
/// document).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn first_newline_long(b: &[u8]) -> Option<usize> {
    // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
    unsafe { first_newline_long_sse2(b) }
}

/// [`first_newline_long`] with SSE2 instructions.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
#[inline]
fn first_newline_long_sse2(b: &[u8]) -> Option<usize> {
    use std::arch::x86_64::*;
    let newline = _mm_set1_epi8(b'\n' as i8);
    let mut at = 0;
    while at + 64 <= b.len() {
        let block = &b[at..at + 64];
        // SAFETY: the 16 bytes from `k` are within `block`, which an unaligned load reads.
        let equal = |k: usize| _mm_cmpeq_epi8(unsafe { _mm_loadu_si128(block[k..k + 16].as_ptr().cast()) }, newline);
        let any = _mm_or_si128(_mm_or_si128(equal(0), equal(16)), _mm_or_si128(equal(32), equal(48)));
        if _mm_movemask_epi8(any) != 0 {
            break;
        }
        at += 64;
    }
    first_newline(&b[at..]).map(|k| at + k)
}

/// [`first_newline_long`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(crate) fn first_newline_long(b: &[u8]) -> Option<usize> {
    first_newline_swar(b)
}

/// [`first_newline`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
pub(crate) fn first_newline(b: &[u8]) -> Option<usize> {
    first_newline_swar(b)
}

/// [`first_newline`] eight bytes at a time.
#[inline]
fn first_newline_swar(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut words = b.chunks_exact(8);
    let mut at = 0;
    for w in words.by_ref() {
        let x = u64::from_le_bytes(w.try_into().expect("eight bytes")) ^ (ONES * b'\n' as u64);
        let zeros = x.wrapping_sub(ONES) & !x & HIGH;
        if zeros != 0 {
            // The lowest marked byte is exact: a false mark only ever follows a true one.
            return Some(at + (zeros.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    words.remainder().iter().position(|&c| c == b'\n').map(|k| at + k)
}

/// Is the character touching byte `i` (before it when `before`, at it otherwise) part of a word?
// (Always inlined, the decoding of other characters left out of line: the trigger scan asks it
// twice of each trigger, and the call cost more than the test of an ASCII byte.)
#[inline(always)]
fn is_word_byte(text: &str, i: usize, before: bool) -> bool {
    // An ASCII byte is a whole character: no decoding.
    let b = text.as_bytes();
    let near = if before { i.checked_sub(1).map(|j| b[j]) } else { b.get(i).copied() };
    match near {
        Some(byte) if byte.is_ascii() => byte.is_ascii_alphanumeric(),
        _ => is_word_char(text, i, before),
    }
}

/// [`is_word_byte`] for a character that is not ASCII (or none: at an end of the text).
#[inline(never)]
fn is_word_char(text: &str, i: usize, before: bool) -> bool {
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

/// A small deterministic random source for the differential tests of this module and `tokens`:
/// `next(n)` is in `0..n`.
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
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

    /// The triggers that count (at a word start, ending a word) as the Aho-Corasick search the
    /// scan replaced finds them: leftmost-longest, non-overlapping, in any ASCII case.
    fn triggers_by_automaton(text: &str) -> Vec<(usize, usize)> {
        use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};
        thread_local! {
            static AC: aho_corasick::AhoCorasick = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(scanned_words().into_iter().map(|(w, _)| w))
                .unwrap();
        }
        thread_local! {
            static KINDS: Vec<Kind> = scanned_words().into_iter().map(|(_, k)| k).collect();
        }
        let b = text.as_bytes();
        AC.with(|ac| {
            ac.find_iter(text)
                // A latent word is a whole word: no plural "s" ("q" of "Q 4", not "QS").
                .filter(|m| {
                    KINDS.with(|k| k[m.pattern().as_usize()] != Kind::Latent)
                        || m.end() >= b.len()
                        || !matches!(b[m.end()], b's' | b'S')
                })
                .map(|m| (m.start(), m.end()))
                .filter(|&(s, _)| {
                    let quarter = b[s].is_ascii_digit()
                        && s > 0
                        && matches!(b[s - 1], b'q' | b'Q')
                        && (s == 1 || !is_word_byte(text, s - 1, true));
                    s == 0 || !is_word_byte(text, s, true) || quarter
                })
                .collect()
        })
    }

    /// [`find_triggers`]' matches of words, all of them (with their kinds), without the digits
    /// glued after a letter.
    fn triggers_by_scan_with_kinds(text: &str) -> Vec<(usize, usize, Kind)> {
        let mut v = Vec::new();
        find_triggers(text, |s, e, kind| {
            if kind != Kind::Latent || !text.as_bytes()[s].is_ascii_digit() {
                v.push((s, e, kind))
            }
        });
        v
    }

    /// [`triggers_by_scan_with_kinds`] without the kinds.
    fn triggers_by_scan(text: &str) -> Vec<(usize, usize)> {
        triggers_by_scan_with_kinds(text).into_iter().map(|(s, e, _)| (s, e)).collect()
    }

    #[test]
    fn digits_glued_after_letters_are_latent() {
        let mut v = Vec::new();
        let t = format!("{}FY2023, A380 and 5 or x 7", "z ".repeat(31));
        find_triggers(&t, |s, _, kind| {
            if kind == Kind::Latent {
                v.push(&t[s..s + 1])
            }
        });
        assert_eq!(v, ["2", "3"]);
    }

    /// Whether a trigger at `(s, e)` ends a word, as [`windows`] asks.
    fn ends_word(text: &str, s: usize, e: usize) -> bool {
        let b = text.as_bytes();
        b[s].is_ascii_digit()
            || e >= b.len()
            || !is_word_byte(text, e, false)
            || ((b[e] == b's' || b[e] == b'S') && (e + 1 >= b.len() || !is_word_byte(text, e + 1, false)))
    }

    #[test]
    fn the_word_start_scan_finds_what_the_automaton_finds() {
        // The scan looks for triggers only where a run of ASCII letters and digits starts.
        for w in trigger_words() {
            assert!(w.as_bytes()[0].is_ascii_alphanumeric(), "trigger {w:?}");
        }
        let mut pieces: Vec<String> = trigger_words();
        pieces.extend(
            [
                " ", " ", " ", "\n", "\n\n", ".", ",", "-", "'", "’", "s", "S", "es", "é", "É", "ß", "q", "Q", "Q1",
                "1", "2024", "x", "a", "mayor", "bi", "clock", "o'clock", "bio'", "’s", "'s", "day", "th", "the",
                "thu", "hr", "hrs", "mo", "min", "\u{2014}", "9", "0x",
            ]
            .map(String::from),
        );
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..30_000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                let p = &pieces[next(pieces.len())];
                // Any ASCII case, as the text may have it.
                let p: String = match next(3) {
                    0 => p.to_ascii_uppercase(),
                    1 => p.chars().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c }).collect(),
                    _ => p.clone(),
                };
                text.push_str(&p);
            }
            // Across the 64-byte blocks of the scan, too.
            if next(4) == 0 {
                text = format!("{}{text}", "z ".repeat(28 + next(8)));
            }
            let want = triggers_by_automaton(&text);
            let got = triggers_by_scan(&text);
            let kept = |v: &[(usize, usize)]| -> Vec<(usize, usize)> {
                v.iter().copied().filter(|&(s, e)| ends_word(&text, s, e)).collect()
            };
            assert_eq!(kept(&got), kept(&want), "{text:?}");
            // The scan reports only word starts, each where the automaton has one.
            assert!(got.iter().all(|g| want.iter().any(|w| w.0 == g.0)), "{text:?}");
        }
    }

    #[test]
    fn the_probe_turns_away_no_word_that_starts_a_trigger() {
        // The probe narrows by three letters what `longest_at` narrows by two: every word that
        // `longest_at` finds a trigger at, given the word's slot, the probe lets through.
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for t in [triggers(), weak_triggers()] {
            let mut words: Vec<Vec<u8>> = Vec::new();
            for w in t.words.iter().chain(t.joined.iter().map(|j| &j.0)) {
                let run: Vec<u8> = w.iter().copied().take_while(u8::is_ascii_alphanumeric).collect();
                for extra in [&b""[..], b"s", b"S", b"es", b"x", b"1"] {
                    let mut v = [run.as_slice(), extra].concat();
                    words.push(v.clone());
                    v.make_ascii_uppercase();
                    words.push(v.clone());
                    // One letter changed, at random.
                    let i = next(v.len());
                    v[i] = b"aesz19"[next(6)];
                    words.push(v);
                }
                words.push(run[..run.len() - 1].to_vec());
            }
            for _ in 0..20_000 {
                words.push((0..1 + next(9)).map(|_| b"abcdefhimnorstuwyQ1"[next(19)]).collect());
            }
            for word in words.iter().filter(|w| !w.is_empty() && w[0].is_ascii_alphabetic()) {
                for k in [0, 1, 63] {
                    let mut text = vec![b' '; k];
                    text.extend_from_slice(word);
                    text.extend_from_slice(b" after");
                    let mut window = [0u8; 72];
                    let n = text.len().min(72);
                    window[..n].copy_from_slice(&text[..n]);
                    let len = word.len();
                    let index = Triggers::slot(word[0], (len > 1).then(|| word[1])) & (SLOTS - 1);
                    let found = t.longest_at(&text, k, k + len, Probe::Word { index });
                    if found.is_some() {
                        let probe = t.probe(&window, k, len);
                        assert!(probe.is_some(), "{:?} at {k}", String::from_utf8_lossy(word));
                    }
                }
            }
        }
    }

    /// `is_word_byte` tests the character touching the byte, ASCII or not, on either side.
    #[test]
    fn word_bytes_are_those_of_the_characters_touching_them() {
        let text = "aé 9—x€ Ünï’s 12ß";
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let at = text[i..].chars().next().is_some_and(char::is_alphanumeric);
            assert_eq!(is_word_byte(text, i, true), before, "{i}");
            assert_eq!(is_word_byte(text, i, false), at, "{i}");
        }
    }

    /// `is_quantity` looks at a price sign only after a byte some sign ends with.
    #[test]
    fn price_signs_end_in_the_bytes_is_quantity_tests_first() {
        for sign in PRICE_SIGNS {
            assert!(matches!(sign.as_bytes().last(), Some(b'$' | b'#' | 0x80..=0xbf)), "{sign}");
        }
        for (text, quantity) in [("$5", true), ("€5", true), ("US$5", true), ("#1", true), ("a5", false), ("é5", false)]
        {
            assert_eq!(is_quantity(text, text.len() - 1, text.len()), quantity, "{text}");
        }
    }

    #[test]
    fn first_and_last_newlines_are_found_at_every_offset() {
        for len in (0..70).chain(120..140).chain([200, 257]) {
            for at in 0..=len {
                let mut b: Vec<u8> = (0..len).map(|k| [b'\x0b', b'\t', b'a', 0x8a, b' '][k % 5]).collect();
                if at < len {
                    b[at] = b'\n';
                    if at + 3 < len {
                        b[at + 3] = b'\n';
                    }
                }
                let want = b.iter().position(|&c| c == b'\n');
                assert_eq!(first_newline(&b), want, "{b:?}");
                assert_eq!(first_newline_swar(&b), want, "{b:?}");
                assert_eq!(first_newline_long(&b), want, "{b:?}");
                // And the last one, with a line break before it (or none).
                if at >= 3 {
                    b[at - 3] = b'\n';
                }
                assert_eq!(last_newline(&b), b.iter().rposition(|&c| c == b'\n'), "{b:?}");
            }
        }
    }

    #[test]
    fn block_masks_mark_ascii_letters_digits_and_other_bytes() {
        let mut next = xorshift(0x2d35_8dcc_aa6c_78a5);
        for round in 0..2_000 {
            let mut block = [0u8; 64];
            for (k, c) in block.iter_mut().enumerate() {
                // Every byte value at every position, then random blocks.
                *c = if round < 256 { (round + k) as u8 } else { next(256) as u8 };
            }
            let alnum = (0..64).filter(|&k| block[k].is_ascii_alphanumeric()).fold(0u64, |m, k| m | 1 << k);
            let high = (0..64).filter(|&k| !block[k].is_ascii()).fold(0u64, |m, k| m | 1 << k);
            assert_eq!(block_masks(&block), (alnum, high, digit_mask(&block)), "{block:?}");
            assert_eq!((alnum_mask(&block), high_mask(&block)), (alnum, high), "{block:?}");
        }
    }

    /// The paragraph bounds as first written, byte by byte: the oracle of the faster ones.
    fn paragraph_bounds_bytewise(b: &[u8], from: usize, to: usize, e: usize, right: usize) -> (usize, usize) {
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
        let mut end = right;
        for i in e..right {
            if b[i] == b'\n' {
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r') {
                    j += 1;
                }
                if j < b.len() && b[j] == b'\n' {
                    end = i;
                    break;
                }
            }
        }
        (start, end)
    }

    #[test]
    fn paragraph_bounds_are_found_as_byte_by_byte() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let len = 1 + (seed % 90) as usize;
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    [b'a', b'\n', b' ', b'\r', b'\t', b'x', b'\n'][(seed % 7) as usize]
                })
                .collect();
            let s = (seed % len as u64) as usize;
            let (from, to) = (s.saturating_sub(CONTEXT), s);
            let right = (s + CONTEXT).min(len);
            let got = (paragraph_start(&b, from, to), paragraph_end(&b, s, right));
            assert_eq!(got, paragraph_bounds_bytewise(&b, from, to, s, right), "{b:?} at {s}");
        }
    }

    /// [`windows`] as first written, reading every trigger's context: the oracle of its shortcut
    /// for dense triggers.
    fn windows_plain(text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let mut out: Vec<(usize, usize)> = Vec::new();
        // The number tokens, as the tokenizer cuts them, for the quantities that open no window.
        let mut toks = Tokens::default();
        toks.tokenize(text, 0);
        let numbers: Vec<(usize, usize)> =
            toks.toks.iter().filter(|t| t.kind == TokKind::Number).map(|t| (t.start, t.end)).collect();
        // The latent words and digits, and each latent position's reach: everything within
        // `LATENT_REACH` words of it (a word: bytes between ASCII whitespace).
        let mut latent = Vec::new();
        find_triggers(text, |s, e, kind| {
            if kind == Kind::Latent && (b[s].is_ascii_digit() || latent_phrase_at(text, s, e)) {
                latent.push(s)
            }
        });
        let words_from = |mut at: usize, left: bool| {
            for _ in 0..LATENT_REACH {
                if left {
                    while at > 0 && b[at - 1].is_ascii_whitespace() {
                        at -= 1;
                    }
                    while at > 0 && !b[at - 1].is_ascii_whitespace() {
                        at -= 1;
                    }
                } else {
                    while at < b.len() && b[at].is_ascii_whitespace() {
                        at += 1;
                    }
                    while at < b.len() && !b[at].is_ascii_whitespace() {
                        at += 1;
                    }
                }
            }
            at
        };
        let reached = |s: usize, e: usize| {
            let from = words_from(widen_left(text, s.saturating_sub(CONTEXT), 0), true);
            let to = words_from(widen_right(text, (e + CONTEXT).min(b.len())), false);
            latent.iter().any(|&p| from <= p && p < to)
        };
        // The weak words, looked for in the whole text.
        let mut all = triggers_by_scan_with_kinds(text);
        find_triggers_in(weak_triggers(), text, |s, e, kind| all.push((s, e, kind)));
        all.sort_by_key(|t| t.0);
        let counted: Vec<(usize, usize, Kind)> = all
            .into_iter()
            .filter(|&(s, e, kind)| {
                if kind == Kind::Latent {
                    return false;
                }
                let is_digit = b[s].is_ascii_digit();
                let quarter = is_digit
                    && s > 0
                    && matches!(b[s - 1], b'q' | b'Q')
                    && (s == 1 || !is_word_byte(text, s - 1, true));
                let left_ok = s == 0 || !is_word_byte(text, s, true) || quarter;
                left_ok && ends_word(text, s, e)
            })
            .collect();
        for &(s, e, kind) in &counted {
            // A quantity whose first digit is a trigger opens no window for any of its digits, nor
            // does a weak word, unless a latent word is within reach.
            let mut prunable = kind == Kind::Weak;
            if let Some(&(ns, ne)) = numbers.iter().find(|&&(ns, ne)| ns <= s && s < ne) {
                let quarter = s > 0 && matches!(b[s - 1], b'q' | b'Q');
                prunable = counted.iter().any(|t| t.0 == ns) && is_quantity(text, ns, ne) && !quarter;
            }
            if prunable && !reached(s, e) {
                continue;
            }
            let left = paragraph_start(b, s.saturating_sub(CONTEXT), s);
            let right = paragraph_end(b, e, (e + CONTEXT).min(b.len()));
            match out.last_mut() {
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

    #[test]
    fn windows_are_those_of_reading_every_context() {
        let pieces = [
            "May",
            "5",
            "day",
            "the",
            "cat",
            "sat",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            "\n \n",
            "\r\n",
            ".",
            "x",
            "Monday's",
            "1-1-1",
            "Q1",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "é",
            "$",
            "%",
            "£",
            "1,000",
            "2.5",
            "10:30",
            ",",
            "1,0002",
            "father",
            "latest",
            "weeklong",
            "FY",
            "present",
            "\t",
            "period",
            "at",
            "Q",
            "5%",
            "long",
        ];
        let mut next = xorshift(0x853c_49e6_748f_ea9b);
        for _ in 0..20_000 {
            let text: String = (0..next(60)).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(windows(&text), windows_plain(&text), "{text:?}");
        }
    }

    /// The texts of the mentions [`crate::find`] finds in `text`.
    fn mentions(text: &str) -> Vec<&str> {
        crate::find(text).iter().map(|f| &text[f.start..f.end]).collect()
    }

    #[test]
    fn words_only_inside_holidays_open_no_window_but_their_holidays_are_found() {
        let pad = "x ".repeat(40);
        for t in ["My father said so.", "Washington and Canada talked.", "All of it, long and short."] {
            assert!(windows(&format!("{pad}{t}{pad}")).is_empty(), "{t}");
        }
        assert_eq!(mentions("We met on Father's Day."), ["Father's Day"]);
        assert_eq!(mentions("We met on Mother’s Day."), ["Mother’s Day"]);
        assert_eq!(mentions("Closed for Washington's Birthday."), ["Washington's Birthday"]);
        assert_eq!(mentions("Sales before Black Friday and Cyber Monday."), ["Black Friday", "Cyber Monday"]);
        assert_eq!(mentions("Parades on the Fourth of July."), ["the Fourth of July"]);
        assert_eq!(mentions("Profits will rise in the long term."), ["the long term"]);
        assert_eq!(mentions("The vote was put off to a later date."), ["a later date"]);
        assert_eq!(mentions("Nothing changes in the foreseeable future."), ["the foreseeable future"]);
    }

    #[test]
    fn expressions_without_a_trigger_keep_the_windows_of_pruned_words_near_them() {
        // Each is found only in the window of the price, percentage or weak word before it.
        assert_eq!(mentions("Sales rose 5% in FY2023."), ["FY2023"]);
        assert_eq!(mentions("Sales rose $5 in FY 25."), ["FY 25"]);
        assert_eq!(mentions("My father led a weeklong strike."), ["weeklong"]);
        assert_eq!(mentions("Revenue rose 54% in the latest period."), ["the latest period"]);
        assert_eq!(mentions("Washington is calm at present."), ["at present"]);
        assert_eq!(mentions("Up 5% in Q 4."), ["Q 4"]);
        assert_eq!(mentions("Up 5% in Q4."), ["Q4"]);
        // Without such an expression near, the pruned words open no window.
        assert!(windows("My father rose 54% in the latest report.").is_empty());
    }

    #[test]
    fn prices_and_percentages_open_no_window_but_what_is_beside_them_is_found() {
        for t in ["It fell $2016 to $1,234.50, or 2.5%.", "A fee of £5 and a 10% cut.", "Seed #1 won."] {
            assert!(windows(t).is_empty(), "{t}");
        }
        assert_eq!(mentions("They earn $5 a day."), ["a day"]);
        assert_eq!(mentions("Sales rose 5% in 2023."), ["2023"]);
        assert_eq!(mentions("It rose $1,000 a year, 3.5% in the first 9 months."), ["a year", "the first 9 months"]);
        // Decimals and small numbers without "%" keep their windows: clock times.
        assert_eq!(mentions("We met at 10.15 a.m. and left at 2.30pm."), ["10.15 a.m.", "2.30pm"]);
        // A year or a date before "%" is no count the grammar turns away: it keeps its window.
        assert!(!windows("In 2023%").is_empty());
        assert!(!windows("By 10:30%").is_empty());
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

//! Word tables: surface forms and their normalized values, loaded once from `data/en/*.txt`
//! (embedded with `include_str!`, so the binary needs no files at run time) and validated when loaded.
//!
//! Each table file holds lines `surface form = value`; `#` starts a comment. Surface forms are
//! tokenized with the same tokenizer as the text, so "new year's day" matches `new year 's day`.
//! This module knows words, not rules: the grammar decides what a sequence of them means.

pub mod packed;

use crate::detect::tokens::Tokens;
use crate::expr::{Holiday, Mod, PartOfDay, RefKind, Season, Unit, Zone};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// A table of (possibly multi-word) phrases, looked up by their first token's key.
#[derive(Debug)]
pub struct PhraseTable<V> {
    /// The position in `lists` of each first word's phrases.
    by_first: HashMap<String, usize>,
    /// The phrases of each first word: the rest of their words and their value, longest first.
    lists: Vec<Vec<(Vec<String>, V)>>,
    /// Per list of `lists`, in its order, the [`second_word`] of each phrase (0 for a phrase of
    /// one word): what a lookup compares with the token after the first before reading a phrase
    /// (most phrases of a first word are turned away by the word after it).
    seconds: Vec<Vec<u32>>,
    /// Per list of `lists`, the set of its phrases' [`second_word`]s, a bit each ([`second_bit`]);
    /// every bit when the list holds a phrase of one word. A token after the first whose bit is
    /// clear goes on no phrase of the list, which is then not scanned ("the" starts some forty
    /// phrases of position words, and most words after it start none of their second words).
    second_bits: Vec<u64>,
    /// `by_first` for first words of up to sixteen bytes, looked up without hashing bytes.
    first: packed::ShortMap,
    /// Which keys may be a first word, without hashing them.
    filter: KeyFilter,
    /// The [`class`] bit every first word of the table has (0 for a table without one): a
    /// classified token without it starts none of the phrases.
    class: u32,
}

/// A word's length and first byte in one integer, above 0 for any word of a byte or more: equal
/// words have the same, and words of different lengths (below 2^24 bytes) or first bytes differ.
/// Only a filter: a phrase whose second word has the token's value is still compared in full.
#[inline]
fn second_word(word: &str) -> u32 {
    ((word.len() as u32) << 8) | u32::from(word.as_bytes().first().copied().unwrap_or(0))
}

/// The bit of a [`second_word`] value in a set of them held in 64 bits (the top six bits of a
/// multiplicative hash).
#[inline]
fn second_bit(second: u32) -> u64 {
    1 << (second.wrapping_mul(0x9E37_79B9) >> 26)
}

/// A cheap, exact-for-absence test of whether a key is in a set of words: one bit per (first
/// byte, second byte's low five bits, length) among the words, lengths of fifteen bytes and more
/// sharing the last bit. A clear bit proves the key absent, so most ordinary words are rejected
/// without hashing; a set bit sends the key to the hash map.
#[derive(Debug, Clone)]
pub struct KeyFilter {
    // (Sixteen bits a slot, not 32: a filter is zeroed when it is made, about 17 of them at start-up,
    // and half the bytes halve that; keys of fifteen bytes or more are rare on both sides. An array
    // of fixed size, not a `Vec`: every slot index is below its length, so a lookup reads one pointer
    // and tests no bounds.)
    lengths: Box<[u16; 256 * 32]>,
}

impl Default for KeyFilter {
    fn default() -> Self {
        // (Through a `Vec`: `Box::new` of an array may build it on the stack and copy it.)
        let lengths = vec![0; 256 * 32].into_boxed_slice().try_into().expect("256 * 32 slots");
        KeyFilter { lengths }
    }
}

impl KeyFilter {
    fn slot(key: &str) -> Option<(usize, u16)> {
        let b = key.as_bytes();
        let first = *b.first()? as usize;
        let second = b.get(1).map_or(0, |&c| (c & 31) as usize);
        Some((first * 32 + second, 1 << key.len().min(15)))
    }

    /// Records `key` as present.
    pub fn insert(&mut self, key: &str) {
        if let Some((i, bit)) = Self::slot(key) {
            self.lengths[i] |= bit;
        }
    }

    /// [`KeyFilter::may_contain`] for a key of one to eight bytes given as `word`, its bytes in
    /// order (the first lowest) and zeros past its `len`.
    #[inline(always)]
    pub fn may_contain_word(&self, word: u64, len: usize) -> bool {
        debug_assert!((1..=8).contains(&len));
        // (A key of one byte has a zero second byte here, as `slot` counts it.)
        let i = (word & 0xff) as usize * 32 + ((word >> 8) & 31) as usize;
        self.lengths[i] & (1 << len) != 0
    }

    /// False when `key` was certainly never inserted (the empty key is never rejected).
    // (Always inlined: a few instructions, asked of most keys before a lookup.)
    #[inline(always)]
    pub fn may_contain(&self, key: &str) -> bool {
        Self::slot(key).is_none_or(|(i, bit)| self.lengths[i] & bit != 0)
    }
}

impl<V> PhraseTable<V> {
    fn new() -> Self {
        PhraseTable {
            by_first: HashMap::default(),
            lists: Vec::new(),
            seconds: Vec::new(),
            second_bits: Vec::new(),
            first: packed::ShortMap::default(),
            filter: KeyFilter::default(),
            class: 0,
        }
    }

    fn insert(&mut self, words: Vec<String>, value: V) {
        let mut it = words.into_iter();
        let first = it.next().expect("phrase has a word");
        self.filter.insert(&first);
        let rest: Vec<String> = it.collect();
        let at = match self.by_first.get(&first) {
            Some(&at) => at,
            None => {
                let at = self.lists.len();
                self.lists.push(Vec::new());
                self.seconds.push(Vec::new());
                self.second_bits.push(0);
                self.first.insert(&first, at as u32);
                self.by_first.insert(first, at);
                at
            }
        };
        let list = &mut self.lists[at];
        list.push((rest, value));
        // Longest phrase first, so matching is greedy.
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        self.seconds[at] = list.iter().map(|(rest, _)| rest.first().map_or(0, |w| second_word(w))).collect();
        self.second_bits[at] =
            self.seconds[at]
                .iter()
                .fold(0, |bits, &second| if second == 0 { u64::MAX } else { bits | second_bit(second) });
    }

    /// The phrases whose first word is `key`.
    #[inline]
    fn list(&self, key: &str) -> Option<&[(Vec<String>, V)]> {
        Some(&self.lists[self.list_index(key)?])
    }

    /// The position in `lists` of the phrases whose first word is `key`.
    #[inline]
    fn list_index(&self, key: &str) -> Option<usize> {
        if key.len() <= packed::SHORT_MAP_KEY {
            self.first.get(key).map(|at| at as usize)
        } else {
            self.by_first.get(key).copied()
        }
    }

    /// The number of words of the longest phrase in the table.
    pub fn max_words(&self) -> usize {
        self.lists.iter().flatten().map(|(rest, _)| rest.len() + 1).max().unwrap_or(0)
    }

    /// The longest phrase starting at token `i`: its value and the number of tokens it spans.
    /// Phrases never match across a sentence-ending line break, but do across a single line break.
    #[inline]
    pub fn longest(&self, toks: &Tokens, i: usize) -> Option<(&V, usize)> {
        if i >= toks.len() {
            return None;
        }
        let key = toks.key(i);
        if !self.filter.may_contain(key) {
            return None;
        }
        let at = self.list_index(key)?;
        let (list, seconds) = (&self.lists[at], &self.seconds[at]);
        // The phrases of one word, and those whose second word may be the next token's key, are
        // compared in full (with no next token, `u32::MAX`, a value no short word has).
        let next = if i + 1 < toks.len() { second_word(toks.key(i + 1)) } else { u32::MAX };
        if self.second_bits[at] & second_bit(next) == 0 {
            return None;
        }
        // (A scan of the integers alone, then the phrase: a loop over both read each phrase.)
        let mut from = 0;
        'outer: while let Some(k) = seconds[from..].iter().position(|&second| second == 0 || second == next) {
            let (rest, v) = &list[from + k];
            from += k + 1;
            for (k, w) in rest.iter().enumerate() {
                let j = i + 1 + k;
                if j >= toks.len() || toks.key(j) != w {
                    continue 'outer;
                }
            }
            return Some((v, rest.len() + 1));
        }
        None
    }

    /// Whether token `i` of tokens classified by [`Tokens::classify`] may start one of the phrases:
    /// false only when it lacks the class of the table's first words, which proves it starts none,
    /// without the lookup of its key. Rules ask this before each lookup at a token.
    #[inline]
    pub fn may_start(&self, toks: &Tokens, i: usize) -> bool {
        self.class == 0 || toks.class(i) & self.class != 0
    }

    /// The value of a single-word entry.
    #[inline]
    pub fn word(&self, key: &str) -> Option<&V> {
        if !self.filter.may_contain(key) {
            return None;
        }
        self.list(key)?.iter().find(|(rest, _)| rest.is_empty()).map(|(_, v)| v)
    }

    /// True when `key` is a single-word entry.
    #[inline]
    pub fn contains_word(&self, key: &str) -> bool {
        self.word(key).is_some()
    }

    /// Every phrase, as its words in order, for the trigger prefilter.
    pub fn phrases(&self) -> impl Iterator<Item = Vec<&str>> {
        self.by_first.iter().flat_map(|(first, &at)| {
            self.lists[at]
                .iter()
                .map(move |(rest, _)| std::iter::once(first.as_str()).chain(rest.iter().map(String::as_str)).collect())
        })
    }

    /// Every word of every phrase, for the trigger prefilter.
    pub fn all_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.iter().flat_map(|(first, &at)| {
            std::iter::once(first.as_str()).chain(self.lists[at].iter().flat_map(|(r, _)| r.iter().map(String::as_str)))
        })
    }

    /// Every first word, for the trigger prefilter.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }
}

/// Word classes: what a token may begin. The grammar tries a rule at a token only when the token's
/// classes meet the rule's first-token classes, so most words cost one table lookup.
pub mod class {
    /// A number token: one of the five number shapes below. A rule whose first number must have a
    /// shape names only that shape in its `first`, and is not tried at the other numbers.
    pub const NUM: u32 = NUM_SHORT | NUM_YEAR | NUM_LONG | NUM_SEP | NUM_CODE;
    /// A number of digits only, of any length: what [`crate::grammar::Cursor::int`] reads.
    pub const INT: u32 = NUM_SHORT | NUM_YEAR | NUM_LONG;
    /// A number of one or two digits ("6", "12"): a day, an hour, a month.
    pub const NUM_SHORT: u32 = 1;
    /// A number of four digits ("2024", "0930"): a year, a 24-hour clock.
    pub const NUM_YEAR: u32 = 1 << 17;
    /// A number of digits only, of three or more than four ("250", "10000").
    pub const NUM_LONG: u32 = 1 << 18;
    /// A number with a separator between digits that is a quantity ("2.5", "2,000", "1/2"): none
    /// of [`NUM_CODE`]'s.
    pub const NUM_SEP: u32 = 1 << 19;
    /// A number with a colon or two dots or slashes ("9:30", "1/6/2021", "12.03.2023"): a clock
    /// time or a date. A class of its own, not [`NUM_SEP`]: the rules of clock times and numeric
    /// dates are tried only there, not at every decimal of news text ("2.5%", "$1.2 billion").
    pub const NUM_CODE: u32 = 1 << 30;
    /// A month name.
    pub const MONTH: u32 = 1 << 1;
    /// A weekday name (singular or plural).
    pub const WEEKDAY: u32 = 1 << 2;
    /// A unit word: one of the two below.
    pub const UNIT: u32 = UNIT_ONE | UNIT_PLURAL;
    /// A unit word in the singular ("year", "weekend", "hr").
    pub const UNIT_ONE: u32 = 1 << 3;
    /// A unit word in the plural ([`crate::lexicon::unit_is_plural`]: "years", "weekends"): the
    /// rules that read a bare unit with no amount ("for years", "years ago", "on weekends") read
    /// only these, and are not tried at "year", "week" or "quarter".
    pub const UNIT_PLURAL: u32 = 1 << 29;
    /// A number word, or a word that starts an amount ("a", "several", "half").
    pub const AMOUNT: u32 = 1 << 4;
    /// An ordinal word.
    pub const ORDINAL: u32 = 1 << 5;
    /// A season.
    pub const SEASON: u32 = 1 << 6;
    /// A part of the day.
    pub const PART: u32 = 1 << 7;
    /// The first word of a holiday name.
    pub const HOLIDAY: u32 = 1 << 8;
    /// The first word of a vague reference.
    pub const VAGUE: u32 = 1 << 9;
    /// The first word of an amount modifier ("more than").
    pub const MODIFIER: u32 = 1 << 10;
    /// The first word of a position modifier ("early", "the end of").
    pub const POSITION: u32 = 1 << 11;
    /// "the".
    pub const THE: u32 = 1 << 12;
    /// A determiner that shifts or anchors a date: "this", "last", "next", "past", "same", ... (and
    /// "that", which has [`THAT`] instead).
    pub const SHIFT: u32 = 1 << 13;
    /// A word some rule reads literally as its first word: one of the classes below, each of
    /// the words of a few rules, so that a rule is not tried at the literal words of the others
    /// ("year" was tried by the twelve rules of literal words, for the two that read it).
    pub const LITERAL: u32 = DAY_WORD | FISCAL | SET_WORD | LONG | YEAR_WORD | EARLY;
    /// A word that names a day or an hour by itself: "today", "yesterday", "tonight",
    /// "overnight", "noon", "midnight" (`relative.day_word`, `time.clock`).
    pub const DAY_WORD: u32 = 1 << 14;
    /// The first word of a fiscal year or a quarter code: "fiscal", "FY", "Q", "H"
    /// (`date.fiscal_year`, `date.quarter`), and an era before its year: "AD 79" (`date.era_year`).
    pub const FISCAL: u32 = 1 << 24;
    /// The first word of a recurrence: "every", "each", "per", "once", "twice" and the adverbs
    /// of frequency ("weekly", "daily") (the `set.` rules).
    pub const SET_WORD: u32 = 1 << 25;
    /// An adjective of length in one word: "weeklong", "monthslong" (`duration.long`).
    pub const LONG: u32 = 1 << 26;
    /// The first word of "year-end", "year-ago", "comparable year-earlier", "midweek", "midyear" and
    /// "mid-decade" (`relative.year_end`, `relative.year_earlier`).
    pub const YEAR_WORD: u32 = 1 << 27;
    /// "early" and "late" before a weekday ("early Monday", `date.weekday`).
    pub const EARLY: u32 = 1 << 28;
    /// A decade word ("nineties").
    pub const DECADE: u32 = 1 << 15;
    /// A word a rule reads right after "the" that may have no other class ("the most recent
    /// quarter", "the remaining two years", "the couple of weeks", "the full year", the second word
    /// of a vague phrase: "the near future"). No rule starts at it: it only lets a rule's
    /// `after_the` name it.
    pub const FOLLOWS_THE: u32 = 1 << 16;
    /// An apostrophe, which only `date.decade` reads as its first word ("'90s"). A class of its own,
    /// not [`LITERAL`]: the quotation marks of news text (``...'') are frequent, and as a literal
    /// word each was tried by every rule of literal first words.
    pub const APOSTROPHE: u32 = 1 << 20;
    /// "that", a determiner pointing back at a time already named ("that day"), which only
    /// `relative.anaphoric` reads as its first word. A class of its own, not [`SHIFT`]: as a
    /// conjunction and pronoun it is among the commonest words, and as a shift word each was tried
    /// by every rule of shift words. Wherever a test asks for any shift word, it is `SHIFT | THAT`.
    pub const THAT: u32 = 1 << 21;
    /// "a" and "an": with [`THE`], the words after which rules need a word of some class next
    /// ("a week", "a few days", "a while"), so that after "a company" none is tried.
    pub const ARTICLE: u32 = 1 << 22;
    /// A word a rule reads right after "a" or "an" that may have no other class ("a little
    /// while", "an additional year", "a couple of days", "twice a week"), and the second word of a
    /// vague phrase that starts with one ("a later date"). No rule starts at it: it only lets a
    /// rule's `after_article` name it.
    pub const FOLLOWS_ARTICLE: u32 = 1 << 23;
    /// A word a rule that starts at a number reads right after its digits, by key ("21st", "3Q24",
    /// "two to three years", "10-15 minutes", "three times a week"): with the units and numbers, what
    /// lets a rule's `after_number` name it. No rule starts at it.
    pub const FOLLOWS_NUMBER: u32 = 1 << 31;

    /// The class of a number token with key `key` (see `detect::TokKind::Number`): its shape.
    pub fn number(key: &str) -> u32 {
        if !key.bytes().all(|b| b.is_ascii_digit()) {
            let marks = key.bytes().filter(|&b| b == b'/' || b == b'.').count();
            if marks >= 2 || key.contains(':') {
                NUM_CODE
            } else {
                NUM_SEP
            }
        } else {
            match key.len() {
                1 | 2 => NUM_SHORT,
                4 => NUM_YEAR,
                _ => NUM_LONG,
            }
        }
    }
}

/// Adjectives of length in one word (`duration.long`, [`class::LONG`]). They hold no other trigger,
/// so detection makes each one a trigger.
pub const LENGTH_WORDS: &[&str] =
    &["weeklong", "yearlong", "monthlong", "daylong", "monthslong", "yearslong", "weekslong", "dayslong"];

/// Words rules read literally as their first word, besides the tables' words, by class (see
/// [`class::LITERAL`]).
const LITERAL_FIRST_WORDS: &[(u32, &[&str])] = &[
    (class::DAY_WORD, &["today", "yesterday", "tomorrow", "tonight", "overnight", "noon", "midday", "midnight"]),
    (class::FISCAL, &["fiscal", "fy", "q", "h", "ad", "a.d."]),
    (class::SET_WORD, &["every", "each", "per", "once", "twice", "thrice"]),
    (class::LONG, LENGTH_WORDS),
    (class::YEAR_WORD, &["year", "midweek", "midyear", "midcentury", "mid", "comparable", "corresponding"]),
    (class::EARLY, &["early", "late"]),
];

/// Determiners that shift or anchor a date.
const SHIFT_WORDS: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "previous",
    "preceding",
    "prior",
    "coming",
    "following",
    "same",
    "current",
    "latest",
    "present",
    "upcoming",
    "recent",
];

/// Words of no other class that rules read right after "the" (see [`class::FOLLOWS_THE`]).
const FOLLOWS_THE_WORDS: &[&str] = &["most", "remaining", "couple", "full", "latter", "back"];

/// Whether the unit word `key` is a plural ("years", "centuries"; "hrs" is read as a singular):
/// as the grammar reads it and as the words are classed.
pub fn unit_is_plural(key: &str) -> bool {
    key.ends_with('s') && key != "hrs" || key == "centuries"
}

/// Words between an amount and its unit that keep it a duration ("two more weeks", "eight trading
/// days", "three consecutive years").
pub const DURATION_ADJECTIVES: &[&str] = &[
    "more",
    "additional",
    "extra",
    "trading",
    "business",
    "working",
    "calendar",
    "school",
    "consecutive",
    "straight",
    "full",
    "long",
    "whole",
    "further",
];

/// Words read right after "a" or "an" (see [`class::FOLLOWS_ARTICLE`]), besides the
/// [`DURATION_ADJECTIVES`] between an amount and its unit: the words of `duration.a_while`, the words
/// that go on with an amount ("a couple of", "a few", "a hundred"), "times" and the dashes ("a-year").
const FOLLOWS_ARTICLE_WORDS: &[&str] = &[
    "little", "short", "good", "while", "couple", "few", "half", "hundred", "thousand", "million", "times", "-", "–",
    "—",
];

/// Words that rules starting at a number read right after its digits by key: ordinal suffixes
/// (`date.century`, `date.quarter`), the quarter code's "q" (`date.quarter`), a second amount's
/// "to" or "or" and dashes (`duration.amount_unit`), "times" (`set.times_per`) and the eras after a
/// year ("44 B.C.", `date.era_year`).
const FOLLOWS_NUMBER_WORDS: &[&str] = &[
    "st", "nd", "rd", "th", "q", "to", "or", "-", "–", "—", "times", "bc", "b.c.", "bce", "b.c.e.", "ad", "a.d.", "ce",
    "c.e.",
];

/// Words that start an amount besides number words.
const AMOUNT_WORDS: &[&str] = &[
    "a",
    "an",
    "another",
    "several",
    "many",
    "few",
    "numerous",
    "countless",
    "half",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
];

/// A verb tense, as a cue word signals it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// "was", "had", "ago".
    Past,
    /// A lexical verb in the past: "said", "fell", "-ed" (outranked by auxiliaries).
    PastVerb,
    /// "is", "has".
    Present,
    /// "will", "upcoming", "if".
    Future,
    /// The start of a span that reaches the present ("since November"): on or before the reference,
    /// with none of the slack a past clause allows for reported plans. Set by the clause reader.
    Since,
    /// The end of a span that may reach past the reference either way ("until 9 a.m. Tuesday",
    /// "loans through January"): the nearest occurrence. Set by the clause reader, not by a word.
    Open,
}

/// Every word table of the language.
#[derive(Debug)]
pub struct Lexicon {
    /// Month names -> 1..=12.
    pub months: PhraseTable<u32>,
    /// Weekday names -> ISO 1..=7.
    pub weekdays: PhraseTable<u32>,
    /// Number words -> value.
    pub numerals: PhraseTable<f64>,
    /// Adverbs of frequency -> their SET value ("quarterly" -> P3M).
    pub set_words: PhraseTable<String>,
    /// Decade words -> decade value ("nineties" -> 199).
    pub decades: PhraseTable<i32>,
    /// Ordinal words -> value (-1 for "last").
    pub ordinals: PhraseTable<i32>,
    /// Unit words -> unit, and whether the form counts two (fortnight).
    pub units: PhraseTable<(Unit, u32)>,
    /// Seasons.
    pub seasons: PhraseTable<Season>,
    /// Parts of day.
    pub parts_of_day: PhraseTable<PartOfDay>,
    /// Vague references.
    pub vague: PhraseTable<RefKind>,
    /// Amount modifiers ("more than").
    pub modifiers: PhraseTable<Mod>,
    /// Position modifiers ("early", "mid").
    pub position_mods: PhraseTable<Mod>,
    /// Holidays.
    pub holidays: PhraseTable<Holiday>,
    /// Time zones.
    pub zones: PhraseTable<Zone>,
    /// Tense cue words.
    pub tense: HashMap<String, Tense>,
    /// Past participles that are not also simple past forms ("been", "taken", "risen"): with "has" or
    /// "have" before them they make the present perfect, which tells of the past.
    pub participles: HashSet<String>,
    /// Nouns that, after a bare number, show it is a count, not a year.
    pub count_nouns: HashSet<String>,
    /// Words that, before a bare number, show it is a code or price, not a year.
    pub code_words: HashSet<String>,
    /// Abbreviations that end in a dot without ending a sentence.
    pub abbreviations: HashSet<String>,
    /// Words the grammar uses literally ("today", "ago", "weekly").
    pub triggers: HashSet<String>,
    /// The [`class`] bits of each word that has any.
    pub classes: HashMap<String, u32>,
    /// The keys of [`Lexicon::classes`], for rejecting ordinary words without hashing them.
    class_filter: KeyFilter,
    /// [`Lexicon::classes`] for keys of up to sixteen bytes, looked up without hashing bytes.
    class_map: packed::ShortMap,
}

macro_rules! table {
    ($file:literal) => {
        ($file, include_str!(concat!("../../data/en/", $file)))
    };
}

/// The lexicon, loaded and validated on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::load().unwrap_or_else(|e| panic!("embedded word table is invalid: {e}")))
}

/// Calls `entry(words, value)` for each line of a table file: `words` the line's surface form
/// tokenized (its keys are the surface tokens), `value` the text after its last ` = `, trimmed.
/// One token buffer serves every line, and nothing is allocated per line: each table keeps what
/// it needs of an entry in its own form.
fn for_each_entry(
    file: &str,
    src: &str,
    mut entry: impl FnMut(&Tokens, &str) -> Result<(), String>,
) -> Result<(), String> {
    let mut toks = Tokens::default();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (surface, value) =
            split_at_last_equals(line).ok_or_else(|| format!("{file}:{}: expected `surface = value`", n + 1))?;
        toks.tokenize(surface.trim(), 0);
        if toks.is_empty() {
            return Err(format!("{file}:{}: empty surface form", n + 1));
        }
        entry(&toks, value.trim())?;
    }
    Ok(())
}

/// The keys of `toks`, joined by `sep`.
fn joined(toks: &Tokens, sep: &str) -> String {
    let mut out = String::new();
    for i in 0..toks.len() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(toks.key(i));
    }
    out
}

/// `line.rsplit_once(" = ")`, without setting up a substring search for every line.
fn split_at_last_equals(line: &str) -> Option<(&str, &str)> {
    let at = line.as_bytes().windows(3).rposition(|w| w == b" = ")?;
    Some((&line[..at], &line[at + 3..]))
}

fn build<V>((file, src): (&str, &str), parse: impl Fn(&str) -> Option<V>) -> Result<PhraseTable<V>, String> {
    let mut t = PhraseTable::new();
    for_each_entry(file, src, |toks, value| {
        let v = parse(value).ok_or_else(|| format!("{file}: bad value `{value}` for `{}`", joined(toks, " ")))?;
        t.insert((0..toks.len()).map(|i| toks.key(i).to_string()).collect(), v);
        Ok(())
    })?;
    Ok(t)
}

fn parse_holiday(v: &str) -> Option<Holiday> {
    if v == "election" {
        return Some(Holiday::Election);
    }
    if let Some(off) = v.strip_prefix("easter") {
        return off.parse().ok().map(Holiday::Easter);
    }
    if let Some(off) = v.strip_prefix("thanksgiving") {
        return off.parse().ok().map(Holiday::Thanksgiving);
    }
    if let Some(rest) = v.strip_prefix("nth:") {
        let p: Vec<i32> = rest.split(':').filter_map(|x| x.parse().ok()).collect();
        return match p[..] {
            [m, wd, n] if (1..=12).contains(&m) && (1..=7).contains(&wd) && n != 0 => {
                Some(Holiday::NthWeekday { month: m as u32, weekday: wd as u32, n })
            }
            _ => None,
        };
    }
    let (m, d) = v.split_once('-')?;
    let (month, day): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(Holiday::Fixed { month, day })
}

fn parse_zone(v: &str) -> Option<Zone> {
    match v.strip_prefix("us:") {
        Some(m) => m.parse().ok().map(Zone::UsDaylight),
        None => v.parse().ok().map(Zone::Fixed),
    }
}

/// The surface forms of a table, each as its keys joined by spaces (the values are not read).
fn word_set((file, src): (&str, &str)) -> Result<HashSet<String>, String> {
    let mut set = HashSet::default();
    for_each_entry(file, src, |toks, _| {
        set.insert(joined(toks, " "));
        Ok(())
    })?;
    Ok(set)
}

/// The values of a table whose surface forms are tags (not_dates.txt: `after = kilometers`, the
/// tag on the left), lower-cased and without a final dot: for each of `tags`, the values of its
/// lines. One pass over the file for all of them.
fn tagged_sets<const N: usize>((file, src): (&str, &str), tags: [&str; N]) -> Result<[HashSet<String>; N], String> {
    let mut sets: [HashSet<String>; N] = std::array::from_fn(|_| HashSet::default());
    for_each_entry(file, src, |toks, value| {
        let tag = (toks.len() == 1).then(|| tags.iter().position(|&t| t == toks.key(0))).flatten();
        if let Some(k) = tag {
            sets[k].insert(value.to_lowercase().trim_end_matches('.').to_string());
        }
        Ok(())
    })?;
    Ok(sets)
}

impl Lexicon {
    /// Whether `key` (lower case) is a month's abbreviation, which a dot may follow without ending
    /// a sentence ("Feb.", "Sept."): a month of at most four letters but the whole names "may",
    /// "june" and "july".
    pub fn is_month_abbreviation(&self, key: &str) -> bool {
        key.len() <= 4 && !matches!(key, "may" | "june" | "july") && self.months.contains_word(key)
    }

    fn load() -> Result<Lexicon, String> {
        let in_range = |lo: i64, hi: i64| move |v: &str| v.parse::<i64>().ok().filter(|n| (lo..=hi).contains(n));
        let mut tense = HashMap::default();
        let mut participles = HashSet::default();
        for_each_entry("tense.txt", include_str!("../../data/en/tense.txt"), |w, v| {
            let t = match v {
                "past" => Tense::Past,
                "past-verb" => Tense::PastVerb,
                "present" => Tense::Present,
                "future" => Tense::Future,
                "participle" => {
                    participles.insert(joined(w, ""));
                    return Ok(());
                }
                _ => return Err(format!("tense.txt: bad tense `{v}`")),
            };
            tense.insert(joined(w, ""), t);
            Ok(())
        })?;
        let [count_nouns, code_words] = tagged_sets(table!("not_dates.txt"), ["after", "before"])?;
        Ok(Lexicon {
            months: build(table!("months.txt"), |v| in_range(1, 12)(v).map(|n| n as u32))?,
            weekdays: build(table!("weekdays.txt"), |v| in_range(1, 7)(v).map(|n| n as u32))?,
            numerals: build(table!("numerals.txt"), |v| v.parse().ok())?,
            decades: build(table!("decades.txt"), |v| v.parse().ok())?,
            set_words: build(table!("set_words.txt"), |v| {
                (v.starts_with('P') || v.starts_with("XXXX-XX-XXT")).then(|| v.to_string())
            })?,
            ordinals: build(table!("ordinals.txt"), |v| in_range(-1, 31)(v).map(|n| n as i32))?,
            units: build(table!("units.txt"), |v| Unit::from_code(v).map(|u| (u, if v == "2W" { 2 } else { 1 })))?,
            seasons: build(table!("seasons.txt"), Season::from_code)?,
            parts_of_day: build(table!("parts_of_day.txt"), PartOfDay::from_code)?,
            vague: build(table!("vague.txt"), RefKind::from_value)?,
            modifiers: build(table!("modifiers.txt"), Mod::from_name)?,
            position_mods: build(table!("position_mods.txt"), Mod::from_name)?,
            holidays: build(table!("holidays.txt"), parse_holiday)?,
            zones: build(table!("zones.txt"), parse_zone)?,
            tense,
            participles,
            count_nouns,
            code_words,
            abbreviations: word_set(table!("abbreviations.txt"))?,
            triggers: word_set(table!("triggers.txt"))?,
            classes: HashMap::default(),
            class_filter: KeyFilter::default(),
            class_map: packed::ShortMap::default(),
        }
        .with_classes())
    }

    fn with_classes(mut self) -> Lexicon {
        let mut classes: HashMap<String, u32> = HashMap::default();
        let mut add = |w: &str, c: u32| *classes.entry(w.to_string()).or_default() |= c;
        // A table's first words get its class, and the table knows it, so that the grammar skips
        // lookups at tokens without it (`PhraseTable::may_start`).
        fn classed<V>(table: &mut PhraseTable<V>, c: u32, add: &mut impl FnMut(&str, u32)) {
            table.class = c;
            table.first_words().for_each(|w| add(w, c));
        }
        classed(&mut self.months, class::MONTH, &mut add);
        classed(&mut self.weekdays, class::WEEKDAY, &mut add);
        for w in self.weekdays.first_words() {
            add(&format!("{w}s"), class::WEEKDAY);
        }
        // Units by number: the table knows them all as units.
        self.units.class = class::UNIT;
        for w in self.units.first_words() {
            add(w, if unit_is_plural(w) { class::UNIT_PLURAL } else { class::UNIT_ONE });
        }
        classed(&mut self.numerals, class::AMOUNT, &mut add);
        classed(&mut self.ordinals, class::ORDINAL, &mut add);
        classed(&mut self.seasons, class::SEASON, &mut add);
        classed(&mut self.parts_of_day, class::PART, &mut add);
        classed(&mut self.holidays, class::HOLIDAY, &mut add);
        classed(&mut self.vague, class::VAGUE, &mut add);
        classed(&mut self.modifiers, class::MODIFIER, &mut add);
        classed(&mut self.position_mods, class::POSITION, &mut add);
        classed(&mut self.decades, class::DECADE, &mut add);
        classed(&mut self.set_words, class::SET_WORD, &mut add);
        for (c, words) in LITERAL_FIRST_WORDS {
            words.iter().for_each(|w| add(w, *c));
        }
        for (words, c) in [
            (SHIFT_WORDS, class::SHIFT),
            (&["that"], class::THAT),
            (&["'"], class::APOSTROPHE),
            (AMOUNT_WORDS, class::AMOUNT),
            (&["the"], class::THE),
            (FOLLOWS_THE_WORDS, class::FOLLOWS_THE),
            (&["a", "an"], class::ARTICLE),
            (FOLLOWS_ARTICLE_WORDS, class::FOLLOWS_ARTICLE),
            (DURATION_ADJECTIVES, class::FOLLOWS_ARTICLE),
            (FOLLOWS_NUMBER_WORDS, class::FOLLOWS_NUMBER),
        ] {
            for w in words {
                add(w, c);
            }
        }
        // The second words of the vague phrases that start with "the" ("the near future").
        let vague_after_the: Vec<String> =
            self.vague.list("the").into_iter().flatten().filter_map(|(rest, _)| rest.first().cloned()).collect();
        for w in &vague_after_the {
            add(w, class::FOLLOWS_THE);
        }
        // And those of the vague phrases that start with "a" or "an" ("a later date").
        let vague_after_article: Vec<String> = ["a", "an"]
            .into_iter()
            .flat_map(|a| self.vague.list(a).into_iter().flatten())
            .filter_map(|(rest, _)| rest.first().cloned())
            .collect();
        for w in &vague_after_article {
            add(w, class::FOLLOWS_ARTICLE);
        }
        let mut filter = KeyFilter::default();
        for w in classes.keys() {
            filter.insert(w);
        }
        self.class_map = packed::ShortMap::new(classes.iter().map(|(w, &c)| (w.as_str(), c)));
        self.classes = classes;
        self.class_filter = filter;
        self
    }

    /// The [`class`] bits of a token key (0 for ordinary words).
    // (Always inlined: the tokenizer of windows asks it of every token it pushes, and most keys
    // are turned away by the filter's few instructions.)
    #[inline(always)]
    pub fn class_of(&self, key: &str) -> u32 {
        if !self.class_filter.may_contain(key) {
            return 0;
        }
        if key.len() <= packed::SHORT_MAP_KEY {
            return self.class_map.get(key).unwrap_or(0);
        }
        self.classes.get(key).copied().unwrap_or(0)
    }

    /// [`Lexicon::class_of`] for a key of one to eight bytes given as `word`, its bytes in order
    /// (the first lowest) and zeros past its `len` (the tokenizer reads its keys so: one load).
    #[inline(always)]
    pub fn class_of_word(&self, word: u64, len: usize) -> u32 {
        if !self.class_filter.may_contain_word(word, len) {
            return 0;
        }
        self.class_map.get_word(word, len).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_read_in_one_pass_keep_each_entry_as_written() {
        let src =
            "# a comment\nafter = Kilometers.\nbefore = US$\n\nafter after = x\nafter = miles\nNew Year’s Day = 1";
        let [after, before] = tagged_sets(("t.txt", src), ["after", "before"]).unwrap();
        let set = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<HashSet<String>>();
        // Lower-cased, without a final dot; a line with more than the tag is no tagged line.
        assert_eq!(after, set(&["kilometers", "miles"]));
        assert_eq!(before, set(&["us$"]));
        let words = word_set(("t.txt", src)).unwrap();
        assert_eq!(words, set(&["after", "before", "after after", "new year 's day"]));
        let mut concat = Vec::new();
        for_each_entry("t.txt", src, |toks, value| {
            concat.push((joined(toks, ""), value.to_string()));
            Ok(())
        })
        .unwrap();
        assert_eq!(concat.last(), Some(&("newyear'sday".to_string(), "1".to_string())));
        assert!(for_each_entry("t.txt", "no equals sign", |_, _| Ok(())).is_err());
    }

    #[test]
    fn a_line_splits_at_its_last_equals_sign_as_rsplit_once_splits_it() {
        for line in ["a = 1", "a b = c = d", " = = ", "=", " = ", "x =y", "é = ’", "", "a  =  b", "a = = b"] {
            assert_eq!(split_at_last_equals(line), line.rsplit_once(" = "), "{line:?}");
        }
    }

    #[test]
    fn every_embedded_table_loads() {
        let lex = lexicon();
        assert_eq!(lex.months.word("sept"), Some(&9));
        assert_eq!(lex.weekdays.word("thurs"), Some(&4));
        assert!(lex.count_nouns.contains("kilometers"));
        assert!(lex.code_words.contains("$"));
        assert_eq!(lex.tense.get("said"), Some(&Tense::PastVerb));
    }

    /// Every first word of a table, as a token, has the table's class: `PhraseTable::may_start`
    /// never turns a phrase away.
    #[test]
    fn first_words_have_their_tables_class() {
        let lex = lexicon();
        let mut t = Tokens::default();
        let mut check = |name: &str, class: u32, words: Vec<&str>| {
            for w in words {
                t.tokenize(w, 0);
                t.classify();
                assert_eq!(t.len(), 1, "{name}: {w:?} is one token");
                assert!(class != 0, "{name} has a class");
                assert!(t.class(0) & class != 0, "{name}: {w:?} lacks the class");
            }
        };
        check("months", lex.months.class, lex.months.first_words().collect());
        check("weekdays", lex.weekdays.class, lex.weekdays.first_words().collect());
        check("units", lex.units.class, lex.units.first_words().collect());
        check("numerals", lex.numerals.class, lex.numerals.first_words().collect());
        check("ordinals", lex.ordinals.class, lex.ordinals.first_words().collect());
        check("seasons", lex.seasons.class, lex.seasons.first_words().collect());
        check("parts_of_day", lex.parts_of_day.class, lex.parts_of_day.first_words().collect());
        check("holidays", lex.holidays.class, lex.holidays.first_words().collect());
        check("vague", lex.vague.class, lex.vague.first_words().collect());
        check("modifiers", lex.modifiers.class, lex.modifiers.first_words().collect());
        check("position_mods", lex.position_mods.class, lex.position_mods.first_words().collect());
        check("decades", lex.decades.class, lex.decades.first_words().collect());
        check("set_words", lex.set_words.class, lex.set_words.first_words().collect());
        assert_eq!(lex.zones.class, 0, "zones have no class: every token may start one");
    }

    #[test]
    fn a_number_has_one_shape_and_no_word_class() {
        use class::*;
        for (key, shape) in [
            ("6", NUM_SHORT),
            ("12", NUM_SHORT),
            ("250", NUM_LONG),
            ("2024", NUM_YEAR),
            ("0930", NUM_YEAR),
            ("10000", NUM_LONG),
            ("2.5", NUM_SEP),
            ("2,000", NUM_SEP),
            ("1/2", NUM_SEP),
            ("9:30", NUM_CODE),
            ("23:59:59", NUM_CODE),
            ("1/6/2021", NUM_CODE),
            ("12.03.2023", NUM_CODE),
            ("1.2.10", NUM_CODE),
        ] {
            assert_eq!(number(key), shape, "{key}");
        }
        let shapes = [NUM_SHORT, NUM_YEAR, NUM_LONG, NUM_SEP, NUM_CODE];
        assert_eq!(shapes.iter().map(|s| s.count_ones()).sum::<u32>(), NUM.count_ones());
        assert_eq!(INT, NUM & !(NUM_SEP | NUM_CODE));
        let words = MONTH | WEEKDAY | UNIT | AMOUNT | ORDINAL | SEASON | PART | HOLIDAY | VAGUE | MODIFIER;
        let other = POSITION | THE | SHIFT | THAT | LITERAL | APOSTROPHE | DECADE | FOLLOWS_THE | ARTICLE;
        assert_eq!(NUM & (words | other | FOLLOWS_ARTICLE), 0);
    }

    /// The parts of the split classes are distinct bits, and each unit word has the part of its
    /// number, as `Cursor::unit` reads it.
    #[test]
    fn split_classes_have_distinct_parts_and_units_their_number() {
        use class::*;
        let parts = [DAY_WORD, FISCAL, SET_WORD, LONG, YEAR_WORD, EARLY, UNIT_ONE, UNIT_PLURAL];
        assert_eq!(parts.iter().fold(0, |all, p| all | p).count_ones(), parts.len() as u32);
        assert_eq!(parts.iter().map(|p| p.count_ones()).sum::<u32>(), (LITERAL | UNIT).count_ones());
        let lex = lexicon();
        for w in lex.units.first_words() {
            let want = if unit_is_plural(w) { UNIT_PLURAL } else { UNIT_ONE };
            assert_eq!(lex.class_of(w) & UNIT, want, "{w:?}");
        }
        assert_eq!(lex.class_of("year"), UNIT_ONE | YEAR_WORD);
        assert_eq!(lex.class_of("weekends") & UNIT, UNIT_PLURAL);
        assert_eq!(lex.class_of("hrs") & UNIT, UNIT_ONE);
    }

    #[test]
    fn multi_word_phrases_match_longest_first() {
        let lex = lexicon();
        let mut t = Tokens::default();
        t.tokenize("New Year's Day was quiet", 0);
        let (h, n) = lex.holidays.longest(&t, 0).unwrap();
        assert_eq!(n, 4);
        assert_eq!(*h, Holiday::Fixed { month: 1, day: 1 });
    }

    /// The longest phrase as read by trying every phrase of the first word's list in order, the
    /// lookup before the second words were compared first.
    fn longest_by_trying_each<'a, V>(table: &'a PhraseTable<V>, toks: &Tokens, i: usize) -> Option<(&'a V, usize)> {
        let list = table.list(toks.key(i))?;
        let fits =
            |rest: &[String]| rest.iter().enumerate().all(|(k, w)| i + 1 + k < toks.len() && toks.key(i + 1 + k) == w);
        list.iter().find(|(rest, _)| fits(rest)).map(|(rest, v)| (v, rest.len() + 1))
    }

    /// Every phrase, its prefixes and what follows it in text made of the table's own words find
    /// the phrase that trying each phrase of the first word's list finds (the lookup compares the
    /// word after the first with each phrase's second word before reading the phrase).
    fn same_longest_as_trying_each<V>(table: &PhraseTable<V>) {
        let phrases: Vec<Vec<&str>> = table.phrases().collect();
        let mut t = Tokens::default();
        for (n, phrase) in phrases.iter().enumerate() {
            let other = &phrases[(n * 7 + 3) % phrases.len()];
            for cut in 1..=phrase.len() {
                let text = [&phrase[..cut], other.as_slice(), &phrase[..cut]].concat().join(" ");
                t.tokenize(&text, 0);
                for i in 0..t.len() {
                    let (got, want) = (table.longest(&t, i), longest_by_trying_each(table, &t, i));
                    assert_eq!(
                        got.map(|(v, n)| (v as *const V, n)),
                        want.map(|(v, n)| (v as *const V, n)),
                        "{text:?} at {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_second_word_test_finds_the_phrase_trying_each_phrase_finds() {
        let lex = lexicon();
        same_longest_as_trying_each(&lex.modifiers);
        same_longest_as_trying_each(&lex.position_mods);
        same_longest_as_trying_each(&lex.vague);
        same_longest_as_trying_each(&lex.holidays);
        same_longest_as_trying_each(&lex.set_words);
        same_longest_as_trying_each(&lex.numerals);
        same_longest_as_trying_each(&lex.ordinals);
        same_longest_as_trying_each(&lex.decades);
        same_longest_as_trying_each(&lex.zones);
    }

    /// `Cursor::amount` looks number words up one word at a time ("twenty-four" is "twenty", a
    /// dash and "four"): the table holds no phrase.
    #[test]
    fn number_words_are_single_words() {
        assert_eq!(lexicon().numerals.max_words(), 1);
    }
}

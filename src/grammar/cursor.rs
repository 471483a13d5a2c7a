//! The cursor rules read tokens with: typed matchers for months, days, years, amounts and units, each
//! consuming tokens only on success. Word-boundary and "glued" checks live here, once.

use crate::detect::{TokKind, Tokens};
use crate::expr::{Amount, PartOfDay, Season, TimeOfDay, Unit, Zone};
use crate::lexicon::{class, lexicon, Lexicon, PhraseTable};
use std::cell::Cell;

/// A position in a window's tokens, classified by [`Tokens::classify`] (table lookups are skipped at
/// tokens without the table's class).
pub struct Cursor<'a> {
    /// The document text (token spans index into it).
    pub text: &'a str,
    /// The window's tokens.
    pub toks: &'a Tokens,
    /// Current token index.
    pub pos: usize,
    /// The word tables.
    pub lex: &'static Lexicon,
    /// The latest numbers read in this window, shared by the cursors of the rules tried there (see
    /// [`Memo`]); `None` for a cursor on its own.
    pub memo: Option<&'a Memo>,
}

/// The latest [`Cursor::amount`], [`Cursor::int`], [`Cursor::unit`], [`Cursor::shift`],
/// [`Cursor::month`], [`Cursor::weekday`] and [`Cursor::ordinal`] read in a window: where each
/// started, and what was read and where it ended. The rules tried at a number ("40 minutes", "40
/// minutes ago", "40 minutes later", "40 times a year"; "1998", "the 1990s", "Q1 1998") each begin
/// by reading the same amount or integer, then the same unit; those tried at "last" or "the next"
/// the same shift ("last Monday", "last March", "last year"), those at a month or weekday the same
/// name, those at "the" the same ordinal ("the third quarter", "the 19th century", "the second
/// week of May"); each is read once. All depend only on the window's tokens and their start, so a
/// memo serves one window.
#[derive(Debug, Default)]
pub struct Memo {
    amount: Read<Amount>,
    int: Read<Int>,
    unit: Read<(Unit, u32, bool)>,
    shift: Read<crate::expr::Shift>,
    month: Read<u32>,
    weekday: Read<u32>,
    ordinal: Read<i32>,
}

/// What one reader of [`Memo`] read last: where it started, what it read, where it ended.
type Read<T> = Cell<Option<(usize, Option<T>, usize)>>;

/// `a == b` for the short keys rules compare: length and first byte first (most words differ
/// there), then the bytes in a loop the compiler keeps inline, without a call to `memcmp`.
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// A plain integer token ("2021", "06"), with its digit count.
#[derive(Debug, Clone, Copy)]
pub struct Int {
    /// Its value.
    pub value: u32,
    /// How many digits were written ("06" has 2).
    pub digits: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at token `pos`.
    pub fn new(text: &'a str, toks: &'a Tokens, pos: usize) -> Cursor<'a> {
        Cursor { text, toks, pos, lex: lexicon(), memo: None }
    }

    /// Runs `f`; on `None`, puts the cursor back where it was.
    #[inline]
    pub fn attempt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let save = self.pos;
        let r = f(self);
        if r.is_none() {
            self.pos = save;
        }
        r
    }

    /// `read` at the cursor, or what it read here last time in this window (see [`Memo`]): the
    /// value, and the cursor left where `read` left it.
    #[inline]
    fn memoized<T: Copy>(
        &mut self,
        cell: impl FnOnce(&Memo) -> &Read<T>,
        read: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<T> {
        let Some(memo) = self.memo else {
            return read(self);
        };
        let cell = cell(memo);
        let start = self.pos;
        if let Some((at, value, end)) = cell.get() {
            if at == start {
                self.pos = end;
                return value;
            }
        }
        let value = read(self);
        cell.set(Some((start, value, self.pos)));
        value
    }

    /// Key of the current token.
    #[inline]
    pub fn key(&self) -> Option<&'a str> {
        (self.pos < self.toks.len()).then(|| self.toks.key(self.pos))
    }

    /// Whether the current token has the class of `table`'s first words (false at the end): a
    /// phrase of the table may start here.
    #[inline]
    fn may_start<V>(&self, table: &PhraseTable<V>) -> bool {
        !self.at_end() && table.may_start(self.toks, self.pos)
    }

    /// The longest phrase of `table` at the current token: its value and its length in tokens.
    /// The key is looked up only when the token has the class of the table's first words.
    #[inline]
    pub fn longest<V>(&self, table: &'static PhraseTable<V>) -> Option<(&'static V, usize)> {
        if !self.may_start(table) {
            return None;
        }
        table.longest(self.toks, self.pos)
    }

    /// The value of the single-word entry of `table` that the current token is (looked up only
    /// when the token has the class of the table's first words).
    #[inline]
    pub fn entry<V>(&self, table: &'static PhraseTable<V>) -> Option<&'static V> {
        if !self.may_start(table) {
            return None;
        }
        table.word(self.toks.key(self.pos))
    }

    /// The word-class bits of the current token, 0 past the end (a rule may be called as part of
    /// another at the end of a window).
    #[inline]
    pub fn class(&self) -> u32 {
        if self.pos < self.toks.len() {
            self.toks.class(self.pos)
        } else {
            0
        }
    }

    /// Key of the token `k` places away (negative is before).
    #[inline]
    pub fn key_at(&self, k: isize) -> Option<&'a str> {
        let j = self.pos as isize + k;
        (j >= 0 && (j as usize) < self.toks.len()).then(|| self.toks.key(j as usize))
    }

    /// The original text of the current token.
    #[inline]
    pub fn raw(&self) -> Option<&'a str> {
        self.toks.toks.get(self.pos).map(|t| &self.text[t.start..t.end])
    }

    /// The original text of the token `k` places away (negative is before).
    #[inline]
    pub fn raw_at(&self, k: isize) -> Option<&'a str> {
        let j = usize::try_from(self.pos as isize + k).ok()?;
        self.toks.toks.get(j).map(|t| &self.text[t.start..t.end])
    }

    /// True when the current token touches the previous one (no space between).
    #[inline]
    pub fn glued(&self) -> bool {
        self.toks.toks.get(self.pos).is_some_and(|t| !t.space_before)
    }

    /// True when a line break stands between token `i - 1` and token `i` (a headline's last word and
    /// a dateline's first, a paragraph's end and the next one's start).
    pub fn line_break_before(&self, i: usize) -> bool {
        let toks = &self.toks.toks;
        i > 0 && i < toks.len() && self.text.get(toks[i - 1].end..toks[i].start).is_some_and(|gap| gap.contains('\n'))
    }

    /// True when the current token is a word (not punctuation, a number or the end).
    pub fn next_is_word(&self) -> bool {
        self.toks.toks.get(self.pos).is_some_and(|t| t.kind == TokKind::Word && self.toks.key(self.pos) != "'s")
    }

    /// True at the end of the window.
    #[inline]
    pub fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }

    /// Consumes the current token if its key is `w`.
    #[inline]
    pub fn word(&mut self, w: &str) -> bool {
        // Length and first byte first, as in `one_of`.
        if self.key().is_some_and(|k| same(k, w)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consumes the current token if its key is one of `ws`; returns it.
    // (Always inlined: every caller passes a constant list, and inlined the compiler compares the
    // key with each word's length and bytes as constants; LTO left it out of line.)
    #[inline(always)]
    pub fn one_of(&mut self, ws: &[&'static str]) -> Option<&'static str> {
        let k = self.key()?;
        // Length and first byte first: most words differ there, without a call to compare bytes.
        let w = ws.iter().find(|w| same(k, w))?;
        self.pos += 1;
        Some(w)
    }

    /// Consumes the words of `phrase` (space separated keys) in order.
    pub fn phrase(&mut self, phrase: &str) -> bool {
        // Word by word, without a string splitter: most calls fail on the first word.
        let save = self.pos;
        for w in phrase.as_bytes().split(|&b| b == b' ') {
            if self.key().is_none_or(|k| k.as_bytes() != w) {
                self.pos = save;
                return false;
            }
            self.pos += 1;
        }
        true
    }

    /// Consumes an optional token with key `w`.
    #[inline]
    pub fn opt(&mut self, w: &str) -> bool {
        self.word(w)
    }

    /// Consumes a dash of any kind (`-`, `–`, `—`).
    #[inline]
    pub fn dash(&mut self) -> bool {
        self.one_of(&["-", "–", "—"]).is_some()
    }

    /// Consumes a dot glued to the previous token (after an abbreviation).
    pub fn glued_dot(&mut self) -> bool {
        if self.key() == Some(".") && self.glued() {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Consumes a possessive `'s`, if present.
    #[inline]
    pub fn possessive(&mut self) -> bool {
        self.word("'s")
    }

    /// A plain integer token (digits only).
    pub fn int(&mut self) -> Option<Int> {
        // (A number of digits alone has a class of `INT`: other tokens are turned away before the
        // memo is read, as in `amount`.)
        if self.class() & class::INT == 0 {
            return None;
        }
        self.memoized(|m| &m.int, Cursor::read_int)
    }

    /// [`Cursor::int`], read from the tokens.
    fn read_int(&mut self) -> Option<Int> {
        let t = self.toks.toks.get(self.pos)?;
        if t.kind != TokKind::Number {
            return None;
        }
        let k = self.toks.key(self.pos);
        if !k.bytes().all(|b| b.is_ascii_digit()) || k.len() > 9 {
            return None;
        }
        self.pos += 1;
        Some(Int { value: k.parse().ok()?, digits: k.len() })
    }

    /// An integer in `range`.
    pub fn int_in(&mut self, lo: u32, hi: u32) -> Option<Int> {
        self.attempt(|c| c.int().filter(|n| (lo..=hi).contains(&n.value)))
    }

    /// An ordinal suffix glued to a number ("6th", "21st").
    pub fn ordinal_suffix(&mut self) -> bool {
        if self.glued() && self.one_of(&["st", "nd", "rd", "th"]).is_some() {
            return true;
        }
        false
    }

    /// A day of the month, 1..=31, with an optional ordinal suffix ("6", "6th").
    pub fn day(&mut self) -> Option<u32> {
        self.attempt(|c| {
            let n = c.int()?;
            if n.digits > 2 || !(1..=31).contains(&n.value) {
                return None;
            }
            c.ordinal_suffix();
            Some(n.value)
        })
    }

    /// A day written as an ordinal: "6th", "sixth", "twenty-first".
    pub fn ordinal_day(&mut self) -> Option<u32> {
        self.attempt(|c| {
            if let Some(n) = c.int() {
                if n.digits <= 2 && (1..=31).contains(&n.value) && c.ordinal_suffix() {
                    return Some(n.value);
                }
                return None;
            }
            let o = c.ordinal_word()?;
            (1..=31).contains(&o).then_some(o as u32)
        })
    }

    /// An ordinal word ("first", "twenty-first", "last" is -1).
    pub fn ordinal_word(&mut self) -> Option<i32> {
        let (&v, n) = self.longest(&self.lex.ordinals)?;
        self.pos += n;
        Some(v)
    }

    /// Any ordinal: "third", "3rd".
    // (Inlined, as `amount`: most calls end at the test of the token's class.)
    #[inline]
    pub fn ordinal(&mut self) -> Option<i32> {
        // (Digits or an ordinal word: other tokens are turned away before the memo is read.)
        if self.class() & (class::INT | class::ORDINAL) == 0 {
            return None;
        }
        self.memoized(|m| &m.ordinal, Cursor::read_ordinal)
    }

    /// [`Cursor::ordinal`], read from the tokens.
    fn read_ordinal(&mut self) -> Option<i32> {
        self.attempt(|c| {
            if let Some(n) = c.int() {
                return c.ordinal_suffix().then_some(n.value as i32);
            }
            c.ordinal_word()
        })
    }

    /// A four-digit year 1000..=2999, or an apostrophe year ("'98" is 1998 or 2098: kept two-digit).
    pub fn year(&mut self) -> Option<i32> {
        self.attempt(|c| {
            let n = c.int()?;
            (n.digits == 4 && (1000..=2999).contains(&n.value)).then_some(n.value as i32)
        })
    }

    /// A year written in words: "nineteen ninety-six", "nineteen eighty", "two thousand",
    /// "two thousand and one".
    pub fn spelled_year(&mut self) -> Option<i32> {
        self.attempt(|c| {
            let first = *c.entry(&c.lex.numerals)?;
            if first == 2.0 && c.key_at(1) == Some("thousand") {
                c.pos += 2;
                let rest = c.attempt(|c| {
                    c.opt("and");
                    match c.amount()? {
                        Amount::Exact(n) if (1.0..100.0).contains(&n) && n.fract() == 0.0 => Some(n as i32),
                        _ => None,
                    }
                });
                return Some(2000 + rest.unwrap_or(0));
            }
            // "nineteen" + a number below a hundred written as tens ("ninety-six", "eighty").
            if !(15.0..=20.0).contains(&first) {
                return None;
            }
            c.pos += 1;
            let tens = *c.entry(&c.lex.numerals)?;
            if !(20.0..=90.0).contains(&tens) || tens % 10.0 != 0.0 {
                return None;
            }
            c.pos += 1;
            let mut y = first as i32 * 100 + tens as i32;
            if let Some(u) = c.attempt(|c| {
                c.dash();
                let u = *c.entry(&c.lex.numerals)?;
                c.pos += 1;
                (1.0..=9.0).contains(&u).then_some(u as i32)
            }) {
                y += u;
            }
            Some(y)
        })
    }

    /// A two-digit year after an apostrophe ("'98"): returns 98.
    pub fn apostrophe_year(&mut self) -> Option<u32> {
        self.attempt(|c| {
            if !c.word("'") || !c.glued() {
                return None;
            }
            let n = c.int()?;
            (n.digits == 2).then_some(n.value)
        })
    }

    /// A month name; an abbreviation takes its optional dot. "May" and "March" count only when
    /// capitalized (they are also a verb), and other abbreviations without a dot only when capitalized.
    pub fn month(&mut self) -> Option<u32> {
        // (A token without the class of months is none, turned away before the memo is read.)
        if !self.may_start(&self.lex.months) {
            return None;
        }
        self.memoized(|m| &m.month, Cursor::read_month)
    }

    /// [`Cursor::month`], read from the tokens.
    fn read_month(&mut self) -> Option<u32> {
        self.attempt(|c| {
            let key = c.key()?;
            let raw = c.raw()?;
            let &m = c.entry(&c.lex.months)?;
            let capital = raw.chars().next().is_some_and(char::is_uppercase);
            // Abbreviations, "May", "March" and "August" are also names, verbs and adjectives: they
            // count only capitalized.
            let abbreviation = key.len() <= 4 && !matches!(key, "june" | "july");
            if (abbreviation || matches!(key, "may" | "march" | "august")) && !capital {
                return None;
            }
            c.pos += 1;
            if key.len() <= 4 && key != "june" && key != "july" && key != "may" {
                c.glued_dot();
            }
            Some(m)
        })
    }

    /// A weekday name; abbreviations need a dot or a capital.
    pub fn weekday(&mut self) -> Option<u32> {
        // (A token without the class of weekdays is none, turned away before the memo is read.)
        if !self.may_start(&self.lex.weekdays) {
            return None;
        }
        self.memoized(|m| &m.weekday, Cursor::read_weekday)
    }

    /// [`Cursor::weekday`], read from the tokens.
    fn read_weekday(&mut self) -> Option<u32> {
        self.attempt(|c| {
            let key = c.key()?;
            let raw = c.raw()?;
            let &d = c.entry(&c.lex.weekdays)?;
            c.pos += 1;
            if !key.ends_with("day") {
                let capital = raw.chars().next().is_some_and(char::is_uppercase);
                if !c.glued_dot() && !capital {
                    return None;
                }
                // "sat", "sun", "wed" without a dot are ordinary words.
                if matches!(key, "sat" | "sun" | "wed" | "mon") && c.key_at(-1) != Some(".") {
                    return None;
                }
            }
            Some(d)
        })
    }

    /// A weekday in the plural ("Mondays"), for sets.
    pub fn weekday_plural(&mut self) -> Option<u32> {
        self.attempt(|c| {
            // A plural has the class of its singular. (Past the end, nothing.)
            if c.at_end() || !c.lex.weekdays.may_start(c.toks, c.pos) {
                return None;
            }
            let key = c.key()?.strip_suffix('s')?;
            let &d = c.lex.weekdays.word(key)?;
            if !key.ends_with("day") {
                return None;
            }
            c.pos += 1;
            Some(d)
        })
    }

    /// A season word.
    pub fn season(&mut self) -> Option<Season> {
        let (&s, n) = self.longest(&self.lex.seasons)?;
        self.pos += n;
        Some(s)
    }

    /// A part-of-day word.
    pub fn part_of_day(&mut self) -> Option<PartOfDay> {
        let (&p, n) = self.longest(&self.lex.parts_of_day)?;
        self.pos += n;
        Some(p)
    }

    /// A unit word: the unit, its multiplier (2 for "fortnight") and whether it was plural.
    pub fn unit(&mut self) -> Option<(Unit, u32, bool)> {
        // A token without the class of units is none, turned away before the memo is read (most
        // rules that read a unit are tried where none follows).
        if !self.may_start(&self.lex.units) {
            return None;
        }
        self.memoized(|m| &m.unit, Cursor::read_unit)
    }

    /// [`Cursor::unit`], read from the tokens.
    fn read_unit(&mut self) -> Option<(Unit, u32, bool)> {
        let key = self.key()?;
        let &(u, mult) = self.entry(&self.lex.units)?;
        // "second" is also an ordinal and "min" an abbreviation; both are accepted only as units here.
        let plural = crate::lexicon::unit_is_plural(key);
        self.pos += 1;
        Some((u, mult, plural))
    }

    /// A singular unit ("year", not "years").
    pub fn unit_singular(&mut self) -> Option<(Unit, u32)> {
        self.attempt(|c| {
            let (u, m, plural) = c.unit()?;
            (!plural).then_some((u, m))
        })
    }

    /// An amount: digits ("40", "2.5"), number words ("twenty four", "twenty-four", "a", "an",
    /// "one and a half", "half a"), or an unstated number ("several", "a few", "many", "hundreds
    /// of").
    // (Inlined: most calls end at the test of the token's class, which out of line cost a call and
    // the saving of registers; LTO left it out of line.)
    #[inline]
    pub fn amount(&mut self) -> Option<Amount> {
        // Only a number, a word of the amount class or "couple" begins one: other tokens are
        // turned away before the memo is read (most tokens where rules read an amount).
        if self.class() & (class::NUM | class::AMOUNT) == 0 && self.key() != Some("couple") {
            return None;
        }
        self.memoized(|m| &m.amount, Cursor::read_amount)
    }

    /// Whether the word before here is a scale ("66 million years ago", "13.5 billion years"): a unit
    /// here is counted by a number no rule reads, so it is no mention of its own.
    pub fn after_a_scale(&self) -> bool {
        matches!(self.key_at(-1), Some("hundred" | "thousand" | "million" | "billion" | "trillion"))
    }

    /// Whether the word after an [`Cursor::amount`] starting here may be `next`: false only at a
    /// number (an amount in digits is that one token, or it and a "1/2" after it) whose next token
    /// is neither `next` nor "1/2". A cheap test before reading "5 years ago" at every number.
    pub fn after_number_may_be(&self, next: impl Fn(&Self, usize) -> bool) -> bool {
        let at_number = self.toks.toks.get(self.pos).is_some_and(|t| t.kind == TokKind::Number);
        let j = self.pos + 1;
        !at_number || (j < self.toks.len() && (self.toks.key(j) == "1/2" || next(self, j)))
    }

    /// [`Cursor::amount`], read from the tokens.
    fn read_amount(&mut self) -> Option<Amount> {
        self.attempt(|c| {
            let key = c.key()?;
            // A number first: most amounts read are digits, and no word below is one.
            if let Some(t) = c.toks.toks.get(c.pos) {
                if t.kind == TokKind::Number {
                    // Plain digits (most numbers) are exact as an integer; thousands commas are
                    // dropped before parsing.
                    let v: f64 = if key.len() <= 15 && key.bytes().all(|b| b.is_ascii_digit()) {
                        key.parse::<u64>().ok()? as f64
                    } else if key.contains(',') {
                        key.replace(',', "").parse().ok()?
                    } else {
                        key.parse().ok()?
                    };
                    c.pos += 1;
                    // "5 1/2 hours"
                    let half = c.key() == Some("1/2") && c.toks.toks[c.pos].space_before;
                    if half {
                        c.pos += 1;
                    }
                    return Some(Amount::Exact(v + if half { 0.5 } else { 0.0 }));
                }
            }
            // (Every word below but "couple" is of the amount class, an unstated number, "a", "half"
            // or a number word: `amount` turned the other words away.)
            if matches!(key, "several" | "many" | "few" | "numerous" | "countless") {
                c.pos += 1;
                return Some(Amount::Some);
            }
            // "hundreds of years", "thousands of years ago"
            if matches!(key, "dozens" | "hundreds" | "thousands" | "millions") {
                return (c.key_at(1) == Some("of")).then(|| {
                    c.pos += 2;
                    Amount::Some
                });
            }
            // "a couple of years", "the next couple of weeks"
            if key == "a" && c.key_at(1) == Some("couple") && c.key_at(2) == Some("of") {
                c.pos += 3;
                return Some(Amount::Exact(2.0));
            }
            if key == "couple" && c.key_at(1) == Some("of") {
                c.pos += 2;
                return Some(Amount::Exact(2.0));
            }
            if key == "a" && c.key_at(1) == Some("few") {
                c.pos += 2;
                return Some(Amount::Some);
            }
            // "another year": one more; "another two weeks", "another 45 days": the count after it.
            if key == "another" {
                c.pos += 1;
                let count = c.attempt(|c| c.amount().filter(|_| !matches!(c.key_at(-1), Some("a" | "an"))));
                return Some(count.unwrap_or(Amount::Exact(1.0)));
            }
            // "a hundred years" is a hundred, counted below.
            let a_hundred = matches!(c.key_at(1), Some("hundred" | "thousand" | "million"));
            if (key == "a" || key == "an") && c.key_at(1) != Some("half") && !a_hundred {
                c.pos += 1;
                return Some(Amount::Exact(1.0));
            }
            if key == "half" && matches!(c.key_at(1), Some("a" | "an")) {
                c.pos += 2;
                return Some(Amount::Exact(0.5));
            }
            let mut total = 0.0;
            let mut any = false;
            if key == "a" && a_hundred {
                c.pos += 1;
                (total, any) = (1.0, true);
            }
            // (Number words are single words, looked up as such: a test checks the table.)
            while let Some(&v) = c.entry(&c.lex.numerals) {
                if v == 0.5 && any {
                    break;
                }
                if v >= 100.0 && any {
                    total *= v;
                } else {
                    total += v;
                }
                any = true;
                c.pos += 1;
                // "twenty-four", "twenty four"
                if c.key() == Some("-") && c.glued() {
                    let save = c.pos;
                    c.pos += 1;
                    if c.entry(&c.lex.numerals).is_none() {
                        c.pos = save;
                        break;
                    }
                }
            }
            if !any {
                return None;
            }
            // "one and a half", "two-and-a-half-year"
            let hyphen = |c: &mut Cursor| c.glued() && c.word("-");
            if c.attempt(|c| (c.word("and") && c.word("a") && c.word("half")).then_some(())).is_some()
                || c.attempt(|c| {
                    (hyphen(c) && c.word("and") && hyphen(c) && c.word("a") && hyphen(c) && c.word("half"))
                        .then_some(())
                })
                .is_some()
            {
                total += 0.5;
            }
            Some(Amount::Exact(total))
        })
    }

    /// A "this/last/next" style determiner before a named date: returns the shift.
    pub fn shift(&mut self) -> Option<crate::expr::Shift> {
        // (Only "the" or a shift word begins one: other tokens are turned away before the memo is
        // read.)
        if self.class() & (class::THE | class::SHIFT) == 0 {
            return None;
        }
        self.memoized(|m| &m.shift, Cursor::read_shift)
    }

    /// [`Cursor::shift`], read from the tokens.
    fn read_shift(&mut self) -> Option<crate::expr::Shift> {
        use crate::expr::Shift;
        self.attempt(|c| {
            let the = c.word("the");
            // Every word below is a shift word: others are turned away without comparing them.
            if c.pos >= c.toks.len() || c.toks.class(c.pos) & crate::lexicon::class::SHIFT == 0 {
                return None;
            }
            let k = c.key()?;
            // "this past spring", "this coming Sunday"
            if k == "this" && !the {
                if let Some(w) = c.key_at(1).filter(|w| matches!(*w, "past" | "coming")) {
                    c.pos += 2;
                    return Some(if w == "past" { Shift::Last } else { Shift::Next });
                }
            }
            let s = match k {
                "this" if !the => Shift::This,
                "last" | "past" | "previous" | "preceding" => Shift::Last,
                "next" | "coming" | "following" => Shift::Next,
                _ => return None,
            };
            // "the next Monday" is anchored on the narrative; "the" goes only with "coming" and "past".
            // ("upcoming" is a tense cue, not part of the expression: "the upcoming November election".)
            if the != matches!(k, "coming" | "past") {
                return None;
            }
            c.pos += 1;
            Some(s)
        })
    }

    /// A clock time: "3 p.m.", "10:30 a.m.", "15:45", "3pm", "3 o'clock", "noon", "midnight", with an
    /// optional zone ("ET", "GMT").
    pub fn clock_time(&mut self) -> Option<TimeOfDay> {
        self.attempt(|c| {
            let key = c.key()?;
            let (hour, minute, second, needs_marker) = match key {
                // "high noon" is a showdown, not a time of day.
                "noon" if c.key_at(-1) == Some("high") => return None,
                "noon" | "midday" => {
                    c.pos += 1;
                    (12, Some(0), None, false)
                }
                "midnight" => {
                    c.pos += 1;
                    (24, Some(0), None, false)
                }
                // "0930 GMT", "1415 local time", "0600 hours": four digits of a 24-hour clock, only
                // with a zone, "local time" or "hours" after them (else they are a year or a count).
                _ if key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit()) => {
                    let (h, m) = (key[..2].parse::<u32>().ok()?, key[2..].parse::<u32>().ok()?);
                    if h > 23 || m > 59 {
                        return None;
                    }
                    c.pos += 1;
                    // ("2000 hours of work" is a count: "hours" only after a leading zero.)
                    let unzoned =
                        c.phrase("local time") || (key.starts_with('0') && c.one_of(&["hours", "hrs"]).is_some());
                    let offset = if unzoned { None } else { Some(c.zone(h)?) };
                    return Some(TimeOfDay::Clock { hour: h, minute: Some(m), second: None, offset });
                }
                _ => {
                    let t = c.toks.toks.get(c.pos)?;
                    if t.kind != TokKind::Number {
                        return None;
                    }
                    // "2.30pm", "10.15 a.m." (British): hour and minutes with a dot, only with a marker.
                    let (h, m, s, dotted) = match clock_digits(key) {
                        Some((h, m, s)) => (h, m, s, false),
                        None => {
                            let (h, m) = key.split_once('.')?;
                            let digits = |x: &str| x.bytes().all(|b| b.is_ascii_digit());
                            if !(1..=2).contains(&h.len()) || m.len() != 2 || !digits(h) || !digits(m) {
                                return None;
                            }
                            let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
                            (m <= 59).then_some((h, Some(m), None, true))?
                        }
                    };
                    c.pos += 1;
                    (h, m, s, m.is_none() || dotted)
                }
            };
            let mut hour = hour;
            let mut marked = false;
            if let Some(ampm) = c.one_of(MERIDIEMS) {
                if !(1..=12).contains(&hour) {
                    return None;
                }
                if ampm.starts_with('p') && hour != 12 {
                    hour += 12;
                } else if ampm.starts_with('a') && hour == 12 {
                    hour = 0;
                }
                marked = true;
            } else if c.phrase("o'clock") {
                marked = true;
            } else if let Some(p) = c.attempt(|c| {
                // "3 in the morning", "9 in the evening"
                (c.word("in") && c.word("the")).then(|| c.part_of_day()).flatten()
            }) {
                if matches!(p, PartOfDay::Afternoon | PartOfDay::Evening | PartOfDay::Night) && hour < 12 {
                    hour += 12;
                }
                marked = true;
            }
            if needs_marker && !marked {
                return None;
            }
            let offset = c.zone(hour);
            // "with 2:14 left", "2:14 remaining", "2:31 into overtime": a game clock, not a time of day.
            if !marked && offset.is_none() && matches!(c.key(), Some("left" | "remaining" | "to" | "into")) {
                let game = match c.key() {
                    Some("to") => matches!(c.key_at(1), Some("go" | "play")),
                    Some("into") => matches!(c.key_at(1), Some("overtime" | "the" | "extra" | "stoppage")),
                    _ => true,
                };
                if game {
                    return None;
                }
            }
            Some(TimeOfDay::Clock { hour, minute, second, offset })
        })
    }

    /// An optional zone after a time: an abbreviation in capitals ("ET", "GMT") or a capitalized name
    /// ("Eastern time", "5 p.m. Eastern", but not "9 a.m. Central Park"). "local time" is read as part
    /// of the time, with no zone.
    fn zone(&mut self, _hour: u32) -> Option<Zone> {
        if self.phrase("local time") {
            return None;
        }
        let raw = self.raw()?;
        let capitals = raw.chars().all(|ch| ch.is_ascii_uppercase());
        let (&z, n) = self.lex.zones.longest(self.toks, self.pos)?;
        let capitalized = raw.starts_with(|ch: char| ch.is_ascii_uppercase());
        let name_goes_on = self
            .toks
            .toks
            .get(self.pos + n)
            .is_some_and(|t| t.kind == TokKind::Word && self.text[t.start..t.end].starts_with(char::is_uppercase));
        if !capitals && !(capitalized && (n > 1 || !name_goes_on)) {
            return None;
        }
        self.pos += n;
        Some(z)
    }
}

/// The marks of a clock time's half of the day, as keys ("a.m.", "pm").
pub(super) const MERIDIEMS: &[&str] = &["a.m.", "p.m.", "am", "pm", "a.m", "p.m"];

/// The hour, minutes and seconds of a clock time written in digits ("9", "10:30", "23:59:59"),
/// each in range (24:00 is midnight at the end of the day; 24:01 is no time).
pub(super) fn clock_digits(key: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    // Every form below is at most eight bytes ("10:30:15") with at most two before the first
    // colon: most numbers ("1998", "2,000") are turned away before they are split.
    let b = key.as_bytes();
    if b.len() > 8 || (b.len() > 2 && !b[..3].contains(&b':')) {
        return None;
    }
    // The parts between colons, at most four looked at (four is already too many), without
    // collecting them.
    let mut split = key.split(':');
    let parts = [split.next(), split.next(), split.next(), split.next()];
    let (h, m, s) = match parts {
        [Some(h), None, ..] if h.len() <= 2 => (h.parse::<u32>().ok()?, None, None),
        [Some(h), Some(m), None, _] if h.len() <= 2 && m.len() == 2 => {
            (h.parse().ok()?, Some(m.parse::<u32>().ok()?), None)
        }
        [Some(h), Some(m), Some(s), None] if h.len() <= 2 && m.len() == 2 && s.len() == 2 => {
            (h.parse().ok()?, Some(m.parse().ok()?), Some(s.parse::<u32>().ok()?))
        }
        // "10.30 p.m." (British)
        _ => return None,
    };
    let past_24 = h == 24 && (m.unwrap_or(0), s.unwrap_or(0)) != (0, 0);
    if h > 24 || past_24 || m.is_some_and(|m| m > 59) || s.is_some_and(|s| s > 59) {
        return None;
    }
    Some((h, m, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`clock_digits`] as first written, splitting every key: the oracle of its early return.
    fn clock_digits_split(key: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
        let mut split = key.split(':');
        let parts = [split.next(), split.next(), split.next(), split.next()];
        let (h, m, s) = match parts {
            [Some(h), None, ..] if h.len() <= 2 => (h.parse::<u32>().ok()?, None, None),
            [Some(h), Some(m), None, _] if h.len() <= 2 && m.len() == 2 => {
                (h.parse().ok()?, Some(m.parse::<u32>().ok()?), None)
            }
            [Some(h), Some(m), Some(s), None] if h.len() <= 2 && m.len() == 2 && s.len() == 2 => {
                (h.parse().ok()?, Some(m.parse().ok()?), Some(s.parse::<u32>().ok()?))
            }
            _ => return None,
        };
        let past_24 = h == 24 && (m.unwrap_or(0), s.unwrap_or(0)) != (0, 0);
        if h > 24 || past_24 || m.is_some_and(|m| m > 59) || s.is_some_and(|s| s > 59) {
            return None;
        }
        Some((h, m, s))
    }

    #[test]
    fn clock_digits_turn_away_only_what_splitting_turns_away() {
        let mut next = crate::detect::xorshift(0x1405_7b7e_f767_814f);
        let alphabet = b"0123456789:::.,";
        for _ in 0..100_000 {
            let key: String = (0..next(12)).map(|_| alphabet[next(alphabet.len())] as char).collect();
            assert_eq!(clock_digits(&key), clock_digits_split(&key), "{key:?}");
        }
        for key in ["10:30", "9:05:59", "24:00", "24:01", "1998", "2,000", "10.30", ":30", "", "0"] {
            assert_eq!(clock_digits(key), clock_digits_split(key), "{key:?}");
        }
    }
}

//! Grammar: rules turn the tokens of a detection window into candidate matches, each an *unresolved*
//! [`Expr`] with its span. No reference date is used here.
//!
//! Rules are Rust functions over a [`Cursor`] (token-level matching with named, typed fields instead of
//! regex group numbers); each has a dotted id and its own examples, and one test runs them all.
//! The engine tries every rule at every token (right to left, so that prefix forms such as "more than",
//! "early" or "mid-" can wrap the matches found after them), and keeps every candidate; choosing among
//! overlapping candidates is the refiners' job. "Not a date" filters live in [`filters`].

pub mod cursor;
pub mod dates;
pub mod durations;
pub mod filters;
pub mod holidays;
pub mod ranges;
pub mod relative;
pub mod sets;
pub mod times;
pub mod vague;

use crate::detect::Tokens;
use crate::expr::{Expr, Mod, TemporalExpr};
use crate::lexicon::class::*;
use crate::lexicon::lexicon;
pub use cursor::Cursor;

/// Units of length, volume and weight, before "an hour" in a speed or a rate ("90 miles an hour").
const MEASURES: &[&str] = &[
    "miles",
    "mile",
    "kilometers",
    "kilometres",
    "km",
    "meters",
    "metres",
    "feet",
    "foot",
    "inches",
    "inch",
    "centimeters",
    "centimetres",
    "cm",
    "millimeters",
    "millimetres",
    "mm",
    "yards",
    "knots",
    "gallons",
    "liters",
    "litres",
    "pounds",
    "tons",
    "tonnes",
    "kilograms",
    "kg",
    "degrees",
];

/// A grammar rule: an id, examples that it must match exactly (with their unresolved value), and the
/// parser. The parser starts at the cursor's position and, on success, leaves the cursor after the match.
pub struct Rule {
    /// Dotted id, e.g. `date.month_day`.
    pub id: &'static str,
    /// The word classes (`lexicon::class`) its first token can have: the rule is tried only there.
    pub first: u32,
    /// When its first token is "the", the classes the token after it must have for the rule to
    /// match, or [`ANY`]: the rule is not tried after "the" otherwise ("the company", "the boy").
    /// Read off the parser: after "the" it reads only words of these classes (a unit, a shift word,
    /// a number...); the examples and the lexicon test check the words it names.
    pub after_the: u32,
    /// When its first token is "a" or "an" ([`ARTICLE`]), the classes the token after it must have
    /// for the rule to match, or [`ANY`], as [`Rule::after_the`] for "the" ("a week", "a few
    /// days", "a while", but not "a company"). A test checks the words each parser reads there.
    pub after_article: u32,
    /// When its first token is a number, the classes the token after it must have for the rule
    /// to match, or [`ANY`], as [`Rule::after_the`] for "the": a rule that reads a unit ("5 years
    /// ago") or a suffix ("21st century") right after the digits is not tried at "$5 million" or
    /// "rose 5%". A test checks the words each parser reads there.
    pub after_number: u32,
    /// When its first token is a shift word ([`SHIFT`]: "last", "this", "next"...), the classes the
    /// token after it must have for the rule to match, or [`ANY`], as [`Rule::after_the`] for "the":
    /// "last month" tries the rules of units, "last Friday" those of weekdays, "last said" none.
    /// A test checks the words each parser reads there.
    pub after_shift: u32,
    /// `(text, unresolved value)` pairs the rule must match whole; `[...]` marks the extent when the
    /// example needs context around it ("for \[years\]").
    pub examples: &'static [(&'static str, &'static str)],
    /// The parser.
    pub parse: fn(&mut Cursor) -> Option<Expr>,
}

/// [`Rule::after_the`] for a rule tried after "the" whatever follows.
pub const ANY: u32 = u32::MAX;

/// The classes that only let rules name the word after "the", an article or a number: no rule
/// starts at them, and none is a class the engine reads itself (ranges, prefixes).
const FOLLOWS_ONLY: u32 = FOLLOWS_THE | FOLLOWS_ARTICLE | FOLLOWS_NUMBER;

/// One matched expression: token span `[start, end)` within the window and byte span in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// Start byte in the document.
    pub start: usize,
    /// End byte in the document.
    pub end: usize,
    /// The unresolved expression.
    pub expr: Expr,
    /// The id of the rule that matched.
    pub rule: &'static str,
}

/// A candidate match: one expression, or the two ends of a range ("Aug. 12-14", "2019-2021").
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The expression, or the range's first end.
    pub part: Part,
    /// The range's second end. Boxed: few candidates are ranges, and the list of candidates is
    /// built by pushes, each of which copies the whole candidate (208 bytes this way, not 416).
    pub second: Option<Box<Part>>,
}

impl Candidate {
    /// Byte span covering every part.
    pub fn span(&self) -> (usize, usize) {
        match &self.second {
            Some(s) => (self.part.start, s.end),
            None => (self.part.start, self.part.end),
        }
    }
}

/// Every rule, in priority order (earlier wins a tie between candidates of the same span).
pub fn rules() -> &'static [Rule] {
    use std::sync::OnceLock;
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut v = Vec::new();
        v.extend(holidays::rules());
        v.extend(dates::rules());
        v.extend(times::rules());
        v.extend(relative::rules());
        v.extend(sets::rules());
        v.extend(durations::rules());
        v.extend(vague::rules());
        v
    })
}

/// Runs every rule over the tokens of one window and returns all candidates, filtered for "not a date".
// (Never inlined, into `find_into`: LTO's choice changed with unrelated edits, and forced inline
// it measured 0.46M instructions more on the 2 MB sample.)
#[inline(never)]
pub fn candidates(text: &str, toks: &Tokens, out: &mut Vec<Candidate>) {
    candidates_with(text, toks, out, &mut [(0, 0); RING]);
}

/// Entries of the ring of recent positions (see [`candidates_with`]): a power of two, at least
/// [`prefix_reach`] (checked when the reach is worked out). A constant, so that an index masked to
/// it needs no bounds test (the loop that skips the tokens that start nothing clears each one's).
const RING: usize = 16;

/// For each class bit, the rules whose first token may have it, as a set of positions in [`rules`]
/// (bit `k` for rule `k`): the rules to try at a token are the union of its bits' sets, taken in list
/// order, instead of a test of every rule at every token. `None` if there are more rules than bits
/// (then every rule is tested). Sixty-four bits: room for the forty-odd rules, in one machine word
/// (a 128-bit set made each step of the loop over a token's rules two words of work).
fn rules_by_class() -> Option<&'static RuleSets> {
    use std::sync::OnceLock;
    static BY_CLASS: OnceLock<Option<RuleSets>> = OnceLock::new();
    BY_CLASS
        .get_or_init(|| {
            let rules = rules();
            if rules.len() > 64 {
                return None;
            }
            let mut sets = RuleSets {
                first: [0; 32],
                after_the: [0; 32],
                after_the_any: 0,
                after_article: [0; 32],
                after_article_any: 0,
                after_number: [0; 32],
                after_number_any: 0,
                after_shift: [0; 32],
                after_shift_any: 0,
            };
            for (k, rule) in rules.iter().enumerate() {
                for bit in 0..32 {
                    if rule.first & (1 << bit) != 0 {
                        sets.first[bit] |= 1 << k;
                    }
                    if rule.after_the & (1 << bit) != 0 {
                        sets.after_the[bit] |= 1 << k;
                    }
                    if rule.after_article & (1 << bit) != 0 {
                        sets.after_article[bit] |= 1 << k;
                    }
                    if rule.after_number & (1 << bit) != 0 {
                        sets.after_number[bit] |= 1 << k;
                    }
                    if rule.after_shift & (1 << bit) != 0 {
                        sets.after_shift[bit] |= 1 << k;
                    }
                }
                if rule.after_the == ANY {
                    sets.after_the_any |= 1 << k;
                }
                if rule.after_article == ANY {
                    sets.after_article_any |= 1 << k;
                }
                if rule.after_number == ANY {
                    sets.after_number_any |= 1 << k;
                }
                if rule.after_shift == ANY {
                    sets.after_shift_any |= 1 << k;
                }
            }
            Some(sets)
        })
        .as_ref()
}

/// Sets of rules (bit `k` for rule `k` of [`rules`]) by class bit, for [`rules_by_class`].
struct RuleSets {
    /// Per class bit, the rules whose [`Rule::first`] has it.
    first: [u64; 32],
    /// Per class bit, the rules whose [`Rule::after_the`] has it.
    after_the: [u64; 32],
    /// The rules tried after "the" whatever follows ([`ANY`]).
    after_the_any: u64,
    /// Per class bit, the rules whose [`Rule::after_article`] has it.
    after_article: [u64; 32],
    /// The rules tried after "a" or "an" whatever follows ([`ANY`]).
    after_article_any: u64,
    /// Per class bit, the rules whose [`Rule::after_number`] has it.
    after_number: [u64; 32],
    /// The rules tried at a number whatever follows ([`ANY`]).
    after_number_any: u64,
    /// Per class bit, the rules whose [`Rule::after_shift`] has it.
    after_shift: [u64; 32],
    /// The rules tried at a shift word whatever follows ([`ANY`]).
    after_shift_any: u64,
}

/// Union of `sets[bit]` over the bits of `class`.
#[inline]
fn union(sets: &[u64; 32], class: u32) -> u64 {
    let mut set = 0u64;
    let mut bits = class;
    while bits != 0 {
        set |= sets[bits.trailing_zeros() as usize];
        bits &= bits - 1;
    }
    set
}

/// How many positions after a prefix's first token [`wrap_prefixes`] may look at: the longest
/// modifier phrase and a hyphen, rounded up to a power of two.
fn prefix_reach() -> usize {
    use std::sync::OnceLock;
    static REACH: OnceLock<usize> = OnceLock::new();
    *REACH.get_or_init(|| {
        let lex = lexicon();
        let reach = (lex.modifiers.max_words().max(lex.position_mods.max_words()) + 2).next_power_of_two();
        assert!(reach <= RING, "the ring of recent positions holds a prefix's reach");
        reach
    })
}

/// [`candidates`] with the ring of recent positions passed in, zeroed. The candidates starting at
/// token `j` are `at[j % RING]`, a range in `out`: a prefix reads only the positions within
/// [`prefix_reach`] after it, so a ring of [`RING`] entries serves a window of any length (a table
/// with an entry per token took 16 bytes per token of a pathological window).
fn candidates_with(text: &str, toks: &Tokens, out: &mut Vec<Candidate>, at: &mut [(u32, u32); RING]) {
    let rules = rules();
    let by_class = rules_by_class();
    let lex = lexicon();
    // Positions are visited right to left, so a prefix at `i` finds the candidates after it
    // already listed.
    let reach = prefix_reach();
    // A power of two: the ring is indexed with a mask, not a division per token.
    let ring = RING - 1;
    let memo = cursor::Memo::default();
    // The first position after `i` where a candidate starts (`usize::MAX` for none): a prefix wraps
    // only a candidate within the ring's reach, so where there is none, the prefix tables are not
    // looked up (most modifier and position words, "in", "at", "the", stand far from any match).
    let mut nearest = usize::MAX;
    let mut i = toks.len();
    loop {
        // The tokens that start nothing, skipped in a loop of their own (about three in four).
        i = skip_classless(toks, i, at, ring);
        if i == 0 {
            break;
        }
        i -= 1;
        let from = out.len();
        let class = toks.class(i);
        // After "the", "a" or "an", a number or a shift word, most rules need a word of some class
        // next: "the company", "a company", "$5 million" and "last said" try few.
        let next = if class & (THE | ARTICLE | NUM | SHIFT) != 0 && i + 1 < toks.len() { toks.class(i + 1) } else { 0 };
        let tried = |r: &Rule| {
            r.first & class != 0
                && (class & THE == 0 || r.after_the == ANY || r.after_the & next != 0)
                && (class & ARTICLE == 0 || r.after_article == ANY || r.after_article & next != 0)
                && (class & NUM == 0 || r.after_number == ANY || r.after_number & next != 0)
                && (class & SHIFT == 0 || r.after_shift == ANY || r.after_shift & next != 0)
        };
        // One cursor for the token's rules, put back at the token before each (most rules fail:
        // resetting one field costs less than building the cursor again).
        let mut c = Cursor { text, toks, pos: i, lex, memo: Some(&memo) };
        match by_class {
            // The rules of the token's classes, from the table, in list order.
            Some(sets) => {
                let mut set = union(&sets.first, class);
                // At "the", "a" or "an", only the rules that may go on with the word after it.
                if class & THE != 0 {
                    set &= sets.after_the_any | union(&sets.after_the, next);
                }
                if class & ARTICLE != 0 {
                    set &= sets.after_article_any | union(&sets.after_article, next);
                }
                if class & NUM != 0 {
                    set &= sets.after_number_any | union(&sets.after_number, next);
                }
                if class & SHIFT != 0 {
                    set &= sets.after_shift_any | union(&sets.after_shift, next);
                }
                while set != 0 {
                    let rule = &rules[set.trailing_zeros() as usize];
                    set &= set - 1;
                    try_rule(&mut c, i, rule, out);
                }
            }
            None => rules.iter().filter(|r| tried(r)).for_each(|rule| try_rule(&mut c, i, rule, out)),
        }
        if class & (NUM | MONTH) != 0 {
            ranges::find(text, toks, i, &memo, out);
        }
        if class & (MODIFIER | POSITION) != 0 && nearest - i < reach {
            wrap_prefixes(toks, i, reach, at, out);
        }
        // Filter as we go, so that memory holds only the candidates that survive.
        if out.len() > from {
            filters::apply(text, toks, from, out);
        }
        at[i & ring] = (from as u32, out.len() as u32);
        if out.len() > from {
            nearest = i;
        }
    }
}

/// Tries `rule` at token `i` with the cursor `c` (put back there first: one cursor serves a token's
/// rules), appending what it reads to `out`. A function always inlined, not a closure: LTO put the
/// closure out of line once it wrote the candidate in place.
#[inline(always)]
fn try_rule(c: &mut Cursor, i: usize, rule: &Rule, out: &mut Vec<Candidate>) {
    c.pos = i;
    if let Some(expr) = (rule.parse)(c) {
        if c.pos > i {
            push_in_place(out, c.toks, (i, c.pos), expr, rule.id);
        }
    }
}

/// Appends the candidate of `rule` over the tokens `s..e` with the expression `expr`, as
/// [`part`] makes it, writing each field where the list holds it. A push built the 216-byte
/// candidate on the stack first, copying the expression there, and then copied the whole of it to
/// the list: two calls to `memcpy` per candidate instead of one.
#[inline(always)]
fn push_in_place(out: &mut Vec<Candidate>, toks: &Tokens, (s, e): (usize, usize), expr: Expr, rule: &'static str) {
    let (start, end) = (toks.toks[s].start, toks.toks[e - 1].end);
    if out.len() == out.capacity() {
        make_room(out);
    }
    let len = out.len();
    assert!(len < out.capacity(), "room for the candidate");
    // SAFETY: the element at `len` is within the capacity (checked above), past the length: every
    // field is written there before the length takes it in, and nothing reads it before.
    unsafe {
        let at = out.as_mut_ptr().add(len);
        std::ptr::addr_of_mut!((*at).part.expr).write(expr);
        std::ptr::addr_of_mut!((*at).part.tok_start).write(s);
        std::ptr::addr_of_mut!((*at).part.tok_end).write(e);
        std::ptr::addr_of_mut!((*at).part.start).write(start);
        std::ptr::addr_of_mut!((*at).part.end).write(end);
        std::ptr::addr_of_mut!((*at).part.rule).write(rule);
        std::ptr::addr_of_mut!((*at).second).write(None);
        out.set_len(len + 1);
    }
}

/// Room for one more candidate in `out`, out of line: the list seldom grows.
#[cold]
#[inline(never)]
fn make_room(out: &mut Vec<Candidate>) {
    out.reserve(1);
}

/// From token `i` (exclusive) leftwards, the tokens that start nothing: a word of no class, or only
/// of classes that let a rule name the word after "the", an article or a number ("to", "while").
/// Clears their entries of the ring `at` (indexed with the mask `ring`) and returns the index after
/// the last token left of them that starts something (0 when there is none).
// (A loop of its own, inlined: in the loop over all tokens, each of these tokens cost about 17
// instructions, values of the rules' part reloaded from the stack; here it keeps its few values in
// registers. Out of line, the call per run of such tokens cost more than it saved.)
#[inline(always)]
fn skip_classless(toks: &Tokens, mut i: usize, at: &mut [(u32, u32); RING], ring: usize) -> usize {
    while i > 0 && toks.class(i - 1) & !FOLLOWS_ONLY == 0 {
        i -= 1;
        at[i & ring] = (0, 0);
    }
    i
}

/// Builds a [`Part`] from a token span.
pub fn part(toks: &Tokens, s: usize, e: usize, expr: Expr, rule: &'static str) -> Part {
    Part { tok_start: s, tok_end: e, start: toks.toks[s].start, end: toks.toks[e - 1].end, expr, rule }
}

/// Prefix forms: a modifier phrase at token `i` wraps a single candidate starting right after it.
/// "more than 40 minutes" (amount modifier on a duration), "early 2024", "mid-2023", "late May",
/// "the end of the year" (position modifier on a date of month grain or coarser).
fn wrap_prefixes(toks: &Tokens, i: usize, reach: usize, at: &[(u32, u32); RING], out: &mut Vec<Candidate>) {
    let lex = lexicon();
    for (table, position) in [(&lex.modifiers, false), (&lex.position_mods, true)] {
        if !table.may_start(toks, i) {
            continue;
        }
        let Some((&m, len)) = table.longest(toks, i) else {
            continue;
        };
        // "used over three years" is a span, not more than one ("over a century ago" is more).
        let during = len == 1 && toks.key(i) == "over" && !over_means_more(toks, i);
        let mut j = i + len;
        // "mid-2023": the hyphen after a position word belongs to the prefix.
        if j < toks.len() && toks.key(j) == "-" {
            j += 1;
        }
        if j >= toks.len() {
            continue;
        }
        debug_assert!(j - i < reach, "a prefix reaches past the ring of recent positions");
        let (from, to) = at[j & (RING - 1)];
        for k in from as usize..to as usize {
            let cand = &out[k];
            if cand.second.is_some() || cand.part.expr.modifier.is_some() {
                continue;
            }
            if during && matches!(cand.part.expr.kind, TemporalExpr::Duration { .. }) {
                continue;
            }
            if accepts(&cand.part.expr, toks.key(j), m, position) {
                let mut expr = cand.part.expr.clone();
                expr.modifier = Some(m);
                let p = part(toks, i, cand.part.tok_end, expr, cand.part.rule);
                out.push(Candidate { part: p, second: None });
            }
        }
    }
}

/// Whether "over" at token `i` means "more than" ("for over a year", "took over an hour", "just
/// over a week") rather than "during" ("to be used over three years", "will pay $1.5 billion over
/// five years", "Over three decades, the firm grew"): the words before it tell.
fn over_means_more(toks: &Tokens, i: usize) -> bool {
    i > 0
        && matches!(
            toks.key(i - 1),
            "for"
                | "in"
                | "of"
                | "just"
                | "well"
                | "than"
                | "after"
                | "within"
                | "took"
                | "take"
                | "takes"
                | "taking"
                | "lasted"
                | "last"
                | "lasts"
                | "lasting"
                | "spent"
                | "spend"
                | "spending"
                | "is"
                | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "now"
                | "since"
        )
}

/// Which expressions a modifier may wrap.
fn accepts(expr: &Expr, first_key: &str, m: Mod, position: bool) -> bool {
    use crate::expr::Grain;
    match &expr.kind {
        // "over the past decade" is not "more than": amount modifiers go right before the amount.
        TemporalExpr::Duration { .. } if first_key == "the" => false,
        TemporalExpr::Duration { amount, .. } => !position && matches!(amount, crate::expr::Amount::Exact(_)),
        // A half of a year is H1 or H2, which the quarter rule reads ("the first half of 2024").
        TemporalExpr::Date { date, .. } if position && matches!(m, Mod::FirstHalf | Mod::SecondHalf) => {
            date.time.is_none() && date.grain() <= Grain::Month && date.grain() != Grain::Year
        }
        TemporalExpr::Date { date, .. } if position => date.time.is_none() && date.grain() <= Grain::Month,
        // "around Nov. 1", "about 10 a.m.": an approximate day or time ("to get around Wednesday's
        // ruling" is no approximation: a bare weekday is left alone).
        TemporalExpr::Date { date, .. } => {
            m == Mod::Approx
                && first_key != "the"
                && date.grain() >= Grain::Day
                && (date.month.is_some() || date.time.is_some())
        }
        // "about two years ago", "nearly a week earlier"
        TemporalExpr::Offset { counted: true, .. } if !position => first_key != "the",
        // "early this week", "late yesterday", "later this afternoon"
        TemporalExpr::Offset { unit, .. } if matches!(m, Mod::FirstHalf | Mod::SecondHalf) => {
            *unit != crate::expr::Unit::Year
        }
        TemporalExpr::Offset { unit, .. } => position && unit.grain() <= Grain::Day && !matches!(m, Mod::Approx),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The class tables name, for any classes, the rules whose `first` meets them, in list order,
    /// and, after "the" (or "a", "an", or a number), those whose `after_the` (`after_article`,
    /// `after_number`) meets the next word's classes or is [`ANY`].
    #[test]
    fn the_class_table_lists_the_rules_of_each_class() {
        // The engine skips a word of these classes alone: no rule starts there.
        assert!(rules().iter().all(|r| r.first & FOLLOWS_ONLY == 0));
        assert_eq!(FOLLOWS_ONLY & (NUM | MONTH | MODIFIER | POSITION), 0);
        let sets = rules_by_class().expect("the rules fit the table");
        let listed = |set: u64| -> Vec<usize> { (0..64).filter(|&k| set & (1 << k) != 0).collect() };
        let after = |mask: fn(&Rule) -> u32, class: u32| -> Vec<usize> {
            (0..rules().len()).filter(|&k| mask(&rules()[k]) == ANY || mask(&rules()[k]) & class != 0).collect()
        };
        let the: fn(&Rule) -> u32 = |r| r.after_the;
        let article: fn(&Rule) -> u32 = |r| r.after_article;
        let number: fn(&Rule) -> u32 = |r| r.after_number;
        let shift: fn(&Rule) -> u32 = |r| r.after_shift;
        for a in 0..32 {
            for b in a..32 {
                let class: u32 = (1 << a) | (1 << b);
                let want: Vec<usize> = (0..rules().len()).filter(|&k| rules()[k].first & class != 0).collect();
                assert_eq!(listed(union(&sets.first, class)), want, "class {class:#x}");
                let got = listed(sets.after_the_any | union(&sets.after_the, class));
                assert_eq!(got, after(the, class), "after the {class:#x}");
                let got = listed(sets.after_article_any | union(&sets.after_article, class));
                assert_eq!(got, after(article, class), "after an article {class:#x}");
                let got = listed(sets.after_number_any | union(&sets.after_number, class));
                assert_eq!(got, after(number, class), "after a number {class:#x}");
                let got = listed(sets.after_shift_any | union(&sets.after_shift, class));
                assert_eq!(got, after(shift, class), "after a shift word {class:#x}");
            }
        }
        assert_eq!(listed(sets.after_number_any | union(&sets.after_number, 0)), after(number, 0), "after 5");
        assert_eq!(listed(sets.after_shift_any | union(&sets.after_shift, 0)), after(shift, 0), "after last");
        assert_eq!(listed(sets.after_the_any | union(&sets.after_the, 0)), after(the, 0), "after the");
        assert_eq!(listed(sets.after_article_any | union(&sets.after_article, 0)), after(article, 0), "after a");
    }

    /// "that" and the apostrophe have classes of their own so that only the rules that read them
    /// first are tried there: no other rule matches at them, whatever follows.
    #[test]
    fn only_their_rules_match_at_that_and_apostrophes() {
        let texts = [
            "that day",
            "that year",
            "that Monday",
            "that May 5",
            "that next week",
            "that morning",
            "that weekend",
            "that Christmas",
            "that summer",
            "that first quarter",
            "that 1990s",
            "that fiscal year",
            "that today",
            "that every week",
            "that once a day",
            "that noon",
            "that year-end",
            "that weeklong trip",
            "that the",
            "'90s",
            "' 90s",
            "'98",
            "'s",
            "'quarterly",
            "'today",
            "'every day",
            "'noon",
            "'year-end",
            "'Q1",
            "'fiscal 1998",
            "'last week",
            "'May 5",
            "the '90s",
            "the ' 98",
            "the that day",
        ];
        for text in texts {
            let mut toks = Tokens::default();
            toks.tokenize(text, 0);
            toks.classify();
            for i in 0..toks.len() {
                let class = toks.class(i);
                if !matches!(toks.key(i), "'" | "that") {
                    continue;
                }
                assert_eq!(class & !(THAT | APOSTROPHE), 0, "{text:?}: {:?}", toks.key(i));
                for rule in rules().iter().filter(|r| r.first & class == 0) {
                    let mut c = Cursor::new(text, &toks, i);
                    let got = (rule.parse)(&mut c).filter(|_| c.pos > i);
                    assert!(got.is_none(), "{}: matches {text:?} at {:?}", rule.id, toks.key(i));
                }
            }
        }
    }

    /// The literal words, units and numbers with separators are split into classes by the rules
    /// that read them first (`LITERAL`'s parts, singular and plural units, quantities and codes
    /// among numbers), so that a rule is not tried at the words of the others: a rule that reads
    /// some words of a family does not match at a word of it outside its `first` classes, in the
    /// rules' examples or in these phrases around the split words.
    #[test]
    fn no_rule_matches_at_a_split_word_outside_its_first_classes() {
        let phrases = [
            "today",
            "yesterday morning",
            "tonight",
            "overnight.",
            "at noon",
            "midday ET",
            "midnight",
            "until noon today",
            "fiscal 2023",
            "fiscal year 1998",
            "FY2023",
            "FY 25",
            "Q1 2024",
            "Q 4",
            "H1 2024",
            "h2",
            "fiscal '98",
            "every week",
            "each year",
            "per week",
            "once a year",
            "twice daily",
            "thrice weekly",
            "every Monday",
            "weekly",
            "daily.",
            "each July",
            "per day",
            "every two years",
            "once",
            "twice a month",
            "each other",
            "weeklong",
            "a yearlong fight",
            "monthslong",
            "daylong",
            "weekslong",
            "dayslong",
            "yearslong.",
            "year-end",
            "year's end",
            "year end",
            "year-ago",
            "year-earlier",
            "comparable year-earlier quarter",
            "corresponding year-ago period",
            "midweek",
            "the year",
            "a year ago",
            "year 2000",
            "year of",
            "early Monday",
            "late Friday night",
            "early 2024",
            "late May",
            "early this week",
            "late today",
            "years ago",
            "for years",
            "weeks or months",
            "weekends",
            "on weekends",
            "the weekend",
            "weekend",
            "days later",
            "decades-long",
            "year-long",
            "the years",
            "months ahead",
            "quarters",
            "centuries",
            "hrs",
            "24 hrs ago",
            "two years",
            "a quarter",
            "quarter-point",
            "halves",
            "half a year",
            "minutes",
            "9:30 p.m.",
            "10:30",
            "9:30-11",
            "1/6/2021",
            "12.03.2023",
            "2024/10/09",
            "1.2.10",
            "2.5 years",
            "2,000 years ago",
            "1.5 times a week",
            "3.5%",
            "1/2 hour",
            "5 1/2 hours",
            "9 p.m.",
            "1998",
            "0930 GMT",
            "2:14 left",
            "3 to 5 p.m.",
            "2.5 hours later",
            "$1.2 billion a year",
            "10-15 minutes",
        ];
        let examples = rules().iter().flat_map(|r| r.examples.iter().map(|(e, _)| e.replace(['[', ']'], "")));
        for text in phrases.iter().map(|p| p.to_string()).chain(examples) {
            let mut toks = Tokens::default();
            toks.tokenize(&text, 0);
            toks.classify();
            for i in 0..toks.len() {
                let class = toks.class(i);
                let families = [LITERAL, UNIT, NUM_SEP | NUM_CODE].into_iter().filter(|f| class & f != 0);
                let family = families.fold(0, |all, f| all | f);
                for rule in rules().iter().filter(|r| r.first & family != 0 && r.first & class == 0) {
                    let mut c = Cursor::new(&text, &toks, i);
                    let got = (rule.parse)(&mut c).filter(|_| c.pos > i);
                    assert!(got.is_none(), "{}: matches {text:?} at {:?}", rule.id, toks.key(i));
                }
            }
        }
    }

    /// Every rule's own examples: the whole example is one candidate of that rule, with that value.
    #[test]
    fn every_rule_matches_its_examples() {
        let mut failures = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for rule in rules() {
            assert!(ids.insert(rule.id), "duplicate rule id {}", rule.id);
            assert!(!rule.examples.is_empty(), "rule {} has no examples", rule.id);
            for (example, want) in rule.examples {
                // "for [years]": brackets mark the extent inside a context.
                let text = example.replace(['[', ']'], "");
                let start_byte = example.find('[').unwrap_or(0);
                let end_byte = example.find(']').map_or(text.len(), |e| e - 1);
                let mut toks = Tokens::default();
                toks.tokenize(&text, 0);
                let first = toks.toks.iter().position(|t| t.start >= start_byte).unwrap_or(0);
                let last = toks.toks.iter().rposition(|t| t.end <= end_byte).map_or(0, |i| i + 1);
                toks.classify();
                if first >= toks.len() || toks.class(first) & rule.first == 0 {
                    failures.push(format!(
                        "{}: {example:?} starts with a token outside the rule's `first` classes",
                        rule.id
                    ));
                    continue;
                }
                // At "the", an article, a number or a shift word, the word after it must have the
                // classes the rule names for that place.
                let class = toks.class(first);
                let next = if first + 1 < toks.len() { toks.class(first + 1) } else { 0 };
                let places = [
                    (toks.key(first) == "the", rule.after_the, "after \"the\"", "after_the"),
                    (matches!(toks.key(first), "a" | "an"), rule.after_article, "after an article", "after_article"),
                    (class & NUM != 0, rule.after_number, "after its number", "after_number"),
                    (class & SHIFT != 0, rule.after_shift, "after its shift word", "after_shift"),
                ];
                if let Some((_, _, place, field)) =
                    places.iter().find(|&&(at, mask, ..)| at && mask != ANY && next & mask == 0)
                {
                    failures.push(format!(
                        "{}: {example:?} has a word {place} outside the rule's `{field}` classes",
                        rule.id
                    ));
                    continue;
                }
                let mut c = Cursor::new(&text, &toks, first);
                match (rule.parse)(&mut c) {
                    Some(e) if c.pos == last && e.unresolved() == *want => {}
                    Some(e) => failures.push(format!(
                        "{}: {example:?} matched tokens {first}..{} (want ..{last}) as {} (want {want})",
                        rule.id,
                        c.pos,
                        e.unresolved()
                    )),
                    None => failures.push(format!("{}: {example:?} did not match", rule.id)),
                }
            }
        }
        assert!(failures.is_empty(), "rule examples failed:\n{}", failures.join("\n"));
    }

    /// The words that rules read right after "the" belong to the classes their `after_the` names
    /// (each list is copied from the rule's parser), so that no match is skipped.
    #[test]
    fn words_read_after_the_have_the_classes_rules_declare() {
        let lex = lexicon();
        let after_the = |id: &str| rules().iter().find(|r| r.id == id).map(|r| r.after_the).unwrap();
        let cases: &[(&str, &[&str])] = &[
            // Cursor::shift after "the": "coming", "past".
            ("holiday.name", &["coming", "past"]),
            ("date.month_day", &["coming", "past"]),
            ("date.month", &["coming", "past"]),
            ("date.season", &["coming", "past"]),
            ("date.weekday", &["coming", "past"]),
            ("relative.weekend", &["coming", "past", "weekend"]),
            ("date.year", &["year"]),
            ("date.decade", &["'"]),
            ("date.quarter", &["year", "fiscal"]),
            ("date.week_of", &["week"]),
            ("date.nth_weekday", &["first", "second", "third", "fourth", "fifth", "last"]),
            ("relative.day_word", &["day"]),
            (
                "relative.this_unit",
                &["this", "last", "next", "past", "coming", "current", "latest", "present", "upcoming"],
            ),
            // ("that" only without "the": "that day", not "the that day".)
            ("relative.anaphoric", &["next", "following", "previous", "preceding", "prior", "same"]),
            ("relative.year_earlier", &["comparable", "corresponding", "same", "year"]),
            ("duration.period_ended", &["fiscal"]),
            ("duration.plural", &["coming", "past", "last", "next", "following"]),
            (
                "duration.amount_unit",
                &[
                    "past",
                    "last",
                    "next",
                    "first",
                    "coming",
                    "previous",
                    "final",
                    "following",
                    "remaining",
                    "several",
                    "many",
                    "few",
                    "numerous",
                    "countless",
                    "a",
                    "an",
                    "couple",
                    "half",
                ],
            ),
            ("relative.reported_period", &["latest", "most", "recent", "quarter"]),
            ("relative.the_year", &["full", "fiscal", "year", "month", "week", "day"]),
        ];
        for (id, words) in cases {
            for w in *words {
                assert!(lex.class_of(w) & after_the(id) != 0, "{id}: {w:?} after \"the\" is outside `after_the`");
            }
        }
        // Vague phrases after "the": their second word is classed as following "the".
        for line in include_str!("../../data/en/vague.txt").lines() {
            let phrase = line.split(" = ").next().unwrap_or("").trim().to_lowercase();
            // A phrase of "the" alone would match whatever follows.
            assert_ne!(phrase, "the");
            if let Some(rest) = phrase.strip_prefix("the ") {
                let mut toks = Tokens::default();
                toks.tokenize(rest, 0);
                toks.classify();
                assert!(toks.class(0) & after_the("vague.reference") != 0, "vague {phrase:?}");
            }
        }
        // Words of tables: any first word of the table has the class (units, seasons, decades,
        // ordinals are classed by their first words); holiday names that start with "the" go on
        // with an ordinal ("the Fourth of July").
        for line in include_str!("../../data/en/holidays.txt").lines() {
            let phrase = line.split(" = ").next().unwrap_or("").trim().to_lowercase();
            if let Some(rest) = phrase.strip_prefix("the ") {
                let mut toks = Tokens::default();
                toks.tokenize(rest, 0);
                toks.classify();
                // Both rules that read a holiday name at their first token.
                for id in ["holiday.name", "date.month_day"] {
                    assert!(toks.class(0) & after_the(id) != 0, "{id}: holiday {phrase:?}");
                }
            }
        }
        // "the" is not itself a number, month, weekday or unit word, so a rule that would read one
        // at the start does not match at "the".
        let the = lex.class_of("the");
        assert_eq!(the & (NUM | MONTH | WEEKDAY | UNIT | AMOUNT | ORDINAL | SEASON | DECADE | SHIFT | LITERAL), 0);
    }

    /// The words that rules read right after "a" or "an" belong to the classes their
    /// `after_article` names (each list is copied from the parser), so that no match is skipped;
    /// a rule tried at an article but not listed here must say [`ANY`].
    #[test]
    fn words_read_after_an_article_have_the_classes_rules_declare() {
        let lex = lexicon();
        let after = |id: &str| rules().iter().find(|r| r.id == id).map(|r| r.after_article).unwrap();
        // Read by `Cursor::amount` after "a": "a couple of", "a few", "a hundred".
        let amount = ["couple", "few", "half", "hundred", "thousand", "million"];
        let units = ["day", "days", "week", "year", "decade", "hour", "minute", "quarter", "month"];
        let mut amount_unit: Vec<&str> = crate::lexicon::DURATION_ADJECTIVES.to_vec();
        amount_unit.extend(["-", "–", "—"]);
        amount_unit.extend(amount.iter().chain(&units));
        let ago: Vec<&str> = amount.iter().chain(&units).copied().collect();
        let cases: Vec<(&str, Vec<&str>)> = vec![
            ("duration.amount_unit", amount_unit),
            ("duration.a_while", vec!["little", "short", "long", "good", "while"]),
            ("relative.ago", ago.clone()),
            ("relative.anaphoric", ago),
            ("set.times_per", amount.iter().copied().chain(["times"]).collect()),
            ("set.per_unit", units.to_vec()),
        ];
        for (id, words) in &cases {
            for w in words {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: {w:?} after \"a\" is outside `after_article`");
            }
        }
        // Every unit word: the rules that read a unit right after "a".
        for w in lex.units.first_words() {
            for id in ["duration.amount_unit", "relative.ago", "relative.anaphoric", "set.per_unit"] {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: unit {w:?}");
            }
        }
        // Vague phrases after "a" or "an": their second word is classed as following an article.
        for line in include_str!("../../data/en/vague.txt").lines() {
            let phrase = line.split(" = ").next().unwrap_or("").trim().to_lowercase();
            if let Some(rest) = phrase.strip_prefix("a ").or_else(|| phrase.strip_prefix("an ")) {
                let mut toks = Tokens::default();
                toks.tokenize(rest, 0);
                toks.classify();
                assert!(toks.class(0) & after("vague.reference") != 0, "vague {phrase:?}");
            }
        }
        // After a number, `duration.amount_unit` reads a unit, an adjective, a dash, "to" or "or"
        // (its first check there, which these durations pass).
        for adjective in crate::lexicon::DURATION_ADJECTIVES {
            for text in [format!("5 {adjective} years"), format!("5 {adjective} days")] {
                let mut toks = Tokens::default();
                toks.tokenize(&text, 0);
                toks.classify();
                let rule = rules().iter().find(|r| r.id == "duration.amount_unit").unwrap();
                let mut c = Cursor::new(&text, &toks, 0);
                assert!((rule.parse)(&mut c).is_some() && c.pos == 3, "{text:?}");
            }
        }
        // "date.year" after an article needs a number word next: its own first check.
        assert_eq!(after("date.year"), AMOUNT);
        // The rules tried at an article are these, and the rest say ANY.
        let article = lex.class_of("a") | lex.class_of("an");
        for rule in rules().iter().filter(|r| r.first & article != 0) {
            let listed =
                cases.iter().any(|(id, _)| *id == rule.id) || matches!(rule.id, "vague.reference" | "date.year");
            assert!(listed, "{} is tried at an article but its words after it are not checked", rule.id);
        }
    }
    /// The words that rules read right after a number belong to the classes their `after_number`
    /// names (each list is copied from the parser's first check at a number), so that no match is
    /// skipped; a rule tried at a number but not listed here must say [`ANY`]. A number is what
    /// has a number class: no word has one.
    #[test]
    fn words_read_after_a_number_have_the_classes_rules_declare() {
        let lex = lexicon();
        let after = |id: &str| rules().iter().find(|r| r.id == id).map(|r| r.after_number).unwrap();
        let suffixes = ["st", "nd", "rd", "th"];
        let mut amount_unit: Vec<&str> = crate::lexicon::DURATION_ADJECTIVES.to_vec();
        amount_unit.extend(["to", "or", "-", "–", "—"]);
        let cases: Vec<(&str, Vec<&str>)> = vec![
            ("date.century", suffixes.to_vec()),
            ("date.quarter", suffixes.iter().copied().chain(["q"]).collect()),
            ("date.era_year", vec!["bc", "b.c.", "bce", "b.c.e.", "ad", "a.d.", "ce", "c.e."]),
            ("duration.amount_unit", amount_unit),
            ("relative.ago", vec![]),
            ("relative.anaphoric", vec![]),
            ("set.times_per", vec!["times"]),
        ];
        let mut toks = Tokens::default();
        for (id, words) in &cases {
            for w in words {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: {w:?} after a number is outside `after_number`");
            }
            // `Cursor::after_number_may_be` lets "1/2" through after the digits ("5 1/2 hours").
            if !matches!(*id, "date.century" | "date.quarter" | "date.era_year") {
                toks.tokenize("1/2", 0);
                toks.classify();
                assert!(toks.class(0) & after(id) != 0, "{id}: \"1/2\" after a number");
            }
        }
        // Every unit word: the rules that read a unit right after the digits.
        for w in lex.units.first_words() {
            for id in ["duration.amount_unit", "relative.ago", "relative.anaphoric"] {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: unit {w:?}");
            }
        }
        // No word has a number class, so a rule's check of the token's kind and the table's check
        // of its class agree.
        for (w, &class) in &lex.classes {
            assert_eq!(class & NUM, 0, "{w:?} has a number class");
        }
        // The rules tried at a number are these, and the rest say ANY.
        for rule in rules().iter().filter(|r| r.first & NUM != 0 && r.after_number != ANY) {
            assert!(cases.iter().any(|(id, _)| *id == rule.id), "{} is tried at a number unchecked", rule.id);
        }
    }
    /// The words that rules read right after a shift word belong to the classes their
    /// `after_shift` names (each list is copied from the parser: what `Cursor::shift` reads
    /// after "this", then what the rule reads after the shift), so that no match is skipped; a
    /// rule tried at a shift word but not listed here must say [`ANY`]. No table's phrase that a
    /// rule reads at its first token (holidays, months, ordinals but "last") starts with one.
    #[test]
    fn words_read_after_a_shift_word_have_the_classes_rules_declare() {
        let lex = lexicon();
        let after = |id: &str| rules().iter().find(|r| r.id == id).map(|r| r.after_shift).unwrap();
        // "this past", "this coming": read by `Cursor::shift` before what the rule reads.
        let shifted = ["past", "coming"];
        let with = |words: &[&'static str]| -> Vec<&'static str> { shifted.iter().chain(words).copied().collect() };
        let cases: Vec<(&str, Vec<&str>)> = vec![
            ("date.month", with(&[])),
            ("date.season", with(&[])),
            ("date.weekday", with(&[])),
            ("date.month_day", with(&[])),
            ("holiday.name", with(&[])),
            ("relative.weekend", with(&["weekend"])),
            ("relative.day_word", vec![]),
            ("duration.plural", vec![]),
            ("relative.anaphoric", vec![]),
            // "last year's third quarter", "the last quarter of 2023", "last half", "last-quarter".
            ("date.quarter", vec!["year", "quarter", "half", "-", "–", "—"]),
        ];
        for (id, words) in &cases {
            for w in words {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: {w:?} after a shift word is outside `after_shift`");
            }
        }
        // First words of the tables the rules read next.
        let tables: [(&str, Vec<&str>); 5] = [
            ("months", lex.months.first_words().collect()),
            ("weekdays", lex.weekdays.first_words().collect()),
            ("seasons", lex.seasons.first_words().collect()),
            ("holidays", lex.holidays.first_words().collect()),
            ("parts of day", lex.parts_of_day.first_words().collect()),
        ];
        let reads: &[(&str, &[&str])] = &[
            ("date.month", &["months"]),
            ("date.month_day", &["weekdays"]),
            ("date.season", &["seasons"]),
            ("date.weekday", &["weekdays"]),
            ("holiday.name", &["holidays"]),
            ("relative.day_word", &["parts of day"]),
            ("relative.anaphoric", &["parts of day", "weekdays", "months", "seasons"]),
        ];
        for (id, names) in reads {
            for (name, words) in tables.iter().filter(|(n, _)| names.contains(n)) {
                for w in words {
                    assert!(lex.class_of(w) & after(id) != 0, "{id}: {name} word {w:?} after a shift word");
                }
            }
        }
        for w in lex.units.first_words() {
            for id in ["duration.plural", "relative.anaphoric", "date.quarter"] {
                assert!(lex.class_of(w) & after(id) != 0, "{id}: unit {w:?} after a shift word");
            }
        }
        // A shift word starts no holiday, month, weekday, season, unit or part of the day, and no
        // ordinal but "last" (which `date.quarter` reads: "the last quarter of 2023").
        let shift_words: Vec<&str> =
            lex.classes.iter().filter(|(_, &c)| c & SHIFT != 0).map(|(w, _)| w.as_str()).collect();
        for w in &shift_words {
            for (name, words) in &tables {
                assert!(!words.contains(w), "{w:?} starts a phrase of {name}");
            }
            assert!(!lex.units.first_words().any(|u| u == *w), "{w:?} is a unit");
            assert!(*w == "last" || !lex.ordinals.first_words().any(|o| o == *w), "{w:?} is an ordinal");
            assert_eq!(lex.class_of(w) & AMOUNT, 0, "{w:?} is an amount");
        }
        // The rules tried at a shift word are these, and the rest say ANY.
        for rule in rules().iter().filter(|r| r.after_shift != ANY) {
            assert!(cases.iter().any(|(id, _)| *id == rule.id), "{} is tried at a shift word unchecked", rule.id);
        }
    }
}

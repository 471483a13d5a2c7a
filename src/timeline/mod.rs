//! The timeline: the output data model (`chronoline/1`) and how resolved mentions become events:
//! one event per dated mention, the same value in the same sentence merged, a range's two ends joined,
//! each with its sentence and a headline, ordered by start, then by grain (coarser first), stably.

pub mod headline;

use crate::detect::{Tokens, WindowTokens};
use crate::expr::{Grain, Mod};
use crate::resolve::TimexType;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// The schema name written in every JSON document.
pub const SCHEMA: &str = "chronoline/1";

/// A document's extraction result: its mentions and its events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Which document, with which reference date.
    pub document: Document,
    /// The sentences that hold a mention, in text order (mentions refer to them by index).
    #[serde(default)]
    pub sentences: Vec<String>,
    /// Every temporal expression found, in text order.
    pub mentions: Vec<Mention>,
    /// Dated events, in time order.
    pub events: Vec<Event>,
}

/// A document's name and reference date.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The file name without extension, or the id given in batch mode.
    pub name: String,
    /// The reference (publication) date, `2024-08-13` or `2024-08-13T09:00:00-04:00`.
    pub dct: String,
}

/// A half-open interval `[start, end)`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Interval {
    /// First instant inside.
    pub start: NaiveDateTime,
    /// First instant after.
    pub end: NaiveDateTime,
}

/// How a mention's value was derived (`--explain`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explain {
    /// The grammar rule id.
    pub rule: String,
    /// The unresolved form (`XXXX-WXX-1`, `REF-1Month`).
    pub unresolved: String,
    /// The tense seen in the mention's clause, if it mattered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tense: Option<String>,
    /// The resolver's account: anchor used, lean, offset.
    pub how: String,
}

/// One temporal expression in the text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// `m1`, `m2`, ... in text order.
    pub id: String,
    /// The text as written.
    pub text: String,
    /// Start, in characters (Unicode scalar values), half-open as Python slices.
    pub start: usize,
    /// End, in characters.
    pub end: usize,
    /// Start, in bytes of the UTF-8 text.
    pub byte_start: usize,
    /// End, in bytes.
    pub byte_end: usize,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
    /// TIMEX3 quant (sets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant: Option<String>,
    /// TIMEX3 freq (sets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<String>,
    /// The resolved interval, for dates and times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<Interval>,
    /// The grain of dates and times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grain: Option<Grain>,
    /// The id of the mention this one was resolved against, when it was the narrative anchor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// The id of the other end of a range this mention is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_with: Option<String>,
    /// The sentence the mention is in: an index into the timeline's `sentences`.
    pub sentence: usize,
    /// How the value was derived, with `--explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
}

/// Something that happened at a time: a dated mention (or a range, or several mentions of the same
/// value in one sentence) with the clause that says what happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `e1`, `e2`, ... in time order.
    pub id: String,
    /// The TIMEX3 value; `A/B` for a range.
    pub value: String,
    /// When.
    pub interval: Interval,
    /// The grain of the value (of the range's first end).
    pub grain: Grain,
    /// A short clause saying what happened.
    pub headline: String,
    /// The sentence it comes from.
    pub sentence: String,
    /// The mentions behind it.
    pub mentions: Vec<String>,
}

/// An id such as `m12` or `e3`: `prefix` then `n` in decimal (what `format!("{prefix}{n}")` gives,
/// without the formatting machinery, for every mention and event).
pub fn numbered_id(prefix: char, n: usize) -> String {
    let mut id = String::with_capacity(8);
    set_numbered_id(&mut id, prefix, n);
    id
}

/// Overwrites `id` with [`numbered_id`]`(prefix, n)`, reusing its buffer.
pub(crate) fn set_numbered_id(id: &mut String, prefix: char, n: usize) {
    id.clear();
    id.push(prefix);
    // Most numbers have one or two digits: a byte, or a pair from the table (a loop of divisions
    // and a push per digit cost about 40 instructions an id more).
    if n < 10 {
        id.push(char::from(b'0' + n as u8));
        return;
    }
    if n < 100 {
        id.push_str(&crate::expr::PAIRS[2 * n..2 * n + 2]);
        return;
    }
    push_long_id(id, n);
}

/// The digits of [`set_numbered_id`] for a number of three digits or more (out of line: the
/// common path then saves fewer registers).
#[cold]
#[inline(never)]
fn push_long_id(id: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let start = crate::expr::decimal_digits(n as u64, &mut digits);
    id.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// Overwrites `s` with `v`, reusing its buffer.
pub(crate) fn set_str(s: &mut String, v: &str) {
    s.clear();
    s.push_str(v);
}

/// The `k`-th element of `list` (`k` at most its length) to overwrite: one left there by an earlier
/// document, or one it left in `spare` (see [`truncate`]), whose strings are reused, or a new one.
// (Always inlined: with the call to `move_tail`, LTO put it out of line, a call per mention.)
#[inline(always)]
pub(crate) fn slot<'a, T: Default>(list: &'a mut Vec<T>, k: usize, spare: &mut Vec<T>) -> &'a mut T {
    if k == list.len() {
        match spare.len() {
            0 => list.push(T::default()),
            n => move_tail(spare, n - 1, list),
        }
    }
    &mut list[k]
}

/// Moves the elements of `from` past its first `keep` to the end of `to`, in order, in one copy of
/// their bytes. A pop and a push (or a drain into an extend) copied each element twice, through
/// the stack: for a mention, a struct of several strings and spans, two calls to `memcpy` each.
fn move_tail<T>(from: &mut Vec<T>, keep: usize, to: &mut Vec<T>) {
    assert!(keep <= from.len(), "the elements kept are some of the list's");
    let count = from.len() - keep;
    to.reserve(count);
    // SAFETY: `count` elements from `keep` are initialized in `from`, and `to` has room for them
    // past its length (reserved above); they are copied once, and `from` is shortened to before
    // them without dropping them, so that each is owned by `to` alone. (The lists are two
    // `Vec`s: the ranges do not overlap.)
    unsafe {
        std::ptr::copy_nonoverlapping(from.as_ptr().add(keep), to.as_mut_ptr().add(to.len()), count);
        to.set_len(to.len() + count);
        from.set_len(keep);
    }
}

/// Most elements [`truncate`] keeps aside, so that memory stays flat.
const SPARE: usize = 256;

/// Shortens `list` to `n` elements, moving those cut (up to a bound) to `spare` for [`slot`] to
/// hand out again: a document with fewer mentions than the one before does not free strings that
/// the next one would allocate again.
pub(crate) fn truncate<T>(list: &mut Vec<T>, n: usize, spare: &mut Vec<T>) {
    if list.len() > n {
        let keep = SPARE.saturating_sub(spare.len()).min(list.len() - n);
        list.truncate(n + keep);
        move_tail(list, n, spare);
    }
}

/// Appends `n` in decimal ASCII digits to `out`: ids here, integers in the JSON writer. Numbers
/// below 10,000 (most offsets and ids) are appended as a few bytes of known count, taken from the
/// table of digit pairs, without a division per digit or a call to copy bytes.
pub fn push_decimal(out: &mut Vec<u8>, n: u64) {
    let p = crate::expr::PAIRS.as_bytes();
    let pair = |k: u64| {
        let at = 2 * k as usize;
        [p[at], p[at + 1]]
    };
    match n {
        0..=9 => out.push(b'0' + n as u8),
        10..=99 => out.extend_from_slice(&pair(n)),
        100..=999 => {
            let [a, b] = pair(n % 100);
            out.extend_from_slice(&[b'0' + (n / 100) as u8, a, b]);
        }
        1000..=9999 => {
            let ([a, b], [c, d]) = (pair(n / 100), pair(n % 100));
            out.extend_from_slice(&[a, b, c, d]);
        }
        _ => push_long_decimal(out, n),
    }
}

/// [`push_decimal`] of a number of five digits or more (out of line: the common path then keeps
/// its few values in registers).
#[cold]
#[inline(never)]
fn push_long_decimal(out: &mut Vec<u8>, n: u64) {
    let mut digits = [0u8; 20];
    let start = crate::expr::decimal_digits(n, &mut digits);
    out.extend_from_slice(&digits[start..]);
}

/// A mention with what event building needs besides the public fields.
pub struct Placed<'a> {
    /// The mention.
    pub mention: &'a Mention,
    /// Byte span of its sentence in the document.
    pub sentence_span: (usize, usize),
    /// Index of its sentence.
    pub sentence_index: usize,
}

/// Whether `m` is a length inside another mention's clause: one hyphenated adjective before a noun
/// ("a 60-day state of emergency", "near 30-year lows"), part of its noun phrase, a length the
/// clause goes on after, or one a comparison measures ("two months shorter"); or a quarter or half
/// written as an adjective ("its second-quarter results"): so no bound of that clause.
/// So is an adverb ("Policymakers now see inflation returning to their 2% target in 2027",
/// "approved the first daily pill on Wednesday"), and a date that qualifies the noun after it, as
/// one that opens a noun phrase does: in the possessive, after an article or a possessive, or a
/// year after a verb ("will begin accepting 2025 tax returns on Monday", "payments for the 2026 tax
/// year are due April 15", "counties hit by last year's hurricanes have until May 1"; not "the first
/// weeks after Tuesday is", "overtime pay on Jan. 1 under a rule"). So is a set, but one at a time
/// of day or right after `prev` (the mention before it) when that is a date or a time.
fn attributive(text: &str, m: &Mention, prev: Option<&Mention>) -> bool {
    let written = &text[m.byte_start..m.byte_end];
    let next = || next_word(&text[m.byte_end..]);
    let before = word_before(text, m);
    // (Not one a preposition governs: "between now and Feb. 10", "until now".)
    let governed = || before.is_some_and(|w| headline::is_preposition_word(w) || w == "between");
    if written.bytes().all(|b| b.is_ascii_lowercase())
        && (matches!(written, "now" | "soon") || written.ends_with("ly"))
        && !governed()
    {
        return true;
    }
    if qualifies_noun(text, m, written, before) {
        return true;
    }
    // A period written as one hyphenated adjective before a noun: "its second-quarter results",
    // "first-half profit".
    if m.kind == TimexType::Date {
        let period = written.ends_with("-quarter") || written.ends_with("-half");
        return period && next().is_some_and(|w| !matches!(w, "and" | "or" | "of" | "to" | "when" | "as"));
    }
    // A set tells how often the clause's event happens, never when: the clause goes on over it
    // ("will rise by three months each year starting Jan. 1, 2026"). (Not over one right after
    // a date or a time, which ends the clause with it: "from 8 p.m. to 8 a.m. each night through
    // Sunday"; nor over a set at a time of day, the end of a range as often: "between 4 and 9 p.m.
    // each day through Friday".)
    if m.kind == TimexType::Set {
        let dated = |p: &Mention| matches!(p.kind, TimexType::Date | TimexType::Time);
        let clock = m.value.contains('T');
        let right_after = |p: &Mention| text.get(p.byte_end..m.byte_start).is_some_and(|gap| gap.trim().is_empty());
        return !clock && !prev.is_some_and(|p| dated(p) && right_after(p));
    }
    if m.kind != TimexType::Duration {
        return false;
    }
    let next = next();
    // A length that heads its noun phrase: "called 12 days of strikes between January and June",
    // "after months of talks" (not "the first six months of 2024", "two weeks of the campaign").
    let of_noun = || {
        text[m.byte_end..].strip_prefix(" of").and_then(next_word).is_some_and(|w| {
            !headline::is_article_or_possessive_in_any_case(w)
                && !matches!(w, "this" | "that" | "these" | "those" | "our")
        })
    };
    if next == Some("of") && of_noun() {
        return true;
    }
    // A length that measures a comparison: "could be two months shorter than", "a week late".
    if next.is_some_and(|w| {
        matches!(w, "shorter" | "longer" | "older" | "younger" | "sooner" | "late" | "behind" | "ahead")
    }) {
        return true;
    }
    // Or a length the clause goes on after ("fell 14% in 24 hours to below $50,000 on Tuesday", "will
    // rise by three months each year starting Jan. 1"),
    // not one that ends a period or counts from a date ("the six months ended", "two days before").
    let within = text[..m.byte_start].strip_suffix(' ').is_some_and(|before| {
        let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        word.eq_ignore_ascii_case("in") || word.eq_ignore_ascii_case("over") || word == "by"
    });
    let goes_on = next.is_some_and(|w| {
        !matches!(
            w,
            "ended"
                | "ending"
                | "ends"
                | "before"
                | "after"
                | "earlier"
                | "later"
                | "ago"
                | "from"
                | "since"
                | "of"
                | "that"
        )
    });
    next.is_some() && ((written.contains('-') && !written.contains(char::is_whitespace)) || (within && goes_on))
}

/// The lowercase word that opens `rest` after a space (its letters).
fn next_word(rest: &str) -> Option<&str> {
    rest.strip_prefix(' ').and_then(|rest| {
        let w = rest.split(|c: char| !c.is_ascii_alphabetic()).next()?;
        w.starts_with(|c: char| c.is_ascii_lowercase()).then_some(w)
    })
}

/// The word right before mention `m`, a space away (not one across a line break).
fn word_before<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
    text[..m.byte_start].strip_suffix(' ').map(|b| b.rsplit(' ').next().unwrap_or(""))
}

/// Whether the date `m` (written `written`, after the word `before`) qualifies the noun after it
/// (see [`attributive`]).
fn qualifies_noun(text: &str, m: &Mention, written: &str, before: Option<&str>) -> bool {
    let after = &text[m.byte_end..];
    let owned = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s"));
    let Some(noun) = next_word(owned.unwrap_or(after)) else {
        return false;
    };
    let opens = owned.is_some()
        || before.is_some_and(headline::is_article_or_possessive_in_any_case)
        || (written.len() == 4
            && written.bytes().all(|b| b.is_ascii_digit())
            && before
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()) && !headline::is_preposition_word(w)));
    opens && headline::may_be_qualified(noun, owned.is_some())
}

/// Builds the events of a document from its mentions (in text order).
pub fn build_events(text: &str, placed: &[Placed]) -> Vec<Event> {
    let mut events = Vec::new();
    build_events_into(text, placed, &[], &WindowTokens::default(), &mut events);
    events
}

/// [`build_events`] into `events` (its events overwritten, their strings reused), given sentences
/// already tokenized: `(sentence span, its tokens)` in text order, as [`Tokens::tokenize`] gives
/// them for the span (the tense pass reads the same sentences). Other sentences are tokenized here,
/// with the tokens of their parts in windows of `kept` taken from there.
pub fn build_events_into(
    text: &str,
    placed: &[Placed],
    tokenized: &[((usize, usize), Tokens)],
    kept: &WindowTokens,
    events: &mut Vec<Event>,
) {
    thread_local! {
        // One set of buffers per thread, reused for every sentence of every document.
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            build_events_with(text, placed, &mut scratch, tokenized, kept, events);
            scratch.release_if_large();
        }
        Err(_) => build_events_with(text, placed, &mut Scratch::default(), tokenized, kept, events),
    })
}

/// The buffers event building works in, kept per thread so that a batch of documents allocates
/// them once.
#[derive(Default)]
struct Scratch {
    /// Sentence tokens for headlines.
    toks: Tokens,
    /// Per mention: already part of an event.
    used: Vec<bool>,
    /// The mentions of the event being built.
    members: Vec<usize>,
    /// The spans of the other mentions of its sentence.
    others: Vec<(usize, usize)>,
    /// Per mention: whether it bounds another mention's clause (not [`attributive`]), once asked.
    bounds: Vec<Option<bool>>,
    /// The candidate clauses of a headline.
    headline: headline::Scratch,
    /// Events and mention ids cut from the lists of an earlier document, for later ones.
    spare_events: Vec<Event>,
    spare_ids: Vec<String>,
    /// The events' sort keys ([`order_key`]), for putting them in time order.
    order: Vec<u128>,
}

impl Scratch {
    /// Frees the buffers if a huge document left them large.
    fn release_if_large(&mut self) {
        const KEEP: usize = 1 << 16;
        self.toks.release_if_large();
        if self
            .used
            .capacity()
            .max(self.members.capacity())
            .max(self.others.capacity())
            .max(self.order.capacity())
            .max(self.bounds.capacity())
            > KEEP
        {
            *self = Scratch::default();
        }
    }
}

fn build_events_with(
    text: &str,
    placed: &[Placed],
    scratch: &mut Scratch,
    tokenized: &[((usize, usize), Tokens)],
    kept: &WindowTokens,
    events: &mut Vec<Event>,
) {
    let Scratch { toks, used, members, others, bounds, headline: scratch, spare_events, spare_ids, order } = scratch;
    // The next sentence of `tokenized` that may be read: both lists are in text order.
    let mut next_tokenized = 0;
    // Events written so far, in the order of their first mention.
    let mut count = 0;
    used.clear();
    used.resize(placed.len(), false);
    bounds.clear();
    bounds.resize(placed.len(), None);
    // Mentions are in text order, so a sentence's mentions are contiguous: [sentence_start, sentence_end).
    let mut sentence_start = 0;
    while sentence_start < placed.len() {
        let index = placed[sentence_start].sentence_index;
        let sentence_end =
            (sentence_start..placed.len()).find(|&j| placed[j].sentence_index != index).unwrap_or(placed.len());
        // The sentence is tokenized once for all its events' headlines (if it has a dated mention).
        let span = placed[sentence_start].sentence_span;
        let dated = (sentence_start..sentence_end).any(|i| {
            let m = placed[i].mention;
            m.interval.is_some() && m.grain.is_some() && matches!(m.kind, TimexType::Date | TimexType::Time)
        });
        while next_tokenized < tokenized.len() && tokenized[next_tokenized].0 .0 < span.0 {
            next_tokenized += 1;
        }
        let sentence = dated.then(|| match tokenized.get(next_tokenized) {
            Some((s, t)) if *s == span => headline::Sentence::from_tokens(text, t),
            _ => headline::Sentence::new(text, span, &mut *toks, kept),
        });
        for i in sentence_start..sentence_end {
            let p = &placed[i];
            let m = p.mention;
            let (Some(iv), Some(grain)) = (m.interval, m.grain) else {
                continue;
            };
            if used[i] || !matches!(m.kind, TimexType::Date | TimexType::Time) {
                continue;
            }
            used[i] = true;
            members.clear();
            members.push(i);
            let e = slot(events, count, spare_events);
            count += 1;
            set_str(&mut e.value, &m.value);
            e.interval = iv;
            e.grain = grain;
            // A range: join the other end, which is the next mention.
            if let (Some(other), Some(j)) = (&m.range_with, Some(i + 1).filter(|&j| j < placed.len())) {
                let q = placed[j].mention;
                if let (true, Some(oiv)) = (&q.id == other && !used[j], q.interval) {
                    if oiv.end > iv.start {
                        used[j] = true;
                        members.push(j);
                        e.value.push('/');
                        e.value.push_str(&q.value);
                        e.interval.end = oiv.end.max(iv.end);
                    }
                }
            }
            // A day and the time on it right after ("will be held on April 5 at 2 p.m."), as
            // "2 p.m. on April 5" is one mention: one event, at the time.
            if m.kind == TimexType::Date && grain == Grain::Day && i + 1 < sentence_end && !used[i + 1] {
                let q = placed[i + 1].mention;
                let at = text.get(m.byte_end..q.byte_start).is_some_and(|gap| gap.trim() == "at");
                if let (true, TimexType::Time, Some(qiv), Some(qg)) = (at, q.kind, q.interval, q.grain) {
                    if iv.start <= qiv.start && qiv.start < iv.end && q.range_with.is_none() {
                        used[i + 1] = true;
                        members.push(i + 1);
                        set_str(&mut e.value, &q.value);
                        e.interval = qiv;
                        e.grain = qg;
                    }
                }
            }
            // The same value again in the same sentence is the same event; so is a time restated
            // in another zone in parentheses right after ("at 3:15 p.m. local time (0715 GMT)").
            for j in i + 1..sentence_end {
                let q = placed[j].mention;
                // (Right after the last member: the time itself, or the time joined to its day.)
                let last = members[members.len() - 1];
                let told = placed[last].mention;
                let restated = j == last + 1
                    && told.kind == TimexType::Time
                    && q.kind == TimexType::Time
                    && text.get(told.byte_end..q.byte_start).is_some_and(|gap| gap.trim() == "(");
                if !used[j] && (q.value == m.value || restated) && q.range_with.is_none() {
                    used[j] = true;
                    members.push(j);
                }
            }
            // And the day a time was told on, after its restatement ("at 3:15 p.m. local time (0715
            // GMT) on Tuesday"): that day, the time's.
            // (Members are pushed in text order.)
            let last = members.last().copied().unwrap_or(i);
            if m.kind == TimexType::Time && members.len() > 1 && last + 1 < sentence_end && !used[last + 1] {
                let q = placed[last + 1].mention;
                let gap = text.get(placed[last].mention.byte_end..q.byte_start).map(str::trim);
                let on_the_day = q.kind == TimexType::Date
                    && q.grain == Some(Grain::Day)
                    && q.interval.is_some_and(|d| d.start <= iv.start && iv.start < d.end);
                if on_the_day && matches!(gap, Some(")" | ") on" | "on" | ",")) {
                    used[last + 1] = true;
                    members.push(last + 1);
                }
            }
            others.clear();
            // (Whether a mention bounds others is asked once, for every event of its sentence.)
            for k in sentence_start..sentence_end {
                if !members.contains(&k)
                    && *bounds[k].get_or_insert_with(|| {
                        let prev = k.checked_sub(1).map(|j| placed[j].mention);
                        !attributive(text, placed[k].mention, prev)
                    })
                {
                    others.push((placed[k].mention.byte_start, placed[k].mention.byte_end));
                }
            }
            let span_end = members.iter().map(|&k| placed[k].mention.byte_end).max().unwrap_or(m.byte_end);
            match &sentence {
                Some(s) if p.sentence_span == span => {
                    s.headline_into((m.byte_start, span_end), others, scratch, &mut e.headline)
                }
                _ => e.headline = headline::headline(text, p.sentence_span, (m.byte_start, span_end), others),
            }
            set_str(&mut e.sentence, &text[p.sentence_span.0..p.sentence_span.1]);
            for (x, &k) in members.iter().enumerate() {
                set_str(slot(&mut e.mentions, x, spare_ids), &placed[k].mention.id);
            }
            truncate(&mut e.mentions, members.len(), spare_ids);
        }
        sentence_start = sentence_end;
    }
    truncate(events, count, spare_events);
    // By start, then grain (coarser first); events that tie keep the order of their first mentions,
    // in which they were written.
    sort_events(events, order);
    for (k, e) in events.iter_mut().enumerate() {
        set_numbered_id(&mut e.id, 'e', k + 1);
    }
}

/// Sorts `events` by start, then grain, stably (as `sort_by_key(|e| (e.interval.start, e.grain))`
/// does): their keys are sorted, each one integer that holds the event's index, and the events are
/// then moved once each to their places. (Sorting the events themselves moved some 150 bytes for
/// every step of an insertion sort and compared dates field by field.)
fn sort_events(events: &mut [Event], order: &mut Vec<u128>) {
    order.clear();
    order.extend(events.iter().enumerate().map(|(k, e)| order_key(e, k)));
    if order.is_sorted() {
        return;
    }
    // The keys differ in their indices: an unstable sort orders them as a stable one would.
    order.sort_unstable();
    // `order[k]`'s index is the event that goes to place `k`; each cycle of the permutation is
    // followed once, and a place filled is marked by its own index.
    let index = |key: u128| (key as u32) as usize;
    for k in 0..order.len() {
        let mut j = k;
        loop {
            let from = index(order[j]);
            order[j] = j as u128;
            if from == k {
                break;
            }
            // (`mem::swap` swaps in registers; `slice::swap` copied through a third place with
            // three calls to `memcpy`.)
            let (left, right) = events.split_at_mut(j.max(from));
            std::mem::swap(&mut left[j.min(from)], &mut right[0]);
            j = from;
        }
    }
}

/// One integer that orders events as `(interval.start, grain)` does, then by `index` (below 2^32):
/// from the top, the year (offset to be unsigned), the day of the year, the second of the day, the
/// nanosecond (below 2 * 10^9, with a leap second) and the grain.
fn order_key(e: &Event, index: usize) -> u128 {
    use chrono::{Datelike, Timelike};
    let start = e.interval.start;
    let year = (i64::from(start.year()) - i64::from(i32::MIN)) as u128;
    let day = u128::from(start.ordinal());
    let second = u128::from(start.num_seconds_from_midnight());
    let nano = u128::from(start.nanosecond());
    let grain = e.grain as u128;
    debug_assert!(day < 1 << 9 && second < 1 << 17 && nano < 1 << 31 && grain < 1 << 5);
    year << 94 | day << 85 | second << 68 | nano << 37 | grain << 32 | index as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_decimal` writes what `format!("{n}")` writes, across the lengths it treats apart.
    #[test]
    fn decimals_are_written_as_format_writes_them() {
        let samples = (0..=20_000u64).chain([99_999, 100_000, 1_234_567, u32::MAX as u64, u64::MAX]);
        for n in samples {
            let mut out = b"x".to_vec();
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes(), "{n}");
        }
    }

    /// `sort_events` orders events as a stable sort by start and grain does, ties kept in order.
    #[test]
    fn events_sort_as_a_stable_sort_by_start_and_grain() {
        let day = |y: i32, m: u32, d: u32, s: u32, n: u32| {
            chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_nano_opt(0, 0, s % 60, n).unwrap()
                + chrono::Duration::seconds(i64::from(s / 60 * 60))
        };
        let starts = [
            day(2024, 3, 1, 0, 0),
            day(-40, 12, 31, 86_399, 999_999_999),
            day(2024, 3, 1, 0, 1),
            day(1999, 1, 1, 3_600, 0),
            day(2024, 2, 29, 86_399, 0),
            day(2024, 3, 1, 0, 0),
            day(-40, 1, 1, 0, 0),
            day(2024, 3, 1, 0, 0),
            day(2400, 12, 31, 59, 1_500_000_000),
        ];
        let grains = [Grain::Day, Grain::Year, Grain::Minute, Grain::Day, Grain::Second, Grain::Century];
        let mut events: Vec<Event> = (0..40)
            .map(|k| Event {
                id: k.to_string(),
                interval: Interval { start: starts[k * 7 % starts.len()], end: starts[0] },
                grain: grains[k * 5 % grains.len()],
                ..Event::default()
            })
            .collect();
        for n in [0, 1, 2, 9, 40] {
            let mut expected = events[..n].to_vec();
            expected.sort_by_key(|e| (e.interval.start, e.grain));
            sort_events(&mut events[..n], &mut Vec::new());
            assert_eq!(events[..n], expected[..], "{n}");
            events.reverse();
        }
    }

    #[test]
    fn numbered_ids_are_prefix_and_decimal() {
        for n in (0..=1000).chain([12345, usize::MAX]) {
            assert_eq!(numbered_id('m', n), format!("m{n}"));
        }
    }
}

//! The story's year around a mention whose own text states none: a year heading its clause ("In
//! 2022 the fire burned until it was contained on Nov. 3"), an old date earlier in its sentence
//! ("declared an emergency on Jan. 30, 2020, and a pandemic on March 11"), and the month a
//! comparison with a year before is about ("rose 3.3% in May from a year earlier"). Read from the
//! text and the mentions already resolved; the resolver applies what these give (`Context::year`,
//! `Context::month`). No date is computed here beyond choosing a year.

use crate::refine::Found;
use crate::{expr, last_word, lexicon, resolve, word_in, Reference, ResolvedFound};

/// Whether `e` names a whole year: "2022", "last year", "two years ago" (what can frame a clause,
/// [`frame_of`]).
pub(crate) fn states_a_year(e: &expr::Expr) -> bool {
    use expr::{Anchor, TemporalExpr, Unit};
    match &e.kind {
        TemporalExpr::Date { date, .. } => {
            (date.year.is_some() || date.yy.is_some() || date.rel_year.is_some())
                && date.month.is_none()
                && date.season.is_none()
                && date.quarter.is_none()
                && date.half.is_none()
                && date.day.is_none()
                && date.weekday.is_none()
                && date.holiday.is_none()
                && date.week.is_none()
                && date.time.is_none()
        }
        TemporalExpr::Offset { unit: Unit::Year, anchor: Anchor::Reference, time: None, .. } => true,
        _ => false,
    }
}

/// Words that may stand before a year heading its clause: "Back in 2019,", "And early in 2022".
const FRAME_HEAD: &[&str] =
    &["in", "back", "during", "early", "late", "later", "earlier", "throughout", "and", "but", "then", "so", "also"];

/// What joins two clauses after a comma ("In 2020 the virus shut schools in March, and they
/// reopened in September"): a year heading the first frames the second only if it goes on in the
/// past (not "Last year the firm lost money, and it expects a profit in March"); a "; " ends what
/// it frames.
const CLAUSE_JOINS: &[&str] = &["and", "but", "while", "whereas"];

/// A year that frames what follows it in its clause (see `Context::year`).
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    /// The sentence.
    pub(crate) sentence: usize,
    /// Where the year mention ends.
    pub(crate) from: usize,
    /// The end of its clause (the first "; " or comma and one of [`CLAUSE_JOINS`] after it).
    pub(crate) clause: usize,
    /// Where a past narrative it frames ends: the first "; " or the sentence's end.
    pub(crate) sentence_end: usize,
    /// The year.
    pub(crate) year: i32,
}

/// Where the span a year mention `f` frames ends, when it frames one: the rest of its clause when
/// it heads the clause ("In 2022 the fire burned until ...", "Two years ago, the team ..."), or
/// opens a "when" clause after it ("changed its calendar in 2015, when it ..."). Returns the end of
/// the clause and the end of what a past narrative can go on to (the first "; " or the sentence's
/// end).
pub(crate) fn frame_of(text: &str, sentence: (usize, usize), f: &Found) -> Option<(usize, usize)> {
    let rest = text.get(f.end..sentence.1)?;
    if !heads_clause(text.get(sentence.0..f.start)?) && !starts_with_word(rest.trim_start_matches([',', ' ']), "when") {
        return None;
    }
    // The first clause break after it, and the first "; ".
    let (mut clause, mut narrative) = (None, None);
    for (i, c) in rest.match_indices([',', ';']) {
        let after = &rest[i + 1..];
        if c == ";" {
            clause.get_or_insert(i);
            narrative = Some(i);
            break;
        }
        let next = after.trim_start().split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
        if clause.is_none() && word_in(next, CLAUSE_JOINS) {
            clause = Some(i);
        }
    }
    let end = |at: Option<usize>| f.end + at.unwrap_or(rest.len());
    Some((end(clause), end(narrative)))
}

/// Whether a mention after `head` (the sentence up to it) heads its clause: only [`FRAME_HEAD`]
/// words stand between it and the sentence's start, a "; " or a comma and one of
/// [`CLAUSE_JOINS`]. Read backwards, a few words at most.
fn heads_clause(head: &str) -> bool {
    let mut head = head.trim_end();
    for _ in 0..=4 {
        if !head.contains(|c: char| c.is_alphanumeric()) || head.ends_with(';') {
            return true;
        }
        let (w, before) = last_word(head);
        let before = before.trim_end();
        if word_in(w, CLAUSE_JOINS) && before.ends_with(',') {
            return true;
        }
        if w.is_empty() || !word_in(w, FRAME_HEAD) {
            return false;
        }
        head = before;
    }
    false
}

/// The year `frame` gives mention `f` (in sentence `si`, its clause told in `tense`), if any: not
/// past the clause it frames, unless the story goes on in the past; not across the publication date
/// from what the clause's tense says ("In 2019 the city approved a plan that will take effect in
/// January" is not January 2019; "two years ago it said it would open a plant in March" is); not
/// the date of a report trailing another clause ("In 2019, sales rose 5%, the company said in March";
/// "In 1998, the FBI said in November that ..." is November 1998).
pub(crate) fn framed_by(
    text: &str,
    frame: &Frame,
    si: usize,
    f: &Found,
    tense: Option<lexicon::Tense>,
    reference: &Reference,
) -> Option<i32> {
    use lexicon::Tense;
    // (A past verb right before its date reads as `Since`: "they reopened in September".)
    let past = match tense {
        Some(Tense::Past | Tense::PastVerb) => true,
        Some(Tense::Since) => !word_in(last_word(text[..f.start].trim_end()).0, &["since"]),
        _ => false,
    };
    if frame.sentence != si || f.start >= frame.sentence_end || (f.start >= frame.clause && !past) {
        return None;
    }
    let between = text.get(frame.from..f.start)?;
    if between.trim_start_matches([',', ' ']).contains(',') && after_reporting_verb(text, f.start) {
        return None;
    }
    let this_year = chrono::Datelike::year(&reference.date);
    let would = || between.split(|c: char| !c.is_alphanumeric()).any(|w| word_in(w, &["would"]));
    let across = match tense {
        Some(Tense::Future) => frame.year < this_year && !would(),
        _ => past && frame.year > this_year,
    };
    (!across).then_some(frame.year)
}

/// For a month (and day) stated without a year, the year of its first occurrence after a date a
/// year or more before the publication date, stated earlier in its sentence, when that occurrence
/// is within half a year of it: "The WHO declared an emergency on Jan. 30, 2020, and a pandemic on
/// March 11" is March 11, 2020. Not after a birth date ("was born on May 5, 1950, and died on March
/// 11"), nor for a clause about the future, one set aside, or the date of a report.
pub(crate) fn year_after_an_old_date(
    text: &str,
    resolved: &[ResolvedFound],
    (si, sentence_start): (usize, usize),
    f: &Found,
    tense: Option<lexicon::Tense>,
    reference: &Reference,
) -> Option<i32> {
    use chrono::Datelike;
    let (month, day) = match &f.expr.kind {
        expr::TemporalExpr::Date { date, shift: expr::Shift::Bare }
            if date.year.is_none()
                && date.yy.is_none()
                && date.rel_year.is_none()
                && date.rel_month.is_none()
                && !date.from_anchor
                && date.week.is_none()
                && date.holiday.is_none() =>
        {
            (date.month?, date.day.unwrap_or(1))
        }
        _ => return None,
    };
    if tense == Some(lexicon::Tense::Future) {
        return None;
    }
    let (_, g, r, ..) = resolved.iter().rev().take_while(|(s, ..)| *s == si).find(|(_, _, r, ..)| {
        r.start_and_grain().is_some_and(|(_, g)| matches!(g, expr::Grain::Day | expr::Grain::Week | expr::Grain::Month))
    })?;
    let at = r.start_and_grain()?.0.date();
    if at + chrono::Duration::days(365) > reference.date {
        return None;
    }
    // A comma after the date goes on only to a coordinated phrase ("on Jan. 30, 2020, and a
    // pandemic on March 11"), or closes a date heading its clause ("That same week, the NBA
    // suspended its season, and on March 13 ..."); not out of a clause set aside ("Reed, who
    // resigned in March 2021, was convicted in June"), nor to a report's date.
    let clause = text.get(sentence_start.min(g.start)..g.start)?;
    let between = text.get(g.end..f.start)?;
    let heads = between.trim_start().starts_with(',') && heads_clause(clause);
    let coordinated = between.match_indices(',').enumerate().all(|(k, (i, _))| {
        let next = between[i + 1..].split(|c: char| !c.is_ascii_alphabetic()).find(|w| !w.is_empty());
        (k == 0 && heads) || next.is_some_and(|w| word_in(w, &["and", "then"]))
    });
    let born = clause.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "born");
    if born || !coordinated || (between.contains(',') && after_reporting_verb(text, f.start)) {
        return None;
    }
    let y = if (month, day) < (at.month(), at.day()) { at.year() + 1 } else { at.year() };
    let first = chrono::NaiveDate::from_ymd_opt(y, month, day.min(28))?;
    ((first - at).num_days() <= 183).then_some(y)
}

/// Whether `text` starts with the word `word` (any ASCII case).
fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word))
        && !text[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Whether the mention starting at `start` dates a report ("the company said in March").
fn after_reporting_verb(text: &str, start: usize) -> bool {
    let (w, rest) = last_word(text[..start].trim_end());
    let w = if word_in(w, &["in", "on"]) { last_word(rest.trim_end()).0 } else { w };
    word_in(w, resolve::tense::REPORTING) || word_in(w, &["says", "say"])
}

/// For a year before ("a year earlier", "a year ago"), the start of the latest month-grain mention
/// resolved earlier in its sentence `si` (see `Context::month`).
pub(crate) fn same_sentence_month(resolved: &[ResolvedFound], si: usize, e: &expr::Expr) -> Option<chrono::NaiveDate> {
    use expr::{TemporalExpr, Unit};
    if !matches!(e.kind, TemporalExpr::Offset { unit: Unit::Year, offset: -1, time: None, counted: true, .. }) {
        return None;
    }
    resolved
        .iter()
        .rev()
        .take_while(|(s, ..)| *s == si)
        .find_map(|(_, _, r, ..)| r.start_and_grain().filter(|(_, g)| *g == expr::Grain::Month).map(|(s, _)| s.date()))
}

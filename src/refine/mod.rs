//! Refiners: an explicit, ordered list of passes from the grammar's candidates (which overlap) to the
//! mentions of one window (which do not). The order matters and each step says why it is where it is.

use crate::expr::{Expr, PartOfDay, PartialDate, TemporalExpr, TimeOfDay};
use crate::grammar::{Candidate, Part};

/// `gap.trim()`, for the text between two mentions: the ASCII whitespace at its ends (all that such
/// a gap mostly has) is trimmed byte by byte, and `str::trim` reads on only when a character of
/// another script is left at an end (it trims Unicode whitespace too). Gaps are trimmed for every
/// pair of neighbouring mentions, and `str::trim` decodes each character it passes.
pub(crate) fn trim_gap(gap: &str) -> &str {
    // The ASCII characters `char::is_whitespace` is true of: tab, line feed, vertical tab, form
    // feed, carriage return, space.
    let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
    let b = gap.as_bytes();
    let start = b.iter().position(|c| !space(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !space(c)).map_or(start, |k| k + 1);
    // Both ends are ASCII bytes, so character boundaries.
    let inner = &gap[start..end];
    let ascii_ends =
        inner.as_bytes().first().is_none_or(u8::is_ascii) && inner.as_bytes().last().is_none_or(u8::is_ascii);
    if ascii_ends {
        inner
    } else {
        inner.trim()
    }
}

/// A chosen mention, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Start byte in the document.
    pub start: usize,
    /// End byte in the document.
    pub end: usize,
    /// The unresolved expression.
    pub expr: Expr,
    /// The rule that matched (`mod.*` rules name the wrapped rule).
    pub rule: &'static str,
    /// This mention opens a range whose other end is the next mention.
    pub range_start: bool,
}

/// Runs the passes over one window's candidates and appends the window's mentions to `out`.
pub fn refine(text: &str, cands: &mut [Candidate], out: &mut Vec<Found>) {
    refine_with(text, cands, out, &mut Scratch::default());
}

/// The buffers the passes work in, kept by a caller that refines window after window so that they
/// are allocated once, not once per window.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Candidate indices, longest first.
    order: Vec<usize>,
    /// Tokens already taken by a longer candidate.
    taken: Vec<bool>,
    /// The chosen candidates, in text order.
    chosen: Vec<usize>,
    /// Mentions merged into the one before.
    merged_away: Vec<bool>,
}

impl Scratch {
    /// Frees the buffers if a huge window left them large, so that they are not kept for the rest
    /// of a run.
    pub fn release_if_large(&mut self) {
        const KEEP: usize = 1 << 16;
        if self.taken.capacity().max(self.order.capacity()) > KEEP {
            *self = Scratch::default();
        }
    }
}

/// [`refine`] with its buffers passed in.
pub fn refine_with(text: &str, cands: &mut [Candidate], out: &mut Vec<Found>, scratch: &mut Scratch) {
    let Scratch { order, taken, chosen, merged_away } = scratch;
    // 1. Overlaps: the longest candidate wins, then the earliest, then the rule listed first.
    //    First, because every later pass assumes mentions do not overlap.
    select_longest(cands, order, taken, chosen);
    // 2. Ranges found by the grammar ("Aug. 12-14") become two linked mentions. The window's
    //    mentions are built at the end of `out` and the passes below work on them there: moving
    //    them from a buffer of their own cost a copy of each (200 bytes) per window.
    let from = out.len();
    let found = out;
    for &i in chosen.iter() {
        let c = &cands[i];
        match &c.second {
            Some(second) => {
                found.push(from_part(&c.part, true));
                found.push(from_part(second, false));
            }
            None => found.push(from_part(&c.part, false)),
        }
    }
    // 3. A clock time right before its day is one mention ("10:30 a.m. Monday", "3 p.m. ET on Aug. 12"):
    //    after overlap removal, so that both halves are final, and before ranges, which link whole dates.
    merge_time_and_date(text, found, from, merged_away);
    // 4. Two dates joined by "to", "through", "into", "-", or "between ... and" are a range: link them and let
    //    the first inherit the year it leaves unsaid ("between May and July 2023").
    link_ranges(text, &mut found[from..]);
}

fn from_part(p: &Part, range_start: bool) -> Found {
    Found { start: p.start, end: p.end, expr: p.expr.clone(), rule: p.rule, range_start }
}

/// Fills `chosen` with the indices of the candidates that win their overlaps, in text order.
fn select_longest(cands: &[Candidate], order: &mut Vec<usize>, taken: &mut Vec<bool>, chosen: &mut Vec<usize>) {
    chosen.clear();
    // A window with one candidate or none (most) has no overlap to settle.
    if cands.len() <= 1 {
        chosen.extend(0..cands.len());
        return;
    }
    let tok_span = |c: &Candidate| (c.part.tok_start, c.second.as_ref().map_or(c.part.tok_end, |q| q.tok_end));
    order.clear();
    order.extend(0..cands.len());
    // The index in the key makes keys unique: an unstable sort orders them as a stable one would.
    order.sort_unstable_by_key(|&i| {
        let (s, e) = cands[i].span();
        (std::cmp::Reverse(e - s), s, i)
    });
    // Tokens already taken by a longer candidate.
    let n = cands.iter().map(|c| tok_span(c).1).max().unwrap_or(0);
    taken.clear();
    taken.resize(n, false);
    for &i in order.iter() {
        let (s, e) = tok_span(&cands[i]);
        if !taken[s..e].iter().any(|&t| t) {
            taken[s..e].iter_mut().for_each(|t| *t = true);
            chosen.push(i);
        }
    }
    chosen.sort_by_key(|&i| cands[i].span().0);
}

/// Merges each clock time into the day right after it, among the mentions of `all` from index
/// `from` on (the window's; those before it are left as they are).
fn merge_time_and_date(text: &str, all: &mut Vec<Found>, from: usize, merged_away: &mut Vec<bool>) {
    let found = &mut all[from..];
    merged_away.clear();
    merged_away.resize(found.len(), false);
    let mut merges = false;
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let time = match &a.expr.kind {
            TemporalExpr::Date { date, .. } if a.expr.is_time_only() && !a.range_start => date.time,
            // "mid-afternoon yesterday": a part of the day on its own, then its day.
            TemporalExpr::Offset {
                unit: crate::expr::Unit::Day,
                offset: 0,
                anchor: crate::expr::Anchor::Narrative,
                time: Some(t @ crate::expr::TimeOfDay::Part(_)),
                ..
            } => Some(*t),
            _ => None,
        };
        // (Most mentions are no clock time nor part of a day: their gaps are not read.)
        if time.is_none() {
            i += 1;
            continue;
        }
        let gap = trim_gap(&text[a.end..b.start]);
        let joinable = matches!(gap, "" | "," | "on");
        // "from 8 a.m. to 8 p.m. Monday through Saturday": the day opens a range of days, the time
        // is each day's.
        let day_range = found.get(i + 2).is_some_and(|c| {
            let gap = trim_gap(&text[b.end..c.start]);
            let linked = matches!(gap, "-" | "–" | "—") || RANGE_WORDS.iter().any(|w| gap.eq_ignore_ascii_case(w));
            linked && matches!(&c.expr.kind, TemporalExpr::Date { date, .. } if date.time.is_none() && is_day(date))
        });
        let joinable = joinable && !day_range;
        // "6 o'clock yesterday morning", "9 o'clock Monday night": a clock time before a part of a
        // day is in it, its half of the day taken from the part unless written.
        let in_part = |p: PartOfDay| match time {
            Some(TimeOfDay::Clock { hour, minute, second, offset }) => {
                // (Written with its half of the day, "a.m.", "pm", its text holds an "m": "o'clock" and
                // "9:30" hold none.)
                let half = text[a.start..a.end].bytes().any(|b| b.eq_ignore_ascii_case(&b'm'));
                let later =
                    matches!(p, PartOfDay::Afternoon | PartOfDay::Evening) || (p == PartOfDay::Night && hour >= 5);
                let hour = if !half && later && hour < 12 { hour + 12 } else { hour };
                Some(TimeOfDay::Clock { hour, minute, second, offset })
            }
            _ => None,
        };
        let merged = match (joinable, time, &b.expr.kind) {
            (
                true,
                Some(_),
                TemporalExpr::Date { date: date @ PartialDate { time: Some(TimeOfDay::Part(p)), .. }, shift },
            ) if is_day(date) => {
                in_part(*p).map(|t| TemporalExpr::Date { date: PartialDate { time: Some(t), ..*date }, shift: *shift })
            }
            (
                true,
                Some(_),
                TemporalExpr::Offset {
                    unit: crate::expr::Unit::Day,
                    offset,
                    anchor,
                    time: Some(TimeOfDay::Part(p)),
                    counted,
                },
            ) => in_part(*p).map(|t| TemporalExpr::Offset {
                unit: crate::expr::Unit::Day,
                offset: *offset,
                anchor: *anchor,
                time: Some(t),
                counted: *counted,
            }),
            (true, Some(t), TemporalExpr::Date { date, shift }) if date.time.is_none() && is_day(date) => {
                Some(TemporalExpr::Date { date: PartialDate { time: Some(t), ..*date }, shift: *shift })
            }
            (
                true,
                Some(t),
                TemporalExpr::Offset { unit: crate::expr::Unit::Day, offset, anchor, time: None, counted },
            ) => Some(TemporalExpr::Offset {
                unit: crate::expr::Unit::Day,
                offset: *offset,
                anchor: *anchor,
                time: Some(t),
                counted: *counted,
            }),
            _ => None,
        };
        if let Some(kind) = merged {
            let (end, modifier, range_start) = (b.end, a.expr.modifier.or(b.expr.modifier), b.range_start);
            let a = &mut found[i];
            a.end = end;
            a.expr = Expr { kind, modifier };
            a.rule = "time.clock_date";
            a.range_start = range_start;
            merged_away[i + 1] = true;
            merges = true;
            i += 1;
        }
        i += 1;
    }
    // Most windows merge nothing, and then nothing moves.
    // (`retain` would walk the mentions of the earlier windows too.)
    if merges {
        let mut kept = from;
        for k in from..all.len() {
            if !merged_away[k - from] {
                all.swap(kept, k);
                kept += 1;
            }
        }
        all.truncate(kept);
    }
}

/// Words that join the two ends of a range ("Monday through Friday"; [`link_ranges`] also takes
/// "into": "Tuesday into Wednesday").
const RANGE_WORDS: &[&str] = &["to", "through", "thru", "until", "till"];

fn is_day(d: &PartialDate) -> bool {
    d.day.is_some() || (d.weekday.is_some() && d.month.is_none()) || d.holiday.is_some()
}

fn link_ranges(text: &str, found: &mut [Found]) {
    for i in 0..found.len().saturating_sub(1) {
        if found[i].range_start || (i > 0 && found[i - 1].range_start) {
            continue;
        }
        // (Two dates first: most pairs of mentions are not, and their gap is not read.)
        let (TemporalExpr::Date { date: a, .. }, TemporalExpr::Date { date: b, .. }) =
            (&found[i].expr.kind, &found[i + 1].expr.kind)
        else {
            continue;
        };
        // (A part of the day may join a day: "late Wednesday into Thursday morning", "Monday night
        // through Tuesday"; not a clock time, "Friday to 5 p.m.".)
        let part = |d: &PartialDate| matches!(d.time, Some(crate::expr::TimeOfDay::Part(_)));
        if a.time.is_some() != b.time.is_some() && !part(a) && !part(b) {
            continue;
        }
        let gap = trim_gap(&text[found[i].end..found[i + 1].start]);
        // In any ASCII case, compared in place.
        let is = |s: &str, w: &str| s.eq_ignore_ascii_case(w);
        // The word before the first date (its last seven bytes), for "between ... and" (read only
        // then).
        let before = || {
            let raw = &text[..found[i].start];
            let before = raw.trim_end();
            // A blank line ends the paragraph: "between" before it is no part of this range.
            let blank_line = raw[before.len()..].matches('\n').count() >= 2;
            let before = if blank_line { "" } else { before };
            before.get(before.len().saturating_sub(7)..).unwrap_or("")
        };
        let linked = match gap {
            "-" | "–" | "—" => true,
            g if RANGE_WORDS.iter().any(|w| is(g, w)) || is(g, "into") => true,
            g if is(g, "and") => is(before(), "between"),
            _ => false,
        };
        if !linked {
            continue;
        }
        let inherit_year = a.year.is_none() && b.year.is_some() && (a.month.is_some() || a.season.is_some());
        let year = b.year;
        found[i].range_start = true;
        if inherit_year {
            if let TemporalExpr::Date { date, .. } = &mut found[i].expr.kind {
                date.year = year;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_trimmed_as_str_trim_trims_it() {
        // Every string of up to four of these pieces: ASCII whitespace (with the vertical tab, which
        // `u8::is_ascii_whitespace` leaves out), Unicode whitespace, and other characters.
        let pieces =
            [" ", "\t", "\n", "\r", "\u{b}", "\u{c}", "\u{1c}", "\u{a0}", "\u{85}", "\u{2003}", ",", "on", "é", "—"];
        let mut gaps = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = gaps.iter().flat_map(|g| pieces.iter().map(move |p| format!("{g}{p}"))).collect();
            gaps.extend(longer);
            gaps.dedup();
        }
        for gap in &gaps {
            assert_eq!(trim_gap(gap), gap.trim(), "{gap:?}");
        }
    }
}

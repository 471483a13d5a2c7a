//! chronoline finds the temporal expressions of a news text ("January 6, 2021", "last month",
//! "Monday", "more than 40 minutes", "every week"), resolves each against the publication date into a
//! TIMEX3 value and an interval, and orders the events they date into a timeline.
//!
//! ```
//! use chronoline::{extract, Reference};
//!
//! let reference: Reference = "2024-08-13".parse().unwrap();
//! let timeline = extract("On Monday he said sales fell last month.", &reference);
//! let values: Vec<&str> = timeline.mentions.iter().map(|m| m.value.as_str()).collect();
//! assert_eq!(values, ["2024-08-12", "2024-07"]);
//! assert_eq!(timeline.events[0].value, "2024-07");
//! ```
//!
//! The pipeline, one module per step: [`detect`] (trigger scan, tokens, sentences) -> [`grammar`]
//! (rules -> unresolved [`expr::Expr`]) -> [`refine`] (ordered passes) -> [`resolve`] (reference,
//! tense, anchor -> value and interval) -> [`timeline`] (events, headlines) -> [`render`] (formats).

// Every public item says what it is (STYLE.md); CI builds with warnings as errors.
#![warn(missing_docs)]

pub mod batch;
pub mod cli;
pub mod detect;
pub mod error;
pub mod eval;

pub mod expr;
pub mod grammar;
pub mod lexicon;
mod narrative;
pub mod reference;
pub mod refine;
pub mod render;
pub mod resolve;
mod spare;
pub mod timeline;
pub mod timeml;

pub use error::Error;
pub use reference::Reference;
pub use resolve::Policy;
pub use timeline::{Event, Mention, Timeline};

use detect::{Tokens, WindowTokens};
use narrative::{frame_of, framed_by, same_sentence_month, states_a_year, year_after_an_old_date, Frame};
use refine::Found;
use resolve::{Context, Resolved};
use timeline::{Explain, Interval, Placed};

/// Options for [`extract_with`].
#[derive(Debug, Clone)]
pub struct Options {
    /// The document name written in the output.
    pub name: String,
    /// Resolution policy.
    pub policy: Policy,
    /// Record how each value was derived.
    pub explain: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { name: "document".to_string(), policy: Policy::default(), explain: false }
    }
}

/// Extracts, resolves and orders the temporal expressions of `text` published at `reference`.
pub fn extract(text: &str, reference: &Reference) -> Timeline {
    extract_with(text, reference, &Options::default())
}

/// Finds the mentions of `text` before resolution: byte spans, unresolved expressions, rules.
pub fn find(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    find_keeping(text, None, &mut found);
    found
}

/// [`find`] appending to `found`, keeping the windows' tokens in `kept` (cleared first) when given.
fn find_keeping(text: &str, kept: Option<&mut WindowTokens>, found: &mut Vec<Found>) {
    FIND_SCRATCH.with(|scratch| {
        // A nested call (none today) would find the scratch borrowed: it gets a fresh one.
        match scratch.try_borrow_mut() {
            Ok(mut s) => find_into(text, &mut s, found, kept),
            Err(_) => find_into(text, &mut FindScratch::default(), found, kept),
        }
    });
}

/// The buffers [`find`] fills for every window, kept per thread so that a batch of documents
/// allocates them once instead of once per document.
#[derive(Default)]
struct FindScratch {
    windows: Vec<(usize, usize)>,
    toks: Tokens,
    cands: Vec<grammar::Candidate>,
    refine: refine::Scratch,
}

thread_local! {
    static FIND_SCRATCH: std::cell::RefCell<FindScratch> = std::cell::RefCell::default();
}

/// The longest piece of a window tokenized at once (the tokenizer addresses keys with 32 bits). A
/// longer window (a gigabyte of triggers with no blank line) is cut at a space near this length:
/// at most one expression at each cut is lost, where otherwise the run would stop.
const MAX_PIECE: usize = 1 << 28;

/// `[start, end)` cut into pieces of at most `max` bytes, each ending at whitespace when there is
/// some in its last quarter, else at a character boundary.
fn pieces(text: &str, start: usize, end: usize, max: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let mut cut = end.min(at + max);
        if cut < end {
            let floor = cut - max / 4;
            let b = text.as_bytes();
            cut = (floor..cut).rev().find(|&i| b[i].is_ascii_whitespace()).map_or(cut, |i| i + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut == at {
                // A single character longer than `max`: take it whole.
                cut = at + text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let piece = (at, cut);
        at = cut;
        Some(piece)
    })
}

/// Finds the mentions of `text` into `found`: its windows tokenized, the grammar's candidates read
/// from each and refined; with `kept`, the windows' tokens are kept for the sentences.
// (Never inlined, nor is `grammar::candidates` into it: left to LTO, whether they were inlined
// changed with unrelated edits and moved the total by 0.3-0.5M instructions.)
#[inline(never)]
fn find_into(text: &str, scratch: &mut FindScratch, found: &mut Vec<Found>, mut kept: Option<&mut WindowTokens>) {
    let FindScratch { windows, toks, cands, refine } = scratch;
    if let Some(kept) = kept.as_deref_mut() {
        kept.clear();
    }
    detect::windows_into(text, windows);
    for (ws, we) in windows.iter().flat_map(|&(ws, we)| pieces(text, ws, we, MAX_PIECE)) {
        toks.tokenize_classified(&text[ws..we], ws);
        cands.clear();
        grammar::candidates(text, toks, cands);
        // The grammar is done with the window's tokens: they are kept for the sentences (taken
        // out of `toks`, which the next window fills again).
        if let Some(kept) = kept.as_deref_mut() {
            kept.keep(text, (ws, we), toks);
        }
        refine::refine_with(text, cands, found, refine);
    }
    cands.clear();
    toks.release_if_large();
    refine.release_if_large();
    if cands.capacity() > 1 << 12 {
        *cands = Vec::new();
    }
    if windows.capacity() > 1 << 12 {
        *windows = Vec::new();
    }
}

/// [`extract`] with options.
pub fn extract_with(text: &str, reference: &Reference, options: &Options) -> Timeline {
    let mut timeline = Timeline::default();
    extract_into(text, reference, options, &mut timeline);
    timeline
}

/// [`extract_with`] into `timeline`, whatever it held: its lists and strings are overwritten and
/// reused, so that a batch run filling one timeline document after document does not allocate
/// them again for each.
pub fn extract_into(text: &str, reference: &Reference, options: &Options, timeline: &mut Timeline) {
    thread_local! {
        static SCRATCH: std::cell::RefCell<ExtractScratch> = std::cell::RefCell::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => {
            extract_keeping(text, reference, options, timeline, &mut scratch);
            scratch.release_if_large();
        }
        Err(_) => extract_keeping(text, reference, options, timeline, &mut ExtractScratch::default()),
    })
}

/// The buffers [`extract_into`] fills for every document, kept per thread so that a batch run
/// allocates them once.
#[derive(Default)]
struct ExtractScratch {
    /// The windows' tokens of the document being extracted, for its sentences to reuse.
    kept: WindowTokens,
    /// The document's mentions before resolution.
    found: Vec<Found>,
    /// The spans of the sentences that hold its mentions, in order.
    sentences: Vec<(usize, usize)>,
    /// The byte offsets of its mentions' ends, sorted, and their character offsets.
    byte_marks: Vec<usize>,
    char_marks: Vec<usize>,
    /// Per mention, the index of its sentence among the sentences kept.
    kept_index: Vec<usize>,
    /// The sentences tokenized for their tense cues that have a headline too, with their tokens
    /// (emptied after each document, the token buffers handed back).
    tokenized: Vec<((usize, usize), Tokens)>,
    /// Mentions and sentences cut from the timeline of an earlier document, for later ones.
    spare_mentions: Vec<Mention>,
    spare_sentences: Vec<String>,
    /// The allocations of the lists of resolved and placed mentions, empty between documents
    /// (their elements borrow the document's mentions: see [`reuse_empty`]).
    resolved: Vec<ResolvedFound<'static>>,
    placed: Vec<Placed<'static>>,
    /// The room for the tense cues of a sentence, handed from sentence to sentence.
    cue_buffer: resolve::tense::CueBuffer,
}

impl ExtractScratch {
    /// Frees the buffers if a huge document left them large.
    fn release_if_large(&mut self) {
        const KEEP: usize = 1 << 12;
        if self.found.capacity() > KEEP / 8 {
            self.found = Vec::new();
        }
        if self.sentences.capacity().max(self.byte_marks.capacity()).max(self.kept_index.capacity()) > KEEP {
            self.sentences = Vec::new();
            self.byte_marks = Vec::new();
            self.char_marks = Vec::new();
            self.kept_index = Vec::new();
        }
        if self.tokenized.capacity() > KEEP / 8 {
            self.tokenized = Vec::new();
        }
        if self.cue_buffer.capacity() > KEEP {
            self.cue_buffer = resolve::tense::CueBuffer::default();
        }
        if self.resolved.capacity().max(self.placed.capacity()) > KEEP / 8 {
            self.resolved = Vec::new();
            self.placed = Vec::new();
        }
    }
}

/// [`extract_into`] with its buffers passed in.
fn extract_keeping(
    text: &str,
    reference: &Reference,
    options: &Options,
    timeline: &mut Timeline,
    scratch: &mut ExtractScratch,
) {
    let ExtractScratch {
        kept,
        found,
        sentences,
        byte_marks,
        char_marks,
        kept_index,
        tokenized,
        spare_mentions,
        spare_sentences,
        resolved: resolved_buffer,
        placed: placed_buffer,
        cue_buffer,
    } = scratch;
    found.clear();
    find_keeping(text, Some(kept), found);
    let window_toks = &*kept;
    // The sentences of the mentions (and only those: the text between them is not read). The
    // merges below keep the start of a mention they join, so every later start has its sentence.
    detect::sentences_holding(text, found.iter().map(|f| f.start), sentences);
    let sentences = &*sentences;
    day_before_a_date(text, sentences, found, reference, &options.policy);
    weekday_by_a_date(text, sentences, found, reference, &options.policy);
    ago_on_this_date(text, found, reference);
    edge_day_of_month(text, sentences, found, reference, &options.policy);
    let found = &*found;
    let sentence_of = |pos: usize| sentence_at(sentences, pos);
    let mut resolved: Vec<ResolvedFound> = reuse_empty(std::mem::take(resolved_buffer));
    // The latest dated mention so far that is no point of comparison by the words right before it
    // (index into `resolved`): the narrative anchor once [`settled_anchor`] has looked at the
    // clauses of those that may be points of comparison.
    let mut latest: Option<usize> = None;
    let mut quarter = None;
    // The year framing the rest of a clause (see `Context::year`).
    let mut frame: Option<Frame> = None;
    // The tense cues of the latest sentence that needed them: one tokenization per sentence.
    let mut cues: Option<(usize, resolve::tense::SentenceCues)> = None;
    // Sentences tokenized for their cues that will have a headline too: their tokens are kept for
    // it in `tokenized` (up to a bound on the tokens kept, so that memory stays flat; beyond it,
    // headlines tokenize again).
    let mut tokens_kept = 0;
    for (fi, f) in found.iter().enumerate() {
        let si = sentence_of(f.start);
        let sspan = sentences.get(si).copied().unwrap_or((0, text.len()));
        // The tense of `g`'s clause (`g` in this sentence), read only where it matters (`always`, or its expression needs it).
        let mut clause_tense_of = |g: &Found, always: bool| {
            if !always && !resolve::needs_tense(&g.expr) {
                return None;
            }
            if cues.as_ref().is_none_or(|(_, c)| c.span != sspan) {
                let buffer = match cues.take() {
                    Some((old_si, old)) => keep_for_headlines(old_si, old, &resolved, tokenized, &mut tokens_kept),
                    None => (sentence_tokens(), std::mem::take(cue_buffer)),
                };
                cues = Some((si, resolve::tense::SentenceCues::with_buffer(text, sspan, buffer, window_toks)));
            }
            cues.as_ref().and_then(|(_, c)| c.clause_tense((g.start, g.end)))
        };
        let tense = clause_tense_of(f, false);
        // The narrative anchor, settled only where it is read: by an expression counted from it, or
        // by the day a clock time is on (resolved with this mention's context); elsewhere the
        // resolver does not read it.
        let anchor = if resolve::counts_from_anchor(&f.expr) || f.expr.is_time_only() {
            settled_anchor(text, &resolved, latest)
        } else {
            latest
        };
        // "the quarter ended Sept. 30" with no quarter named before: the calendar quarter that ends
        // then. A quarter named before keeps its number ("its fiscal first quarter ... the quarter
        // ended Sept. 30" is still the first quarter).
        if quarter.is_none() {
            quarter = quarter_ended(text, found, fi, reference, &options.policy);
        }
        // A clause about what is still to come ("it plans to double over the next decade") does not
        // count from a story date that is over, unless it tells a past's future ("he said in 1998 he
        // would retire the following year", "the concert was moved to the following Saturday").
        let over = |a: usize| resolved[a].2.interval.is_some_and(|(_, end)| end.date() <= reference.date);
        let stale = resolve::counts_from_anchor(&f.expr)
            && anchor.is_some_and(over)
            && tense.or_else(|| clause_tense_of(f, true)) == Some(lexicon::Tense::Future)
            && !text[sspan.0.min(f.start)..f.start]
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| word_in(w, &["would", "was", "were"]) || w.ends_with("'d"));
        // Nor does a past clause count from one still to come: "They are expected to appear in court
        // on Tuesday. ... Two were released later that day" is the day of the shooting, the latest
        // story date before that is not ahead of the publication date.
        let ahead = |a: usize| resolved[a].2.interval.is_some_and(|(s, _)| s.date() > reference.date);
        let anchored_ahead = !stale && anchor.is_some_and(ahead) && resolve::counts_from_anchor(&f.expr);
        let told_past = anchored_ahead
            && matches!(
                tense.or_else(|| clause_tense_of(f, true)),
                Some(lexicon::Tense::Past | lexicon::Tense::PastVerb)
            );
        let anchor_here = match anchor {
            _ if stale => None,
            Some(a) if told_past => (0..a).rev().find(|&b| {
                let (_, g, r, _, _) = &resolved[b];
                r.is_dated() && !ahead(b) && !is_comparison_base(text, g.start)
            }),
            a => a,
        };
        let mut ctx = Context {
            tense,
            anchor: anchor_here.and_then(|a| {
                let r = &resolved[a].2;
                let (s, g) = r.start_and_grain()?;
                // Midnight ends its day: "at midnight Friday ... earlier in the day" is Friday.
                let whole_days =
                    matches!(f.expr.kind, expr::TemporalExpr::Offset { unit, .. } if unit.grain() <= expr::Grain::Day);
                let midnight = is_midnight(&resolved[a].1.expr);
                Some(if midnight && whole_days { (s - chrono::Duration::seconds(1), g) } else { (s, g) })
            }),
            anchor_zone: anchor_here.and_then(|a| resolved[a].2.zone),
            quarter,
            day: same_sentence_day(text, &resolved, si),
            year: frame
                .and_then(|fr| framed_by(text, &fr, si, f, tense, reference))
                .or_else(|| year_after_an_old_date(text, &resolved, (si, sspan.0), f, tense, reference)),
            month: same_sentence_month(&resolved, si, &f.expr),
        };
        // A clock time is on the day joined right after it ("at 4 a.m. local time (0200 GMT) on
        // Sunday", "between 5 a.m. and 9 a.m. Monday", after "9 p.m. Sunday" in the same sentence);
        // failing that, on the day named before it in its sentence.
        let mut day_after = || {
            let (g, runs) = match clock_day_after(text, found, fi) {
                Some(g) => (g, false),
                None => (clock_runs_to(text, found, fi)?, true),
            };
            let ctx = Context { tense: clause_tense_of(g, false), ..ctx };
            let r = resolve::resolve(&g.expr, reference, &ctx, &options.policy)?;
            let (at, grain) = r.start_and_grain()?;
            if grain < expr::Grain::Day {
                return None;
            }
            // A midnight is written as the end of its day, so its interval starts the next: "from 9
            // a.m. until midnight Friday" is on Friday. "between midnight and 6 a.m. Wednesday" is
            // the midnight that starts Wednesday, which ends the day before.
            let before = i64::from(runs && is_midnight(&f.expr)) + i64::from(is_midnight(&g.expr));
            // "3:17 a.m. local time Monday (2017 GMT Sunday)": a local time beside the same moment
            // in a zone is on the day that moment is, there.
            Some(at.date() + chrono::Duration::days(local_day_shift(&f.expr, at.time(), r.zone) - before))
        };
        let mut day = day_after().or(ctx.day);
        // A clock time with no day in a sentence about something that recurs ("opens at 9 a.m. every
        // day", "each evening from 9:30 p.m. to 11 p.m.", "from 8 a.m. to 6 p.m. on weekdays") is a
        // time of any day, not one of the publication day.
        let any_day = day.is_none() && f.expr.is_time_only() && recurs(text, found, sspan);
        // So is a month and day in a sentence about what recurs each year ("Each year on Nov. 22, a
        // moment of silence is held"): that day of any year.
        let any_year = !any_day
            && matches!(&f.expr.kind, expr::TemporalExpr::Date { date, shift: expr::Shift::Bare } if date.is_month_day_only())
            && recurs_yearly(text, found, sspan);
        // Failing both, a clock time told in the past is on the day the sentence before dated, or
        // across digressions on the story's day ([`recent_day`]: "Police said the shooting happened
        // on Saturday. The suspect fled shortly before 3 p.m."). The clause's tense is read last, as
        // it costs most.
        // (Not a time things stand at, "was 40% contained as of 6 a.m.": the news's.)
        if day.is_none() && !any_day && f.expr.is_time_only() && si > 0 && !after_as_of(text, f.start) {
            // So is one told in the future, on a day ahead that the story is about ("Spain will see
            // the eclipse on Wednesday evening. The moon will begin to cover the sun at about 7:30
            // p.m.").
            // (A day named in a clause about the future: not "The party ran from 11 p.m. Friday to 3
            // a.m. It is open from 9 a.m.", a day after the publication's only as the night ran on.)
            let recent = recent_day(text, &resolved, si)
                .filter(|(d, t)| *d < reference.date || (*d > reference.date && *t == Some(lexicon::Tense::Future)));
            if let Some((recent, _)) = recent {
                let ahead = recent > reference.date;
                let tense = clause_tense_of(f, true);
                if tense == Some(if ahead { lexicon::Tense::Future } else { lexicon::Tense::Past }) {
                    day = Some(recent);
                }
            }
        }
        // Set in place: a `Context` is some 90 bytes, copied field by field.
        ctx.day = day;
        // The start of the range this mention ends, read before the mention joins the list; or the
        // day of the weekday joined before it ("next Saturday and Sunday": the Sunday after it).
        let range_start = range_start_of(found, fi, &resolved).or_else(|| {
            joined_weekday_start(text, found, fi, &resolved).filter(|_| tense != Some(lexicon::Tense::Past))
        });
        // The value goes to the list at once and is fixed there: moving a `Resolved` from the
        // resolver's return to a variable and then to the list copied it twice.
        let r = if any_day {
            resolve::time_of_any_day(&f.expr)
        } else if any_year {
            resolve::day_of_any_year(&f.expr)
        } else {
            resolve::resolve(&f.expr, reference, &ctx, &options.policy)
        };
        let Some(r) = r else {
            continue;
        };
        push_resolved(&mut resolved, si, f, r, tense);
        let (_, _, r, _, anchor_used) = resolved.last_mut().expect("pushed just above");
        // The end of a range comes after its start: "from Monday to Wednesday" in a past sentence
        // ends on the Wednesday after that Monday, not the one before it; and a weekday ends it in
        // the week it starts ("The festival ran from Thursday until Sunday" on a Wednesday ends the
        // Sunday after last Thursday, not the coming one).
        // ("from Sept. 14 to Thursday" may span weeks.)
        let weekdays = weekday_only(f).is_some() && fi > 0 && weekday_only(&found[fi - 1]).is_some();
        let misplaced = |s: &chrono::NaiveDateTime| {
            r.interval.is_some_and(|(b, _)| b < *s || (weekdays && b >= *s + chrono::Duration::days(7)))
        };
        if let Some(start) = range_start.filter(misplaced) {
            let from = Reference::from_date(start.date());
            // (Not in the year that frames the clause, which the start is in: "In 1990, the season
            // ran from December to March" ends in March 1991.)
            let ctx = Context { tense: Some(lexicon::Tense::Future), year: None, ..ctx };
            // A clock time alone may also be on the day after ("between 10 p.m. and 2 a.m.").
            let next_day = Context { day: start.date().succ_opt(), ..ctx };
            let tries = [Some(ctx), f.expr.is_time_only().then_some(next_day)];
            if let Some(again) = tries.into_iter().flatten().find_map(|ctx| {
                resolve::resolve(&f.expr, &from, &ctx, &options.policy)
                    .filter(|again| again.interval.is_some_and(|(b, _)| b >= start))
            }) {
                *r = again;
            }
        }
        *anchor_used = r.used_anchor.then_some(anchor_here).flatten();
        let dated = r.is_dated();
        let (r_interval, r_grain) = (r.interval, r.grain);
        // A point of comparison ("compared with September of last year, sales were down") is not
        // the date the story has moved to: "the price rose from a year earlier" after it still
        // counts from the period reported.
        if dated && may_anchor(text, f) {
            latest = Some(resolved.len() - 1);
        }
        if let (Some((s, _)), true) = (r_interval, states_a_year(&f.expr)) {
            frame = frame_of(text, sspan, f).map(|(clause, sentence)| Frame {
                sentence: si,
                from: f.end,
                clause,
                sentence_end: sentence,
                year: chrono::Datelike::year(&s),
            });
        }
        // The quarter a report is about: stated quarters, or "the quarter" when none was stated
        // before (the quarter just ended); not "a year ago" or "the quarter" resolved from one, nor
        // "in a quarter" read as a future date.
        let derived = matches!(
            f.expr.kind,
            expr::TemporalExpr::Offset { counted: true, .. }
                | expr::TemporalExpr::Offset { anchor: expr::Anchor::ReportedIn(_), .. }
                | expr::TemporalExpr::Duration { .. }
        ) || (quarter.is_some()
            && matches!(f.expr.kind, expr::TemporalExpr::Offset { anchor: expr::Anchor::Reported, .. }));
        // A report is about a quarter already begun (fiscal quarters are numbered from other months):
        // "expects a profit in the third quarter of 1990" is a forecast, not the period reported on.
        // (Nor a quarter compared with: "compared with 17.7% in the second quarter".)
        if let (Some((s, _)), Some(expr::Grain::Quarter), false) = (r_interval, r_grain, derived) {
            if s.date() <= reference.date && !is_comparison_base(text, f.start) && !compared_in_clause(text, f.start) {
                quarter = Some(s);
            }
        }
    }

    if let Some((old_si, old)) = cues.take() {
        let (toks, cues) = keep_for_headlines(old_si, old, &resolved, tokenized, &mut tokens_kept);
        recycle_sentence_tokens(toks);
        *cue_buffer = cues;
    }

    // Character offsets, computed in one pass over the text.
    byte_marks.clear();
    byte_marks.extend(resolved.iter().flat_map(|(_, f, ..)| [f.start, f.end]));
    byte_marks.sort_unstable();
    byte_marks.dedup();
    // (In a text that is ASCII up to its last mention, most news, a byte offset is its own
    // character offset: no search.)
    let ascii = char_offsets(text, byte_marks, char_marks);
    let to_char = |b: usize| if ascii { b } else { char_marks[byte_marks.binary_search(&b).unwrap_or(0)] };

    let Timeline { schema, document, sentences: kept, mentions, events } = timeline;
    timeline::set_str(schema, timeline::SCHEMA);
    timeline::set_str(&mut document.name, &options.name);
    document.dct.clear();
    // Writing into a `String` cannot fail.
    let _ = reference.write_value(&mut document.dct);
    // The sentences that hold a mention, each once; mentions point into this list.
    kept_index.clear();
    let mut n_kept = 0;
    let mut last_si = None;
    for (si, ..) in &resolved {
        if last_si != Some(*si) {
            let (s0, s1) = sentences.get(*si).copied().unwrap_or((0, text.len()));
            timeline::set_str(timeline::slot(kept, n_kept, spare_sentences), &text[s0..s1]);
            n_kept += 1;
            last_si = Some(*si);
        }
        kept_index.push(n_kept - 1);
    }
    timeline::truncate(kept, n_kept, spare_sentences);
    for (k, (_, f, r, tense, anchor_used)) in resolved.iter_mut().enumerate() {
        let m: &mut Mention = timeline::slot(mentions, k, spare_mentions);
        timeline::set_numbered_id(&mut m.id, 'm', k + 1);
        timeline::set_str(&mut m.text, &text[f.start..f.end]);
        m.start = to_char(f.start);
        m.end = to_char(f.end);
        m.byte_start = f.start;
        m.byte_end = f.end;
        m.kind = r.kind;
        // Moved, not cloned: the resolved values are not read again. The mention's value from an
        // earlier document goes back to the resolver, for a later value to be written into.
        resolve::recycle_value(std::mem::replace(&mut m.value, std::mem::take(&mut r.value)));
        m.modifier = r.modifier;
        m.quant = r.quant.map(str::to_string);
        m.freq = r.freq.take();
        m.interval = r.interval.map(|(start, end)| Interval { start, end });
        m.grain = r.grain;
        // The anchor's id, written over the one before when there was one.
        match (*anchor_used, &mut m.anchor) {
            (Some(a), Some(id)) => timeline::set_numbered_id(id, 'm', a + 1),
            (a, anchor) => *anchor = a.map(|a| timeline::numbered_id('m', a + 1)),
        }
        m.range_with = None;
        m.sentence = kept_index[k];
        m.explain = options.explain.then(|| Explain {
            rule: f.rule.to_string(),
            unresolved: f.expr.unresolved(),
            tense: tense.map(|t| format!("{t:?}").to_lowercase()),
            how: r.how.to_string(),
        });
    }
    timeline::truncate(mentions, resolved.len(), spare_mentions);
    // Ranges: link each range start with the mention after it (if both resolved).
    for k in 0..resolved.len().saturating_sub(1) {
        let (f, g) = (resolved[k].1, resolved[k + 1].1);
        if f.range_start && f.end <= g.start {
            mentions[k].range_with = Some(mentions[k + 1].id.clone());
            mentions[k + 1].range_with = Some(mentions[k].id.clone());
        }
    }
    let mut placed: Vec<Placed> = reuse_empty(std::mem::take(placed_buffer));
    placed.extend(mentions.iter().zip(&resolved).map(|(m, (si, ..))| Placed {
        mention: m,
        sentence_span: sentences.get(*si).copied().unwrap_or((0, text.len())),
        sentence_index: *si,
    }));
    timeline::build_events_into(text, &placed, tokenized, window_toks, events);
    tokenized.drain(..).for_each(|(_, t)| recycle_sentence_tokens(t));
    *placed_buffer = reuse_empty(placed);
    *resolved_buffer = reuse_empty(resolved);
}

/// `list`, emptied, as a list of elements of another lifetime, in the same allocation: a list whose
/// elements borrow one document is kept for the next that way, not allocated and freed for each.
/// (Collecting a `Vec`'s own iterator into a `Vec` of elements of the same size and alignment
/// reuses its allocation; the list is empty, so no element is ever converted.)
fn reuse_empty<'a, 'b, T: 'a, U: 'b>(mut list: Vec<T>) -> Vec<U> {
    list.clear();
    list.into_iter().filter_map(|_| None).collect()
}

/// The index of the sentence (of `sentences`, in text order) that holds byte `pos`; 0 before the first.
fn sentence_at(sentences: &[(usize, usize)], pos: usize) -> usize {
    sentences.partition_point(|&(s, _)| s <= pos).saturating_sub(1)
}

/// "the day before last Tuesday", "the day after Christmas", "two weeks from Saturday", "a week ago
/// Sunday": a shift right before a day is one mention, that day shifted. (Before an event, "the day
/// before the vote", it stays anaphoric; "two days after Oct. 12" stays a length and a date.)
fn day_before_a_date(
    text: &str,
    sentences: &[(usize, usize)],
    found: &mut Vec<Found>,
    reference: &Reference,
    policy: &Policy,
) {
    use expr::{Amount, Anchor, TemporalExpr, Unit};
    // The shift a mention makes on the day after it: "the day before" and "the day after" hold their
    // joining word; an exact amount ("two weeks") is joined by "from"; "a week ago" is followed by a
    // weekday right away.
    let shift = |f: &Found| match f.expr.kind {
        TemporalExpr::Offset {
            unit: Unit::Day, offset: n @ (-1 | 1), anchor: Anchor::Narrative, time: None, ..
        } => Some(Joined::Within(Unit::Day, n)),
        TemporalExpr::Duration {
            amount: Amount::Exact(n),
            unit: unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year),
            future: false,
        } if f.expr.modifier.is_none() && n >= 1.0 && n.fract() == 0.0 && n <= 1000.0 => {
            Some(Joined::ByWord(unit, n as i32))
        }
        TemporalExpr::Offset {
            unit: unit @ (Unit::Day | Unit::Week),
            offset: n @ -52..=-1,
            anchor: Anchor::Reference,
            time: None,
            counted: true,
        } if f.expr.modifier.is_none() => Some(Joined::Back(unit, n)),
        _ => None,
    };
    // The shift `f` makes on `g` when the words join them.
    let joins = |f: &Found, g: &Found| -> Option<(Unit, i32)> {
        let joined = shift(f)?;
        let between = refine::trim_gap(text.get(f.end..g.start)?);
        match joined {
            Joined::Within(unit, n) => {
                let word = text[f.start..f.end].rsplit(' ').next().unwrap_or("");
                (word_in(word, &["before", "after"]) && between.is_empty()).then_some((unit, n))
            }
            Joined::ByWord(unit, n) => {
                // "two days after Oct. 12" stays a length and a date, as TimeML marks it; "from"
                // counts as in "two weeks from now".
                if !between.eq_ignore_ascii_case("from") {
                    return None;
                }
                // "banned for 30 days from Monday" is a length that starts on Monday; "set for a
                // week from Friday" is a day.
                let (word, before) = last_word(text[..f.start].trim_end());
                let planned = || word_in(last_word(before.trim_end()).0, resolve::tense::PLANNED_WORDS);
                let length = word_in(word, &["lasting", "lasts", "last", "within", "over", "of"]);
                (!length && (!word.eq_ignore_ascii_case("for") || planned())).then_some((unit, n))
            }
            // Only a weekday: "a week ago Sunday" is the Sunday before last.
            Joined::Back(unit, n) => {
                let weekday = matches!(&g.expr.kind, TemporalExpr::Date { date, .. } if date.weekday.is_some() && date.day.is_none());
                (weekday && between.is_empty()).then_some((unit, n))
            }
        }
    };
    // Most documents have no such pair: their list stays as it is.
    if !found.windows(2).any(|w| joins(&w[0], &w[1]).is_some()) {
        return;
    }
    merge_neighbours(found, |f, g| {
        let (unit, n) = joins(f, g)?;
        // The day is resolved in its clause's tense: "is scheduled for the day after
        // Thanksgiving" is the coming one, "left the day after Christmas" the last.
        let day = day_in_clause(text, sentences, g, f.start, reference, policy)?;
        let day = resolve::calendar::add_units(day, unit, n)?;
        day_mention((f.start, g.end), day, f.rule, g.range_start)
    });
}

/// "the Friday after Thanksgiving", "the Monday before Christmas", "the Wednesday before Nov. 5": a
/// weekday after "the" and right before "before" or "after" a day is one mention, the nearest such
/// weekday on that side of the day.
fn weekday_by_a_date(
    text: &str,
    sentences: &[(usize, usize)],
    found: &mut Vec<Found>,
    reference: &Reference,
    policy: &Policy,
) {
    use expr::{Shift, TemporalExpr};
    // The weekday, the side ("after" or "before") and where "the" starts, when "the {weekday}
    // before|after" joins `f` to `g`.
    let joins = |f: &Found, g: &Found| -> Option<(u32, Shift, usize)> {
        let wd = match &f.expr.kind {
            TemporalExpr::Date { date, shift: Shift::Bare }
                if date.day.is_none() && date.month.is_none() && date.time.is_none() && f.expr.modifier.is_none() =>
            {
                date.weekday?
            }
            _ => return None,
        };
        let side = match refine::trim_gap(text.get(f.end..g.start)?) {
            w if w.eq_ignore_ascii_case("after") => Shift::Next,
            w if w.eq_ignore_ascii_case("before") => Shift::Last,
            _ => return None,
        };
        let (the, before) = last_word(text[..f.start].trim_end());
        the.eq_ignore_ascii_case("the").then_some((wd, side, before.len()))
    };
    // Most documents have no such pair: their list stays as it is.
    if !found.windows(2).any(|w| joins(&w[0], &w[1]).is_some()) {
        return;
    }
    merge_neighbours(found, |f, g| {
        let (wd, side, the) = joins(f, g)?;
        let day = day_in_clause(text, sentences, g, the, reference, policy)?;
        // The first such weekday strictly after (before) the day, as for "the following Saturday".
        let day = resolve::policy::weekday_date(day, wd, side, resolve::policy::Lean::Same)?;
        day_mention((the, g.end), day, f.rule, g.range_start)
    });
}

/// The day `g` names, resolved in the tense of its clause (read from byte `from`), if it names one
/// ("Thanksgiving", "Nov. 5"; not a week, a month or a length).
fn day_in_clause(
    text: &str,
    sentences: &[(usize, usize)],
    g: &Found,
    from: usize,
    reference: &Reference,
    policy: &Policy,
) -> Option<chrono::NaiveDate> {
    let r = resolve_in_clause(text, sentences, g, from, reference, policy)?;
    if r.grain != Some(expr::Grain::Day) || r.value.starts_with('P') {
        return None;
    }
    Some(r.interval?.0.date())
}

/// What `g` resolves to in the tense of its clause, the clause read from byte `from` (where the
/// mention it joins starts) to its end.
fn resolve_in_clause(
    text: &str,
    sentences: &[(usize, usize)],
    g: &Found,
    from: usize,
    reference: &Reference,
    policy: &Policy,
) -> Option<Resolved> {
    let tense = resolve::needs_tense(&g.expr).then(|| {
        let sentence = sentences.get(sentence_at(sentences, g.start)).copied().unwrap_or((0, text.len()));
        resolve::tense::clause_tense(text, sentence, (from, g.end))
    });
    let ctx = Context { tense: tense.flatten(), ..Context::default() };
    resolve::resolve(&g.expr, reference, &ctx, policy)
}

/// A mention of one day (`day`, stated in full) over the byte span `(start, end)`.
fn day_mention(
    (start, end): (usize, usize),
    day: chrono::NaiveDate,
    rule: &'static str,
    range_start: bool,
) -> Option<Found> {
    let date = resolve::calendar::shift_period(day, expr::Unit::Day, 0)?;
    Some(Found {
        start,
        end,
        expr: expr::Expr::new(expr::TemporalExpr::Date { date, shift: expr::Shift::Bare }),
        rule,
        range_start,
    })
}

/// Whether `word` is one of `list`, in any ASCII case.
fn word_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// "the first day of March", "the last day of the month", "the final day of 2023": the words before a
/// month or a year that pick its first or last day make one mention with it, that day.
fn edge_day_of_month(
    text: &str,
    sentences: &[(usize, usize)],
    found: &mut Vec<Found>,
    reference: &Reference,
    policy: &Policy,
) {
    use expr::{TemporalExpr, Unit};
    // Where "the first day of" (or "last", "final") starts before `g`, and whether it is the last.
    let lead = |g: &Found| -> Option<(usize, bool)> {
        let month = match &g.expr.kind {
            TemporalExpr::Date { date, .. } => {
                (date.month.is_some() || date.year.is_some())
                    && date.day.is_none()
                    && date.weekday.is_none()
                    && date.time.is_none()
                    && date.holiday.is_none()
            }
            TemporalExpr::Offset { unit: Unit::Month | Unit::Year, time: None, .. } => true,
            _ => false,
        };
        if !month {
            return None;
        }
        let (of, before) = last_word(text[..g.start].trim_end());
        if !of.eq_ignore_ascii_case("of") {
            return None;
        }
        let (day, before) = last_word(before.trim_end());
        let (edge, before) = last_word(before.trim_end());
        let first = edge.eq_ignore_ascii_case("first");
        if !day.eq_ignore_ascii_case("day") || !(first || word_in(edge, &["last", "final"])) {
            return None;
        }
        // (`before` ends where the edge word starts.)
        let (the, rest) = last_word(before.trim_end());
        Some((if the.eq_ignore_ascii_case("the") { rest.len() } else { before.len() }, !first))
    };
    // Most documents have none: their list stays as it is.
    if !found.iter().any(|g| lead(g).is_some()) {
        return;
    }
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for g in std::mem::take(found) {
        let merged = lead(&g).and_then(|(start, last)| {
            let r = resolve_in_clause(text, sentences, &g, start, reference, policy)?;
            if !matches!(r.grain, Some(expr::Grain::Month | expr::Grain::Year)) {
                return None;
            }
            let (from, to) = r.interval?;
            let day = if last { to.date().pred_opt()? } else { from.date() };
            day_mention((start, g.end), day, g.rule, g.range_start)
        });
        match merged {
            Some(m) => {
                // The words' own mention ("the last day") is inside the new one.
                while out.last().is_some_and(|f| f.start >= m.start) {
                    out.pop();
                }
                out.push(m);
            }
            None => out.push(g),
        }
    }
    *found = out;
}

/// The last word of `text` (ASCII letters only, as written) and the text before it.
fn last_word(text: &str) -> (&str, &str) {
    // Every byte of the word is ASCII: the one before it starts a character.
    let at = text.bytes().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    (&text[at..], &text[..at])
}

/// Whether the mention starting at `start` is what something is compared with, or the start of a
/// span that runs to now, rather than a date the story moves to: after "compared with", "compared
/// to", "versus", "vs."; in a clause of "since" ("the slowest pace since October 2010", "since rates
/// began to climb in 2022"); in the "from" of a change ("sales were up 1.7% from October last
/// year", "up from 28 days in October 2024").
fn is_comparison_base(text: &str, start: usize) -> bool {
    compared_right_after(text, start) || in_a_clause_of_comparison(text, start)
}

/// [`is_comparison_base`] by the words right before the mention ("compared with", "versus",
/// "since").
fn compared_right_after(text: &str, start: usize) -> bool {
    let (w, rest) = last_word(text[..start].trim_end_matches([' ', '.']));
    word_in(w, &["versus", "vs", "since"])
        || (word_in(w, &["with", "to"]) && word_in(last_word(rest.trim_end()).0, &["compared"]))
}

/// [`is_comparison_base`] by the clause before the mention ("since rates began to climb in",
/// "up from 28 days in").
fn in_a_clause_of_comparison(text: &str, start: usize) -> bool {
    // The last words of its clause before it, nearest first: up to eight, in the hundred bytes
    // before it (a text with no punctuation is not read back to its start for each mention). One
    // walk back over the bytes: words end at ASCII spaces and punctuation, so every cut is a
    // character boundary.
    // (A table of the bytes that end a word: 1 a space, 2 what ends the clause.)
    static ENDS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = match b as u8 {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => 1,
                b',' | b';' | b'.' | b'(' | b':' => 2,
                _ => 0,
            };
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    let floor = start.saturating_sub(100);
    let mut words = [""; 8];
    let (mut n, mut end) = (0, start);
    let mut i = start;
    while i > floor {
        let kind = ENDS[bytes[i - 1] as usize];
        if kind != 0 {
            if end > i {
                words[n] = &text[i..end];
                n += 1;
                if n == words.len() {
                    break;
                }
            }
            if kind == 2 {
                break;
            }
            end = i - 1;
        }
        i -= 1;
    }
    // (The text's first word, when the walk reached it.)
    if i == 0 && end > 0 && n < words.len() {
        words[n] = &text[..end];
        n += 1;
    }
    let words = &words[..n];
    // "up 1.7% from October last year", "up from 28 days in October 2024": the base of a change.
    let change = |v: &&str| v.ends_with('%') || word_in(v, &["percent", "up", "down", "points"]);
    let from_a_change = |k: usize| word_in(words[k], &["from"]) && words[k + 1..].iter().take(3).any(change);
    // "since rates began to climb in 2022": the start of a span that runs to now, in a clause of
    // its own.
    words.iter().take(7).any(|v| word_in(v, &["since"])) || (0..n).any(from_a_change)
}

/// Whether "compared" stands earlier in the clause before `start`, in the hundred bytes before it
/// ("compared with 16.9% in Q3 2025 and 17.7% in the second quarter"): what is compared with. (A
/// decimal point ends no clause.) Asked of quarters only, which are few: out of line.
#[cold]
#[inline(never)]
fn compared_in_clause(text: &str, start: usize) -> bool {
    let head = &text.as_bytes()[start.saturating_sub(100)..start];
    let mut end = head.len();
    let from = loop {
        match head[..end].iter().rposition(|&b| matches!(b, b',' | b';' | b'(' | b':' | b'.')) {
            Some(k) if head[k] == b'.' && head.get(k + 1).is_some_and(u8::is_ascii_digit) => end = k,
            Some(k) => break k + 1,
            None => break 0,
        }
    };
    let clause = &head[from..];
    clause.windows(8).any(|w| w == b"compared" || w == b"Compared")
}

/// The most mentions [`settled_anchor`] looks back over (a run of points of comparison and undated
/// mentions longer than that leaves no anchor; so the work per mention stays bounded).
const ANCHOR_LOOK_BACK: usize = 64;

/// Whether the mention `f`, if dated, may be the narrative anchor as far as the words right before
/// it tell (its clause is read only when the anchor is: [`settled_anchor`]).
fn may_anchor(text: &str, f: &Found) -> bool {
    !compared_right_after(text, f.start)
}

/// The narrative anchor from `latest`, the latest dated mention that is no point of comparison by
/// the words right before it: it, or the one before it of the same kind, when its clause makes it a
/// point of comparison ([`in_a_clause_of_comparison`]).
fn settled_anchor(text: &str, resolved: &[ResolvedFound], latest: Option<usize>) -> Option<usize> {
    let latest = latest?;
    (latest.saturating_sub(ANCHOR_LOOK_BACK - 1)..=latest)
        .rev()
        .filter(|&b| b == latest || (resolved[b].2.is_dated() && may_anchor(text, resolved[b].1)))
        .find(|&b| !in_a_clause_of_comparison(text, resolved[b].1.start))
}

/// How a mention joins the day after it in [`day_before_a_date`], and the shift it makes.
#[derive(Clone, Copy)]
enum Joined {
    /// "the day before", "the day after": the joining word is the mention's last.
    Within(expr::Unit, i32),
    /// "two weeks": joined by "from".
    ByWord(expr::Unit, i32),
    /// "a week ago": right before a weekday, as many units back.
    Back(expr::Unit, i32),
}

/// "a year ago today", "a year ago this month", "10 years ago last month": a count back from the
/// publication date followed right away by a finer period of the present is one mention, that
/// period as many units back (the same day a year before, the same month).
fn ago_on_this_date(text: &str, found: &mut Vec<Found>, reference: &Reference) {
    use expr::{Anchor, TemporalExpr, Unit};
    let back = |f: &Found| match f.expr.kind {
        TemporalExpr::Offset { unit, offset, anchor: Anchor::Reference, time: None, counted: true }
            if offset < 0 && f.expr.modifier.is_none() =>
        {
            Some((unit, offset))
        }
        _ => None,
    };
    let present = |g: &Found| match g.expr.kind {
        TemporalExpr::Offset {
            unit: unit @ (Unit::Day | Unit::Week | Unit::Month),
            offset: offset @ (-1 | 0),
            anchor: Anchor::Reference,
            time: None,
            counted: false,
        } if g.expr.modifier.is_none() => Some((unit, offset)),
        _ => None,
    };
    // Most documents have none: their list stays as it is.
    if !found.windows(2).any(|w| back(&w[0]).is_some() && present(&w[1]).is_some()) {
        return;
    }
    merge_neighbours(found, |f, g| {
        let ((u, n), (v, k)) = (back(f)?, present(g)?);
        if !refine::trim_gap(text.get(f.end..g.start)?).is_empty() || v.grain() <= u.grain() {
            return None;
        }
        // (`u` is coarser than `v`, a day or longer: never a day itself.)
        let day = resolve::calendar::add_units(reference.date, u, n)?;
        let date = resolve::calendar::shift_period(day, v, k)?;
        Some(Found {
            start: f.start,
            end: g.end,
            expr: expr::Expr::new(TemporalExpr::Date { date, shift: expr::Shift::Bare }),
            rule: f.rule,
            range_start: f.range_start,
        })
    });
}

/// Replaces each pair of neighbouring mentions that `merge` joins by the one mention it returns, in
/// one pass that moves each mention once (linear however many pairs merge).
fn merge_neighbours(found: &mut Vec<Found>, mut merge: impl FnMut(&Found, &Found) -> Option<Found>) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut it = std::mem::take(found).into_iter().peekable();
    while let Some(f) = it.next() {
        match it.peek().and_then(|g| merge(&f, g)) {
            Some(m) => {
                it.next();
                out.push(m);
            }
            None => out.push(f),
        }
    }
    *found = out;
}

thread_local! {
    /// Token buffers of the sentences read for tense and headlines, handed back after each document
    /// so that the next one does not allocate its own.
    static SENTENCE_TOKENS: spare::Spares<Tokens> = const { spare::Spares::new(64) };
}

/// A token buffer for a sentence: one handed back by an earlier sentence, or a new one.
fn sentence_tokens() -> Tokens {
    SENTENCE_TOKENS.with(spare::Spares::take).unwrap_or_default()
}

/// Hands a sentence's token buffer back for reuse (a bounded number of them, none large).
fn recycle_sentence_tokens(mut toks: Tokens) {
    toks.release_if_large();
    SENTENCE_TOKENS.with(|spare| spare.give(toks));
}

/// Most tokens kept from the tense pass for headlines, per document.
const KEEP_TOKENS: usize = 1 << 16;

/// A mention as `extract_with` resolves it: its sentence, what was found, its resolution, the tense
/// of its clause and the index (in the same list) of the anchor it was counted from.
type ResolvedFound<'a> = (usize, &'a Found, Resolved, Option<lexicon::Tense>, Option<usize>);

/// Appends mention `f` of sentence `si`, resolved to `r` in a clause of tense `tense`, to `list`
/// (no anchor used yet), writing each field where the list holds it. A push moved the value out of
/// the resolver's `Option` to the stack, built the entry there, and copied the entry to the list:
/// two calls to `memcpy` per mention instead of one.
#[inline(always)]
fn push_resolved<'a>(
    list: &mut Vec<ResolvedFound<'a>>,
    si: usize,
    f: &'a Found,
    r: Resolved,
    tense: Option<lexicon::Tense>,
) {
    list.reserve(1);
    let len = list.len();
    assert!(len < list.capacity(), "room for the mention");
    // SAFETY: the entry at `len` is within the capacity (reserved above), past the length: every
    // field is written there before the length takes it in, and nothing reads it before.
    unsafe {
        let at = list.as_mut_ptr().add(len);
        std::ptr::addr_of_mut!((*at).2).write(r);
        std::ptr::addr_of_mut!((*at).0).write(si);
        std::ptr::addr_of_mut!((*at).1).write(f);
        std::ptr::addr_of_mut!((*at).3).write(tense);
        std::ptr::addr_of_mut!((*at).4).write(None);
        list.set_len(len + 1);
    }
}

/// Keeps the tokens of `cues`, the cues of sentence `si`, for its headlines when it has a dated
/// mention (as [`timeline::build_events`] decides, from the mentions resolved so far, which are all
/// of the sentence's: they come in text order) and the bound allows; returns a buffer to reuse
/// otherwise, with the room of the cues.
fn keep_for_headlines(
    si: usize,
    cues: resolve::tense::SentenceCues,
    resolved: &[ResolvedFound],
    tokenized: &mut Vec<((usize, usize), Tokens)>,
    kept: &mut usize,
) -> (Tokens, resolve::tense::CueBuffer) {
    let span = cues.span;
    // (Tokens read in a window are found there again by the headlines.)
    let own = cues.owns_tokens();
    let (toks, cue_buffer) = cues.into_buffers();
    let dated = resolved.iter().rev().take_while(|(s, ..)| *s >= si).any(|(s, _, r, ..)| {
        *s == si
            && r.interval.is_some()
            && r.grain.is_some()
            && matches!(r.kind, resolve::TimexType::Date | resolve::TimexType::Time)
    });
    if own && dated && *kept + toks.len() <= KEEP_TOKENS {
        *kept += toks.len();
        tokenized.push((span, toks));
        (sentence_tokens(), cue_buffer)
    } else {
        (toks, cue_buffer)
    }
}

/// For a reported quarter ("the quarter", "the latest period") followed by "ended" or "ending" and a
/// month or day ("the quarter ended Sept. 30"), the start of the calendar quarter holding that date.
fn quarter_ended(
    text: &str,
    found: &[Found],
    i: usize,
    reference: &Reference,
    policy: &Policy,
) -> Option<chrono::NaiveDateTime> {
    let (f, g) = (&found[i], found.get(i + 1)?);
    let reported = match f.expr.kind {
        expr::TemporalExpr::Offset { unit: expr::Unit::Quarter, anchor: expr::Anchor::Reported, .. } => true,
        // "the three months ended Sept. 30": a quarter, told as a length.
        expr::TemporalExpr::Duration { amount: expr::Amount::Exact(n), unit: expr::Unit::Month, .. } => n == 3.0,
        _ => false,
    };
    let between = refine::trim_gap(text.get(f.end..g.start)?);
    if !reported || !matches!(between, "ended" | "ending" | "that ended" | "which ended") {
        return None;
    }
    let r = resolve::resolve(&g.expr, reference, &Context::default(), policy)?;
    let (start, grain) = r.start_and_grain()?;
    if !matches!(grain, expr::Grain::Day | expr::Grain::Month) {
        return None;
    }
    let d = start.date();
    let first_month = (chrono::Datelike::month(&d) - 1) / 3 * 3 + 1;
    chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&d), first_month, 1)?.and_hms_opt(0, 0, 0)
}

/// The start of the range that `found[fi]` ends, if `found[fi - 1]` opens one and was resolved
/// (it is then the last of `resolved`).
fn range_start_of(found: &[Found], fi: usize, resolved: &[ResolvedFound]) -> Option<chrono::NaiveDateTime> {
    let prev = found.get(fi.checked_sub(1)?)?;
    let (_, last, r, ..) = resolved.last()?;
    (prev.range_start && std::ptr::eq(*last, prev)).then_some(r.interval?.0)
}

/// The weekday of a mention that names one and no day, month or week ("Monday", "next Friday").
fn weekday_only(g: &Found) -> Option<u32> {
    match &g.expr.kind {
        expr::TemporalExpr::Date { date, .. } if date.day.is_none() && date.month.is_none() && date.week.is_none() => {
            date.weekday
        }
        _ => None,
    }
}

/// Whether a mention states a time of day ("Monday night", "Friday at 5 p.m.").
fn has_time(g: &Found) -> bool {
    matches!(&g.expr.kind, expr::TemporalExpr::Date { date, .. } if date.time.is_some())
}

/// Whether a mention states a clock time ("6 p.m. on Tuesday").
fn has_clock(g: &Found) -> bool {
    matches!(&g.expr.kind, expr::TemporalExpr::Date { date, .. } if matches!(date.time, Some(expr::TimeOfDay::Clock { .. })))
}

/// The day of `found[fi - 1]` when it is a weekday joined to `found[fi]`, a later weekday of the
/// week, by "and" or "or" ("next Saturday and Sunday", "Tuesday or Wednesday"), and was resolved (it
/// is then the last of `resolved`): the second is counted from it, as the end of a range is. (Not in a
/// past clause, where a list need not run in order: "met on Monday and Friday".)
fn joined_weekday_start(
    text: &str,
    found: &[Found],
    fi: usize,
    resolved: &[ResolvedFound],
) -> Option<chrono::NaiveDateTime> {
    let prev = found.get(fi.checked_sub(1)?)?;
    // (A day, not a time of it: "Monday night and Tuesday" is left as it is. A clock time on the day
    // before is the day's: "between 2 p.m. and 6 p.m. on Tuesday and Wednesday".)
    let weekday = |g: &Found| weekday_only(g).filter(|_| !has_time(g));
    let (first, second) = (weekday_only(prev).filter(|_| !has_time(prev) || has_clock(prev))?, weekday(&found[fi])?);
    let between = text.get(prev.end..found[fi].start)?.trim();
    if second <= first || !word_in(between, &["and", "or", "&"]) {
        return None;
    }
    let (_, last, r, ..) = resolved.last()?;
    std::ptr::eq(*last, prev).then_some(r.interval?.0)
}

/// The day of the latest day-grain mention already resolved in sentence `si`, not counting the end
/// of a span.
fn same_sentence_day(text: &str, resolved: &[ResolvedFound], si: usize) -> Option<chrono::NaiveDate> {
    resolved.iter().rev().take_while(|(s, ..)| *s == si).find_map(|(_, f, r, ..)| {
        // The end of a span is no day of the sentence's events: "voted late Wednesday to fund the
        // government through Dec. 20, ... hours before a midnight deadline" is Wednesday's midnight.
        if word_in(last_word(text[..f.start].trim_end()).0, &["through", "until", "till", "thru"]) {
            return None;
        }
        r.start_and_grain().filter(|(_, g)| *g >= expr::Grain::Day).map(|(s, _)| s.date())
    })
}

/// Words that tell how something was reported, between a reporting verb and its date ("said in a
/// statement early Wednesday", "told reporters on Monday").
const REPORT_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "late",
    "early",
    "statement",
    "interview",
    "release",
    "conference",
    "briefing",
    "news",
    "press",
    "email",
    "letter",
    "filing",
    "post",
    "reporters",
];

/// The day of a resolved mention of a day or a time of day, but not of the date of a report ("...,
/// the company said in a statement early Wednesday"): the day its events are told on.
fn told_day(text: &str, f: &Found, r: &resolve::Resolved) -> Option<chrono::NaiveDate> {
    let day = day_of(r)?;
    // A reporting verb before it, with only the words of how it was told between ("said in a
    // statement early", "told reporters on"; not "said the shooting happened on").
    let report = after_blank_line(&text[..f.start])
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !word_in(w, REPORT_WORDS))
        .is_some_and(|w| word_in(w, resolve::tense::REPORTING) || word_in(w, &["says"]));
    (!report).then_some(day)
}

/// What of `head` follows its last blank line, looked for in its last 200 bytes (all of it when
/// there is none there): words of another paragraph do not tell how this one's were told.
fn after_blank_line(head: &str) -> &str {
    let b = head.as_bytes();
    let mut newline = false;
    for i in (b.len().saturating_sub(200)..b.len()).rev() {
        match b[i] {
            b'\n' if newline => return &head[i + 1..],
            b'\n' => newline = true,
            b' ' | b'\t' | b'\r' => {}
            _ => newline = false,
        }
    }
    head
}

/// The day a resolved value of a day or a time of day is on (none for a coarser one).
fn day_of(r: &resolve::Resolved) -> Option<chrono::NaiveDate> {
    r.start_and_grain().filter(|(_, g)| *g >= expr::Grain::Day).map(|(start, _)| start.date())
}

/// The day a clock time told in sentence `si` with no day of its own is on: that of the latest
/// mention of a day in the sentence before (sentences are those that hold a mention); or, across
/// digressions ("Rovers clinched the title on Sunday. ... changed managers in October 2024. ... Fans
/// began gathering before kickoff at 3 p.m."), however long, the story's day, the first a mention
/// names (a report's too), when no other day was named since (not "The board approved the plan on
/// Monday" in a story told on the day of publication).
/// With the day, the tense of the clause of the mention that named it.
fn recent_day(
    text: &str,
    resolved: &[ResolvedFound],
    si: usize,
) -> Option<(chrono::NaiveDate, Option<lexicon::Tense>)> {
    let mut recent = resolved.iter().rev().filter(|(s, ..)| *s < si);
    let (s, day, tense) = recent.find_map(|(s, f, r, t, _)| Some((*s, told_day(text, f, r)?, *t)))?;
    // (The story's day may be that of a report: "The firm said on Wednesday it would expand.")
    let story = || resolved.iter().find_map(|(_, _, r, ..)| day_of(r));
    (s + 1 == si || story() == Some(day)).then_some((day, tense))
}

/// Whether the mention starting at `start` follows "as of" ("as of 6 a.m.").
fn after_as_of(text: &str, start: usize) -> bool {
    let (of, rest) = last_word(text[..start].trim_end());
    of.eq_ignore_ascii_case("of") && last_word(rest.trim_end()).0.eq_ignore_ascii_case("as")
}

/// Words that end a clock time's noun and so keep it from the day after ("7 p.m. and again on
/// Saturday", "3 p.m. to the end of the day on Friday").
const NOT_A_CLOCK_NOUN: &[&str] = &[
    "and", "or", "but", "then", "to", "until", "from", "the", "a", "an", "with", "after", "before", "by", "for", "in",
];

/// The mention naming the day of the clock time `found[i]` after it: the next mention that is not
/// a clock time alone, when only clock times, brackets, commas, "on" and "local time" stand between
/// them ("4 a.m. local time (0200 GMT) on Sunday", "noon (local time) on Thursday"; not "2 a.m.,
/// police said Tuesday"), or up to two lowercase words the time qualifies and "on" ("their 7 p.m.
/// closing time on Saturday", "the 9 a.m. meeting on Tuesday").
fn clock_day_after<'a>(text: &str, found: &'a [Found], i: usize) -> Option<&'a Found> {
    if !found[i].expr.is_time_only() {
        return None;
    }
    let mut end = found[i].end;
    for g in &found[i + 1..] {
        let gap = text.get(end..g.start)?;
        let words = || gap.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',')).filter(|w| !w.is_empty());
        let noun = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') && !word_in(w, NOT_A_CLOCK_NOUN);
        let joined = words().all(|w| word_in(w, &["on", "local", "time"]))
            || (!gap.contains(['(', ')', ','])
                && words().next_back() == Some("on")
                && words().filter(|w| !word_in(w, &["on", "time"])).count() <= 2
                && words().all(noun));
        if !joined {
            return None;
        }
        if !g.expr.is_time_only() {
            return Some(g);
        }
        end = g.end;
    }
    None
}

/// Whether the sentence spanning `span` tells of something that recurs: it holds a set other than a
/// rate ("every day", "each evening", "Mondays", "daily", "twice a week"; not "10 tons a day"), or
/// names the working days or nights as a class ("on weekdays", "weeknights").
fn recurs(text: &str, found: &[Found], span: (usize, usize)) -> bool {
    recurring_sets(text, found, span).next().is_some()
        || text[span.0..span.1]
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| word_in(w, &["weekdays", "weeknights", "weekday", "weeknight"]))
}

/// Whether the sentence spanning `span` holds a set of every year ("each year", "every year",
/// "annually"; not a rate, "4.3% a year").
fn recurs_yearly(text: &str, found: &[Found], span: (usize, usize)) -> bool {
    recurring_sets(text, found, span).any(|value| value == "P1Y")
}

/// The values of the sets in the sentence spanning `span` that tell of a recurrence, not a rate
/// ("10 tons a day": a period with no quantifier or frequency, written in words).
fn recurring_sets<'a>(text: &'a str, found: &'a [Found], span: (usize, usize)) -> impl Iterator<Item = &'a str> {
    let from = found.partition_point(|g| g.start < span.0);
    found[from..].iter().take_while(move |g| g.start < span.1).filter_map(move |g| match &g.expr.kind {
        expr::TemporalExpr::Set { value, quant, freq } => {
            let rate =
                quant.is_none() && freq.is_none() && value.starts_with('P') && text[g.start..g.end].contains(' ');
            (!rate).then_some(value.as_str())
        }
        _ => None,
    })
}

/// Days between the day of the zoned clock time `at` (`zone` minutes from UTC) and the day of the
/// same moment told as the clock time of `local` with no zone ("04:17 local time (19:17 GMT
/// Sunday)": +1, the local time being nine hours ahead); 0 when either is not a clock time. The
/// local zone is taken as the one between 12 hours behind and 14 ahead of UTC that makes the two
/// times the same moment.
fn local_day_shift(local: &expr::Expr, at: chrono::NaiveTime, zone: Option<i32>) -> i64 {
    use chrono::Timelike;
    let (Some(zone), expr::TemporalExpr::Date { date, .. }) = (zone, &local.kind) else {
        return 0;
    };
    let Some(expr::TimeOfDay::Clock { hour, minute, offset: None, .. }) = date.time else {
        return 0;
    };
    let theirs = (at.hour() * 60 + at.minute()) as i64;
    let mine = (hour * 60 + minute.unwrap_or(0)) as i64;
    // The local zone's offset from UTC: the difference of the clocks plus the other zone's, within a
    // day of the real zones.
    let mut local_zone = (mine - theirs + zone as i64).rem_euclid(24 * 60);
    if local_zone > 14 * 60 {
        local_zone -= 24 * 60;
    }
    (theirs - zone as i64 + local_zone).div_euclid(24 * 60)
}

/// Whether `e` is midnight (written as the 24th hour).
fn is_midnight(e: &expr::Expr) -> bool {
    matches!(&e.kind, expr::TemporalExpr::Date { date, .. } if matches!(date.time, Some(expr::TimeOfDay::Clock { hour: 24, .. })))
}

/// The dated clock time that the clock time alone `found[i]` runs to, later the same day: the next
/// mention, joined by a few words that start with "and", "to", "until" or a dash ("open at 7 a.m.
/// and close at 7 p.m. on Election Day", "from 9 a.m. to 5 p.m. Saturday", "between midnight and
/// 6 a.m. Wednesday"; not "between 10 p.m. and 2 a.m. Monday", which crosses midnight).
fn clock_runs_to<'a>(text: &str, found: &'a [Found], i: usize) -> Option<&'a Found> {
    let clock = |e: &expr::Expr| match &e.kind {
        expr::TemporalExpr::Date { date, .. } => match date.time? {
            expr::TimeOfDay::Clock { hour, minute, .. } => Some((hour, minute.unwrap_or(0))),
            _ => None,
        },
        _ => None,
    };
    let (f, g) = (&found[i], found.get(i + 1)?);
    // A midnight that opens a span starts its day.
    let from = if is_midnight(&f.expr) { (0, 0) } else { clock(&f.expr)? };
    if !f.expr.is_time_only() || g.expr.is_time_only() || from >= clock(&g.expr)? {
        return None;
    }
    let gap = text.get(f.end..g.start)?;
    let mut words = gap.split_whitespace();
    let joined = words.next().is_some_and(|w| {
        ["and", "to", "until", "till", "through", "-", "–", "—"].iter().any(|j| w.eq_ignore_ascii_case(j))
    });
    (joined && words.count() <= 3 && !gap.contains(['.', ';', ':', ','])).then_some(g)
}

/// Character offsets of the sorted byte offsets `marks` (each on a char boundary), written over
/// `out`; true when they are the byte offsets themselves because the text is ASCII up to the last
/// mark (false otherwise, whatever they are).
fn char_offsets(text: &str, marks: &[usize], out: &mut Vec<usize>) -> bool {
    out.clear();
    // Most news texts are ASCII up to their last mention: one test of all of it (the gaps one by
    // one each ended in a loop byte by byte), and the character offsets are the byte offsets.
    if marks.last().is_some_and(|&last| text.as_bytes()[..last].is_ascii()) {
        out.extend_from_slice(marks);
        return true;
    }
    let mut chars = 0;
    let mut last = 0;
    for &m in marks {
        // Most of a news text is ASCII, where characters are bytes: a quick test before counting.
        let gap = &text[last..m];
        chars += if gap.is_ascii() { gap.len() } else { gap.chars().count() };
        last = m;
        out.push(chars);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_characters_before_each_mark() {
        for text in ["On Monday, 3 p.m.", "Le 5 mai — à 10 h, “Monday” €5.", "€", "", "ASCII then é at the end"]
        {
            let marks: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
            for cut in 0..=marks.len() {
                let mut out = vec![7];
                let same = char_offsets(text, &marks[..cut], &mut out);
                let want: Vec<usize> = marks[..cut].iter().map(|&b| text[..b].chars().count()).collect();
                assert_eq!(out, want, "{text:?} {cut}");
                // (Said to be the byte offsets only when they are.)
                assert!(!same || out == marks[..cut], "{text:?} {cut}");
            }
        }
    }

    /// A sentence whose tokens are read in the window the grammar read (the first token's
    /// whitespace flags there those of the text before it, its tokens classified) gives the
    /// headlines and clause tenses of the sentence tokenized alone, for every token taken as the
    /// mention, in the fixtures' texts.
    #[test]
    fn sentences_read_in_their_windows_read_as_tokenized_alone() {
        let texts = [
            include_str!("../fixtures/bridge_feature.txt"),
            include_str!("../fixtures/charity_auction.txt"),
            include_str!("../fixtures/council_schedule.txt"),
            include_str!("../fixtures/drought_aid.txt"),
            include_str!("../fixtures/fraud_trial.txt"),
            include_str!("../fixtures/grocer_earnings.txt"),
            include_str!("../fixtures/holiday_travel.txt"),
            include_str!("../fixtures/musk-trump-x.txt"),
            include_str!("../fixtures/patisserie_expansion.txt"),
            include_str!("../fixtures/senate_race.txt"),
            include_str!("../fixtures/storm_coast.txt"),
            include_str!("../fixtures/walking_study.txt"),
        ];
        let (mut kept, mut found, mut toks) = (WindowTokens::default(), Vec::new(), Tokens::default());
        let mut read = 0;
        for text in texts {
            find_keeping(text, Some(&mut kept), &mut found);
            for span in detect::split_sentences(text) {
                let Some(slice) = kept.sentence(text, span) else {
                    continue;
                };
                let in_window = timeline::headline::Sentence::new(text, span, &mut toks, &kept);
                let cues = resolve::tense::SentenceCues::with_buffer(text, span, Default::default(), &kept);
                let alone = resolve::tense::SentenceCues::new(text, span);
                let scratch = &mut timeline::headline::Scratch::default();
                for t in slice.toks {
                    let m = (t.start, t.end);
                    let want = timeline::headline::headline(text, span, m, &[]);
                    assert_eq!(in_window.headline(m, &[], scratch), want, "{:?}", &text[span.0..span.1]);
                    assert_eq!(cues.clause_tense(m), alone.clause_tense(m), "{:?}", &text[span.0..span.1]);
                }
                read += 1;
            }
        }
        assert!(read > 80, "{read}");
    }

    fn values(text: &str, reference: &str) -> Vec<String> {
        let r: Reference = reference.parse().unwrap();
        extract(text, &r).mentions.into_iter().map(|m| m.value).collect()
    }

    /// The value and the headline of each event of `text`.
    fn headlines(text: &str, reference: &str) -> Vec<(String, String)> {
        let r: Reference = reference.parse().unwrap();
        extract(text, &r).events.into_iter().map(|e| (e.value, e.headline)).collect()
    }

    #[test]
    fn what_one_should_do_on_a_weekday_is_to_come() {
        let v = |text| values(text, "2026-11-24");
        assert_eq!(v("Travelers should leave on Sunday."), ["2026-11-29"]);
        // A duty missed is past: the perfect after the modal says so.
        assert_eq!(v("They should have left on Sunday."), ["2026-11-22"]);
    }

    #[test]
    fn a_weekday_joined_to_a_clock_time_on_a_weekday_follows_it() {
        let v = |text| values(text, "2026-11-24");
        assert_eq!(
            v("The worst times are between 2 p.m. and 6 p.m. on Tuesday and Wednesday."),
            ["2026-11-24T14:00", "2026-11-24T18:00", "2026-11-25"]
        );
        assert_eq!(v("Shows start at 8 p.m. Friday and Saturday."), ["2026-11-27T20:00", "2026-11-28"]);
    }

    #[test]
    fn a_weekday_in_a_clause_another_year_frames_is_in_that_year() {
        let v = |text| values(text, "2026-11-24");
        assert_eq!(v("Last year, drive times doubled on Sunday."), ["2025", "2025-WXX-7"]);
        assert_eq!(v("In 2015, the fire started on a Sunday night."), ["2015", "2015-WXX-7TNI"]);
        // The reference's own year leaves the weekday in its week.
        assert_eq!(v("This year, the parade was held on Thursday."), ["2026", "2026-11-19"]);
        // So does a year that frames nothing.
        assert_eq!(v("Last year's champion will play on Sunday."), ["2025", "2026-11-29"]);
    }

    #[test]
    fn a_headline_keeps_its_clause_before_a_day_that_heads_a_phrase() {
        let h = headlines("Drive times were twice as long on the Sunday after the game.", "2026-11-24");
        assert_eq!(h, [("2026-11-22".to_string(), "Drive times were twice as long".to_string())]);
        // A mention that modifies the noun after it still reads on after it.
        let h = headlines("He expects the Christmas rush to follow the same pattern.", "2026-11-24");
        assert_eq!(h[0].1, "He expects the rush to follow the same pattern");
    }

    #[test]
    fn a_day_runs_into_a_part_of_another_as_one_event() {
        let h = headlines(
            "Snow could snarl travel late Wednesday into Thursday morning, the weather service said.",
            "2026-11-24",
        );
        assert_eq!(h, [("2026-11-25/2026-11-26TMO".to_string(), "Snow could snarl travel".to_string())]);
        // Not a clock time: "Friday to 5 p.m." is no range.
        let h = headlines("The office is closed Friday to 5 p.m. visitors.", "2026-11-24");
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn a_headline_does_not_start_at_the_word_joining_two_other_mentions() {
        let h = headlines(
            "It has the play-in tournament from April 14 to 17 and the playoffs starting April 18.",
            "2026-10-20",
        );
        assert_eq!(h[1].1, "The playoffs starting April 18");
    }

    #[test]
    fn a_weekday_in_a_present_clause_is_in_the_reference_week() {
        let v = |text| values(text, "2026-11-30");
        assert_eq!(v("NASA has backup opportunities on Friday and Saturday."), ["2026-12-04", "2026-12-05"]);
        assert_eq!(v("Stocks are higher Monday."), ["2026-11-30"]);
        // Where things stand as of a day is on a day come.
        assert_eq!(v("The death toll is 40 as of Sunday."), ["2026-11-29"]);
        // A past clause still leans back.
        assert_eq!(v("NASA had backup opportunities on Friday."), ["2026-11-27"]);
    }

    #[test]
    fn a_day_in_a_sentence_about_what_recurs_each_year_is_of_any_year() {
        let v = |text| values(text, "2026-11-22");
        assert_eq!(v("Each year on Nov. 22, a moment of silence is held."), ["P1Y", "XXXX-11-22"]);
        assert_eq!(v("The festival is held annually on July 4."), ["P1Y", "XXXX-07-04"]);
        // A rate a year is no recurrence.
        assert_eq!(v("Interest accrues at 4.3% a year from Nov. 12."), ["P1Y", "2026-11-12"]);
    }

    #[test]
    fn a_participle_after_with_and_its_noun_tells_no_deed_done() {
        let v = |text| values(text, "2026-11-16");
        assert_eq!(
            v("Voting runs through Dec. 1, with sites closed on Thanksgiving Day."),
            ["2026-12-01", "2026-11-26"]
        );
        assert_eq!(v("The stores closed on Thanksgiving Day."), ["2025-11-27"]);
    }

    #[test]
    fn a_headline_reads_a_subject_past_its_apposition_and_an_adjective_after_and() {
        let h = |text| headlines(text, "2026-11-16").into_iter().map(|(_, h)| h).collect::<Vec<_>>();
        assert_eq!(h("On Monday, the company's founder, John Smith, resigned."), ["The company's founder resigned"]);
        assert_eq!(
            h("Two days later, the accused gunman, Lee Harvey Oswald, was shot in the basement."),
            ["The accused gunman was shot in the basement"]
        );
        assert_eq!(
            h("Voters must request one by Nov. 24, and completed ballots must arrive by 5 p.m. on Dec. 5."),
            ["Voters must request one", "Completed ballots must arrive"]
        );
        // A joined verb helped by an auxiliary still takes the sentence's subject.
        assert_eq!(
            h("Ruiz has said she will not raise taxes and has asked agencies to cut spending by 3% in the fiscal year."),
            ["Ruiz asked agencies to cut spending by 3%"]
        );
    }

    #[test]
    fn a_headline_reads_past_a_relative_clause_and_drops_a_possessive_lead_in() {
        let h = |text| headlines(text, "2026-11-20").into_iter().map(|(_, h)| h).collect::<Vec<_>>();
        assert_eq!(h("Net income for its fiscal third quarter rose 11%."), ["Net income rose 11%"]);
        assert_eq!(
            h("Sales in the quarter, which ended Sept. 30, fell 3%."),
            ["Sales fell 3%", "Sales in the quarter ended"]
        );
        // A mention inside the relative clause keeps that clause.
        assert_eq!(
            h("The mayor, who took office in January, said on Monday the plan would go ahead."),
            ["The mayor took office", "The mayor said the plan would go ahead"]
        );
    }

    #[test]
    fn a_quarter_compared_with_is_not_the_quarter_reported_on() {
        let v = |text| values(text, "2026-10-29");
        assert_eq!(
            v("Margin in Q3 was 18.4%, compared with 17.7% in the second quarter. Sales rose during the quarter."),
            ["2026-Q3", "2026-Q2", "2026-Q3"]
        );
        // A decimal point ends no clause: the comparison reads on past "16.9%".
        assert_eq!(
            v("Margin in Q3 was 18.4%, compared with 16.9% in Q3 2025 and 17.7% in the second quarter. Sales rose during the quarter."),
            ["2026-Q3", "2025-Q3", "2026-Q2", "2026-Q3"]
        );
    }

    #[test]
    fn a_participle_after_be_tells_no_past_of_its_own() {
        let v = |text| values(text, "2026-11-23");
        assert_eq!(
            v("The list will be posted Sunday, before it appears on the website Tuesday."),
            ["2026-11-29", "2026-11-24"]
        );
        assert_eq!(
            v("The list was posted Sunday, before it appeared on the website Tuesday."),
            ["2026-11-22", "2026-11-17"]
        );
    }

    #[test]
    fn a_bare_span_heading_its_noun_phrase_is_a_length() {
        let v = |text| values(text, "2025-10-14");
        assert_eq!(v("The vote ended months of protests."), ["PXM"]);
        assert_eq!(v("After weeks of talks, they agreed."), ["PXW"]);
        assert_eq!(v("Years of neglect left the bridge unsafe."), ["PXY"]);
        // Not a span a determiner or an adjective opens, nor one of a named time.
        assert!(v("He cited his years of service.").is_empty());
        assert_eq!(v("The summer months of 2024 were hot."), ["2024"]);
        assert!(v("It spent the years of the war abroad.").is_empty());
    }

    #[test]
    fn a_season_after_the_and_a_preposition_of_time_is_a_date() {
        let v = |text| values(text, "2025-10-14");
        assert_eq!(v("A vote planned for the spring was delayed."), ["2025-SP"]);
        assert_eq!(v("Prices fell after the summer."), ["2025-SU"]);
        // Without "the" a season may name what a thing is for.
        assert!(v("The store sells clothes for spring.").is_empty());
    }

    #[test]
    fn two_years_of_the_calendar_joined_by_a_dash_are_no_length() {
        let v = |text| values(text, "2026-09-22");
        assert_eq!(v("Rates fell from 94% in the 2019-2020 school year."), ["2019", "2020"]);
        assert_eq!(v("Sentences of 10-15 years are common."), ["P10Y"]);
    }

    #[test]
    fn a_clock_time_in_a_sentence_about_what_recurs_is_of_any_day() {
        let v = |text| values(text, "2024-08-13");
        assert_eq!(
            v("The library is open from 8 a.m. to 6 p.m. on weekdays."),
            ["XXXX-XX-XXT08:00", "XXXX-XX-XXT18:00"]
        );
        assert_eq!(v("Every day, the store opens at 9 a.m."), ["P1D", "XXXX-XX-XXT09:00"]);
        assert_eq!(
            v("The office is open Mondays from 9 a.m. to 5 p.m."),
            ["XXXX-WXX-1", "XXXX-XX-XXT09:00", "XXXX-XX-XXT17:00"]
        );
        // A rate is no recurrence; a day named keeps its time.
        assert_eq!(v("The plant makes 10 tons a day and the fire began at 6 a.m."), ["P1D", "2024-08-13T06:00"]);
        assert_eq!(v("He walks daily, but on Monday at 6 a.m. he fell."), ["P1D", "2024-08-12", "2024-08-12T06:00"]);
    }

    #[test]
    fn a_part_of_the_day_in_a_past_period_longer_than_a_day_is_of_no_day_told() {
        let text = "Volunteers bought it in the spring of 1974 and restored it, often working through the night.";
        assert_eq!(values(text, "2025-10-02"), ["1974-SP", "XXXX-XX-XXTNI"]);
        // After a day, that day's; in a period not over, the publication's.
        let text = "Volunteers bought it on March 3, 1974, and worked through the night.";
        assert_eq!(values(text, "2025-10-02"), ["1974-03-03", "1974-03-03TNI"]);
        let text = "This month the crews have worked through the night.";
        assert_eq!(values(text, "2025-10-02"), ["2025-10", "2025-10-02TNI"]);
    }

    #[test]
    fn a_clock_time_before_a_part_of_a_day_is_in_it() {
        let v = |text| values(text, "2025-12-23");
        assert_eq!(v("He has waited since 6 o'clock yesterday morning."), ["2025-12-22T06:00"]);
        assert_eq!(v("She arrived at 9 o'clock Monday night."), ["2025-12-22T21:00"]);
        // A half of the day written stays.
        assert_eq!(v("He called at 11 a.m. Monday night."), ["2025-12-22T11:00"]);
    }

    #[test]
    fn a_clock_time_takes_the_day_joined_after_it_before_one_named_earlier() {
        let text = "They left around 9 p.m. Sunday and reached the top between 5 a.m. and 9 a.m. Monday.";
        assert_eq!(values(text, "2025-05-20"), ["2025-05-18T21:00", "2025-05-19T05:00", "2025-05-19T09:00"]);
    }

    #[test]
    fn a_past_clock_time_alone_is_on_the_day_of_the_sentence_before() {
        let text = "Police said the shooting happened on Saturday. The suspect fled shortly before 3 p.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-05", "2024-10-05T15:00"]);
        // Not what is still to come, nor a day after the publication day.
        let text = "The vote was held on Saturday. Polls will open at 7 a.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-05", "2024-10-09T07:00"]);
        let text = "The vote is on Saturday. Officials said it was called at 7 a.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-12", "2024-10-09T07:00"]);
        // The sentence before that has a mention: one without any does not break the story.
        let text = "The vote was held on Saturday. Turnout was high. Polls closed at 8 p.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-05", "2024-10-05T20:00"]);
        // Nor one whose dates are coarser than a day, a digression a clock time cannot be in: the
        // story's day holds across it ("Rovers clinched the title on Sunday. ... changed managers in
        // October 2024. ... Fans began gathering before kickoff at 3 p.m.").
        let text = "The vote was held on Saturday. The count ended in 2023. Polls closed at 8 p.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-05", "2023", "2024-10-05T20:00"]);
        // (Only the story's day, the first named: not a day of background in a story told on the
        // day of publication.)
        let text = "The firm said on Wednesday it would expand. The board approved the plan on Monday. \
                    Revenue rose in 2008. Its shares rose by noon.";
        assert_eq!(values(text, "2009-09-16"), ["2009-09-16", "2009-09-14", "2008", "2009-09-16T12:00"]);
        // (However many sentences back, when no other day was named since: "Kiptoo won the marathon
        // on Monday. ... The elite women set off at 9:47 a.m.".)
        let text = "The vote was held on Saturday. It began in 2023. It ended in 2024. It cost $1 million \
                    in 2022. Polls closed at 8 p.m.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-05", "2023", "2024", "2022", "2024-10-05T20:00"]);
        // Not the date of the report, and the day of a time told before: "The problems began at
        // 11:40 a.m. ... Service was restored by 6 p.m." are both Tuesday's.
        let text = "The outage began on Tuesday, the company said in a statement early Wednesday. \
                    The problems began at 11:40 a.m. Service was restored by 6 p.m.";
        assert_eq!(values(text, "2025-12-03"), ["2025-12-02", "2025-12-03", "2025-12-02T11:40", "2025-12-02T18:00"]);
    }

    #[test]
    fn a_clock_time_to_come_is_on_the_day_ahead_the_story_is_about() {
        let text = "The eclipse will sweep across Spain on Wednesday evening. The moon will begin to cover \
                    the sun at about 7:30 p.m. local time.";
        assert_eq!(values(text, "2026-08-10"), ["2026-08-12TEV", "2026-08-12T19:30"]);
        // Not one told in the past, nor after a day already over.
        let text = "The eclipse will sweep across Spain on Wednesday evening. Officials met at 7:30 p.m.";
        assert_eq!(values(text, "2026-08-10"), ["2026-08-12TEV", "2026-08-10T19:30"]);
        let text = "The eclipse swept across Spain on Saturday evening. The next one will begin at 7:30 p.m.";
        assert_eq!(values(text, "2026-08-10"), ["2026-08-08TEV", "2026-08-10T19:30"]);
    }

    #[test]
    fn that_weekday_is_the_one_of_the_story_s_week() {
        let text = "The House returns on Dec. 15 and could vote as early as that Wednesday.";
        assert_eq!(values(text, "2025-12-09"), ["2025-12-15", "2025-12-17"]);
        // With no day of the story, a weekday as any other; "that" as a conjunction is none.
        assert_eq!(values("That Friday, the market crashed.", "2025-12-09"), ["2025-12-05"]);
        assert_eq!(values("He said that Wednesday was the deadline.", "2025-12-09"), ["2025-12-03"]);
        assert_eq!(values("It was a sign that Monday's rally mattered.", "2025-12-09"), ["2025-12-08"]);
    }

    #[test]
    fn a_span_before_or_after_at_the_end_of_a_clause_counts_from_the_story() {
        let text = "Sales rose in October. They had fallen a month before.";
        assert_eq!(values(text, "2025-11-21"), ["2025-10", "2025-09"]);
        let text = "Sales fell in October. Two months after, they rose.";
        assert_eq!(values(text, "2025-11-21"), ["2025-10", "2025-12"]);
        // Before an event, no count from a date.
        assert_eq!(values("He left two days before the vote.", "2025-11-21"), ["P2D"]);
    }

    #[test]
    fn the_base_of_a_change_and_the_start_of_a_span_to_now_are_no_narrative_anchor() {
        let text = "Sales climbed 1.9% last month. Sales were up 1.7% from October last year. The median \
                    price rose 2.1% from a year earlier.";
        assert_eq!(values(text, "2025-11-21"), ["2025-10", "2024-10", "2024"]);
        let text = "Sales rose in October. Homes stayed on the market for 34 days, up from 28 days in October \
                    2024. Buyers made up 32% of sales, about the same as a year before.";
        assert_eq!(values(text, "2025-11-21"), ["2025-10", "P34D", "P28D", "2024-10", "2024"]);
        let text = "Sales rose in October. They have been stuck for three years, since rates began to climb in \
                    2022. Buyers made up 32% of sales, about the same as a year before.";
        assert_eq!(values(text, "2025-11-21"), ["2025-10", "P3Y", "2022", "2024"]);
    }

    #[test]
    fn hours_minutes_and_seconds_with_no_mark_of_the_clock_are_a_time_taken() {
        assert_eq!(values("Worku won in 2:19:02, the second-fastest time.", "2026-04-21"), ["PT2H19M2S"]);
        assert_eq!(values("He ran a time of 2:03:51.", "2026-04-21"), ["PT2H3M51S"]);
        // A time of day after "at", or with its marker or zone.
        assert_eq!(values("The quake struck at 4:32:10.", "2026-04-21"), ["2026-04-21T04:32:10"]);
        assert_eq!(values("The quake struck 4:32:10 a.m.", "2026-04-21"), ["2026-04-21T04:32:10"]);
        assert_eq!(values("The clock read 10:32:15 ET.", "2026-04-21"), ["2026-04-21T10:32:15-04:00"]);
    }

    #[test]
    fn a_length_in_two_units_before_an_event_is_one() {
        let text = "The ruling came two years and three months after the crash.";
        assert_eq!(values(text, "2024-10-09"), ["P2Y3M"]);
        // Before "later" it stays a length and a date.
        assert_eq!(values("The ruling came two years and three months later.", "2024-10-09"), ["P2Y", "2024-10"]);
    }

    #[test]
    fn an_expression_is_found_without_another_trigger_near() {
        assert_eq!(values("A weeklong strike.", "2024-10-09"), ["P1W"]);
        assert_eq!(values("My father led a weeklong strike.", "2024-10-09"), ["P1W"]);
        assert_eq!(values("The firm is profitable at present.", "2024-10-09"), ["PRESENT_REF"]);
    }

    #[test]
    fn a_bare_plural_unit_after_be_is_a_length() {
        assert_eq!(values("It will be years before the town recovers.", "2024-10-09"), ["PXY"]);
        assert_eq!(values("It has been months since the flood.", "2024-10-09"), ["PXM"]);
        assert!(values("The children were years old.", "2024-10-09").is_empty());
    }

    #[test]
    fn a_holiday_takes_its_part_of_the_day_and_another_calendar_s_new_year_is_no_january_1() {
        assert_eq!(values("Children opened gifts on Christmas morning.", "2024-10-09"), ["2023-12-25TMO"]);
        assert!(values("Markets in Asia closed for the Lunar New Year holiday.", "2024-10-09").is_empty());
        assert_eq!(values("Markets closed for the New Year holiday.", "2024-10-09"), ["2024-01-01"]);
    }

    #[test]
    fn a_clock_time_before_a_range_of_days_is_not_the_first_day_s() {
        let text = "The line is open from 8 a.m. to 8 p.m. Monday through Saturday.";
        let got = values(text, "2024-10-08");
        assert_eq!(got[2..], ["2024-10-14", "2024-10-19"]);
        assert_eq!(values("Polls close at 8 p.m. Monday.", "2024-10-08"), ["2024-10-14T20:00"]);
    }

    #[test]
    fn a_unit_counted_by_a_scale_is_no_mention_of_its_own() {
        let text = "Its light left about 13.5 billion years ago. Dinosaurs died out 66 million years ago.";
        assert!(values(text, "2024-11-12").is_empty());
        assert_eq!(values("The glass was made for thousands of years.", "2024-11-12"), ["PXY"]);
    }

    #[test]
    fn a_range_of_weekdays_ends_in_the_week_it_starts() {
        let d = "2024-11-20";
        assert_eq!(values("The festival ran from Thursday until Sunday.", d), ["2024-11-14", "2024-11-17"]);
        assert_eq!(values("Officials closed the road from Thursday to Sunday.", d), ["2024-11-14", "2024-11-17"]);
        // A range from a date may span weeks.
        let text = "Crane bought 254,200 shares from Sept. 14 to Thursday.";
        assert_eq!(values(text, "1989-10-30"), ["1989-09-14", "1989-10-26"]);
    }

    #[test]
    fn a_notice_s_span_is_in_the_week_it_was_issued() {
        let text = "The weather service issued a flood watch from 4 p.m. Thursday until 10 a.m. Sunday.";
        assert_eq!(values(text, "2024-11-20"), ["2024-11-21T16:00", "2024-11-24T10:00"]);
        assert_eq!(values("The agency issued a warning for Thursday.", "2024-11-20"), ["2024-11-21"]);
        assert_eq!(values("The city imposed a curfew from 8 p.m. Saturday.", "2024-11-22"), ["2024-11-23T20:00"]);
        // Not a span of something done.
        assert_eq!(values("The city closed the park from Thursday.", "2024-11-20"), ["2024-11-14"]);
    }

    #[test]
    fn a_month_after_an_old_date_in_its_sentence_is_its_next() {
        let d = "2024-12-30";
        let text = "The WHO declared an emergency on Jan. 30, 2020, and a pandemic on March 11.";
        assert_eq!(values(text, d), ["2020-01-30", "2020-03-11"]);
        assert_eq!(values("The plant opened in June 2018 and closed in October.", d), ["2018-06", "2018-10"]);
        let text = "That same week, the league suspended its season, and on March 13 the U.S. declared an emergency.";
        assert_eq!(
            values(&format!("It was declared a pandemic on March 11, 2020. {text}"), d)[1..],
            ["2020-W11", "2020-03-13"]
        );
        // Not after a birth date, from a clause set aside, to a report, or in a clause ahead.
        let text = "She was born on May 5, 1950, in Ohio, and died on March 11.";
        assert_eq!(values(text, d), ["1950-05-05", "2024-03-11"]);
        // The whole sentence is read, not just what follows an abbreviation's period.
        let text = "She was born in St. Louis on Jan. 5, 1950, and died on March 11.";
        assert_eq!(values(text, d), ["1950-01-05", "2024-03-11"]);
        let text = "Reed, who resigned in March 2021, was convicted in June.";
        assert_eq!(values(text, d), ["2021-03", "2024-06"]);
        let text = "The company was fined on Jan. 30, 2019, the regulator said on March 11.";
        assert_eq!(values(text, d), ["2019-01-30", "2024-03-11"]);
        let text = "He was arrested on Oct. 3, 2019, and will be tried on March 11.";
        assert_eq!(values(text, d), ["2019-10-03", "2025-03-11"]);
        // Nor beyond half a year on (the sentence's March 11 after May 5 is no March of that year).
        assert_eq!(
            values("The law passed on May 5, 2019, and took effect on March 11.", d),
            ["2019-05-05", "2024-03-11"]
        );
    }

    #[test]
    fn a_year_before_a_month_is_that_month_a_year_before() {
        assert_eq!(
            values("Consumer prices rose 3.3% in May from a year earlier.", "2024-06-12"),
            ["2024-05", "2023-05"]
        );
        assert_eq!(
            values("In July, the company recalled 120,000 SUVs, and a year earlier it recalled 50,000.", "2024-10-09"),
            ["2024-07", "2023-07"]
        );
        // Only in the month's sentence; "16 years ago" stays a year.
        assert_eq!(values("Prices rose in May. Sales fell from a year earlier.", "2024-06-12"), ["2024-05", "2023"]);
        assert_eq!(values("In May, he recalled the flood of 16 years ago.", "2024-06-12"), ["2024-05", "2008"]);
        // "the three months ended June 30" is a quarter reported on.
        let text = "It lost $3 million for the three months ended June 30. It earned 38 cents in the year-ago period.";
        assert_eq!(values(text, "2024-08-01"), ["P3M", "2024-06-30", "2023-Q2"]);
    }

    #[test]
    fn a_past_clause_does_not_count_from_a_story_date_still_to_come() {
        let t = "The shooting happened at 2 a.m. Saturday. They are expected in court on Tuesday. \
                 Two victims were released later that day.";
        assert_eq!(values(t, "2025-12-01"), ["2025-11-29T02:00", "2025-12-02", "2025-11-29"]);
        // (A clause about what is to come still does.)
        let t = "They are expected in court on Tuesday. Two days later, they will be sentenced.";
        assert_eq!(values(t, "2025-12-01"), ["2025-12-02", "2025-12-04"]);
    }

    #[test]
    fn a_range_s_end_in_a_year_framed_clause_comes_after_its_start() {
        let v = |t: &str| values(t, "2026-04-22");
        assert_eq!(v("In 1990, the season ran from December to March."), ["1990", "1990-12", "1991-03"]);
        assert_eq!(
            v("Thirty years ago, the season ran from late December into March."),
            ["1996", "1996-12", "1997-03"]
        );
        // ("May" with its capital is the month, not a modal of the future.)
        assert_eq!(v("In 1990, the festival ran from May 3 to May 9."), ["1990", "1990-05-03", "1990-05-09"]);
    }

    #[test]
    fn a_year_heading_a_clause_frames_its_months_and_holidays() {
        let d = "2024-11-13";
        let v = |t: &str| values(t, d);
        assert_eq!(
            v("Two years ago the fire burned for a month before it was contained on Nov. 3."),
            ["2022", "P1M", "2022-11-03"]
        );
        assert_eq!(v("Back in 2019, the team won the title in June."), ["2019", "2019-06"]);
        assert_eq!(v("Last year, the team won the title in June."), ["2023", "2023-06"]);
        assert_eq!(
            v("It changed its calendar in 2015, when it dropped classes before Thanksgiving."),
            ["2015", "2015-11-26"]
        );
        assert_eq!(v("In 2026 the plant will open in March."), ["2026", "2026-03"]);
        assert_eq!(v("In 1998, the FBI said in November that he was a suspect."), ["1998", "1998-11"]);
        assert_eq!(v("Two years ago, the company said it would open a plant in March."), ["2022", "2022-03"]);
        // A past narrative goes on past "and"; a clause about the future does not.
        assert_eq!(
            v("In 2020 the virus shut schools in March, and they reopened in September."),
            ["2020", "2020-03", "2020-09"]
        );
        assert_eq!(v("Last year the firm lost money, and it expects a profit in March."), ["2023", "2025-03"]);
        assert_eq!(v("In 2019 the city approved a plan that will take effect in January."), ["2019", "2025-01"]);
        // Not a report trailing another clause, nor a year inside a phrase, nor one mid-clause.
        assert_eq!(v("In 2019, sales rose 5%, the company said in March."), ["2019", "2024-03"]);
        assert_eq!(
            v("Under a plan approved in 1987 that set no cap, it had bought shares through Sept. 29."),
            ["1987", "2024-09-29"]
        );
        assert_eq!(v("He joined the company in 2019 and left in March."), ["2019", "2024-03"]);
        // A season is no frame: January after the summer of 2018 is no January of 2018.
        assert_eq!(v("In the summer of 2018 the team moved, and in January it hired a coach."), ["2018-SU", "2024-01"]);
    }

    #[test]
    fn a_point_of_comparison_is_no_narrative_anchor() {
        let text = "It was the slowest pace since October 2010. Compared with September of last year, sales were \
                    down 3.5%. The median price rose 3% from a year earlier.";
        assert_eq!(values(text, "2024-10-25"), ["2010-10", "2023-09", "2023"]);
        // A date the story moves to still is one.
        let text = "Sales fell in September 2022. A year earlier, they had risen.";
        assert_eq!(values(text, "2024-10-25"), ["2022-09", "2021"]);
    }

    #[test]
    fn half_a_decade_or_century_counts_in_years() {
        assert_eq!(values("The plant opened half a century ago.", "2022-02-28"), ["1972"]);
        assert_eq!(
            values("The dam burst in 1972. Half a decade later, the town was rebuilt.", "2022-02-28"),
            ["1972", "1977"]
        );
        assert_eq!(values("The feud lasted half a century.", "2022-02-28"), ["P50Y"]);
    }

    #[test]
    fn from_now_on_is_no_count_from_now() {
        let text = "Organizers said they hope to hold it every five years from now on.";
        assert_eq!(values(text, "2022-02-28"), ["P5Y", "PRESENT_REF"]);
        assert_eq!(values("The plant will close five years from now.", "2022-02-28"), ["2027"]);
    }

    #[test]
    fn an_ordinal_second_is_no_rate() {
        let text = "A drought that began in the fall of 2022 stretched into a second summer.";
        assert_eq!(values(text, "2024-08-12"), ["2022-FA"]);
        assert_eq!(values("Some 2,000 people ran a second race.", "2024-08-12"), Vec::<String>::new());
        assert_eq!(values("It costs $10 a second.", "2024-08-12"), ["PT1S"]);
    }

    #[test]
    fn a_day_of_that_year_is_in_the_story_year() {
        let text = "The scheme collapsed in the summer of 2019, when the bank was taken over on Aug. 2 of that year.";
        assert_eq!(values(text, "2024-08-12"), ["2019-SU", "2019-08-02"]);
    }

    #[test]
    fn the_new_year_is_the_next_one_unless_just_begun() {
        let text = "The company expects the deal to close in the new year.";
        assert_eq!(values(text, "2024-10-09"), ["2025"]);
        assert_eq!(values(text, "2025-01-09"), ["2025"]);
        assert_eq!(values("Sales have doubled since the new year.", "2024-10-09"), ["2024"]);
        assert_eq!(values("Shops were busy after the new year.", "2024-10-09"), ["2024"]);
        // The holiday is not the year.
        assert_eq!(values("The New Year's Eve party was canceled.", "2024-10-09"), ["2023-12-31"]);
    }

    #[test]
    fn a_middle_or_end_of_the_year_lies_where_its_tense_points() {
        assert_eq!(values("The company expects a recovery by midyear.", "2024-10-09"), ["2025"]);
        assert_eq!(values("The company expects a recovery by mid-year.", "2024-03-09"), ["2024"]);
        assert_eq!(values("Sales slowed at mid-year.", "2024-03-09"), ["2023"]);
        assert_eq!(values("The percentage change is since year-end.", "1989-11-02"), ["1988"]);
        assert_eq!(values("Debt was $5 million at year-end.", "1989-11-02"), ["1988"]);
        assert_eq!(values("It expects to finish the plant by year-end.", "1989-11-02"), ["1989"]);
        // A decade's or century's middle is the publication's; a style is no date.
        assert_eq!(values("Emissions must fall by half by mid-century.", "2024-10-09"), ["20"]);
        assert_eq!(values("Officials hope to reopen the bridge by mid-decade.", "2024-10-09"), ["202"]);
        assert!(values("She will buy a mid-century modern chair.", "2024-10-09").is_empty());
    }

    #[test]
    fn a_quarter_ended_on_a_date_is_the_quarter_ending_then() {
        let text = "For the quarter ended Sept. 30, Delta earned $133 million, up from $100 million a year earlier.";
        assert_eq!(values(text, "1989-10-26"), ["1989-Q3", "1989-09-30", "1988-Q3"]);
        // A quarter named before keeps its number.
        let text = "In its fiscal first quarter, sales rose. For the quarter ended Sept. 30, it earned $5 million.";
        assert_eq!(values(text, "1989-10-26"), ["1989-Q1", "1989-Q1", "1989-09-30"]);
    }

    #[test]
    fn approximate_days_and_times_keep_their_modifier() {
        let r: Reference = "1989-10-30".parse().unwrap();
        let tl = extract("The deal should close around Nov. 1, at about 10 a.m.", &r);
        let got: Vec<(&str, &str)> = tl.mentions.iter().map(|m| (m.text.as_str(), m.value.as_str())).collect();
        assert_eq!(got, [("around Nov. 1", "1989-11-01"), ("about 10 a.m.", "1989-11-01T10:00")]);
        let tl = extract("They looked for ways to get around Wednesday's ruling.", &r);
        assert_eq!(tl.mentions[0].text, "Wednesday");
    }

    #[test]
    fn a_clock_time_takes_the_day_joined_after_it() {
        let r: Reference = "2024-10-09".parse().unwrap();
        let text = "The ceasefire took effect at 4 a.m. local time (0200 GMT) on Sunday.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-06T04:00", "2024-10-06T02:00Z", "2024-10-06"]);
        // A day in another clause is not the clock time's.
        let tl = extract("The blast came shortly after 2 a.m., police said Tuesday.", &r);
        assert_eq!(tl.mentions[0].value, "2024-10-09T02:00");
        // The day may come with its own clock time.
        let text = "He will leave at 4 in the morning (4 a.m. EDT Thursday).";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-10T04:00", "2024-10-10T04:00-04:00"]);
        // "local time" in brackets between them, and a zone after "p.m." that does not start a
        // sentence, keep the time with its day.
        let text = "Liftoff is set for noon (local time) on Thursday.";
        assert_eq!(values(text, "2025-06-09"), ["2025-06-12T12:00", "2025-06-12"]);
        let text = "Liftoff is set for 1:47 p.m. EDT (1747 GMT) on Thursday.";
        assert_eq!(values(text, "2025-06-09"), ["2025-06-12T13:47-04:00", "2025-06-12T17:47Z", "2025-06-12"]);
    }

    #[test]
    fn a_local_time_is_on_its_own_day_beside_a_zoned_one() {
        let text = "The quake struck at 04:17 local time (19:17 GMT Sunday).";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-07T04:17", "2024-10-06T19:17Z"]);
        let text = "The blast hit at 11 p.m. local time (0300 GMT Tuesday).";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-07T23:00", "2024-10-08T03:00Z"]);
        let text = "The ceasefire took effect at 4 a.m. local time (0200 GMT) on Sunday.";
        assert_eq!(values(text, "2024-10-09")[0], "2024-10-06T04:00");
    }

    #[test]
    fn a_clock_time_takes_the_day_of_the_time_it_runs_to() {
        let text = "Polls open at 7 a.m. and close at 7 p.m. on Election Day.";
        assert_eq!(values(text, "2024-10-14"), ["2024-11-05T07:00", "2024-11-05T19:00"]);
        let text = "The store is open from 9 a.m. to 5 p.m. on Saturday.";
        assert_eq!(values(text, "2024-10-14"), ["2024-10-19T09:00", "2024-10-19T17:00"]);
        // Not across midnight: "10 p.m." is not on Monday.
        let text = "The road will close between 10 p.m. and 2 a.m. Monday.";
        assert_eq!(values(text, "2024-10-09")[1], "2024-10-14T02:00");
        assert_ne!(values(text, "2024-10-09")[0], "2024-10-14T22:00");
    }

    #[test]
    fn over_a_span_is_more_than_it_only_after_some_words() {
        let r: Reference = "2024-10-09".parse().unwrap();
        let text = "It will be repaid over three years. He waited for over an hour. It began over a century ago.";
        let tl = extract(text, &r);
        let got: Vec<(&str, Option<expr::Mod>)> = tl.mentions.iter().map(|m| (m.text.as_str(), m.modifier)).collect();
        let more = Some(expr::Mod::MoreThan);
        assert_eq!(got, [("three years", None), ("over an hour", more), ("over a century ago", more)]);
    }

    #[test]
    fn the_following_season_counts_from_the_story() {
        let text =
            "In 2008, revenue fell by half. The following spring, it laid off staff. The previous summer, it hired.";
        assert_eq!(values(text, "2024-10-09"), ["2008", "2009-SP", "2008-SU"]);
        assert_eq!(values("The following spring, he left.", "2024-10-09"), ["2025-SP"]);
        assert_eq!(values("By 2018 he ran the office. That summer, he met her.", "2024-10-09"), ["2018", "2018-SU"]);
        assert_eq!(values("He said that summer 2023 was the worst.", "2024-10-09"), ["2023-SU"]);
        assert!(values("Officials said that summer camps will close.", "2024-10-09").is_empty());
        let text = "The company collapsed in November 2022. He was arrested that December.";
        assert_eq!(values(text, "2023-11-03"), ["2022-11", "2022-12"]);
        assert_eq!(values("It rose in May 2020. The following March, it fell.", "2023-11-03"), ["2020-05", "2021-03"]);
        assert!(values("He noted that winter storms were rare.", "2024-10-09").is_empty());
    }

    #[test]
    fn a_clause_to_come_does_not_count_from_a_date_that_is_over() {
        let text = "Sales fell in 2020. The company expects growth to resume the following year.";
        assert_eq!(values(text, "2024-10-09"), ["2020", "2025"]);
        // A past's future does.
        assert_eq!(values("He said in 1998 that he would retire the following year.", "2024-10-09"), ["1998", "1999"]);
        assert_eq!(
            values("The war ended in 1945. The next year, elections were held.", "2024-10-09"),
            ["1945", "1946"]
        );
    }

    #[test]
    fn months_counted_from_a_year_land_in_a_year() {
        let text = "He left the company in 2022. Six months later, he founded a startup.";
        assert_eq!(values(text, "2024-10-09"), ["2022", "2022"]);
        let text = "He left the company in 2022. Eighteen months later, he founded a startup.";
        assert_eq!(values(text, "2024-10-09"), ["2022", "2023"]);
    }

    #[test]
    fn a_count_back_then_a_present_period_is_that_period_back() {
        assert_eq!(values("The law was signed a year ago today.", "2024-10-09"), ["2023-10-09"]);
        assert_eq!(values("It was sold a year ago this month.", "2024-10-09"), ["2023-10"]);
        assert_eq!(values("He was elected 10 years ago last month.", "2024-10-09"), ["2014-09"]);
        assert_eq!(values("It closed two weeks ago yesterday.", "2024-10-09"), ["2024-09-24"]);
        assert_eq!(values("It closed a year ago, today it opens.", "2024-10-09"), ["2023", "2024-10-09"]);
    }

    #[test]
    fn names_and_adjectives_are_no_dates() {
        for text in [
            "June Carter Cash sang the song.",
            "\"Yes,\" said April Ryan.",
            "The august institution was founded long ago.",
            "The present government is unstable.",
            "She is a day trader.",
            "She is an hourly worker.",
            "The firm has a year-round staff of 40.",
        ] {
            assert!(values(text, "2024-10-09").is_empty(), "{text}");
        }
        assert_eq!(values("In April Congress voted.", "2024-10-09"), ["2024-04"]);
        assert_eq!(values("It has been so from 1950 to the present.", "2024-10-09"), ["1950", "PRESENT_REF"]);
    }

    #[test]
    fn a_period_of_play_is_no_quarter_of_a_year() {
        assert!(values("He scored 12 points in the fourth quarter.", "2024-10-09").is_empty());
        assert!(values("The index fell in the second half of the session.", "2024-10-09").is_empty());
        let s = "Rovers led for most of the first half after Tom Hale's header in the 12th minute.";
        assert!(values(s, "2024-10-09").is_empty());
        assert_eq!(values("Profit rose in the fourth quarter.", "2024-10-09"), ["2024-Q4"]);
        assert_eq!(values("It lost money in the first half of the year.", "2024-10-09"), ["2024-H1"]);
        assert_eq!(values("It had a loss for the third quarter of $226.3 million.", "1989-10-26"), ["1989-Q3"]);
    }

    #[test]
    fn since_a_month_is_never_after_the_publication_date() {
        assert_eq!(values("Fires have struck the region since January.", "2025-12-11"), ["2025-01"]);
        assert_eq!(values("It is the best week since November.", "2024-10-09"), ["2023-11"]);
    }

    #[test]
    fn a_range_of_days_may_end_in_another_month() {
        assert_eq!(values("The fair runs Oct. 30-Nov. 1.", "2024-10-01"), ["2024-10-30", "2024-11-01"]);
        assert_eq!(values("It was hot in June-July.", "2024-10-01"), ["2024-06", "2024-07"]);
    }

    #[test]
    fn a_game_clock_is_no_time_of_day() {
        assert!(values("Tatum hit a 3-pointer with 2:14 left.", "2024-11-25").is_empty());
        assert!(values("Panarin scored 2:31 into overtime.", "2024-11-25").is_empty());
        assert!(values("He scored 4:10 into the third period.", "2024-11-25").is_empty());
        assert!(values("He scored with 0:45 to play.", "2024-11-25").is_empty());
        assert_eq!(values("The train left at 15:30.", "2024-11-25"), ["2024-11-25T15:30"]);
    }

    #[test]
    fn a_street_number_is_no_year() {
        assert!(values("The president lives at 1600 Pennsylvania Avenue.", "2024-10-09").is_empty());
        assert!(values("The shop at 2000 N. Main St. closed.", "2024-10-09").is_empty());
        assert_eq!(values("In 1998 Clinton said no.", "2024-10-09"), ["1998"]);
    }

    #[test]
    fn midnight_in_the_past_is_the_one_that_began_the_day() {
        assert_eq!(values("The race was called shortly after midnight.", "2024-10-09"), ["2024-10-08T24:00"]);
        assert_eq!(values("The curfew will start at midnight.", "2024-10-09"), ["2024-10-09T24:00"]);
    }

    #[test]
    fn a_rate_needs_a_count_of_things_before_it() {
        assert_eq!(values("The plant runs three shifts a day.", "2024-10-09"), ["P1D"]);
        assert!(values("Shares closed at sixty-one and a half.", "2024-10-09").is_empty());
        // After a preposition, a length of time ("Formula 1" is no count).
        assert_eq!(values("He drove in Formula 1 for a decade.", "2024-10-09"), ["P10Y"]);
        assert!(values("Shares closed at 61 and a quarter.", "2024-10-09").is_empty());
        assert!(values("Officials signaled two more quarter-point cuts.", "2024-10-09").is_empty());
        // A speed or a rate of a measure is neither a set nor a length.
        assert!(values("The car was going 90 miles an hour.", "2024-10-09").is_empty());
        assert!(values("Snow could fall at 2 inches an hour.", "2024-10-09").is_empty());
        assert_eq!(values("Workers earn $15 an hour.", "2024-10-09"), ["PT1H"]);
    }

    #[test]
    fn a_midnight_by_a_day_is_on_that_day() {
        let d = "2024-12-16";
        // The midnight that opens a span of a day starts it; one that closes it ends it.
        assert_eq!(
            values("Snow will be heaviest between midnight and 6 a.m. Wednesday.", d),
            ["2024-12-17T24:00", "2024-12-18T06:00"]
        );
        assert_eq!(
            values("The store is open from 9 a.m. until midnight Friday.", d),
            ["2024-12-20T09:00", "2024-12-20T24:00"]
        );
    }

    #[test]
    fn a_span_of_parts_modifies_its_period() {
        let r: Reference = "2024-10-09".parse().unwrap();
        let tl = extract("Prices should peak in mid-to-late October, as in the mid to late 1990s.", &r);
        let got: Vec<(&str, Option<expr::Mod>)> = tl.mentions.iter().map(|m| (m.text.as_str(), m.modifier)).collect();
        assert_eq!(
            got,
            [("mid-to-late October", Some(expr::Mod::End)), ("the mid to late 1990s", Some(expr::Mod::End))]
        );
    }

    #[test]
    fn halves_and_last_days_of_a_period_are_one_mention() {
        let r: Reference = "2025-11-19".parse().unwrap();
        let text = "Sales rose in the first half of November and fell in the second half of the month. \
                    The last days of October were warm. Profit grew in the first half of the year and \
                    will grow in the back half of the year. Rents rose in the latter half of the decade.";
        let tl = extract(text, &r);
        // "text | value mod | first day .. day after"
        let got: Vec<String> = tl
            .mentions
            .iter()
            .map(|m| {
                let iv = m.interval.as_ref().unwrap();
                let modifier = m.modifier.map_or("", expr::Mod::name);
                format!("{} | {} {} | {} .. {}", m.text, m.value, modifier, iv.start.date(), iv.end.date())
            })
            .collect();
        assert_eq!(
            got,
            [
                "the first half of November | 2025-11 START | 2025-11-01 .. 2025-11-16",
                "the second half of the month | 2025-11 END | 2025-11-16 .. 2025-12-01",
                "The last days of October | 2025-10 END | 2025-10-22 .. 2025-11-01",
                "the first half of the year | 2025-H1  | 2025-01-01 .. 2025-07-01",
                "the back half of the year | 2025-H2  | 2025-07-01 .. 2026-01-01",
                "the latter half of the decade | 202 END | 2025-01-01 .. 2030-01-01",
            ]
        );
    }

    #[test]
    fn a_time_restated_in_another_zone_is_one_event_with_its_day() {
        let r: Reference = "2025-11-19".parse().unwrap();
        let tl = extract("The blast happened at 3:15 p.m. local time (0715 GMT) on Tuesday, the ministry said.", &r);
        assert_eq!(tl.mentions.len(), 3);
        let got: Vec<(&str, &str, usize)> =
            tl.events.iter().map(|e| (e.value.as_str(), e.headline.as_str(), e.mentions.len())).collect();
        assert_eq!(got, [("2025-11-18T15:15", "The blast happened", 3)]);
    }

    #[test]
    fn a_day_and_the_time_on_it_right_after_are_one_event() {
        let r: Reference = "2025-03-18".parse().unwrap();
        let text = "A memorial service will be held on April 5 at 2 p.m. at the Basilica of the National Shrine.";
        let tl = extract(text, &r);
        let got: Vec<(&str, &str, usize)> =
            tl.events.iter().map(|e| (e.value.as_str(), e.headline.as_str(), e.mentions.len())).collect();
        assert_eq!(got, [("2025-04-05T14:00", "A memorial service will be held", 2)]);
        // A time on another day stays apart.
        let tl = extract("The fire began on April 5 at 2 a.m. April 6, officials said.", &r);
        assert!(tl.events.len() >= 2, "{:?}", tl.events);
    }

    #[test]
    fn the_day_before_a_day_is_one_mention() {
        let r: Reference = "2000-02-24".parse().unwrap();
        let tl = extract("The day before last Tuesday's hearing, he went home.", &r);
        let got: Vec<(&str, &str)> = tl.mentions.iter().map(|m| (m.text.as_str(), m.value.as_str())).collect();
        assert_eq!(got, [("The day before last Tuesday", "2000-02-21")]);
        let tl = extract("He left the day after Christmas.", &r);
        assert_eq!(tl.mentions[0].value, "1999-12-26");
        // The day takes its clause's tense.
        let tl = extract("The vote is scheduled for the day after Thanksgiving.", &r);
        assert_eq!(tl.mentions[0].value, "2000-11-24");
    }

    #[test]
    fn a_weekday_before_or_after_a_day_is_one_mention() {
        let d = "2024-11-22";
        let got = |t: &str| -> Vec<(String, String)> {
            let r: Reference = d.parse().unwrap();
            extract(t, &r).mentions.into_iter().map(|m| (m.text, m.value)).collect()
        };
        let one = |a: &str, b: &str| vec![(a.to_string(), b.to_string())];
        assert_eq!(
            got("Stores open early on the Friday after Thanksgiving."),
            one("the Friday after Thanksgiving", "2024-11-29")
        );
        assert_eq!(
            got("The office is closed the Monday before Christmas."),
            one("the Monday before Christmas", "2024-12-23")
        );
        // The day takes its clause's tense; the weekday of the day itself is a week away.
        assert_eq!(
            got("Schools closed on the Friday after Thanksgiving."),
            one("the Friday after Thanksgiving", "2023-11-24")
        );
        // (Thanksgiving is six days on: the Thursday before it was yesterday.)
        assert_eq!(
            got("They met the Thursday before Thanksgiving."),
            one("the Thursday before Thanksgiving", "2024-11-21")
        );
        // Before an event it stays a weekday.
        assert_eq!(got("The Wednesday before the vote, he resigned."), one("Wednesday", "2024-11-20"));
    }

    #[test]
    fn a_holiday_in_a_done_clause_is_not_after_the_publication_date() {
        assert_eq!(values("The family gathered on Thanksgiving.", "2024-11-22"), ["2023-11-23"]);
        assert_eq!(values("The family will gather on Thanksgiving.", "2024-11-22"), ["2024-11-28"]);
    }

    #[test]
    fn late_in_a_month_ahead_in_a_past_clause_is_last_year() {
        assert_eq!(values("The season peaked in late December.", "2024-11-01"), ["2023-12"]);
        assert_eq!(values("Sales will peak in late December.", "2024-11-01"), ["2024-12"]);
        // A whole month just ahead may still be a plan reported in the past tense.
        assert_eq!(values("They announced a cutback in December.", "2024-11-01"), ["2024-12"]);
    }

    #[test]
    fn a_night_alone_is_the_last_one_unless_the_clause_looks_ahead() {
        assert_eq!(values("Fighting raged overnight.", "2024-10-09"), ["2024-10-08TNI"]);
        assert_eq!(values("The storm is expected to cross the state overnight.", "2024-10-09"), ["2024-10-09TNI"]);
        // The night that ended on the day named.
        let text = "Russia said on Wednesday it had shot down 47 drones overnight.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-09", "2024-10-08TNI"]);
    }

    #[test]
    fn the_first_or_last_day_of_a_month_is_that_day() {
        let spans = |text: &str| -> Vec<(String, String)> {
            let r: Reference = "2024-10-09".parse().unwrap();
            extract(text, &r).mentions.into_iter().map(|m| (m.text, m.value)).collect()
        };
        let one = |text: &str, value: &str| vec![(text.to_string(), value.to_string())];
        assert_eq!(spans("Rent is due on the last day of the month."), one("the last day of the month", "2024-10-31"));
        assert_eq!(spans("It takes effect on the first day of March."), one("the first day of March", "2025-03-01"));
        assert_eq!(spans("It began on the first day of last month."), one("the first day of last month", "2024-09-01"));
        assert_eq!(spans("On the final day of 2023, he resigned."), one("the final day of 2023", "2023-12-31"));
        // "last day" alone is the final day of something, not yesterday.
        assert_eq!(values("The quarter's last day of trading is Friday.", "2024-10-09"), ["2024-Q3", "2024-10-11"]);
    }

    #[test]
    fn weekdays_joined_by_a_dash_or_into_are_a_range() {
        assert_eq!(values("He stayed Friday-Sunday.", "2024-10-09"), ["2024-10-04", "2024-10-06"]);
        let text = "Temperatures will be mild Tuesday into Wednesday.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-15", "2024-10-16"]);
    }

    #[test]
    fn the_quarter_reported_on_sets_the_period_a_report_is_about() {
        let text = "Earnings for the quarter were $1.10 a share, compared with 95 cents in the year-earlier period.";
        assert_eq!(values(text, "2024-10-24"), ["2024-Q3", "2023-Q3"]);
    }

    #[test]
    fn a_clock_time_is_not_on_the_end_of_a_span() {
        let text =
            "The Senate voted late Wednesday to fund the government through Dec. 20, hours before a midnight deadline.";
        assert_eq!(values(text, "2024-09-26"), ["2024-09-25", "2024-12-20", "2024-09-25T24:00"]);
    }

    #[test]
    fn midnight_ends_its_day_for_what_counts_days_from_it() {
        let text = "The party was held at midnight Friday. Earlier in the day, guests arrived.";
        assert_eq!(values(text, "2024-09-26"), ["2024-09-20T24:00", "2024-09-20"]);
        let text = "The race was called shortly after midnight. He conceded the next morning.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-08T24:00", "2024-10-09TMO"]);
    }

    #[test]
    fn the_last_weekend_before_something_is_not_last_weekend() {
        let text = "Last December, the fight stretched until the last weekend before the holiday.";
        assert_eq!(values(text, "2024-09-26"), ["2023-12"]);
        assert_eq!(values("They want to push the deadline into March.", "2024-09-26"), ["2025-03"]);
    }

    #[test]
    fn a_holiday_in_a_present_clause_leans_like_a_month() {
        let text = "The holiday season, which runs from Thanksgiving to Christmas, is shorter this year.";
        assert_eq!(values(text, "2024-08-21"), ["2024-11-28", "2024-12-25", "2024"]);
        assert_eq!(values("Sales fell at Christmas.", "2024-08-21"), ["2023-12-25"]);
    }

    #[test]
    fn an_amount_later_than_something_is_a_length() {
        assert_eq!(values("It is expected in 2027, a year later than planned.", "2024-11-01"), ["2027", "P1Y"]);
        assert_eq!(values("It was founded in 2001 and closed a year later.", "2024-11-01"), ["2001", "2002"]);
    }

    #[test]
    fn an_amount_from_a_day_is_that_day_moved() {
        let spans = |text: &str| -> Vec<(String, String)> {
            let r: Reference = "2024-10-09".parse().unwrap();
            extract(text, &r).mentions.into_iter().map(|m| (m.text, m.value)).collect()
        };
        let one = |text: &str, value: &str| vec![(text.to_string(), value.to_string())];
        assert_eq!(spans("The vote is two weeks from Saturday."), one("two weeks from Saturday", "2024-10-26"));
        assert_eq!(spans("The hearing is set for a week from Friday."), one("a week from Friday", "2024-10-18"));
        assert_eq!(spans("He was last seen a week ago Sunday."), one("a week ago Sunday", "2024-09-29"));
        // A length that starts on a day stays a length and a day.
        assert_eq!(values("He was banned for 30 days from Monday.", "2024-10-09"), ["P30D", "2024-10-07"]);
        // "after" joins a length and a date in TimeML ("Eight trading days after Oct. 12").
        assert_eq!(values("Three days after Christmas, they left.", "2024-10-09"), ["P3D", "2023-12-25"]);
    }

    #[test]
    fn long_windows_are_cut_at_spaces_into_bounded_pieces() {
        let text = "May 1 and June 2, 2024 and July 3";
        let got: Vec<&str> = pieces(text, 0, text.len(), 12).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got.concat(), text);
        assert!(got.iter().all(|p| p.len() <= 12), "{got:?}");
        assert_eq!(got[0], "May 1 and ");
        let text = "ééééé";
        let got: Vec<&str> = pieces(text, 0, text.len(), 3).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got.concat(), text);
        let got: Vec<&str> = pieces(text, 0, text.len(), 1).map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got.len(), 5);
    }

    /// A timeline filled again for another document holds nothing of the one before.
    #[test]
    fn a_reused_timeline_is_the_one_a_new_extraction_gives() {
        let r: Reference = "2024-08-13".parse().unwrap();
        let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/musk-trump-x.txt")).unwrap();
        let texts = [
            seed.as_str(),
            "From Monday to Wednesday, sales fell. Two days later, on Aug. 12-14, every week, twice a month.",
            "",
            "The storm hit on March 3, 2020. Two days later, officials said repairs would take more than 40 minutes.",
            "No date here.",
        ];
        let mut tl = Timeline::default();
        for explain in [true, false] {
            let options = Options { explain, ..Options::default() };
            for text in texts.iter().chain(texts.iter().rev()) {
                extract_into(text, &r, &options, &mut tl);
                assert_eq!(tl, extract_with(text, &r, &options), "{text:?}");
            }
        }
    }

    #[test]
    fn soon_after_an_event_or_in_a_past_story_is_no_future_reference() {
        assert_eq!(values("The budget will soon move into surplus.", "1998-02-06"), ["FUTURE_REF"]);
        assert!(values("He was killed soon after being captured.", "1998-02-06").is_empty());
        assert!(values("He will succeed Davison soon after he retires.", "1998-02-06").is_empty());
        assert!(values("He was soon released.", "1998-02-06").is_empty());
    }

    #[test]
    fn hours_and_minutes_later_count_from_a_clock_time() {
        let text = "At 11:45 p.m. the first shock hit; a second followed 20 minutes later. Two hours later, a third.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-09T23:45", "2024-10-10T00:05", "2024-10-10T02:05"]);
        // From a day with no clock time, an hour later is that day.
        assert_eq!(values("On Monday he left; an hour later she did.", "2024-10-09"), ["2024-10-07", "2024-10-07"]);
        // They keep the zone of the time they count from, through a chain of them.
        let text = "The polls closed at 9 p.m. ET. An hour later, the race was called. Two hours later, he spoke.";
        assert_eq!(
            values(text, "2024-10-09"),
            ["2024-10-09T21:00-04:00", "2024-10-09T22:00-04:00", "2024-10-10T00:00-04:00"]
        );
    }

    #[test]
    fn the_following_weekday_counts_from_the_story_day() {
        let text = "On Oct. 1 the concert was canceled. It was moved to the following Saturday.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-01", "2024-10-05"]);
        let text = "Stocks fell Friday, down 4.5% from the previous Friday.";
        assert_eq!(values(text, "1989-10-30"), ["1989-10-27", "1989-10-20"]);
        // With no day in the story, from the publication's.
        assert_eq!(values("The vote moved to the following Saturday.", "2024-10-09"), ["2024-10-12"]);
    }

    #[test]
    fn the_week_after_next_is_two_weeks_on() {
        assert_eq!(values("The results come the week after next.", "2024-10-09"), ["2024-W43"]);
        assert_eq!(values("It happened the month before last.", "2024-10-09"), ["2024-08"]);
        assert_eq!(values("The shop is shut for the rest of the quarter.", "2024-10-09"), ["2024-Q4"]);
        assert_eq!(values("Shows run nightly.", "2024-10-09"), ["XXXX-XX-XXTNI"]);
    }

    #[test]
    fn later_with_no_date_before_is_told_from_the_present() {
        assert_eq!(values("Two decades later, the town has been rebuilt.", "2024-10-09"), ["202"]);
        let text = "The firm will spin off the unit, and two years later it will list it.";
        assert_eq!(values(text, "2024-10-09"), ["2026"]);
        let text = "The plant closed in 1990. Two decades later, it reopened.";
        assert_eq!(values(text, "2024-10-09"), ["1990", "201"]);
    }

    #[test]
    fn super_tuesday_is_a_day_of_march_not_a_tuesday() {
        let r: Reference = "2024-03-07".parse().unwrap();
        let tl = extract("Voters in 15 states cast ballots on Super Tuesday.", &r);
        let got: Vec<(&str, &str)> = tl.mentions.iter().map(|m| (m.text.as_str(), m.value.as_str())).collect();
        assert_eq!(got, [("Super Tuesday", "2024-03-05")]);
    }

    #[test]
    fn a_holiday_weekend_is_the_weekend_beside_it() {
        let text = "Travel over the Thanksgiving weekend is expected to set records. Over Memorial Day weekend, crowds gathered.";
        assert_eq!(values(text, "2024-10-09"), ["2024-W48-WE", "2024-W21-WE"]);
        assert_eq!(values("The Christmas rush began.", "2024-10-09"), ["2023-12-25"]);
    }

    #[test]
    fn in_n_years_after_a_superlative_is_the_span_looked_back_over() {
        let text = "The summit, the first in five years, will be held in Geneva. Prices will hit their highest level in two decades.";
        assert_eq!(values(text, "2024-05-23"), ["P5Y", "P20Y"]);
        let text = "Commuters will face their fourth week of disruption in two months.";
        assert_eq!(values(text, "2024-05-23"), ["P2M"]);
        let text = "The plant will open in two years. The company will invest more in two years.";
        assert_eq!(values(text, "2024-05-23"), ["2026", "2026"]);
    }

    #[test]
    fn the_nth_weekday_of_a_relative_month() {
        let text = "The first Monday of next month is a holiday. The last Friday of this month is payday.";
        assert_eq!(values(text, "2024-10-09"), ["2024-11-04", "2024-10-25"]);
        assert_eq!(values("It was the second Tuesday of last month.", "2024-01-09"), ["2023-12-12"]);
    }

    #[test]
    fn hundreds_are_centuries_and_the_2000s_a_decade() {
        let text =
            "The town was founded in the 1800s. The house dates from the early 1900s. The late 2000s brought a crash.";
        assert_eq!(values(text, "2024-10-09"), ["18", "19", "200"]);
    }

    #[test]
    fn the_nth_week_of_a_month_holds_its_nth_thursday() {
        let text = "Sales rose in the second week of September. He left in the last week of September.";
        assert_eq!(values(text, "2024-10-09"), ["2024-W37", "2024-W39"]);
        assert_eq!(values("The race is on the weekend of Oct. 26.", "2024-10-09"), ["2024-W43-WE"]);
    }

    #[test]
    fn the_morning_hours_of_a_day_are_that_day() {
        let text = "The attack was on Tuesday. The quake hit in the early morning hours of Sunday.";
        assert_eq!(values(text, "2024-10-09"), ["2024-10-08", "2024-10-06"]);
    }

    /// A rule read as part of another may stand at the very end of the text ("first half of" once
    /// panicked, reading the class of the token after the last): every prefix of these sentences
    /// is extracted without a panic.
    #[test]
    fn every_prefix_of_a_dated_sentence_is_read_safely() {
        let sentences = [
            "Profits rose in the first half of 2024 and the 21st century began at 5 p.m. on Jan. 6, 2021.",
            "The third quarter of fiscal 1989, the week of March 6 and the 1990s, two days later, 10-15 minutes.",
            "Every other Tuesday at 9:30 a.m. ET, the day after tomorrow, 6th of May, 2 1/2 years ago.",
        ];
        for s in sentences {
            for (end, _) in s.char_indices() {
                let _ = values(&s[..end], "2024-10-09");
            }
        }
    }

    #[test]
    fn a_while_is_a_length_of_unstated_unit() {
        assert_eq!(values("They will live without power for a while.", "2024-10-09"), ["PXX"]);
        assert_eq!(values("A while ago, he left.", "2024-10-09"), ["PAST_REF"]);
        assert!(values("While he slept, it rained. We met a while later.", "2024-10-09").is_empty());
    }

    #[test]
    fn could_before_a_verb_looks_ahead() {
        let text = "Officials signaled another increase could come as early as December.";
        assert_eq!(values(text, "2024-10-09"), ["2024-12"]);
    }

    #[test]
    fn a_position_in_the_decade_is_in_this_decade() {
        assert_eq!(values("The city hopes to finish by the end of the decade.", "2024-10-09"), ["202"]);
        assert!(values("Prices rose during the decade.", "2024-10-09").is_empty());
    }

    #[test]
    fn movable_feasts_and_national_days_have_their_dates() {
        let text = "Palm Sunday 2013, Ash Wednesday 2013, Pentecost 2024, Mother's Day 2024, Bastille Day 2024.";
        let want = ["2013-03-24", "2013-02-13", "2024-05-19", "2024-05-12", "2024-07-14"];
        assert_eq!(values(text, "2024-10-09"), want);
    }

    #[test]
    fn overnight_is_last_night_as_an_adverb_only() {
        assert_eq!(values("Shares fell overnight in Asia.", "2024-10-09"), ["2024-10-08TNI"]);
        assert!(values("The overnight rate rose.", "2024-10-09").is_empty());
    }

    #[test]
    fn a_clock_range_ends_after_it_starts() {
        let text = "The party ran from 11 p.m. Friday to 3 a.m. It is open from 9 a.m. to 5 p.m.";
        let want = ["2013-03-22T23:00", "2013-03-23T03:00", "2013-03-22T09:00", "2013-03-22T17:00"];
        assert_eq!(values(text, "2013-03-22"), want);
    }

    #[test]
    fn since_a_month_is_never_after_the_reference() {
        let text = "The index had its best week since November. He has lived there since October.";
        assert_eq!(values(text, "2024-10-09"), ["2023-11", "2024-10"]);
        assert_eq!(values("Prices have risen since Nov. 1.", "2024-10-09"), ["2023-11-01"]);
    }

    #[test]
    fn last_and_next_month_names_are_strict() {
        assert_eq!(values("He spoke to bankers last December.", "1989-11-02"), ["1988-12"]);
        assert_eq!(values("It began last fall.", "1998-02-06"), ["1997-FA"]);
        assert_eq!(values("It opens next November.", "1989-11-02"), ["1990-11"]);
        assert_eq!(values("We will meet next Christmas.", "1989-12-20"), ["1989-12-25"]);
    }

    #[test]
    fn ordinals_joined_before_centuries_are_centuries() {
        assert_eq!(values("It shows works from the 16th and 17th centuries.", "2026-09-18"), ["15", "16"]);
        assert_eq!(values("It opened on the 16th and closed on the 17th.", "2026-09-18"), ["2026-09-16", "2026-09-17"]);
    }

    #[test]
    fn a_fixture_named_by_its_day_in_a_clause_that_looks_ahead_is_to_come() {
        // A Saturday article.
        let v = |text: &str| values(text, "2026-01-31");
        assert_eq!(v("He could make his debut in Tuesday's league match at home."), ["2026-02-03"]);
        assert_eq!(v("He scored in Tuesday's match."), ["2026-01-27"]);
        assert_eq!(v("Police will investigate Monday's shooting."), ["2026-01-26"]);
        assert_eq!(v("Officials will certify Tuesday's election results."), ["2026-01-27"]);
    }

    #[test]
    fn a_clock_time_that_recurs_is_a_set() {
        let v = |text: &str| values(text, "2026-09-18");
        assert_eq!(v("It is open until 9 p.m. on Thursdays."), ["XXXX-WXX-4T21:00"]);
        assert_eq!(v("Meetings are held every Thursday at 9 p.m."), ["XXXX-WXX-4T21:00"]);
        assert_eq!(v("Trains leave at 6 a.m. daily."), ["XXXX-XX-XXT06:00"]);
        assert_eq!(v("He leaves at 9 a.m. on Tuesday."), ["2026-09-15T09:00"]);
    }

    #[test]
    fn a_clock_time_is_on_the_day_after_the_noun_it_qualifies() {
        let v = |text: &str| values(text, "2026-09-18");
        assert_eq!(
            v("Sites stayed open past their 7 p.m. closing time on Saturday."),
            ["2026-09-12T19:00", "2026-09-12"]
        );
        assert_eq!(v("It opened at 7 p.m. and again on Saturday."), ["2026-09-18T19:00", "2026-09-12"]);
    }

    #[test]
    fn a_time_things_stand_at_is_the_news_day() {
        let text = "A wildfire ignited Sunday afternoon, officials said Wednesday morning. \
                    The fire was 40% contained as of 6 a.m., up from 15% on Tuesday.";
        assert_eq!(values(text, "2025-07-16"), ["2025-07-13TAF", "2025-07-16TMO", "2025-07-16T06:00", "2025-07-15"]);
    }

    #[test]
    fn the_same_period_last_year_is_the_reported_period_a_year_before() {
        let text = "Net income for the third quarter was $3.1 billion, compared with $1.9 billion in the \
                    same period last year.";
        assert_eq!(values(text, "2025-10-29"), ["2025-Q3", "2024-Q3"]);
        assert_eq!(
            values("Sales in September rose from the same month a year ago.", "2025-10-29"),
            ["2025-09", "2024-09"]
        );
    }

    #[test]
    fn a_headline_reads_over_sets_and_lengths_that_head_their_phrase() {
        // A length that heads its noun phrase, and a set, are words of the clause.
        let text = "Unions called 12 days of strikes between January and June.";
        assert_eq!(
            headlines(text, "2025-10-14"),
            [("2025-01/2025-06".into(), "Unions called 12 days of strikes".into())]
        );
        let text = "Under the plan, the retirement age will rise by three months each year starting Jan. 1, 2026, \
                    until it reaches 64 in 2033.";
        let got = headlines(text, "2025-10-14");
        let rise = "The retirement age will rise by three months each year";
        assert!(got.contains(&("2026-01-01".into(), rise.into())), "{got:?}");
        // (Not a set at a time right after another time: it ends that clause.)
        let text = "The city will open warming centers from 8 p.m. to 8 a.m. each night through Sunday.";
        let got = headlines(text, "2025-01-09");
        assert!(got.contains(&("2025-01-12".into(), "The city will open warming centers".into())), "{got:?}");
        // ", and" with a subject and a verb opens a clause of its own.
        let text = "The family refused to sign the agreement through two days of negotiations, and INS extended \
                    its deadline until 9 a.m. EST Tuesday.";
        let got = headlines(text, "2000-04-03");
        assert!(got.contains(&("2000-04-04T09:00-05:00".into(), "INS extended its deadline".into())), "{got:?}");
        // A report's subject before the mention takes the verb after it; a participle's does not.
        let text = "DSM said net income in the third quarter jumped 63%.";
        assert_eq!(headlines(text, "2025-10-14"), [("2025-Q3".into(), "DSM said net income jumped 63%".into())]);
        let text = "A toy company founded in 1886 will close its last factory.";
        assert_eq!(headlines(text, "2025-10-14"), [("1886".into(), "A toy company founded".into())]);
        // A mention inside a noun phrase that ends the clause: the clause without it.
        let text = "The decision follows a similar cut at the Fed's September meeting, which was its first \
                    reduction since December 2024.";
        let got = headlines(text, "2025-10-29");
        let follows = "The decision follows a similar cut at the Fed's meeting";
        assert!(got.contains(&("2025-09".into(), follows.into())), "{got:?}");
        // A joined verb takes a subject of up to eight words.
        let text = "Since 2007, daylight saving time in the United States has begun on the second Sunday in \
                    March and ended on the first Sunday in November.";
        let got = headlines(text, "2025-10-31");
        let ended = "Daylight saving time in the United States ended";
        assert!(got.contains(&("2024-11-03".into(), ended.into())), "{got:?}");
    }

    #[test]
    fn a_headline_reads_across_a_mention_and_a_span_before_a_joined_verb() {
        let text = "The striker has signed a contract until June 2031 and could make his debut on Tuesday.";
        let got = headlines(text, "2026-01-31");
        assert!(got.contains(&("2031-06".into(), "The striker signed a contract".into())), "{got:?}");
        assert!(got.contains(&("2026-02-03".into(), "The striker could make his debut".into())), "{got:?}");
        let text = "Officials said new infections had been rising every week since mid-March.";
        assert_eq!(
            headlines(text, "2026-05-12"),
            [("2026-03".into(), "Officials said new infections had been rising every week".into())]
        );
        let text = "Lines had stretched for up to two hours on the final weekend of early voting.";
        assert_eq!(headlines(text, "2026-03-04"), [("2026-W09-WE".into(), "Lines stretched".into())]);
        // A length inside the clause bounds none ("in 24 hours", "a 60-day state").
        let text = "Bitcoin fell as much as 14% in 24 hours to below $50,000 on Tuesday.";
        assert_eq!(
            headlines(text, "2026-04-08"),
            [("2026-04-07".into(), "Bitcoin fell as much as 14% in 24 hours to below $50,000".into())]
        );
        let text = "The president declared a 60-day state of emergency in three provinces on Tuesday.";
        assert_eq!(
            headlines(text, "2025-03-05"),
            [("2025-03-04".into(), "The president declared a 60-day state of emergency in three provinces".into())]
        );
        // Nor one a comparison measures, nor a quarter written as an adjective.
        let text = "The authors warned that by 2050 the ice season could be two months shorter.";
        assert_eq!(
            headlines(text, "2026-04-22"),
            [("2050".into(), "The ice season could be two months shorter".into())]
        );
        let text = "The company reports its second-quarter results in early February.";
        let got = headlines(text, "2025-11-06");
        assert!(got.contains(&("2026-02".into(), "The company reports its second-quarter results".into())), "{got:?}");
        // Nor a date that qualifies the noun after it, nor an adverb.
        let got = headlines("The IRS will begin accepting 2025 tax returns on Monday.", "2026-01-21");
        assert!(
            got.contains(&("2026-01-26".into(), "The IRS will begin accepting 2025 tax returns".into())),
            "{got:?}"
        );
        let text = "Quarterly estimated payments for the 2026 tax year are due April 15.";
        let got = headlines(text, "2026-01-21");
        let want = "Quarterly estimated payments for the 2026 tax year are due";
        assert!(got.contains(&("2026-04-15".into(), want.into())), "{got:?}");
        let text = "Residents of counties hit by last year's hurricanes have until May 1 to file.";
        let got = headlines(text, "2026-01-21");
        let want = "Residents of counties hit by last year's hurricanes to file";
        assert!(got.contains(&("2026-05-01".into(), want.into())), "{got:?}");
        let text = "Policymakers now see inflation returning to their 2% target in 2027.";
        let got = headlines(text, "2026-01-21");
        let want = "Policymakers now see inflation returning to their 2% target";
        assert!(got.contains(&("2027".into(), want.into())), "{got:?}");
        // (One a preposition governs still bounds it.)
        let got = headlines("Its next match after Tuesday is on Feb. 8 against the leaders.", "2026-01-21");
        assert!(got.contains(&("2026-01-20".into(), "Its next match after Tuesday".into())), "{got:?}");
        // (And "Separately," goes as a linking word.)
        let text = "Separately, Citadel posted a net loss of $2.3 million on Monday.";
        assert_eq!(
            headlines(text, "1989-10-27"),
            [("1989-10-23".into(), "Citadel posted a net loss of $2.3 million".into())]
        );
    }

    #[test]
    fn the_nth_weekend_of_a_month_is_the_weekend_of_its_nth_saturday() {
        assert_eq!(values("It happened on the first weekend of March.", "2026-03-04"), ["2025-W09-WE"]);
        assert_eq!(values("It will happen on the last weekend in May.", "2026-03-04"), ["2026-W22-WE"]);
    }

    #[test]
    fn a_quarter_or_half_told_of_in_the_past_has_begun() {
        assert_eq!(values("Hiring was strong in the first half of the year.", "2025-12-05"), ["2025-H1"]);
        assert_eq!(values("The company said it would cut jobs in the first quarter.", "2025-12-05"), ["2026-Q1"]);
    }

    #[test]
    fn months_counted_from_a_season_land_in_its_year() {
        let text = "Agents searched his home in the spring of 2021. He resigned the following month.";
        assert_eq!(values(text, "2025-06-11"), ["2021-SP", "2021"]);
    }

    #[test]
    fn a_unit_finer_than_a_past_anchor_lands_in_its_period() {
        let v = |text| values(text, "2026-05-29");
        assert_eq!(v("He was caught in March 2024. He resigned the following week."), ["2024-03", "2024-03"]);
        assert_eq!(v("He was caught in the spring of 2024. He resigned the following week."), ["2024-SP", "2024"]);
        assert_eq!(v("He was caught in 2024. He resigned the following day."), ["2024", "2024"]);
        // Not in a clause told in the future, where "the following week" is the publication's.
        assert_eq!(v("He was caught in March 2024. He will resign the following week."), ["2024-03", "2026-W23"]);
    }

    #[test]
    fn a_day_something_is_moved_to_or_called_off_for_is_to_come() {
        assert_eq!(values("Space agency delays crewed lunar flyby to April", "2026-02-20"), ["2026-04"]);
        let text = "Airlines had canceled more than 2,000 flights for Sunday by Saturday afternoon.";
        assert_eq!(values(text, "2026-01-24"), ["2026-01-25", "2026-01-24TAF"]);
    }

    #[test]
    fn two_days_that_share_a_part_of_the_day_are_two_dates() {
        let text = "Lows will be near zero on Tuesday and Wednesday nights.";
        assert_eq!(values(text, "2026-01-24"), ["2026-01-27", "2026-01-28"]);
        assert_eq!(values("The show airs Tuesday nights.", "2026-01-24"), ["XXXX-WXX-2TNI"]);
    }

    #[test]
    fn years_and_centuries_before_christ_are_written_as_timex3_writes_them() {
        let d = "2025-03-09";
        assert_eq!(values("Caesar was killed on March 15, 44 B.C., in Rome.", d), ["BC0044-03-15"]);
        assert_eq!(values("The town was settled around 3000 BC.", d), ["BC3000"]);
        assert_eq!(values("Vesuvius erupted in AD 79.", d), ["0079"]);
        assert_eq!(values("It was built in 79 AD.", d), ["0079"]);
        assert_eq!(values("It dates to the fifth century BC.", d), ["BC04"]);
        assert_eq!(values("The temple was built 3,000 years ago.", d), ["BC0976"]);
        // Years are counted back past year one as astronomers count: 2025 - 15,000 is 12976 B.C.
        assert_eq!(values("Humans arrived about 15,000 years ago.", d), ["BC12976"]);
        // "ad" in lower case is an advertisement.
        assert_eq!(values("A 2024 ad campaign ran.", d), ["2024"]);
        // The calendar computes with the astronomers' year: 44 B.C. is -43.
        let r: Reference = d.parse().expect("a date");
        let tl = extract("Caesar was killed on March 15, 44 B.C.", &r);
        let interval = tl.mentions[0].interval.as_ref().expect("an interval");
        assert_eq!(interval.start.date(), chrono::NaiveDate::from_ymd_opt(-43, 3, 15).expect("a date"));
    }

    #[test]
    fn a_length_may_be_told_in_three_units() {
        let text = "The mission lasted eight days, three hours and 18 minutes.";
        assert_eq!(values(text, "2019-07-20"), ["P8DT3H18M"]);
        assert_eq!(values("It took 1 hour, 2 minutes and 3 seconds.", "2019-07-20"), ["PT1H2M3S"]);
    }

    #[test]
    fn another_year_is_one_more_and_a_quarter_point_no_time() {
        assert_eq!(values("The service will stay free for another year.", "2025-09-10"), ["P1Y"]);
        assert_eq!(values("They were given another 45 days.", "2025-09-10"), ["P45D"]);
        assert!(values("The Fed lowered its rate by a quarter point.", "2025-09-10").is_empty());
    }

    #[test]
    fn a_forecast_verb_after_a_pronoun_is_done() {
        let text = "Inflation will return to target in 2027, a year later than they expected in September.";
        assert_eq!(values(text, "2024-12-18")[2], "2024-09");
        assert_eq!(values("A ruling expected in June will decide it.", "2024-12-18"), ["2025-06"]);
    }

    #[test]
    fn a_weekday_joined_to_an_earlier_one_follows_it() {
        let d = "2025-07-06";
        assert_eq!(values("The finals are scheduled for next Saturday and Sunday.", d), ["2025-07-12", "2025-07-13"]);
        assert_eq!(values("He met them on Monday and Friday.", d), ["2025-06-30", "2025-07-04"]);
    }

    #[test]
    fn this_day_in_a_year_is_the_publication_s_day_that_year() {
        let text = "On this day in 1969, Armstrong stepped onto the moon at 10:56 p.m.";
        assert_eq!(values(text, "2019-07-20"), ["1969-07-20", "1969-07-20T22:56"]);
    }

    #[test]
    fn a_date_line_is_no_amount_before_a_headline() {
        let text = "2025-04-02\nA century of cardboard: the family firm that boxed the world\n";
        let r: Reference = "2025-04-02".parse().expect("a date");
        let types: Vec<_> = extract(text, &r).mentions.into_iter().map(|m| (m.value, m.kind)).collect();
        assert_eq!(types[1].0, "P100Y");
        assert_eq!(types[1].1, resolve::TimexType::Duration);
        assert_eq!(values("He earns $50,000 a year.", "2025-04-02"), ["P1Y"]);
    }

    #[test]
    fn the_same_week_a_year_earlier_is_a_week() {
        assert_eq!(values("Sales were up 8% from the same week a year ago.", "2025-10-16"), ["2024-W42"]);
    }
}

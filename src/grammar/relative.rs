//! Relative dates: deictic ones counted from the publication date ("yesterday", "last month",
//! "three days ago", "two weeks from now", "this week", "the weekend") and anaphoric ones counted from
//! the narrative ("the next day", "two days later", "that year", "a week earlier").

use super::{Cursor, Rule, ANY};
use crate::detect::TokKind;
use crate::expr::{Amount, Anchor, Expr, PartialDate, RefKind, Shift, TemporalExpr, TimeOfDay, Unit};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "relative.day_word",
            first: THE | DAY_WORD | SHIFT,
            after_the: UNIT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: PART,
            examples: &[
                ("today", "REF+0Day"),
                ("yesterday", "REF-1Day"),
                ("tomorrow", "REF+1Day"),
                ("tonight", "REF+0DayTNI"),
                ("fighting raged [overnight].", "XXXXTNI"),
                ("yesterday morning", "REF-1DayTMO"),
                ("the day before yesterday", "REF-2Day"),
                ("last night", "REF-1DayTNI"),
                ("this morning", "REF+0DayTMO"),
            ],
            parse: day_word,
        },
        Rule {
            id: "relative.this_unit",
            first: THE | SHIFT,
            after_the: SHIFT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("this week", "REF+0Week"),
                ("last week", "REF-1Week"),
                ("this past week", "REF-1Week"),
                ("next month", "REF+1Month"),
                ("last month", "REF-1Month"),
                ("this year", "REF+0Year"),
                ("the coming year", "REF+1Year"),
                ("the past year", "P1Y"),
                ("the last decade", "P10Y"),
                ("the current quarter", "REF+0Quarter"),
                ("next year or so", "REF+1Year"),
                ("this time last year", "REF-12Month"),
                ("this time next week", "REF+7Day"),
                ("on [this day in 1969]", "REF@1969+0Day"),
                ("the current fiscal year", "REF+0Year"),
                ("the latest fiscal year", "REF-1Year"),
            ],
            parse: this_unit,
        },
        Rule {
            id: "relative.weekend",
            first: SHIFT | THE | UNIT_ONE,
            after_the: SHIFT | UNIT_ONE,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: SHIFT | UNIT_ONE,
            examples: &[("the weekend", "XXXX-WXX-WE"), ("last weekend", "XXXX-WXX-WE~LAST")],
            parse: weekend,
        },
        Rule {
            id: "relative.ago",
            first: NUM | AMOUNT | UNIT_PLURAL,
            after_the: ANY,
            after_article: UNIT | AMOUNT | FOLLOWS_ARTICLE,
            after_number: UNIT | NUM,
            after_shift: super::ANY,
            examples: &[
                ("a year ago", "REF-1Year"),
                ("three days ago", "REF-3Day"),
                ("five months ago", "REF-5Month"),
                ("two weeks from now", "REF+2Week"),
                ("ten days from today", "REF+10Day"),
                ("a week from today", "REF+7Day"),
                ("several years ago", "PAST_REF"),
                ("years ago", "PAST_REF"),
                ("thousands of years ago", "PAST_REF"),
                ("a week or so ago", "REF-1Week"),
            ],
            parse: ago,
        },
        Rule {
            id: "relative.anaphoric",
            first: THE | SHIFT | THAT | NUM | AMOUNT,
            after_the: SHIFT | UNIT,
            after_article: UNIT | AMOUNT | FOLLOWS_ARTICLE,
            after_number: UNIT | NUM,
            after_shift: PART | WEEKDAY | MONTH | SEASON | UNIT,
            examples: &[
                ("the next day", "ANCHOR+1Day"),
                ("the following month", "ANCHOR+1Month"),
                ("two days later", "ANCHOR+2Day"),
                ("a week earlier", "ANCHOR-1Week"),
                ("that year", "ANCHOR+0Year"),
                ("the same day", "ANCHOR+0Day"),
                ("that same day", "ANCHOR+0Day"),
                ("the day before", "ANCHOR-1Day"),
                ("the week after next", "REF+2Week"),
                ("the next morning", "ANCHOR+1DayTMO"),
                ("the following Saturday", "XXXX-WXX-6~NEXT"),
                ("the previous Friday night", "XXXX-WXX-5TNI~LAST"),
                ("the following spring", "XXXX-SP~NEXT"),
                ("that summer", "XXXX-SU~THIS"),
                ("that December", "XXXX-12~THIS"),
                ("that night", "ANCHOR+0DayTNI"),
            ],
            parse: anaphoric,
        },
        Rule {
            id: "relative.part_of_day",
            first: THE | PART,
            after_the: PART,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("They arrived in [the morning] and left.", "ANCHOR+0DayTMO"),
                ("By mid-[afternoon] the rally had faded.", "ANCHOR+0DayTAF"),
                ("Trading slowed in late [afternoon].", "ANCHOR+0DayTAF"),
                ("By [midafternoon], power was back.", "ANCHOR+0DayTAF"),
            ],
            parse: part_of_day,
        },
        Rule {
            id: "relative.the_year",
            first: THE,
            // (HOLIDAY: "new", of "in the new year".)
            after_the: FISCAL | UNIT | FOLLOWS_THE | HOLIDAY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("for [the year],", "REF+0Year"),
                ("nine months of [the year].", "REF+0Year"),
                ("sales for [the full year] were", "REF+0Year"),
                ("by the end of [the month] troops", "REF+0Month"),
                ("For [the week], the index fell", "REF+0Week"),
                ("delayed earlier in [the year] by rains", "REF+0Year"),
                ("Earlier in [the day], he met", "ANCHOR+0Day"),
                ("by the end of [the decade] the city", "REF+0Decade"),
                ("on the last day of [the month].", "REF+0Month"),
                ("reopen in [the new year].", "TURNING+0Year"),
                ("up since [the new year].", "REF+0Year"),
                ("for the rest of [the century].", "REF+0Century"),
            ],
            parse: the_year,
        },
        Rule {
            id: "relative.year_end",
            first: YEAR_WORD,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("year-end", "EDGE+0Year"),
                ("year's end", "EDGE+0Year"),
                ("year end", "EDGE+0Year"),
                ("midweek", "REF+0Week"),
                ("by [mid-decade].", "REF+0Decade"),
                ("by [mid-century].", "REF+0Century"),
                ("at [midyear].", "EDGE+0Year"),
                ("by [mid-month].", "REF+0Month"),
                ("through [mid-week].", "REF+0Week"),
            ],
            parse: year_end,
        },
        Rule {
            id: "relative.reported_period",
            first: THE,
            after_the: NUM | SHIFT | UNIT | FOLLOWS_THE,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the quarter", "REPORTED+0Quarter"),
                ("the latest period", "REPORTED+0Quarter"),
                ("the 1988 quarter", "REPORTED@1988+0Quarter"),
                ("the quarter a year ago", "ANCHOR-1Year"),
                ("shut for the rest of [the quarter].", "REF+0Quarter"),
            ],
            parse: reported_period,
        },
        Rule {
            id: "relative.year_earlier",
            first: THE | YEAR_WORD,
            after_the: YEAR_WORD | SHIFT | UNIT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the year-earlier quarter", "ANCHOR-1Year"),
                ("year-ago", "ANCHOR-1Year"),
                ("the year-ago period", "ANCHOR-1Year"),
                ("comparable year-ago period", "ANCHOR-1Year"),
                ("the same period last year", "ANCHOR-1Year"),
                ("the corresponding quarter a year earlier", "ANCHOR-1Year"),
                ("the same month of the previous year", "ANCHOR-1Year"),
            ],
            parse: year_earlier,
        },
    ]
}

fn offset(unit: Unit, offset: i32, anchor: Anchor, time: Option<TimeOfDay>) -> Option<Expr> {
    Some(Expr::new(TemporalExpr::Offset { unit, offset, anchor, time, counted: false }))
}

/// An offset written as a count of units ("three days ago", "a year earlier").
fn counted(unit: Unit, offset: i32, anchor: Anchor) -> Option<Expr> {
    Some(Expr::new(TemporalExpr::Offset { unit, offset, anchor, time: None, counted: true }))
}

/// An optional part of day after a day word: "yesterday morning", "tomorrow night".
fn part_after(c: &mut Cursor) -> Option<TimeOfDay> {
    c.attempt(|c| c.part_of_day()).map(TimeOfDay::Part)
}

/// "today", "yesterday morning", "tonight", "the day after tomorrow", "last night", "this morning",
/// "overnight".
fn day_word(c: &mut Cursor) -> Option<Expr> {
    if c.phrase("the day before yesterday") {
        return offset(Unit::Day, -2, Anchor::Reference, part_after(c));
    }
    if c.phrase("the day after tomorrow") {
        return offset(Unit::Day, 2, Anchor::Reference, part_after(c));
    }
    // "The attack took place overnight.", "shares fell overnight in Asia": a night. Before a noun
    // it describes a kind of thing ("overnight losses", "the overnight rate").
    if c.word("overnight") {
        let adverb = c.key().is_none_or(|k| {
            matches!(
                k,
                "." | "," | ";" | ":" | ")" | "in" | "on" | "at" | "as" | "and" | "after" | "before" | "while" | "when"
            )
        });
        // A night alone: the resolver takes the one that ended on the day named or the report's,
        // or tonight in a clause about the future ("the storm will cross the state overnight").
        let night =
            PartialDate { time: Some(TimeOfDay::Part(crate::expr::PartOfDay::Night)), ..PartialDate::default() };
        return adverb.then(|| Expr::new(TemporalExpr::Date { date: night, shift: Shift::Bare }));
    }
    if let Some(w) = c.one_of(&["today", "yesterday", "tomorrow", "tonight"]) {
        let n = match w {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        if w == "tonight" {
            return offset(Unit::Day, 0, Anchor::Reference, Some(TimeOfDay::Part(crate::expr::PartOfDay::Night)));
        }
        return offset(Unit::Day, n, Anchor::Reference, part_after(c));
    }
    // "this morning", "last night", "this evening"
    let n = match c.one_of(&["this", "last"])? {
        "this" => 0,
        _ => -1,
    };
    let p = c.part_of_day()?;
    if n == -1 && p != crate::expr::PartOfDay::Night {
        return None;
    }
    offset(Unit::Day, n, Anchor::Reference, Some(TimeOfDay::Part(p)))
}

/// A part of the day on its own, on the day the story is about: "in the morning", "during the
/// evening", "by midafternoon", and the bare part a position word wraps ("mid-afternoon", "late
/// evening"). Alone, "morning"
/// is a greeting or a noun modifier ("morning papers"), and "mornings" recur (sets.rs).
fn part_of_day(c: &mut Cursor) -> Option<Expr> {
    let the = c.word("the");
    let before = c.key_at(-1 - isize::from(the));
    let preposition = |k: &str| matches!(k, "in" | "during" | "by" | "until" | "through" | "throughout");
    // "by midafternoon", "at midmorning": the middle of the part, after a preposition.
    let mid = matches!(c.key(), Some("midmorning" | "midafternoon"));
    let placed = if the {
        before.is_some_and(preposition)
    } else {
        before.is_some_and(|k| matches!(k, "mid" | "early" | "late"))
            || before == Some("-") && c.key_at(-2) == Some("mid")
            || mid && before.is_some_and(|k| preposition(k) || matches!(k, "at" | "around" | "since" | "till"))
    };
    if !placed || c.key().is_some_and(|k| k.ends_with('s')) {
        return None;
    }
    let p = c.part_of_day()?;
    // "the morning of Oct. 5", "the morning after the vote", "the early morning hours of Sunday":
    // anchored on what follows.
    let next = if c.key() == Some("hours") { c.key_at(1) } else { c.key() };
    if next.is_some_and(|k| matches!(k, "of" | "after" | "before")) {
        return None;
    }
    let mut e = offset(Unit::Day, 0, Anchor::Narrative, Some(TimeOfDay::Part(p)))?;
    if mid {
        e.modifier = Some(crate::expr::Mod::Mid);
    }
    Some(e)
}

/// "this week", "last month", "next year", "the coming year", "the past year", "the current quarter".
fn this_unit(c: &mut Cursor) -> Option<Expr> {
    let the = c.word("the");
    // "this time last year", "this time next week": the same point a year (a week) off, the same
    // month a year off, the same day a week off.
    if !the && c.attempt(|c| (c.word("this") && c.word("time")).then_some(())).is_some() {
        let n = if c.one_of(&["last", "next"])? == "last" { -1 } else { 1 };
        return match c.unit_singular()? {
            (Unit::Year, 1) => offset(Unit::Month, 12 * n, Anchor::Reference, None),
            (Unit::Week, 1) => offset(Unit::Day, 7 * n, Anchor::Reference, None),
            _ => None,
        };
    }
    // "on this day in 1969", "this date in 1969": the publication's day, that year.
    if !the {
        if let Some(y) = c.attempt(|c| {
            (c.word("this") && c.one_of(&["day", "date"]).is_some() && c.word("in")).then_some(())?;
            c.year()
        }) {
            return offset(Unit::Day, 0, Anchor::InYear(y), None);
        }
    }
    // "this past week", "this coming month": the shift word after "this" decides.
    let this =
        !the && c.attempt(|c| (c.word("this") && matches!(c.key(), Some("past" | "coming"))).then_some(())).is_some();
    let w = c.one_of(&["this", "last", "next", "past", "coming", "current", "latest", "present", "upcoming"])?;
    if this && w == "this" {
        return None;
    }
    let n = match w {
        "this" | "current" | "present" => 0,
        "last" | "past" | "latest" => -1,
        _ => 1,
    };
    // "the next day" is anaphoric, not deictic.
    if the && matches!(w, "this" | "next") {
        return None;
    }
    // "the quarter's last day of trading", "the last day of the month": the final day of something,
    // not yesterday nor the past day.
    if matches!(w, "last" | "latest") && c.key() == Some("day") && (!the || c.key_at(1) == Some("of")) {
        return None;
    }
    // "last fiscal year", "the current fiscal year"
    let fiscal = c.word("fiscal");
    let (unit, mult) = c.unit_singular()?;
    if fiscal && unit != Unit::Year && unit != Unit::Quarter {
        return None;
    }
    if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second | Unit::Weekend) {
        return None;
    }
    // "the past year", "the last decade": the span up to now, a duration (as "the past five years").
    if the && matches!(w, "past" | "last") {
        return Some(Expr::new(TemporalExpr::Duration { amount: Amount::Exact(mult as f64), unit, future: false }));
    }
    let mut e = offset(unit, n * mult as i32, Anchor::Reference, None)?;
    // "the next year or so"
    if c.phrase("or so") {
        e.modifier = Some(crate::expr::Mod::Approx);
    }
    Some(e)
}

/// "the weekend", "this weekend", "last weekend", "next weekend".
fn weekend(c: &mut Cursor) -> Option<Expr> {
    // At a unit, only "weekend" itself: the rule is tried at every unit word ("year", "week").
    if c.class() & (SHIFT | THE) == 0 && c.key() != Some("weekend") {
        return None;
    }
    // "the last weekend before the holiday", "the next weekend": counted within a story, not from the
    // report.
    let counted = |c: &Cursor, k: isize| c.key_at(k - 1) == Some("the") && matches!(c.key_at(k), Some("last" | "next"));
    if counted(c, 0) || (c.key() == Some("weekend") && counted(c, -1)) {
        return None;
    }
    let shift = c.shift().unwrap_or_else(|| {
        c.opt("the");
        Shift::Bare
    });
    if !c.word("weekend") {
        return None;
    }
    Some(Expr::new(TemporalExpr::Date { date: PartialDate { weekend: true, ..Default::default() }, shift }))
}

/// An amount of whole units, converting fractions to a smaller unit ("two and a half years" is 30 months).
fn whole(amount: f64, unit: Unit) -> Option<(i32, Unit)> {
    if (amount - amount.round()).abs() < 1e-9 {
        return Some((amount.round() as i32, unit));
    }
    let (smaller, k) = match unit {
        Unit::Century => (Unit::Year, 100.0),
        Unit::Decade => (Unit::Year, 10.0),
        Unit::Quarter => (Unit::Month, 3.0),
        Unit::Year => (Unit::Month, 12.0),
        Unit::Month => (Unit::Day, 30.0),
        Unit::Week => (Unit::Day, 7.0),
        Unit::Day => (Unit::Hour, 24.0),
        Unit::Hour => (Unit::Minute, 60.0),
        _ => return None,
    };
    whole(amount * k, smaller)
}

/// "a year ago", "three days ago", "two weeks from now", "ten days from today", "two years hence"; an unstated amount
/// ("several years ago", "years ago") is a vague past reference.
fn ago(c: &mut Cursor) -> Option<Expr> {
    // The unit comes right after an amount in digits.
    if !c.after_number_may_be(|c, j| c.toks.class(j) & UNIT != 0) {
        return None;
    }
    let amount = c.amount();
    if amount.is_none() && c.after_a_scale() {
        return None;
    }
    let (unit, mult, plural) = c.unit()?;
    if amount.is_none() && !plural {
        return None;
    }
    // "a week or so ago"
    let or_so = c.phrase("or so");
    let mut today = false;
    let sign = if c.word("ago") {
        -1
    } else if c.attempt(|c| (c.phrase("from now") && c.key() != Some("on")).then_some(())).is_some() || c.word("hence")
    {
        1
    } else if c.phrase("from today") {
        today = true;
        1
    } else {
        return None;
    };
    match amount {
        Some(Amount::Exact(n)) => {
            let (n, unit) = whole(n * mult as f64, unit)?;
            // "a week from today" is a day.
            let (n, unit) = if today && unit == Unit::Week { (7 * n, Unit::Day) } else { (n, unit) };
            let mut e = counted(unit, sign * n, Anchor::Reference)?;
            if or_so {
                e.modifier = Some(crate::expr::Mod::Approx);
            }
            Some(e)
        }
        _ => Some(Expr::new(TemporalExpr::Reference(if sign < 0 { RefKind::Past } else { RefKind::Future }))),
    }
}

/// Verbs of saying, knowing and showing, after which "that" opens a clause ("said that summer camps
/// will close"), and the words that make it a conjunction too ("so that", "is that").
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "added",
    "adding",
    "told",
    "tell",
    "noted",
    "reported",
    "warned",
    "stated",
    "announced",
    "claimed",
    "argued",
    "insisted",
    "suggested",
    "indicated",
    "confirmed",
    "revealed",
    "explained",
    "think",
    "thinks",
    "thought",
    "know",
    "knows",
    "knew",
    "believe",
    "believes",
    "believed",
    "hope",
    "hopes",
    "hoped",
    "argue",
    "argues",
    "warn",
    "warns",
    "show",
    "shows",
    "showed",
    "found",
    "means",
    "meant",
    "so",
    "such",
    "is",
    "was",
];

/// Whether the "that" before the season or month just read (at `c.pos - 2`) joins a clause rather
/// than pointing at a season or month of the story: a year or a plural noun follows the season ("that summer 2023
/// store traffic", "that winter storms"), or a verb of saying or knowing stands before "that".
fn that_is_a_conjunction(c: &Cursor) -> bool {
    let next_is = |kind: TokKind| c.toks.toks.get(c.pos).is_some_and(|t| t.kind == kind);
    let plural_next = next_is(TokKind::Word)
        && c.key().is_some_and(|k| k.len() > 3 && k.ends_with('s') && !k.ends_with("ss"))
        && c.raw().is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_lowercase()));
    let said = c.key_at(-3).is_some_and(|w| SAYING.contains(&w));
    next_is(TokKind::Number) || plural_next || said
}

/// "the next day", "the following month", "two days later", "a week earlier", "that year",
/// "the same day", "the day before", "the previous year".
fn anaphoric(c: &mut Cursor) -> Option<Expr> {
    // At a number only "two days later" may match: its unit comes right after the digits.
    if !c.after_number_may_be(|c, j| c.toks.class(j) & UNIT != 0) {
        return None;
    }
    // At "that" only "that day", "that night", "that summer", "that December" may match: a unit,
    // a part of the day, a season or a month comes next (most "that"s join a clause).
    // ("that same day": the word after "same".)
    if c.class() & THAT != 0 {
        let at = if c.key_at(1) == Some("same") { c.pos + 2 } else { c.pos + 1 };
        let next = if at < c.toks.len() { c.toks.class(at) } else { 0 };
        if next & (UNIT | PART | SEASON | MONTH | WEEKDAY) == 0 {
            return None;
        }
    }
    if let Some(e) = c.attempt(|c| {
        let the = c.word("the");
        let w = c.one_of(&["next", "following", "previous", "preceding", "prior", "same", "that"])?;
        if (w == "that") == the {
            return None;
        }
        // "that same day" is "that day".
        if w == "that" {
            c.word("same");
        }
        let n = match w {
            "next" | "following" => 1,
            "previous" | "preceding" | "prior" => -1,
            _ => 0,
        };
        // "the next morning", "that night"
        if let Some(p) = c.attempt(|c| c.part_of_day()) {
            return offset(Unit::Day, n, Anchor::Narrative, Some(TimeOfDay::Part(p)));
        }
        // "The House returns on Dec. 15 and could vote as early as that Wednesday": the weekday of
        // the story's week (not "said that Wednesday was", "a sign that Monday's rally": "that" a
        // conjunction).
        if w == "that" {
            if let Some(weekday) = c.attempt(|c| c.weekday()) {
                if that_is_a_conjunction(c) || matches!(c.key(), Some("'s" | "’s")) {
                    return None;
                }
                let date = PartialDate {
                    weekday: Some(weekday),
                    from_anchor: true,
                    time: part_after(c),
                    ..Default::default()
                };
                return Some(Expr::new(TemporalExpr::Date { date, shift: Shift::This }));
            }
        }
        // "the following Saturday", "the previous Friday": the first such day after (before) the
        // story's day.
        if let (true, Some(weekday)) = (n != 0, c.attempt(|c| c.weekday())) {
            let date =
                PartialDate { weekday: Some(weekday), from_anchor: true, time: part_after(c), ..Default::default() };
            let shift = if n > 0 { Shift::Next } else { Shift::Last };
            return Some(Expr::new(TemporalExpr::Date { date, shift }));
        }
        // "that December", "that summer": the month or season of the story's year; "the following
        // March", "the previous summer": the first such one after (before) the story's date.
        let named = c
            .attempt(|c| c.month())
            .map(|m| PartialDate { month: Some(m), ..Default::default() })
            .or_else(|| c.attempt(|c| c.season()).map(|s| PartialDate { season: Some(s), ..Default::default() }));
        if let Some(date) = named {
            // "adding that summer 2023 store traffic was the weakest", "said that summer camps will
            // close": "that" is a conjunction, the name a noun's modifier or a subject.
            if n == 0 && that_is_a_conjunction(c) {
                return None;
            }
            let date = PartialDate { from_anchor: true, ..date };
            let shift = match n {
                1 => Shift::Next,
                -1 => Shift::Last,
                _ => Shift::This,
            };
            return Some(Expr::new(TemporalExpr::Date { date, shift }));
        }
        let (unit, mult) = c.unit_singular()?;
        // "the next year" in a future sentence is deictic; the resolver falls back to the reference
        // when there is no narrative anchor, which covers it.
        let mut e = offset(unit, n * mult as i32, Anchor::Narrative, part_after(c))?;
        // "over the next year or so"
        if c.phrase("or so") {
            e.modifier = Some(crate::expr::Mod::Approx);
        }
        Some(e)
    }) {
        return Some(e);
    }
    if let Some(e) = c.attempt(|c| {
        c.word("the");
        let (unit, mult) = c.unit_singular()?;
        let n = match c.one_of(&["before", "after"])? {
            "before" => -1,
            _ => 1,
        };
        // "the week after next", "the month before last": two units from the present.
        let beyond = if n > 0 { "next" } else { "last" };
        if c.key() == Some(beyond)
            && (c.pos + 1 >= c.toks.len() || c.toks.class(c.pos + 1) & (MONTH | WEEKDAY | SEASON | UNIT | NUM) == 0)
        {
            c.pos += 1;
            return offset(unit, 2 * n * mult as i32, Anchor::Reference, None);
        }
        // "the day before the vote" anchors on an event, not a date: only at the end of a clause, or
        // before a day ("the day before last Tuesday", merged with it by `extract`).
        let day_next = c.pos < c.toks.len()
            && (c.toks.class(c.pos) & (MONTH | WEEKDAY | SHIFT | THAT | NUM) != 0
                || c.longest(&c.lex.holidays).is_some());
        if !(day_next || at_clause_end(c) || c.key() == Some("and")) {
            return None;
        }
        offset(unit, n * mult as i32, Anchor::Narrative, None)
    }) {
        return Some(e);
    }
    let amount = c.amount()?;
    let (unit, mult, _) = c.unit()?;
    let sign = match c.one_of(&["later", "earlier", "afterward", "afterwards", "before", "after"])? {
        "earlier" | "before" => -1,
        _ => 1,
    };
    // "about the same as a year before.": "before" and "after" as adverbs only, where a clause
    // ends ("two days before the vote" anchors on an event).
    if matches!(c.key_at(-1), Some("before" | "after")) && !at_clause_end(c) {
        return None;
    }
    // "a year later than planned" compares: the amount is a length, not a step from a date.
    if c.key() == Some("than") {
        return None;
    }
    let Amount::Exact(n) = amount else {
        return None;
    };
    let (n, unit) = whole(n * mult as f64, unit)?;
    counted(unit, sign * n, Anchor::Narrative)
}

/// Whether the cursor stands where a clause ends: at the end of the text, or at a closing mark
/// (".", ",", ";", ")", a quotation mark).
fn at_clause_end(c: &Cursor) -> bool {
    c.key().is_none_or(|k| matches!(k, "." | "," | ";" | ")" | "'" | "\"" | "”"))
}

/// "year-end", "year's end", "year end": the end of the current year (mod END).
fn year_end(c: &mut Cursor) -> Option<Expr> {
    // "by midweek": the middle of the publication's week.
    if c.word("midweek") {
        let mut e = offset(Unit::Week, 0, Anchor::Reference, None)?;
        e.modifier = Some(crate::expr::Mod::Mid);
        return Some(e);
    }
    // "by mid-decade", "mid-century", "midyear", "mid-month", "mid-week": the middle of the
    // publication's decade, century, year, month or week. Not a style ("mid-century modern").
    let mid = c.attempt(|c| {
        let unit = if c.word("midyear") {
            Unit::Year
        } else if c.word("midcentury") {
            Unit::Century
        } else {
            c.word("mid").then_some(())?;
            (c.glued() && c.dash() && c.glued()).then_some(())?;
            match c.one_of(&["year", "decade", "century", "week", "month"])? {
                "year" => Unit::Year,
                "decade" => Unit::Decade,
                "week" => Unit::Week,
                "month" => Unit::Month,
                _ => Unit::Century,
            }
        };
        (c.key() != Some("modern")).then_some(unit)
    });
    let since = c.key_at(-1) == Some("since");
    if let Some(unit) = mid {
        let anchor = if unit == Unit::Year { Anchor::Edge(since) } else { Anchor::Reference };
        let mut e = offset(unit, 0, anchor, None)?;
        e.modifier = Some(crate::expr::Mod::Mid);
        return Some(e);
    }
    c.word("year").then_some(())?;
    // "year-end", "year's end", or "year end" written apart
    if c.attempt(|c| (c.glued() && c.dash()).then_some(())).is_none() {
        c.possessive();
    }
    c.word("end").then_some(())?;
    let mut e = offset(Unit::Year, 0, Anchor::Edge(since), None)?;
    e.modifier = Some(crate::expr::Mod::End);
    Some(e)
}

/// "for the year", "the first nine months of the year", "sales for the full year were", "by the end
/// of the month": the publication's year (or month, or week), the one a report forecasts or sums up
/// ("forecast an earnings increase for the full year"), even after another year was named in passing.
/// Only after "for", "of", "in", "during", and then before punctuation, after "full" or "fiscal",
/// after a position ("the end of the month") or in "earlier/later in the year": where it cannot be a
/// length of time ("the year ended Sept. 30" is one) or the start of a longer phrase. A decade or
/// century only after a position: "by the end of the decade", "the rest of the century".
fn the_year(c: &mut Cursor) -> Option<Expr> {
    let (prev, prev2, prev3) = (c.key_at(-1), c.key_at(-2), c.key_at(-3));
    // "in the new year", "until the new year": the year about to start, or just started. Not the
    // holiday ("the New Year's Eve party") nor a capitalized "New Year", which is the holiday.
    if matches!(prev, Some("in" | "into" | "until" | "till" | "after" | "before" | "by" | "since" | "for" | "during"))
        && c.attempt(|c| {
            c.word("the").then_some(())?;
            let raw = c.raw()?;
            (raw == "new" && c.word("new") && c.word("year")).then_some(())?;
            (!matches!(c.key(), Some("'s" | "'" | "eve" | "day"))).then_some(())
        })
        .is_some()
    {
        // "since the new year": the one just begun.
        let anchor = if prev == Some("since") { Anchor::Reference } else { Anchor::Turning };
        return offset(Unit::Year, 0, anchor, None);
    }
    if !matches!(prev, Some("for" | "of" | "in" | "during")) || !c.word("the") {
        return None;
    }
    let qualified = c.one_of(&["full", "fiscal"]).is_some();
    let earlier = prev == Some("in") && matches!(prev2, Some("earlier" | "later"));
    let unit = match c.one_of(&["year", "month", "week", "day", "decade", "century"])? {
        "year" => Unit::Year,
        "month" => Unit::Month,
        "week" => Unit::Week,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        // "Earlier in the day, the minister met ...": the day the story is about.
        _ if earlier && !qualified => return offset(Unit::Day, 0, Anchor::Narrative, None),
        _ => return None,
    };
    // ("the last day of the month": `extract` makes it one mention, that day.)
    let edge_day = prev2 == Some("day") && matches!(prev3, Some("first" | "last" | "final"));
    let position = prev == Some("of")
        && (edge_day
            || matches!(
                prev2,
                Some(
                    "end"
                        | "beginning"
                        | "start"
                        | "middle"
                        | "rest"
                        | "remainder"
                        | "balance"
                        | "half"
                        | "days"
                        | "weeks"
                        | "months"
                )
            ));
    if matches!(c.key(), Some("ended" | "ending" | "'s")) {
        return None;
    }
    let punct_after = c.toks.toks.get(c.pos).is_none_or(|t| t.kind == TokKind::Punct);
    // "by the end of the month"; "For the week, the index dropped 3.8%" (a market report's week).
    let for_week = unit == Unit::Week && prev == Some("for") && punct_after;
    if unit != Unit::Year && (!(position || for_week) || qualified) {
        return None;
    }
    if !(punct_after || qualified || position || earlier) {
        return None;
    }
    offset(unit, 0, Anchor::Reference, None)
}

/// "the quarter", "the latest period": in a report, the quarter reported on.
fn reported_period(c: &mut Cursor) -> Option<Expr> {
    if !c.word("the") {
        return None;
    }
    // "the 1988 quarter", "the 1989 period": the reported quarter in that year.
    let year = c.attempt(|c| {
        let t = c.toks.toks.get(c.pos)?;
        let k = c.key()?;
        let y: i32 = k.parse().ok().filter(|_| t.kind == TokKind::Number && k.len() == 4)?;
        c.pos += 1;
        (1000..3000).contains(&y).then_some(y)
    });
    let latest = year.is_none() && c.one_of(&["latest", "most", "recent"]).is_some();
    if latest && c.key_at(-1) == Some("most") && !c.word("recent") {
        return None;
    }
    match c.one_of(&["quarter", "period"])? {
        "period" if !latest && year.is_none() => return None,
        _ => {}
    }
    // "the quarter of a century", "the quarter ended Sept. 30" is still the quarter; "a quarter of" is not.
    if c.key() == Some("of") {
        return None;
    }
    // "for the rest of the quarter", "the remainder of the quarter": what is left of the current one.
    if year.is_none()
        && !latest
        && c.key_at(-3) == Some("of")
        && matches!(c.key_at(-4), Some("rest" | "remainder" | "balance"))
    {
        return offset(Unit::Quarter, 0, Anchor::Reference, None);
    }
    // "the quarter a year ago", "the period a year earlier": the same quarter a year before.
    if year.is_none() && c.attempt(|c| (c.phrase("a year ago") || c.phrase("a year earlier")).then_some(())).is_some() {
        return counted(Unit::Year, -1, Anchor::Narrative);
    }
    Some(Expr::new(TemporalExpr::Offset {
        unit: Unit::Quarter,
        offset: 0,
        anchor: year.map_or(Anchor::Reported, Anchor::ReportedIn),
        time: None,
        counted: false,
    }))
}

/// "the year-earlier quarter", "the year-ago period", "year-earlier", "the same period last year": the
/// same period a year before.
fn year_earlier(c: &mut Cursor) -> Option<Expr> {
    let the = c.word("the");
    let same = c.one_of(&["comparable", "corresponding", "same"]).is_some();
    // "the same period last year", "the corresponding quarter a year earlier", "the same month of
    // the previous year": the period a year before, named after it.
    if the && same {
        if let Some(e) = c.attempt(|c| {
            let noun = c.one_of(&["period", "quarter", "month", "week", "season"])?;
            c.opt("of");
            const YEAR_BEFORE: [&str; 6] =
                ["last year", "a year earlier", "a year ago", "the previous year", "the prior year", "the year before"];
            YEAR_BEFORE.iter().any(|p| c.phrase(p)).then_some(())?;
            // "the same week a year earlier": 52 weeks before, a week.
            if noun == "week" {
                return counted(Unit::Week, -52, Anchor::Narrative);
            }
            counted(Unit::Year, -1, Anchor::Narrative)
        }) {
            return Some(e);
        }
    }
    if !(c.word("year") && c.glued() && c.dash() && c.glued()) {
        return None;
    }
    c.one_of(&["earlier", "ago"])?;
    c.attempt(|c| c.one_of(&["quarter", "period"]));
    counted(Unit::Year, -1, Anchor::Narrative)
}

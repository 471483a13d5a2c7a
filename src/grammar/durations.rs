//! Durations: "40 minutes", "three years", "a decade", "two-year", "the past five years",
//! "the first nine months", "years" (after "for", "over the", "in"). Modifiers ("more than",
//! "nearly") are wrapped on by the engine.

use super::{Cursor, Rule};
use crate::expr::{Amount, Expr, TemporalExpr, Unit};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "duration.amount_unit",
            first: THE | NUM | AMOUNT,
            after_the: SHIFT | ORDINAL | AMOUNT | NUM | FOLLOWS_THE,
            after_article: UNIT | AMOUNT | FOLLOWS_ARTICLE,
            after_number: UNIT | NUM | FOLLOWS_NUMBER | FOLLOWS_ARTICLE,
            after_shift: super::ANY,
            examples: &[
                ("40 minutes", "PT40M"),
                ("three years", "P3Y"),
                ("for [hundreds of years]", "PXY"),
                ("a decade", "P10Y"),
                ("two-year", "P2Y"),
                ("a three-year period", "P3Y"),
                ("the 30-day window", "P30D"),
                ("for a [one-year term].", "P1Y"),
                ("half an hour", "PT30M"),
                ("5 1/2 hours", "PT5H30M"),
                ("Eight trading days", "P8D"),
                ("two more weeks", "P2W"),
                ("for [another year]", "P1Y"),
                ("another 45 days", "P45D"),
                ("the past five years", "P5Y"),
                ("the first nine months", "P9M"),
                ("the past few weeks", "PXW"),
                ("twenty-four hours", "PT24H"),
                ("one and a half years", "P1Y6M"),
                ("a [two-and-a-half-year] sentence", "P2Y6M"),
                ("a quarter of a century", "P25Y"),
                ("a minute and a half", "PT1M30S"),
                ("3 hours 12 minutes", "PT3H12M"),
                ("one year and three months", "P1Y3M"),
                ("two days and five hours", "P2DT5H"),
                ("eight days, three hours and 18 minutes", "P8DT3H18M"),
                ("a couple of years", "P2Y"),
                ("the next two years or so", "P2Y"),
                ("12 months or more", "P12M"),
                ("a week or less", "P1W"),
                ("the next couple of weeks", "P2W"),
                ("two to three years", "P2Y"),
                ("almost [a hundred years]", "P100Y"),
                ("10-15 minutes", "PT10M"),
            ],
            parse: amount_unit,
        },
        Rule {
            id: "duration.period_ended",
            first: THE,
            after_the: FISCAL | UNIT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[("[the year] ended Sept. 30", "P1Y"), ("[the fiscal year] ending June 30", "P1Y")],
            parse: period_ended,
        },
        Rule {
            id: "duration.long",
            first: UNIT | LONG,
            after_the: super::ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("a [weeklong] strike", "P1W"),
                ("a [day-long] hearing", "P1D"),
                ("the [decades-long] battle", "PXY"),
                ("a [monthslong] fight", "PXM"),
            ],
            parse: long,
        },
        Rule {
            id: "duration.plural",
            first: THE | UNIT_PLURAL | SHIFT,
            after_the: SHIFT | UNIT_PLURAL,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: UNIT,
            examples: &[
                ("for [years]", "PXY"),
                ("over [the years]", "PXY"),
                ("the coming months", "PXM"),
                ("coming weeks", "PXW"),
                ("the coming quarters", "PXQ"),
                ("the weeks ahead", "PXW"),
                ("within [weeks or months]", "PXW"),
            ],
            parse: plural,
        },
        Rule {
            id: "duration.a_while",
            first: AMOUNT,
            after_the: 0,
            after_article: FOLLOWS_ARTICLE,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("stay closed for [a while]", "PXX"),
                ("after [a long while] he", "PXX"),
                ("[a while ago]", "PAST_REF"),
                ("[a little while ago]", "PAST_REF"),
            ],
            parse: a_while,
        },
        Rule {
            id: "duration.elapsed",
            first: NUM_CODE,
            after_the: super::ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("won in [2:19:02], the second-fastest time", "PT2H19M2S"),
                ("a time of [2:03:51]", "PT2H3M51S"),
            ],
            parse: elapsed,
        },
    ]
}

/// "won in 2:19:02", "a time of 2:03:51": hours, minutes and seconds with no mark of the clock
/// (no "a.m.", zone or "local time", not after "at", "by", "until", ...) are a time taken, a
/// duration (see [`is_elapsed`]).
fn elapsed(c: &mut Cursor) -> Option<Expr> {
    let (h, m, s) = is_elapsed(c)?;
    c.pos += 1;
    let hours = f64::from(h) + f64::from(m) / 60.0 + f64::from(s) / 3600.0;
    duration(Amount::Exact(hours), Unit::Hour, 1)
}

/// Prepositions after which hours, minutes and seconds are a time of day ("at 10:32:15").
const CLOCK_PREPOSITIONS: &[&str] =
    &["at", "by", "until", "till", "til", "before", "after", "since", "from", "around", "between", "to", "and"];

/// The hours, minutes and seconds of the token at the cursor when it is a time taken rather than a
/// time of day ([`elapsed`]): written with seconds, no marker or zone after it, no clock
/// preposition before. The clock rule turns these away.
pub(super) fn is_elapsed(c: &Cursor) -> Option<(u32, u32, u32)> {
    let (h, m, s) = match super::cursor::clock_digits(c.key()?)? {
        (h, Some(m), Some(s)) => (h, m, s),
        _ => return None,
    };
    if c.key_at(-1).is_some_and(|k| CLOCK_PREPOSITIONS.contains(&k)) {
        return None;
    }
    let marked = c.key_at(1).is_some_and(|k| {
        super::cursor::MERIDIEMS.contains(&k) || matches!(k, "local" | "hours" | "hrs" | "gmt" | "utc")
    });
    // A zone is written in capitals ("ET", "GMT").
    let zoned = c.raw_at(1).is_some_and(|r| r.len() >= 2 && r.bytes().all(|b| b.is_ascii_uppercase()));
    (!marked && !zoned).then_some((h, m, s))
}

/// Words ending in "-est" that are no superlatives ("will invest more in two years").
const NOT_SUPERLATIVES: &[&str] = &[
    "invest", "interest", "request", "protest", "suggest", "harvest", "contest", "arrest", "digest", "forest",
    "honest", "modest", "manifest", "conquest", "inquest", "unrest", "attest", "detest",
];

fn duration(amount: Amount, unit: Unit, mult: u32) -> Option<Expr> {
    let amount = match amount {
        Amount::Exact(n) => Amount::Exact(n * mult as f64),
        a => a,
    };
    Some(Expr::new(TemporalExpr::Duration { amount, unit, future: false }))
}

/// "[the past|the last|the next|the first] N units", "a decade", "two-year", "half an hour".
fn amount_unit(c: &mut Cursor) -> Option<Expr> {
    // At a number, what follows its digits is a unit, an adjective between an amount and its
    // unit, a dash, or "to"/"or" and a second amount: most numbers are turned away here, "$2.5
    // million" too (the amount read at digits is the digits alone).
    let next = |c: &Cursor, j: usize| {
        let (class, key) = (c.toks.class(j), c.toks.key(j));
        class & UNIT != 0
            || matches!(key, "to" | "or" | "-" | "–" | "—")
            || class & FOLLOWS_ARTICLE != 0 && crate::lexicon::DURATION_ADJECTIVES.contains(&key)
    };
    if !c.after_number_may_be(next) {
        return None;
    }
    let prev = c.key_at(-1);
    // "the first in five years", "its highest level in two decades", "the worst drought in a century",
    // "their fourth week of disruption in two months": after "in", the span looked back over, not
    // a date to come. (Read only once the rule has matched: most tries fail before.)
    let start = c.pos;
    let compared = |c: &Cursor| {
        (2..=6).map(|k| start.checked_sub(k).map(|j| c.toks.key(j))).take_while(|w| w.is_some_and(|w| w.len() > 1)).any(
            |w| {
                w.is_some_and(|w| {
                    matches!(
                        w,
                        "first"
                            | "last"
                            | "only"
                            | "time"
                            | "times"
                            | "ever"
                            | "worst"
                            | "best"
                            | "second"
                            | "third"
                            | "fourth"
                            | "fifth"
                            | "sixth"
                            | "seventh"
                            | "eighth"
                            | "ninth"
                            | "tenth"
                    ) || (w.len() >= 6 && w.ends_with("est") && !NOT_SUPERLATIVES.contains(&w))
                })
            },
        )
    };
    // "a three-year period", "the 30-day window": the hyphenated length and the noun of time it
    // qualifies are one span. (Tried only where the hyphen stands two words on.)
    let spanned = c.key_at(2) == Some("-") && matches!(c.key(), Some("a" | "an" | "the"));
    if let Some(e) = spanned
        .then(|| {
            c.attempt(|c| {
                c.one_of(&["a", "an", "the"])?;
                let Amount::Exact(n) = c.amount()? else {
                    return None;
                };
                (c.glued() && c.dash() && c.glued()).then_some(())?;
                let (unit, mult, plural) = c.unit()?;
                (!plural && !matches!(unit, Unit::Weekend | Unit::Half)).then_some(())?;
                c.one_of(SPAN_NOUNS)?;
                duration(Amount::Exact(n), unit, mult)
            })
        })
        .flatten()
    {
        return Some(e);
    }
    let lead = c.attempt(|c| {
        c.word("the");
        c.one_of(&["past", "last", "next", "first", "coming", "previous", "final", "following", "remaining"])
    });
    let the = lead.is_none() && c.word("the");
    let amount = c.amount()?;
    // ("another year" is one more: as "a year" where that matters, "another second" no length.)
    let a_word = matches!(c.key_at(-1), Some("a" | "an" | "another"));
    // "2 inches an hour": a rate of a measure, not a length of time.
    let after_measure = a_word && c.key_at(-2).is_some_and(|k| super::MEASURES.contains(&k));
    // "two to three years", "six or seven weeks", "10-15 minutes": one span of uncertain length,
    // valued at its lower bound (the least it states).
    // ("the 2019-2020 school year": two years of the calendar, not a length.)
    if let (Amount::Exact(lo), false) = (amount, a_word) {
        let hi = c.attempt(|c| {
            (c.one_of(&["to", "or"]).is_some() || c.dash()).then_some(())?;
            match c.amount()? {
                Amount::Exact(hi) if hi > lo => Some(hi),
                _ => None,
            }
        });
        if hi == Some(lo + 1.0) && (1000.0..2200.0).contains(&lo) && lo.fract() == 0.0 {
            return None;
        }
    }
    let hyphen = c.attempt(|c| (c.glued() && c.dash() && c.glued()).then_some(())).is_some();
    // "the 30-day plan": a hyphenated adjective leaves "the" to the noun it modifies (a noun of
    // time joins it, above).
    if the && hyphen {
        return None;
    }
    // "two more weeks", "eight trading days", "an additional year"
    if !hyphen {
        c.one_of(crate::lexicon::DURATION_ADJECTIVES);
    }
    let (unit, mult, plural) = c.unit()?;
    if unit == Unit::Weekend || (after_measure && unit.is_clock()) {
        return None;
    }
    // "one-half share", "two halves": a fraction, not six months.
    if unit == Unit::Half {
        return None;
    }
    // "a year-round staff": all year, an adjective.
    if c.glued() && c.key() == Some("-") && c.key_at(1) == Some("round") {
        return None;
    }
    // "two more quarter-point cuts", "by a quarter point": a quarter of a percentage point; "at a
    // quarter to five": a clock time.
    if unit == Unit::Quarter {
        let point = (c.glued() && c.key() == Some("-") && c.key_at(1) == Some("point"))
            || matches!(c.key(), Some("point" | "points" | "percentage"));
        let hour_next = c.toks.toks.get(c.pos + 1).is_some_and(|t| t.kind == crate::detect::TokKind::Number)
            || c.key_at(1).is_some_and(|k| c.lex.numerals.contains_word(k));
        if point || (matches!(c.key(), Some("to" | "past")) && hour_next) {
            return None;
        }
    }
    // "a quarter of a century": 25 years.
    if unit == Unit::Quarter && mult == 1 && c.phrase("of a century") {
        return duration(Amount::Exact(25.0), Unit::Year, 1);
    }
    // "the 1988 quarter" is a quarter of 1988 (relative.rs), not 1,988 quarters.
    if matches!(unit, Unit::Quarter | Unit::Half) && matches!(amount, Amount::Exact(n) if n >= 1000.0) {
        return None;
    }
    // "a minute and a half", "two hours and a half"
    let amount = match amount {
        Amount::Exact(n) if c.attempt(|c| (c.word("and") && c.word("a") && c.word("half")).then_some(())).is_some() => {
            Amount::Exact(n + 0.5)
        }
        a => a,
    };
    // "3 hours 12 minutes", "one year and three months": a second count in the next smaller unit,
    // and a third after it ("eight days, three hours and 18 minutes").
    let amount = match amount {
        Amount::Exact(mut n) if !hyphen && mult == 1 => {
            let (mut part, mut scale) = (unit, 1.0);
            while let Some((extra, per, smaller)) = c.attempt(|c| smaller_part(c, part)) {
                scale /= per;
                n += extra * scale;
                part = smaller;
            }
            Amount::Exact(n)
        }
        a => a,
    };
    // "a second term" is not a duration, nor is "a year" after "per"/"once" (a set, longer rule).
    if unit == Unit::Second && a_word {
        return None;
    }
    if a_word && plural {
        return None;
    }
    // "the first nine months" needs a count; "the first year" is a date, "the past year" too.
    if lead.is_some() && a_word {
        return None;
    }
    if matches!(prev, Some("per")) {
        return None;
    }
    // "in two years" reads as a future date when the clause is about the future.
    // "in a quarter that produced a loss" describes a kind of period, not a date.
    let described = matches!(c.key(), Some("that" | "which" | "when" | "where" | "of" | "with" | "like" | "such"));
    let future = lead.is_none() && prev == Some("in") && !hyphen && !described && !compared(c);
    // "one-year term"
    if hyphen {
        c.one_of(SPAN_NOUNS);
    }
    let mut e = duration(amount, unit, mult)?;
    if let TemporalExpr::Duration { future: f, .. } = &mut e.kind {
        *f = future;
    }
    // "the next two years or so", "12 months or more", "a week or less" (each after "or": the
    // phrases are read only there, not one by one after every duration).
    if !hyphen && c.key() == Some("or") {
        if c.phrase("or so") {
            e.modifier = Some(crate::expr::Mod::Approx);
        } else if c.phrase("or more") || c.phrase("or longer") {
            e.modifier = Some(crate::expr::Mod::EqualOrMore);
        } else if c.phrase("or less") || c.phrase("or fewer") || c.phrase("or shorter") {
            e.modifier = Some(crate::expr::Mod::EqualOrLess);
        }
    }
    Some(e)
}

/// Nouns of a stretch of time that a hyphenated length qualifies ("a three-year period").
const SPAN_NOUNS: &[&str] = &["period", "span", "stretch", "term", "window", "interval", "timeframe"];

/// The count of the next smaller unit after a duration ("3 hours [12 minutes]", "a year [and three
/// months]"), with how many of that unit make one `unit` and the unit itself.
fn smaller_part(c: &mut Cursor, unit: Unit) -> Option<(f64, f64, Unit)> {
    let (smaller, per) = match unit {
        Unit::Year => (Unit::Month, 12.0),
        Unit::Day => (Unit::Hour, 24.0),
        Unit::Hour => (Unit::Minute, 60.0),
        Unit::Minute => (Unit::Second, 60.0),
        _ => return None,
    };
    if !c.word("and") {
        c.opt(",");
    }
    let Amount::Exact(n) = c.amount()? else {
        return None;
    };
    let (u, mult, _) = c.unit()?;
    // ("two hours, 10 minutes later" is a duration and then a date.)
    // ("two years and three months after the crash" is one length: "after" an event, not a date.)
    if matches!(c.key(), Some("later" | "earlier" | "ago" | "after" | "before" | "afterward" | "afterwards"))
        && !(matches!(c.key(), Some("after" | "before"))
            && matches!(c.key_at(1), Some("the" | "a" | "an" | "his" | "her" | "its" | "their" | "being")))
    {
        return None;
    }
    (u == smaller && mult == 1 && n >= 1.0 && n < per && n.fract() == 0.0).then_some((n, per, smaller))
}

/// "the year ended Sept. 30", "the fiscal year ending June 30": a fiscal period named by its end is a
/// length of time; the end date is its own mention.
fn period_ended(c: &mut Cursor) -> Option<Expr> {
    c.word("the").then_some(())?;
    c.opt("fiscal");
    let (unit, mult) = c.unit_singular()?;
    if !matches!(unit, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week | Unit::Half) {
        return None;
    }
    c.key().filter(|k| matches!(*k, "ended" | "ending" | "ends" | "end"))?;
    duration(Amount::Exact(1.0), unit, mult)
}

/// "weeklong", "yearlong", "monthslong", "day-long", "decades-long": an adjective of length.
fn long(c: &mut Cursor) -> Option<Expr> {
    let key = c.key()?;
    if let Some(stem) = key.strip_suffix("long").filter(|s| !s.is_empty()) {
        // One word: "weeklong", "monthslong".
        let &(unit, mult) = c.lex.units.word(stem)?;
        let plural = stem.ends_with('s');
        c.pos += 1;
        let amount = if plural { Amount::Some } else { Amount::Exact(1.0) };
        return duration(amount, unit, mult);
    }
    // "year-long": "long" two tokens on, asked first (the rule is tried at every unit word).
    if c.key_at(2) != Some("long") {
        return None;
    }
    let (unit, mult, plural) = c.unit()?;
    (c.glued() && c.dash() && c.glued() && c.word("long")).then_some(())?;
    let amount = if plural { Amount::Some } else { Amount::Exact(1.0) };
    duration(amount, unit, mult)
}

/// A bare plural unit: "years" after "for"/"in"/"over", "the years" after "over",
/// "the coming months", "the past few years" (unstated amount: `PXY`).
fn plural(c: &mut Cursor) -> Option<Expr> {
    if c.after_a_scale() {
        return None;
    }
    let prev = c.key_at(-1);
    let the = c.word("the");
    // "the coming months", "coming weeks", "recent quarters"
    let lead = c.one_of(&["coming", "past", "last", "next", "following"]).is_some_and(|w| the || w != "last");
    let (unit, mult, is_plural) = c.unit()?;
    // "the weeks ahead"
    let lead = lead || (the && c.word("ahead"));
    // "three quarters" is a fraction; "the coming quarters" are spans of the year.
    if !is_plural || matches!(unit, Unit::Weekend | Unit::Second | Unit::Half) || (unit == Unit::Quarter && !lead) {
        return None;
    }
    let ok = lead
        || matches!(
            prev,
            Some(
                "for"
                    | "over"
                    | "in"
                    | "within"
                    | "of"
                    | "spanning"
                    | "lasting"
                    | "lasted"
                    | "took"
                    | "take"
                    | "takes"
                    | "spent"
                    | "be"
                    | "been"
            )
        );
    // "after months of talks", "ending weeks of protests", "Years of neglect": a span that heads a
    // noun phrase after a verb, a preposition or nothing (not "the summer months of 2024", "its
    // years of service", "the months of June and July", "the early morning hours of Sunday").
    let heads_phrase = || {
        let of_noun = c.key() == Some("of")
            && c.key_at(1).is_some_and(|w| !w.starts_with(|ch: char| ch.is_ascii_digit()) && !DETERMINERS.contains(&w));
        let verb_or_start = prev.is_none_or(|p| {
            matches!(p, "." | "after" | "despite" | "following" | "amid" | "with" | "without" | "through")
                || p.ends_with("ed")
                || (p.ends_with("ing") && !matches!(p, "morning" | "evening"))
                || (p.ends_with('s') && !p.ends_with("ss") && !matches!(p, "its" | "his" | "this" | "hers" | "ours"))
        });
        of_noun && verb_or_start
    };
    let ok = ok || (!the && !lead && heads_phrase());
    if !ok || (the && !lead && prev != Some("over")) {
        return None;
    }
    // "years of" is fine, but "years old" is an age.
    if c.key() == Some("old") {
        return None;
    }
    // "weeks or months", "days or even weeks": one vague span, named by its first unit.
    c.attempt(|c| {
        c.word("or").then_some(())?;
        c.opt("even");
        let (_, _, plural) = c.unit()?;
        plural.then_some(())
    });
    duration(Amount::Some, unit, mult)
}

/// Words that open a noun phrase naming a particular thing ("months of the war", "years of his life").
const DETERMINERS: &[&str] = &["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our"];

/// "for a while", "after a long while": a length of unstated unit (`PXX`); "a while ago", "a little
/// while back": some time before now (`PAST_REF`). Elsewhere "while" is the conjunction ("a while
/// later" is a narrative step with no size, left alone like "later").
fn a_while(c: &mut Cursor) -> Option<Expr> {
    let prev = c.key_at(-1);
    c.word("a").then_some(())?;
    c.one_of(&["little", "short", "long", "good"]);
    c.word("while").then_some(())?;
    if c.one_of(&["ago", "back"]).is_some() {
        return Some(Expr::new(TemporalExpr::Reference(crate::expr::RefKind::Past)));
    }
    if !matches!(prev, Some("for" | "after" | "in" | "within" | "take" | "takes" | "took")) {
        return None;
    }
    duration(Amount::Some, Unit::Unstated, 1)
}

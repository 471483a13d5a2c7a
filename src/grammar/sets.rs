//! Sets (recurring times): "every Monday", "each year", "annually", "weekly", "twice a month",
//! "three times a week", "on Mondays".

use super::{Cursor, Rule, ANY};
use crate::expr::{duration_value, Amount, Expr, TemporalExpr, TimeOfDay, Unit};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "set.every",
            first: SET_WORD,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("every Monday", "XXXX-WXX-1"),
                ("every week", "P1W"),
                ("each year", "P1Y"),
                ("every two years", "P2Y"),
                ("every other week", "P2W"),
                ("every morning", "XXXX-XX-XXTMO"),
                ("each July", "XXXX-07"),
                ("every other Tuesday", "XXXX-WXX-2"),
                ("every Monday night", "XXXX-WXX-1TNI"),
                ("every summer", "XXXX-SU"),
                ("each spring", "XXXX-SP"),
                ("every weekend", "XXXX-WXX-WE"),
                ("every Thursday at 9 p.m.", "XXXX-WXX-4T21:00"),
                ("every day at 6:30 a.m.", "XXXX-XX-XXT06:30"),
            ],
            parse: every,
        },
        Rule {
            id: "set.day_of_every_month",
            first: THE,
            after_the: NUM | ORDINAL,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the 15th of every month", "XXXX-XX-15"),
                ("the first of each month", "XXXX-XX-01"),
                ("the first Saturday of each month", "P1M"),
            ],
            parse: day_of_every_month,
        },
        Rule {
            id: "set.adverb",
            first: SET_WORD,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("annually", "P1Y"),
                ("weekly", "P1W"),
                ("met [daily].", "P1D"),
                ("paid [quarterly] to holders", "P3M"),
                ("a [daily] public rally", "P1D"),
                ("his [weekly] radio address", "P1W"),
                ("conducted [biennially].", "P2Y"),
                ("paid [semiannually].", "P6M"),
            ],
            parse: adverb,
        },
        Rule {
            id: "set.times_per",
            first: SET_WORD | NUM | AMOUNT,
            after_the: ANY,
            after_article: AMOUNT | FOLLOWS_ARTICLE,
            after_number: NUM | FOLLOWS_NUMBER,
            after_shift: super::ANY,
            examples: &[
                ("twice a month", "P1M"),
                ("three times a week", "P1W"),
                ("once a year", "P1Y"),
                ("twice daily", "P1D"),
                ("three times weekly", "P1W"),
            ],
            parse: times_per,
        },
        Rule {
            id: "set.per_unit",
            first: AMOUNT | SET_WORD,
            after_the: ANY,
            after_article: UNIT,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("40 minutes [a day]", "P1D"),
                ("two hours [per week]", "P1W"),
                ("$2 million [a year]", "P1Y"),
                ("hundreds of interviews [a day]", "P1D"),
                ("The plant runs three shifts [a day].", "P1D"),
                ("It beats 60 times [a second].", "PT1S"),
            ],
            parse: per_unit,
        },
        Rule {
            id: "set.weekends",
            first: UNIT_PLURAL,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[("on [weekends]", "XXXX-WXX-WE")],
            parse: weekends,
        },
        Rule {
            id: "set.weekday_plural",
            first: WEEKDAY,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("Mondays", "XXXX-WXX-1"),
                ("Tuesday nights", "XXXX-WXX-2TNI"),
                ("Sundays mornings", "XXXX-WXX-7TMO"),
                ("Thursdays at 9 p.m.", "XXXX-WXX-4T21:00"),
            ],
            parse: weekday_plural,
        },
    ]
}

fn set(value: String, quant: Option<&'static str>, freq: Option<String>) -> Option<Expr> {
    Some(Expr::new(TemporalExpr::Set { value, quant, freq }))
}

/// "every Monday", "each year", "every two years", "every other week", "every morning".
fn every(c: &mut Cursor) -> Option<Expr> {
    let quant = quantifier(c)?;
    // "every other Tuesday": every second week.
    let other = c.attempt(|c| c.word("other").then(|| c.weekday()).flatten());
    if let Some(d) = other.or_else(|| c.attempt(|c| c.weekday())) {
        // "every Monday night", "every Thursday at 9 p.m."
        let part = c.attempt(|c| c.part_of_day()).map(|p| format!("T{}", p.code()));
        let time = part.or_else(|| at_clock(c)).unwrap_or_default();
        return set(format!("XXXX-WXX-{d}{time}"), Some(quant), None);
    }
    if let Some(m) = c.attempt(|c| c.month()) {
        return set(format!("XXXX-{m:02}"), Some(quant), None);
    }
    // "every summer", "each spring"
    if let Some(s) = c.attempt(|c| c.season()) {
        return set(format!("XXXX-{}", s.code()), Some(quant), None);
    }
    if let Some(p) = c.attempt(|c| c.part_of_day()) {
        return set(format!("XXXX-XX-XXT{}", p.code()), Some(quant), None);
    }
    let n = if c.word("other") {
        2.0
    } else {
        match c.attempt(|c| c.amount()) {
            Some(Amount::Exact(n)) => n,
            Some(Amount::Some) => return None,
            None => 1.0,
        }
    };
    let (unit, mult, _) = c.unit()?;
    // "every weekend": the weekend of every week.
    if unit == Unit::Weekend && n == 1.0 {
        return set("XXXX-WXX-WE".to_string(), Some(quant), None);
    }
    // "every day at 9 a.m.": that time of every day.
    if unit == Unit::Day && n * mult as f64 == 1.0 {
        if let Some(time) = at_clock(c) {
            return set(format!("XXXX-XX-XX{time}"), Some(quant), None);
        }
    }
    set(duration_value(Amount::Exact(n * mult as f64), unit), Some(quant), None)
}

/// "the 15th of every month", "the first of each month": that day of every month; "the first
/// Saturday of each month": once a month (TIMEX3 has no value for the n-th weekday of every month).
fn day_of_every_month(c: &mut Cursor) -> Option<Expr> {
    c.word("the").then_some(())?;
    // The day of the month, or none for an n-th weekday.
    let day = match c.attempt(|c| c.day()) {
        Some(d) => Some(d),
        None => {
            let n = c.ordinal()?;
            if c.attempt(|c| c.weekday()).is_some() {
                None
            } else {
                Some(u32::try_from(n).ok().filter(|n| (1..=31).contains(n))?)
            }
        }
    };
    c.word("of").then_some(())?;
    let quant = match c.one_of(&["every", "each"])? {
        "every" => "EVERY",
        _ => "EACH",
    };
    c.word("month").then_some(())?;
    let value = day.map_or_else(|| "P1M".to_string(), |d| format!("XXXX-XX-{d:02}"));
    set(value, Some(quant), None)
}

/// "annually", "weekly", "daily", "quarterly", "hourly", "monthly", "yearly", "nightly".
fn adverb(c: &mut Cursor) -> Option<Expr> {
    let (v, n) = c.longest(&c.lex.set_words)?;
    c.pos += n;
    // Before a noun, a frequency of a month or more names a period of accounts, not a recurrence:
    // "its quarterly dividend", "the annual meeting". A shorter one still tells how often something
    // happens ("a daily public rally", "his weekly radio address"), except as a statistic ("average
    // daily volume"). As an adverb it is a set: "paid quarterly".
    if c.next_is_word() && !c.key().is_some_and(|k| FUNCTION_WORDS.contains(&k)) {
        // "the Communist Party daily Granma": a newspaper, named right after.
        let newspaper = c.raw().is_some_and(|r| r.starts_with(|ch: char| ch.is_uppercase()));
        if newspaper {
            return None;
        }
        let recurrence = v.starts_with("PT") || v.contains("XXT") || v.ends_with('D') || v.ends_with('W');
        let statistic = c.pos > n && matches!(c.key_at(-(n as isize) - 1), Some("average" | "avg"));
        // "an hourly worker", "hourly wages": a way of being paid, not a recurrence.
        let pay = matches!(
            c.key(),
            Some(
                "worker" | "workers" | "wage" | "wages" | "employee" | "employees" | "pay" | "rate" | "rates" | "staff"
            )
        );
        if !recurrence || statistic || pay {
            return None;
        }
    }
    set(v.clone(), None, None)
}

/// Words after which an adverb like "annually" is still an adverb ("rose 8% annually through 1992").
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "for", "since", "through", "until", "to", "from", "in", "at", "on", "by", "with", "as", "over",
    "during", "after", "before", "while", "when", "if", "the", "a", "an", "this", "that", "it", "they",
];

/// "twice a month", "three times a week", "once a year", "twice per day", "twice daily".
fn times_per(c: &mut Cursor) -> Option<Expr> {
    // "times" comes right after an amount in digits.
    if !c.after_number_may_be(|c, j| c.toks.key(j) == "times") {
        return None;
    }
    let n = match c.one_of(&["once", "twice", "thrice"]) {
        Some("once") => 1.0,
        Some("twice") => 2.0,
        Some(_) => 3.0,
        None => {
            let Amount::Exact(n) = c.amount()? else {
                return None;
            };
            if !c.word("times") {
                return None;
            }
            n
        }
    };
    let freq = Some(format!("{n}X"));
    // "twice daily", "three times weekly"
    if let Some((v, k)) = c.lex.set_words.longest(c.toks, c.pos) {
        c.pos += k;
        return set(v.clone(), None, freq);
    }
    c.one_of(&["a", "an", "per", "each", "every"])?;
    let (unit, mult) = c.unit_singular()?;
    if unit == Unit::Weekend {
        return None;
    }
    set(duration_value(Amount::Exact(mult as f64), unit), None, freq)
}

/// "a day" / "per week" right after an amount of time: "40 minutes a day", "two hours per week".
fn per_unit(c: &mut Cursor) -> Option<Expr> {
    let start = c.pos;
    // The words themselves first ("a day", "per week"): most tries stop there, before the context
    // below is read.
    let by = c.one_of(&["a", "an", "per", "each", "every"])?;
    let (unit, mult) = c.unit_singular()?;
    // "sixty-one and a half", "three and a quarter": part of a number.
    if unit == Unit::Weekend || unit == Unit::Half || (start > 0 && c.toks.key(start - 1) == "and") {
        return None;
    }
    // "a second summer", "a second term": the ordinal.
    if unit == Unit::Second
        && c.next_is_word()
        && !matches!(c.key(), Some("and" | "or" | "for" | "in" | "on" | "at" | "to"))
    {
        return None;
    }
    // A speed or a rate of a measure ("90 miles an hour", "2 inches an hour") is no recurrence.
    if start > 0 && unit.is_clock() && super::MEASURES.contains(&c.toks.key(start - 1)) {
        return None;
    }
    // After an amount of time or of money: "40 minutes a day", "$1.76 a year", "$2 million a year"
    // (on the same line: not a date line before a headline, "2025-04-02\nA century of cardboard").
    let after_amount = start > 0 && !c.line_break_before(start) && {
        let k = c.toks.key(start - 1);
        c.lex.units.contains_word(k)
            || matches!(k, "million" | "billion" | "trillion" | "cents" | "dollars" | "%" | "percent" | "share")
            || c.toks.toks[start - 1].kind == crate::detect::TokKind::Number
    };
    // A count of things a few words before: "hundreds of interviews a day", "50,000 CDs a year".
    let counted = (1..=4)
        .map(|k| start.checked_sub(k))
        .take_while(|i| {
            i.is_some_and(|i| !matches!(c.toks.key(i), "," | "." | ";" | ":") && !c.line_break_before(i + 1))
        })
        .flatten()
        .any(|i| {
            c.toks.toks[i].kind == crate::detect::TokKind::Number
                || matches!(
                    c.toks.key(i),
                    "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "thousand" | "hundred"
                )
                // "three shifts a day" (not "one" alone: "one a day" is no count of things)
                || (c.toks.key(i) != "one" && c.lex.numerals.contains_word(c.toks.key(i)))
        });
    // "drove in Formula 1 for a decade": after a preposition, "a decade" is a length of time.
    let after_preposition = start > 0
        && matches!(
            c.toks.key(start - 1),
            "for"
                | "in"
                | "into"
                | "within"
                | "over"
                | "about"
                | "than"
                | "after"
                | "before"
                | "during"
                | "by"
                | "at"
                | "from"
                | "to"
                | "of"
                | "nearly"
                | "almost"
                | "just"
                | "only"
                | "once"
        );
    if !after_amount && (!counted || after_preposition) {
        return None;
    }
    // "15 million instructions per second" is a rate of a quantity, not a recurrence.
    if !after_amount && by == "per" {
        return None;
    }
    set(duration_value(Amount::Exact(mult as f64), unit), None, None)
}

/// "on weekends", "weekends": every weekend.
fn weekends(c: &mut Cursor) -> Option<Expr> {
    c.word("weekends").then_some(())?;
    set("XXXX-WXX-WE".to_string(), None, None)
}

/// "on Mondays", "Tuesday nights", "Sunday mornings": a weekday recurring, at a part of the day.
fn weekday_plural(c: &mut Cursor) -> Option<Expr> {
    // (Not the second of two days that share the part: "lows near zero on Tuesday and Wednesday
    // nights" are two nights, each a date.)
    let shared = c.pos >= 2 && matches!(c.key_at(-1), Some("and" | "or")) && {
        let at = c.pos;
        c.pos -= 2;
        let day = c.weekday().is_some();
        c.pos = at;
        day
    };
    // (Unless a schedule's start follows: "flights would leave on Monday and Tuesday nights from
    // March 30" recur.)
    let schedule = |c: &Cursor| matches!(c.key_at(2), Some("from" | "starting" | "beginning" | "effective"));
    let (d, plural) = match c.weekday_plural() {
        Some(d) => (d, true),
        None if !shared || schedule(c) => (c.weekday()?, false),
        None => return None,
    };
    // A plural part of the day: "nights", "mornings".
    let part = c.attempt(|c| {
        let key = c.key()?.strip_suffix('s')?;
        let &p = c.lex.parts_of_day.word(key)?;
        c.pos += 1;
        Some(p)
    });
    match part {
        Some(p) => set(format!("XXXX-WXX-{d}T{}", p.code()), None, None),
        // "Thursdays at 9 p.m."
        None if plural => set(format!("XXXX-WXX-{d}{}", at_clock(c).unwrap_or_default()), None, None),
        None => None,
    }
}

/// "every" or "each": the set's `quant` ("EVERY", "EACH").
fn quantifier(c: &mut Cursor) -> Option<&'static str> {
    Some(match c.one_of(&["every", "each"])? {
        "every" => "EVERY",
        _ => "EACH",
    })
}

/// " at 9 p.m." after a recurring day: the clock time's TIMEX3 part ("T21:00"), the cursor after it.
fn at_clock(c: &mut Cursor) -> Option<String> {
    c.attempt(|c| c.word("at").then(|| c.clock_time()).flatten()).map(|t| t.to_string())
}

/// What follows a clock time (`time`, read) that recurs: "on Thursdays", "on weekends", "every
/// Monday", "each day", "daily". The whole is a set at that time ("9 p.m. on Thursdays" is
/// XXXX-WXX-4T21:00); `None`, the cursor unmoved, when no recurring day follows.
pub fn clock_recurring(c: &mut Cursor, time: TimeOfDay) -> Option<Expr> {
    c.attempt(|c| {
        let (day, quant) = if c.word("on") {
            let day = match c.weekday_plural() {
                Some(d) => format!("XXXX-WXX-{d}"),
                None => c.word("weekends").then(|| "XXXX-WXX-WE".to_string())?,
            };
            (day, None)
        } else if c.word("daily") {
            ("XXXX-XX-XX".to_string(), None)
        } else {
            let quant = quantifier(c)?;
            let day = match c.attempt(|c| c.weekday()) {
                Some(d) => format!("XXXX-WXX-{d}"),
                None => c.word("day").then(|| "XXXX-XX-XX".to_string())?,
            };
            (day, Some(quant))
        };
        set(format!("{day}{time}"), quant, None)
    })
}

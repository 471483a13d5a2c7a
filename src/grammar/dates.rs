//! Calendar dates: full and partial written dates, months, years, decades, centuries, quarters,
//! halves, seasons, weekdays and bare days of the month.

use super::{Cursor, Rule, ANY};
use crate::expr::{Expr, Mod, PartialDate, Shift, TemporalExpr};
use crate::lexicon::class::*;
use crate::lexicon::packed::Packed;
use regex::Regex;
use std::sync::OnceLock;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "date.iso",
            first: NUM_YEAR,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[("2021-01-06", "2021-01-06")],
            parse: iso,
        },
        Rule {
            id: "date.numeric_us",
            first: NUM_CODE,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("1/6/2021", "2021-01-06"),
                ("12/25/98", "XX98-12-25"),
                ("28/02/2023", "2023-02-28"),
                ("12.03.2023", "2023-03-12"),
                ("2024/10/09", "2024-10-09"),
            ],
            parse: numeric_us,
        },
        Rule {
            id: "date.month_day",
            first: WEEKDAY | MONTH | SHIFT | HOLIDAY,
            // After "the": "the coming Sunday, March eighth", or a holiday ("the Fourth of July").
            after_the: SHIFT | ORDINAL,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: SHIFT | WEEKDAY,
            examples: &[
                ("January 6, 2021", "2021-01-06"),
                ("Jan. 6, 2021", "2021-01-06"),
                ("Jan. 6", "XXXX-01-06"),
                ("Nov. 21st", "XXXX-11-21"),
                ("Monday, Aug. 12", "XXXX-08-12"),
                ("Tuesday, Aug. 13, 2024", "2024-08-13"),
                ("March eighth", "XXXX-03-08"),
                ("this coming Sunday, March eighth", "XXXX-03-08"),
                // The month's name as far as the rule looks for it (see `month_day_reach`).
                ("this coming Sun., March 8", "XXXX-03-08"),
                ("Election Day, Nov. 5", "XXXX-11-05"),
                ("May twenty-first, 1998", "1998-05-21"),
                ("October the 9th", "XXXX-10-09"),
                ("Oct. 7 last year", "Y-1-10-07"),
                ("Aug. 2 of that year", "XXXX-08-02~THIS"),
            ],
            parse: month_day,
        },
        Rule {
            id: "date.day_month",
            first: WEEKDAY | THE | NUM_SHORT,
            after_the: NUM | ORDINAL,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("6 January 2021", "2021-01-06"),
                ("the 6th of January", "XXXX-01-06"),
                ("the eighth of March", "XXXX-03-08"),
                ("6th Jan.", "XXXX-01-06"),
                ("9-Oct-2024", "2024-10-09"),
                ("09-OCT-24", "XX24-10-09"),
            ],
            parse: day_month,
        },
        Rule {
            id: "date.month_year",
            first: MONTH,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("May 2023", "2023-05"),
                ("January of 2021", "2021-01"),
                ("Sept. 1998", "1998-09"),
                ("January nineteen ninety-seven", "1997-01"),
            ],
            parse: month_year,
        },
        Rule {
            id: "date.month",
            first: SHIFT | THE | MONTH,
            after_the: SHIFT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: SHIFT | MONTH,
            examples: &[
                ("November", "XXXX-11"),
                ("last November", "XXXX-11~LAST"),
                ("this May", "XXXX-05~THIS"),
                ("January this year", "Y+0-01"),
                ("June last year", "Y-1-06"),
                ("In [June], last year's champion lost.", "XXXX-06"),
            ],
            parse: month,
        },
        Rule {
            id: "date.year",
            first: THE | NUM_YEAR | AMOUNT,
            after_the: UNIT,
            after_article: AMOUNT,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("2022", "2022"),
                ("the year 2000", "2000"),
                ("nineteen ninety-six", "1996"),
                ("the year two thousand", "2000"),
                ("nineteen eighty", "1980"),
            ],
            parse: year,
        },
        Rule {
            id: "date.era_year",
            first: INT | NUM_SEP | FISCAL,
            after_the: 0,
            after_article: 0,
            after_number: FOLLOWS_NUMBER,
            after_shift: super::ANY,
            examples: &[
                ("44 B.C.", "BC0044"),
                ("3000 BC", "BC3000"),
                ("10,000 BCE", "BC10000"),
                ("AD 79", "0079"),
                ("A.D. 1066", "1066"),
                ("79 CE", "0079"),
            ],
            parse: era_year,
        },
        Rule {
            id: "date.fiscal_year",
            first: FISCAL,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("fiscal 2023", "2023"),
                ("fiscal year 2023", "2023"),
                ("FY2023", "2023"),
                ("FY25", "XX25"),
                ("fiscal '98", "XX98"),
            ],
            parse: fiscal_year,
        },
        Rule {
            id: "date.decade",
            first: THE | NUM_YEAR | APOSTROPHE,
            after_the: DECADE | APOSTROPHE | NUM,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the 1990s", "199"),
                ("1990s", "199"),
                ("the 1980's", "198"),
                ("the 1800s", "18"),
                ("the 2000s", "200"),
                ("the nineties", "199"),
                ("the '90s", "XX9"),
                ("’60s", "XX6"),
            ],
            parse: decade,
        },
        Rule {
            id: "date.century",
            first: THE | INT | ORDINAL,
            after_the: NUM | ORDINAL,
            after_article: super::ANY,
            after_number: FOLLOWS_NUMBER,
            after_shift: super::ANY,
            examples: &[
                ("the 21st century", "20"),
                ("the twentieth century", "19"),
                ("[the 16th] and 17th centuries", "15"),
                ("the 16th and [17th centuries]", "16"),
                ("the fifth century B.C.", "BC04"),
            ],
            parse: century,
        },
        Rule {
            id: "date.quarter",
            first: FISCAL | THE | SHIFT | ORDINAL | INT,
            after_the: NUM | UNIT | FISCAL | ORDINAL | FOLLOWS_THE,
            after_article: super::ANY,
            after_number: FOLLOWS_NUMBER,
            after_shift: UNIT | AMOUNT | FOLLOWS_NUMBER,
            examples: &[
                ("the first quarter of 2024", "2024-Q1"),
                ("Q2 2024", "2024-Q2"),
                ("Q1", "XXXX-Q1"),
                ("3Q24", "XX24-Q3"),
                ("2Q2024", "2024-Q2"),
                ("H1 2024", "2024-H1"),
                ("the third quarter", "XXXX-Q3"),
                ("third-quarter", "XXXX-Q3"),
                ("Q1 2024", "2024-Q1"),
                ("the fourth quarter of fiscal 2023", "2023-Q4"),
                ("the first half of 2024", "2024-H1"),
                ("the first half of the year", "XXXX-H1"),
                ("the latter half of 2024", "2024-H2"),
                ("the third quarter of the fiscal year", "XXXX-Q3"),
                ("this year's third quarter", "Y+0-Q3"),
                ("the 1988 third quarter", "1988-Q3"),
                ("the year-ago third quarter", "Y-1-Q3"),
                ("the fiscal first quarter", "XXXX-Q1"),
                ("fiscal first quarter", "XXXX-Q1"),
                ("the fiscal-first quarter", "XXXX-Q1"),
                ("the last half of the '80s", "XX8"),
                ("the first quarter of next year", "Y+1-Q1"),
                ("the last half of 1989", "1989-H2"),
            ],
            parse: quarter,
        },
        Rule {
            id: "date.season",
            first: SHIFT | THE | SEASON,
            after_the: SHIFT | SEASON,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: SHIFT | SEASON,
            examples: &[
                ("summer 2023", "2023-SU"),
                ("the summer of 2023", "2023-SU"),
                ("last fall", "XXXX-FA~LAST"),
                ("this summer", "XXXX-SU~THIS"),
                ("the summer of next year", "Y+1-SU"),
            ],
            parse: season,
        },
        Rule {
            id: "date.weekday",
            first: EARLY | SHIFT | THE | WEEKDAY,
            after_the: SHIFT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: SHIFT | WEEKDAY,
            examples: &[
                ("Monday", "XXXX-WXX-1"),
                ("Monday night", "XXXX-WXX-1TNI"),
                ("last Monday", "XXXX-WXX-1~LAST"),
                ("Tues.", "XXXX-WXX-2"),
                ("early Monday", "XXXX-WXX-1"),
                ("late Friday night", "XXXX-WXX-5TNI"),
            ],
            parse: weekday,
        },
        Rule {
            id: "date.nth_weekday",
            first: THE,
            after_the: ORDINAL | NUM | SHIFT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the first Monday of March", "XXXX-XX-XX"),
                ("the last Friday in May 2024", "2024-XX-XX"),
                ("the first Monday of next month", "XXXX-XX-XX"),
            ],
            parse: nth_weekday,
        },
        Rule {
            id: "date.week_of",
            first: THE,
            after_the: UNIT | ORDINAL | SHIFT,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("the week of March 6", "XXXX-WXX"),
                ("the week of 6 March 2000", "2000-WXX"),
                ("the weekend of Oct. 26", "XXXX-WXX-WE"),
                ("the second week of September", "XXXX-WXX"),
                ("the last week in May 2024", "2024-WXX"),
                ("the first weekend of March", "XXXX-WXX-WE"),
            ],
            parse: week_of,
        },
        Rule {
            id: "date.day_only",
            first: THE,
            after_the: NUM,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[("the 12th", "XXXX-XX-12")],
            parse: day_only,
        },
    ]
}

/// A date expression with the given known fields.
pub fn date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> PartialDate {
    PartialDate { year, month, day, ..Default::default() }
}

fn plain(d: PartialDate) -> Option<Expr> {
    Some(Expr::new(TemporalExpr::Date { date: d, shift: Shift::Bare }))
}

fn shifted(d: PartialDate, shift: Shift) -> Option<Expr> {
    Some(Expr::new(TemporalExpr::Date { date: d, shift }))
}

/// A day that exists in some year for this month (February 29 allowed).
fn valid_day(month: u32, day: u32) -> bool {
    let max = match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=max).contains(&day)
}

/// "2021-01-06": year, month and day glued by hyphens.
fn iso(c: &mut Cursor) -> Option<Expr> {
    let y = c.year()?;
    if !(c.glued() && c.word("-") && c.glued()) {
        return None;
    }
    let m = c.int_in(1, 12).filter(|n| n.digits == 2)?.value;
    if !(c.glued() && c.word("-") && c.glued()) {
        return None;
    }
    let d = c.int().filter(|n| n.digits == 2 && valid_day(m, n.value))?.value;
    plain(date(Some(y), Some(m), Some(d)))
}

fn numeric_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<year>\d{4}|\d{2})$").expect("numeric date regex")
    })
}

/// "1/6/2021": US order, month first (the policy for news in English), unless the first number
/// cannot be a month ("28/02/2023"); "28.02.2023" with dots is day first, as written in Europe.
fn numeric_us(c: &mut Cursor) -> Option<Expr> {
    let key = c.key()?;
    // The pattern has exactly two separators: most numbers ("2021", "40", "3.5") are turned away
    // without running it.
    if key.bytes().filter(|&b| b == b'/' || b == b'.').count() != 2 {
        return None;
    }
    // "2024/10/09": year first, as in ISO 8601.
    let mut parts = key.split('/');
    if let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) {
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) {
            let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
            if !(1..=12).contains(&m) || !valid_day(m, d) {
                return None;
            }
            c.pos += 1;
            return plain(date(Some(y), Some(m), Some(d)));
        }
    }
    let caps = numeric_re().captures(key)?;
    let a: u32 = caps["a"].parse().ok()?;
    let b: u32 = caps["b"].parse().ok()?;
    // With dots, only a four-digit year: "1.2.10" is a version number.
    if &caps["sep"] == "." && (c.key()?.contains('/') || caps["year"].len() != 4) {
        return None;
    }
    let day_first = &caps["sep"] == "." || a > 12;
    let (m, d) = if day_first { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !valid_day(m, d) {
        return None;
    }
    let mut pd = date(None, Some(m), Some(d));
    let y = &caps["year"];
    if y.len() == 4 {
        pd.year = Some(y.parse().ok()?);
    } else {
        pd.yy = Some(y.parse().ok()?);
    }
    c.pos += 1;
    plain(pd)
}

/// An optional leading weekday with its comma: "Monday, Aug. 12".
fn leading_weekday(c: &mut Cursor) -> Option<u32> {
    // Only a weekday, a shift word or the "the" before one starts it: at a month's name, where
    // the rules that read it are tried most, it is turned away without the memo of each reading.
    if c.class() & (WEEKDAY | SHIFT | THE) == 0 {
        return None;
    }
    c.attempt(|c| {
        // "this coming Sunday, March eighth": the date that follows says which Sunday.
        c.attempt(|c| c.shift().filter(|_| c.entry(&c.lex.weekdays).is_some()));
        let d = c.weekday()?;
        c.opt(",");
        Some(d)
    })
}

/// An optional trailing year: ", 2021" or " 2021", ", 44 B.C.".
pub(super) fn trailing_year(c: &mut Cursor) -> Option<i32> {
    c.attempt(|c| {
        c.opt(",");
        year_of_era(c).or_else(|| c.year())
    })
}

/// How many tokens after a weekday or a holiday name's first token [`month_day`] may find the
/// month's name: a shift ("this coming", two tokens), the weekday, its dot and a comma; or a
/// holiday name's words and a comma.
fn month_day_reach() -> usize {
    static REACH: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *REACH.get_or_init(|| 5.max(crate::lexicon::lexicon().holidays.max_words() + 1))
}

/// Whether a word of the class of months' names stands within `reach` tokens after the cursor.
fn month_within(c: &Cursor, reach: usize) -> bool {
    (c.pos + 1..(c.pos + reach + 1).min(c.toks.len())).any(|j| c.toks.class(j) & MONTH != 0)
}

/// "January 6, 2021", "Jan. 6", "Monday, Aug. 12", "Nov. 21st".
fn month_day(c: &mut Cursor) -> Option<Expr> {
    // Away from a month's name, only a weekday ("Monday, Aug. 12", "this coming Sunday, March
    // eighth") or a holiday ("Election Day, Nov. 5") with a month's name after it starts a date
    // here: where no word of the class of months' names stands within their reach, most words this
    // rule is tried at ("said on Monday", "new", "last") are turned away before either is read.
    if c.class() & MONTH == 0 && !month_within(c, month_day_reach()) {
        return None;
    }
    let wd = leading_weekday(c);
    // "Election Day, Nov. 5": the holiday's own date is stated, which settles its year.
    if wd.is_none() {
        c.attempt(|c| {
            let (_, n) = c.longest(&c.lex.holidays)?;
            c.pos += n;
            c.word(",").then_some(())
        });
    }
    let m = c.month()?;
    // "October the 9th", "March the ninth"
    let the_day = |c: &mut Cursor| c.attempt(|c| c.word("the").then(|| c.ordinal_day()).flatten());
    let d = c.day().or_else(|| spelled_day(c, None)).or_else(|| the_day(c))?;
    if !valid_day(m, d) {
        return None;
    }
    // "May 5 people" is not "May 5": a day must not be followed by a glued unit or count.
    let mut pd = date(trailing_year(c), Some(m), Some(d));
    pd.weekday = wd;
    // "Oct. 7 last year"
    if pd.year.is_none() {
        pd.rel_year = trailing_relative_year(c);
    }
    // "on Aug. 2 of that year", "March 3 of the same year": in the story's year.
    if pd.year.is_none()
        && pd.rel_year.is_none()
        && c.attempt(|c| c.phrase("of that year").then_some(()))
            .or_else(|| c.attempt(|c| c.phrase("of the same year").then_some(())))
            .is_some()
    {
        return shifted(PartialDate { from_anchor: true, ..pd }, Shift::This);
    }
    plain(pd)
}

/// "the first Monday of March", "the last Friday in May 2024", "the first Monday of next month": the
/// n-th weekday of a month.
fn nth_weekday(c: &mut Cursor) -> Option<Expr> {
    c.word("the").then_some(())?;
    let n = c.ordinal().filter(|n| (1..=5).contains(n) || *n == -1)?;
    let weekday = c.weekday()?;
    c.one_of(&["of", "in"])?;
    let mut pd = date(None, None, None);
    let month = match c.month() {
        Some(m) => m,
        None => {
            pd.rel_month = Some(relative_period(c, "month")?);
            // The resolver puts the month in once it knows the reference's.
            0
        }
    };
    pd.holiday = Some(crate::expr::Holiday::NthWeekday { month, weekday, n });
    if pd.rel_month.is_none() {
        pd.year = trailing_year(c);
    }
    plain(pd)
}

/// "the week of March 6": the ISO week holding that day; "the weekend of Oct. 26": its weekend;
/// "the second week of September": the n-th week of a month; "the first weekend of March": the
/// weekend of its n-th Saturday.
fn week_of(c: &mut Cursor) -> Option<Expr> {
    // "the second week of September", "the last week in May 2024": the n-th week the month holds
    // the Thursday of, as ISO 8601 gives a week to the year that holds its Thursday.
    if let Some(e) = c.attempt(|c| {
        c.word("the").then_some(())?;
        let n = c.ordinal().filter(|n| (1..=5).contains(n) || *n == -1)?;
        // "the first weekend of March": the weekend of its n-th Saturday.
        let weekend = c.one_of(&["week", "weekend"])? == "weekend";
        c.one_of(&["of", "in"])?;
        let month = c.month()?;
        let mut pd = date(None, None, None);
        let weekday = if weekend { 6 } else { 4 };
        pd.holiday = Some(crate::expr::Holiday::NthWeekday { month, weekday, n });
        pd.week_of = true;
        pd.weekend = weekend;
        pd.year = trailing_year(c);
        plain(pd)
    }) {
        return Some(e);
    }
    let weekend = c.phrase("the weekend of");
    if !weekend && !c.phrase("the week of") {
        return None;
    }
    let mut e = c.attempt(month_day).or_else(|| c.attempt(day_month))?;
    match &mut e.kind {
        TemporalExpr::Date { date, .. } => {
            date.week_of = true;
            date.weekend = weekend;
        }
        _ => return None,
    }
    Some(e)
}

/// A day of the month spelled as an ordinal word ("March eighth", "the twenty-first of May"), not
/// the first word of a compound ("March second-quarter sales") nor one before a noun ("in May first
/// time buyers").
/// `then` is the word that must follow ("of" in "the eighth of March"), if any.
fn spelled_day(c: &mut Cursor, then: Option<&str>) -> Option<u32> {
    c.attempt(|c| {
        let d = c.ordinal_day()?;
        if let Some(w) = then {
            return c.word(w).then_some(d);
        }
        let next_is_word = c.pos < c.toks.len() && c.toks.toks[c.pos].kind == crate::detect::TokKind::Word;
        let glued = c.key() == Some("-") && c.pos > 0 && c.toks.toks[c.pos].start == c.toks.toks[c.pos - 1].end;
        let joins = matches!(c.key(), Some("and" | "or" | "to" | "at" | "in"));
        (!glued && (!next_is_word || joins)).then_some(d)
    })
}

/// "6 January 2021", "the 6th of January", "the eighth of March", "6th Jan.".
fn day_month(c: &mut Cursor) -> Option<Expr> {
    // At a number, the day: a month, an ordinal suffix or "of" comes next ("6 January", "6th Jan.",
    // "6 of"); most numbers are turned away here.
    if c.class() & NUM != 0
        && !c.key_at(1).is_some_and(|k| matches!(k, "st" | "nd" | "rd" | "th" | "of"))
        && (c.pos + 1 >= c.toks.len() || c.toks.class(c.pos + 1) & MONTH == 0)
    {
        return hyphenated(c);
    }
    // At a weekday, "the" or the day's number comes next, past a dot and a comma ("Monday, 6
    // January", "Sunday the 6th of March"): most weekdays are turned away here.
    if c.class() & WEEKDAY != 0
        && !(c.pos + 1..(c.pos + 4).min(c.toks.len())).any(|j| c.toks.class(j) & (THE | NUM_SHORT) != 0)
    {
        return None;
    }
    let wd = leading_weekday(c);
    let the = c.word("the");
    if the {
        if let Some(d) = spelled_day(c, Some("of")) {
            let m = c.month()?;
            if !valid_day(m, d) {
                return None;
            }
            let mut pd = date(trailing_year(c), Some(m), Some(d));
            pd.weekday = wd;
            return plain(pd);
        }
    }
    let d = c.day()?;
    let of = c.word("of");
    // "the 6 of January" is not written; "the 6th of January" and "6 January" are.
    if (the || of) && c.key_at(-1 - isize::from(of)).is_some_and(|k| !matches!(k, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    let m = c.month()?;
    if !valid_day(m, d) {
        return None;
    }
    let mut pd = date(trailing_year(c), Some(m), Some(d));
    pd.weekday = wd;
    plain(pd)
}

/// "9-Oct-2024", "09-OCT-24": a day, a month and a year joined by hyphens, each glued to the next
/// (the year is needed: "9-Oct" alone may be a score or a range).
fn hyphenated(c: &mut Cursor) -> Option<Expr> {
    if c.key_at(1) != Some("-") {
        return None;
    }
    let d = c.day()?;
    let glued_dash = |c: &mut Cursor| c.glued() && c.word("-") && c.glued();
    if !glued_dash(c) {
        return None;
    }
    let m = c.month()?;
    if !glued_dash(c) || !valid_day(m, d) {
        return None;
    }
    let mut pd = date(None, Some(m), Some(d));
    match c.int()? {
        n if n.digits == 4 && (1000..=2999).contains(&n.value) => pd.year = Some(n.value as i32),
        n if n.digits == 2 => pd.yy = Some(n.value),
        _ => return None,
    }
    // Not "9-Oct-2024-style" or a longer code.
    if c.glued() && c.key().is_some_and(|k| k == "-" || k.bytes().all(|b| b.is_ascii_alphanumeric())) {
        return None;
    }
    plain(pd)
}

/// "May 2023", "January of 2021", "Sept. 1998", "May '98".
fn month_year(c: &mut Cursor) -> Option<Expr> {
    let m = c.month()?;
    if let Some(k) = of_relative_year(c) {
        let mut pd = date(None, Some(m), None);
        pd.rel_year = Some(k);
        return plain(pd);
    }
    if !c.word(",") {
        c.opt("of");
    }
    let mut pd = date(None, Some(m), None);
    if let Some(y) = c.year().or_else(|| c.spelled_year()) {
        pd.year = Some(y);
    } else {
        pd.yy = Some(c.apostrophe_year()?);
    }
    plain(pd)
}

/// Words before "May" or "March" that show the month, not the verb: "in May", "the May primary",
/// "between May and July", "early March".
const MODAL_MONTH_CONTEXT: &[&str] = &[
    "in", "of", "since", "until", "by", "early", "late", "mid", "-", "through", "during", "and", "or", "to", "from",
    "last", "next", "this", "before", "after", "the", "between", "for", "on", "that", "into",
];

/// "November", "last November", "this May".
fn month(c: &mut Cursor) -> Option<Expr> {
    let shift = c.shift().unwrap_or_default();
    let raw_start = c.pos;
    let m = c.month()?;
    // "May" and "March" alone need the capital the cursor checked, and must not start a sentence
    // followed by a lower-case verb-like word ("May be", "March on").
    if shift == Shift::Bare && matches!(c.toks.key(raw_start), "may" | "march") {
        let prev = c.key_at(-2);
        let next = c.key();
        let in_context = prev.is_some_and(|p| MODAL_MONTH_CONTEXT.contains(&p));
        // "May—July": a range with another month.
        let range = matches!(next, Some("-" | "–" | "—"));
        if !(in_context || range) || next == Some("be") {
            return None;
        }
    }
    // "Jan" without its dot and alone is a name ("Foreign Minister Jan Kavan").
    let key = c.toks.key(raw_start);
    if key.len() <= 4 && !matches!(key, "may" | "june" | "july") && c.key_at(-1) != Some(".") {
        return None;
    }
    let mut pd = date(None, Some(m), None);
    // "January this year", "June last year"
    if shift == Shift::Bare {
        pd.rel_year = trailing_relative_year(c);
    }
    shifted(pd, shift)
}

/// "2022", "the year 2000".
fn year(c: &mut Cursor) -> Option<Expr> {
    // Neither at "the" nor at a number, only a year in words may match, and its second word is a
    // numeral ("nineteen ninety-six", "two thousand"): "a", "several" are turned away at once.
    if c.class() & (THE | NUM) == 0 && (c.pos + 1 >= c.toks.len() || c.toks.class(c.pos + 1) & AMOUNT == 0) {
        return None;
    }
    c.attempt(|c| c.phrase("the year").then_some(()));
    if let Some(y) = c.spelled_year() {
        return plain(date(Some(y), None, None));
    }
    let y = c.year()?;
    // "2022a mug shot" (a lost dash) is still a year; "2022nd" is not.
    if c.glued() && c.one_of(&["st", "nd", "rd", "th"]).is_some() {
        return None;
    }
    plain(date(Some(y), None, None))
}

/// Whether `key` names an era ("bc", "a.d.", "ce"), whatever its case.
fn is_era(key: &str) -> bool {
    matches!(key, "bc" | "b.c." | "bce" | "b.c.e." | "ad" | "a.d." | "ce" | "c.e.")
}

/// An era written after a year ("44 B.C.", "2500 BCE", "79 AD") or before it ("AD 79"): `Some(true)`
/// before Christ. "AD" and "CE" count only in capitals ("a 2024 ad campaign").
fn era(c: &mut Cursor) -> Option<bool> {
    let key = c.key().filter(|k| is_era(k))?;
    let bc = key.starts_with('b');
    if !bc && c.raw()?.bytes().any(|b| b.is_ascii_lowercase()) {
        return None;
    }
    c.pos += 1;
    Some(bc)
}

/// "44 B.C.", "3000 BC", "10,000 BCE", "AD 79", "A.D. 1066", "79 CE": a year of an era.
fn era_year(c: &mut Cursor) -> Option<Expr> {
    plain(date(Some(year_of_era(c)?), None, None))
}

/// The year of [`era_year`]. A year before Christ is held as astronomers count it (44 B.C. is -43,
/// 1 B.C. is 0), which is what the calendar computes with; the value writes it back as TIMEX3 does
/// ("BC0044").
pub(super) fn year_of_era(c: &mut Cursor) -> Option<i32> {
    c.attempt(|c| {
        let before = c.attempt(|c| era(c).filter(|bc| !bc)).is_some();
        // Digits only ("44", "3000") or with thousands commas ("10,000"); no decimals. An era must
        // follow unless one came first: most numbers are turned away at the next word.
        (c.toks.toks.get(c.pos)?.kind == crate::detect::TokKind::Number).then_some(())?;
        if !before && !c.key_at(1).is_some_and(is_era) {
            return None;
        }
        // (Five digits at most: 99999 B.C. is the earliest year written.)
        let (mut n, mut digits) = (0i32, 0);
        for b in c.key()?.bytes().filter(|&b| b != b',') {
            digits += 1;
            if !b.is_ascii_digit() || digits > 5 {
                return None;
            }
            n = n * 10 + i32::from(b - b'0');
        }
        c.pos += 1;
        let bc = if before { false } else { era(c)? };
        (n > 0).then_some(if bc { 1 - n } else { n })
    })
}

/// "fiscal 2023", "fiscal year 2023", "FY2023", "fiscal '98": the fiscal year named by its end,
/// valued as the calendar year (the TimeBank convention: "fiscal 1989" is 1989).
fn fiscal_year(c: &mut Cursor) -> Option<Expr> {
    if c.word("fy") {
        if let Some(y) = c.year() {
            return plain(date(Some(y), None, None));
        }
        // "FY25", "FY 25"
        let yy = c.int().filter(|n| n.digits == 2)?.value;
        return plain(PartialDate { yy: Some(yy), ..Default::default() });
    }
    if !c.word("fiscal") {
        return None;
    }
    c.opt("year");
    if let Some(y) = c.year() {
        return plain(date(Some(y), None, None));
    }
    let yy = c.apostrophe_year()?;
    plain(PartialDate { yy: Some(yy), ..Default::default() })
}

/// "the 1990s", "1990s", "the 1980's"; "the 1800s" (a century).
fn decade(c: &mut Cursor) -> Option<Expr> {
    let the = c.word("the");
    if let Some((&d, n)) = c.longest(&c.lex.decades) {
        // "the nineties", not "in their forties" (an age).
        if !the {
            return None;
        }
        c.pos += n;
        return plain(PartialDate { decade: Some(d), ..Default::default() });
    }
    // "the '90s", "the late ’60s"
    if let Some(yy) = c.attempt(|c| c.apostrophe_year().filter(|yy| yy % 10 == 0 && c.glued() && c.word("s"))) {
        return plain(PartialDate { yy: Some(yy), decade_yy: true, ..Default::default() });
    }
    let n = c.int()?;
    if n.digits != 4 || n.value % 10 != 0 || !(1000..=2990).contains(&n.value) || !c.glued() {
        return None;
    }
    c.opt("'");
    if !(c.glued() && (c.word("s") || c.word("'s"))) {
        return None;
    }
    // "the 1800s", "the early 1900s": the century, as English uses them; "the 2000s" (and "the
    // 1910s") are decades.
    if n.value % 100 == 0 && n.value < 2000 {
        return plain(PartialDate { century: Some(n.value as i32 / 100), ..Default::default() });
    }
    plain(PartialDate { decade: Some(n.value as i32 / 10), ..Default::default() })
}

/// "the 21st century", "the twentieth century".
fn century(c: &mut Cursor) -> Option<Expr> {
    // At a number, an ordinal suffix comes next ("21st"): most numbers are turned away here.
    if c.class() & NUM != 0 && !c.key_at(1).is_some_and(|k| matches!(k, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    c.opt("the");
    let n = c.ordinal()?;
    c.dash();
    // "the 16th and 17th centuries": each ordinal is a century, the first without its noun.
    let mut joined = false;
    c.attempt(|c| {
        joined = c.one_of(&["and", "or", "to", "through"]).is_some() && c.ordinal().is_some() && {
            c.dash();
            c.word("centuries")
        };
        None::<()>
    });
    if !(1..=30).contains(&n) || !(joined || c.word("century") || c.word("centuries")) {
        return None;
    }
    // "the fifth century B.C.": held as a negative number, -5 (TIMEX3 writes "BC04").
    if c.attempt(|c| era(c).filter(|&bc| bc)).is_some() {
        return plain(PartialDate { century: Some(-n), ..Default::default() });
    }
    plain(PartialDate { century: Some(n - 1), ..Default::default() })
}

/// An optional "of 2024" / "of fiscal 2023" / ", 2024" / " 2024" after a period name.
fn of_year(c: &mut Cursor) -> Option<i32> {
    c.attempt(|c| {
        if !c.word("of") {
            c.opt(",");
        }
        c.opt("fiscal");
        c.year().or_else(|| c.spelled_year())
    })
}

/// "the first quarter of 2024", "the third quarter", "third-quarter", "Q1 2024", "the first half".
fn quarter(c: &mut Cursor) -> Option<Expr> {
    // At a number only an ordinal ("1st quarter") or a quarter code ("3Q24") may match: its suffix
    // or its "q" comes next. Most numbers are turned away here, as in `century`.
    let code = c.key_at(1) == Some("q");
    if c.class() & NUM != 0 && !code && !c.key_at(1).is_some_and(|k| matches!(k, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    // "3Q24", "2Q2024": the quarter's number, "Q" and the year, in one word.
    if let Some(pd) = code
        .then(|| {
            c.attempt(|c| {
                let n = c.int_in(1, 4)?.value;
                (c.glued() && c.word("q") && c.glued()).then_some(())?;
                let y = c.int()?;
                let mut pd = date(None, None, None);
                pd.quarter = Some(n);
                match y.digits {
                    2 => pd.yy = Some(y.value),
                    4 => pd.year = Some(y.value as i32),
                    _ => return None,
                }
                // "3Q24s" or "3Q24-5" is a code, not a quarter.
                (!c.glued()).then_some(pd)
            })
        })
        .flatten()
    {
        return plain(pd);
    }
    // "Q1 2024", "Q3", "Q 4", "H1 2024".
    let short = c.attempt(|c| {
        let kind = c.one_of(&["q", "h"])?;
        let (glued, n) = (c.glued(), c.int_in(1, 4)?.value);
        (glued || kind == "q").then_some(())?;
        (kind == "q" || n <= 2).then_some((kind, n))
    });
    if let Some((kind, n)) = short {
        let mut pd = date(None, None, None);
        if kind == "q" {
            pd.quarter = Some(n);
        } else {
            pd.half = Some(n);
        }
        pd.year = of_year(c);
        // "H1" alone is as often a visa or a heading as a half-year.
        if kind == "h" && pd.year.is_none() {
            return None;
        }
        return plain(pd);
    }
    let mut pd = date(None, None, None);
    // Whose quarter: "this year's", "last year's", "the 1988", "the year-ago", "the fiscal".
    let the = c.word("the");
    if !the {
        if let Some(k) = c.attempt(|c| relative_year(c).filter(|_| c.possessive())) {
            pd.rel_year = Some(k);
        }
    } else if let Some(y) = c.year() {
        pd.year = Some(y);
    } else if c
        .attempt(|c| (c.word("year") && c.dash() && c.one_of(&["ago", "earlier"]).is_some()).then_some(()))
        .is_some()
    {
        pd.rel_year = Some(-1);
    }
    // "the fiscal first quarter", "the fiscal-first quarter"
    if c.word("fiscal") {
        c.attempt(|c| (c.glued() && c.dash()).then_some(()));
    }
    // "the latter half", "the back half": the last.
    let n = match c.attempt(|c| (c.one_of(&["latter", "back"]).is_some() && c.key() == Some("half")).then_some(-1)) {
        Some(n) => n,
        None => c.ordinal()?,
    };
    // "the third-quarter results": a hyphenated adjective leaves "the" to the noun it modifies.
    if c.dash() && the && pd.year.is_none() && pd.rel_year.is_none() {
        return None;
    }
    match c.one_of(&["quarter", "half"])? {
        "quarter" if (1..=4).contains(&n) || n == -1 => pd.quarter = Some(if n == -1 { 4 } else { n as u32 }),
        "half" if (1..=2).contains(&n) || n == -1 => pd.half = Some(if n == -1 { 2 } else { n as u32 }),
        _ => return None,
    }
    // "the last half of the '80s", "the first half of the century": the start or end of a decade or
    // century.
    if let Some(h) = pd.half {
        let of_decade =
            c.attempt(|c| if c.word("of") { c.attempt(decade).or_else(|| c.attempt(century)) } else { None });
        if let Some(mut e) = of_decade {
            e.modifier = Some(if h == 1 { Mod::FirstHalf } else { Mod::SecondHalf });
            return Some(e);
        }
    }
    // "the last quarter" alone is the previous quarter (a relative rule); "the last half of 1989" is H2.
    if n == -1 && c.key() != Some("of") {
        return None;
    }
    let yearless = |pd: &crate::expr::PartialDate| pd.year.is_none() && pd.rel_year.is_none();
    if yearless(&pd) {
        pd.year = of_year(c);
    }
    // "the first quarter of next year"
    if yearless(&pd) {
        pd.rel_year = of_relative_year(c);
    }
    if yearless(&pd) {
        // "the first half of the year", "the third quarter of the fiscal year": the year the bare
        // quarter or half would be in.
        let of_the_year = c
            .attempt(|c| {
                (c.word("of") && c.word("the")).then_some(())?;
                c.one_of(&["current", "fiscal", "calendar"]);
                (c.word("year") && c.key() != Some("'s")).then_some(())
            })
            .is_some();
        if !of_the_year && game_period(c) {
            return None;
        }
    }
    plain(pd)
}

/// Words of a game: a quarter or half among them with no year is a period of play ("scored twice in
/// the fourth quarter", "a second-half goal"). The words of up to seven bytes; [`is_long_game_word`]
/// has the others.
const GAME_WORDS: &[&str] = &[
    "scored", "scoring", "goal", "goals", "assists", "yards", "game", "games", "match", "innings", "fumble", "buzzer",
    "timeout", "kickoff", "header", "penalty", "striker", "inning",
];

/// [`GAME_WORDS`] of more than seven bytes. (A `match`, which compares a key only with the words
/// of its length: the packed list compares a long key with each of its long words, and the scan
/// around a quarter meets a long word every few tokens.)
fn is_long_game_word(key: &str) -> bool {
    matches!(
        key,
        "touchdown"
            | "touchdowns"
            | "rebounds"
            | "quarterback"
            | "overtime"
            | "halftime"
            | "interception"
            | "three-pointer"
            | "equalizer"
            | "equalized"
            | "equaliser"
            | "equalised"
            | "goalkeeper"
    )
}

/// Whether the quarter or half just read (with no year) is part of something other than a year:
/// "of" something else follows ("the second half of the session", "the fourth quarter of the
/// game"), or words of a game stand near.
fn game_period(c: &Cursor) -> bool {
    if c.key() == Some("of") {
        let mut j = 1;
        while matches!(c.key_at(j), Some("the" | "this" | "its" | "their" | "a" | "an")) {
            j += 1;
        }
        // ("the third quarter of $226.3 million" is a quarter's figure.)
        let word = c.toks.toks.get(c.pos + j as usize).is_some_and(|t| t.kind == crate::detect::TokKind::Word);
        if word && !matches!(c.key_at(j), Some("year" | "fiscal" | "calendar" | "current")) {
            return true;
        }
    }
    static GAME: Packed = Packed::new(GAME_WORDS);
    let (lo, hi) = (c.pos.saturating_sub(16), (c.pos + 12).min(c.toks.len()));
    (lo..hi).any(|i| {
        let key = c.toks.key(i);
        if key.len() <= 7 {
            GAME.contains(key)
        } else {
            is_long_game_word(key)
        }
    })
}

/// "of next year", "of last year", "of this year" after a period name: the year relative to the
/// reference.
fn of_relative_year(c: &mut Cursor) -> Option<i32> {
    c.attempt(|c| {
        c.word("of").then_some(())?;
        relative_year(c)
    })
}

/// "last year" after a month or a day ("June last year", "Oct. 7, this year"), but not a year's
/// possession ("in June, last year's champion").
fn trailing_relative_year(c: &mut Cursor) -> Option<i32> {
    c.attempt(|c| {
        c.opt(",");
        let k = relative_year(c)?;
        (c.key() != Some("'s")).then_some(k)
    })
}

/// "this year", "last year", "next year": the year's offset from the reference (0, -1, 1).
fn relative_year(c: &mut Cursor) -> Option<i32> {
    relative_period(c, "year")
}

/// "this month", "last month", "next month" for `unit` "month": the period's offset from the
/// reference's (0, -1, 1).
fn relative_period(c: &mut Cursor, unit: &str) -> Option<i32> {
    c.attempt(|c| {
        let k = match c.one_of(&["this", "last", "next"])? {
            "this" => 0,
            "last" => -1,
            _ => 1,
        };
        c.word(unit).then_some(k)
    })
}

/// "summer 2023", "the summer of 2023", "last fall", "this summer", "in the summer".
fn season(c: &mut Cursor) -> Option<Expr> {
    let prev = c.key_at(-1);
    let shift = c.shift().unwrap_or_default();
    let the = shift == Shift::Bare && c.word("the");
    let s = c.season()?;
    let mut pd = date(None, None, None);
    pd.season = Some(s);
    if shift == Shift::Bare {
        pd.year = of_year(c);
        if pd.year.is_none() {
            pd.rel_year = of_relative_year(c);
        }
    }
    // A bare season ("fall", "spring") is also a noun or verb: it needs a year, a determiner, or a
    // temporal preposition before it.
    let ok = shift != Shift::Bare
        || pd.year.is_some()
        || pd.rel_year.is_some()
        || matches!(
            prev,
            Some(
                "in" | "during"
                    | "into"
                    | "since"
                    | "until"
                    | "by"
                    | "through"
                    | "over"
                    | "this"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
            )
        ) && (the || c.toks.key(c.pos - 1) != "fall")
        // ("a vote planned for the spring", "after the summer": with "the", as "for spring" may name
        // what a thing is for, "clothes for spring".)
        || (the && matches!(prev, Some("for" | "after" | "before" | "throughout" | "from")));
    if !ok {
        return None;
    }
    shifted(pd, shift)
}

/// "Monday", "Monday night", "last Monday", "early Monday", "Tues.".
fn weekday(c: &mut Cursor) -> Option<Expr> {
    let position = c.attempt(|c| match c.one_of(&["early", "late"])? {
        "early" => Some(Mod::Start),
        _ => Some(Mod::End),
    });
    let shift = if position.is_none() { c.shift().unwrap_or_default() } else { Shift::Bare };
    let d = c.weekday()?;
    let mut pd = date(None, None, None);
    pd.weekday = Some(d);
    // "Tuesday nights" recur: a set (sets.rs), not this date.
    let plural_part = c.key().is_some_and(|k| k.ends_with('s'));
    if let Some(p) = if plural_part { None } else { c.attempt(|c| c.part_of_day()) } {
        pd.time = Some(crate::expr::TimeOfDay::Part(p));
    }
    let mut e = shifted(pd, shift)?;
    e.modifier = position;
    Some(e)
}

/// "the 12th": a day of the current (or narrative) month.
fn day_only(c: &mut Cursor) -> Option<Expr> {
    if !c.word("the") {
        return None;
    }
    let n = c.int()?;
    if n.digits > 2 || !(1..=31).contains(&n.value) || !c.ordinal_suffix() {
        return None;
    }
    // "the 12th floor", "the 5th Avenue": a noun after it means it is not a date.
    if let Some(next) = c.key() {
        let t = &c.toks.toks[c.pos];
        if t.kind != crate::detect::TokKind::Punct
            && !matches!(
                next,
                "and" | "at" | "when" | "to" | "through" | "until" | "before" | "after" | "or" | "in" | "as"
            )
        {
            return None;
        }
    }
    plain(date(None, None, Some(n.value)))
}

//! Holidays: "Christmas", "Thanksgiving 2023", "last Easter", "Election Day". Fixed-date holidays get
//! their month and day here; the others are computed by the resolver once the year is known.

use super::{Cursor, Rule};
use crate::expr::{Expr, Holiday, PartialDate, Shift, TemporalExpr};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![Rule {
        id: "holiday.name",
        first: SHIFT | THE | HOLIDAY,
        after_the: SHIFT | ORDINAL | HOLIDAY,
        after_article: super::ANY,
        after_number: super::ANY,
        after_shift: SHIFT | HOLIDAY,
        examples: &[
            ("Christmas", "XXXX-12-25"),
            ("Christmas 2023", "2023-12-25"),
            ("Independence Day", "XXXX-07-04"),
            ("Thanksgiving", "XXXX-XX-XX"),
            ("New Year's Day", "XXXX-01-01"),
            ("last Easter", "XXXX-XX-XX~LAST"),
            ("Easter week", "XXXX-WXX"),
            ("the Thanksgiving weekend", "XXXX-WXX-WE"),
            ("Memorial Day weekend", "XXXX-WXX-WE"),
            ("Christmas morning", "XXXX-12-25TMO"),
        ],
        parse: holiday,
    }]
}

/// A holiday name, with an optional "this/last/next" before or a year after.
fn holiday(c: &mut Cursor) -> Option<Expr> {
    let shift = c.shift().unwrap_or_default();
    // "the Thanksgiving weekend" (but "the Christmas rush" is only "Christmas").
    let the = shift == Shift::Bare && c.word("the");
    let first = c.raw()?;
    // Holiday names are proper nouns: "christmas" in lower case is still fine, but the first letter of
    // a multi-word name ("labor day") must be a capital.
    let (&h, n) = c.longest(&c.lex.holidays)?;
    if n > 1 && !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    // "the Lunar New Year", "the Jewish New Year": another calendar's, not January 1.
    if matches!(h, Holiday::Fixed { month: 1, day: 1 })
        && matches!(c.key_at(-1), Some("lunar" | "chinese" | "jewish" | "persian" | "islamic" | "hindu" | "vietnamese"))
    {
        return None;
    }
    c.pos += n;
    let mut date = PartialDate::default();
    match h {
        Holiday::Fixed { month, day } => {
            date.month = Some(month);
            date.day = Some(day);
        }
        _ => date.holiday = Some(h),
    }
    if shift == Shift::Bare {
        date.year = super::dates::trailing_year(c);
    }
    // "Easter week": the week holding the holiday; "Thanksgiving weekend", "Memorial Day weekend":
    // the weekend beside it.
    if date.year.is_none() && matches!(c.key(), Some("week" | "weekend")) {
        date.weekend = c.key() == Some("weekend");
        c.pos += 1;
        date.week_of = true;
    }
    if the && !date.week_of {
        return None;
    }
    // "Christmas morning", "Thanksgiving night": that day's part.
    if !date.week_of {
        if let Some(p) = c.attempt(|c| c.part_of_day()) {
            date.time = Some(crate::expr::TimeOfDay::Part(p));
        }
    }
    Some(Expr::new(TemporalExpr::Date { date, shift }))
}

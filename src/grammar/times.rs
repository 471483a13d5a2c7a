//! Times of day: clock times ("3 p.m.", "10:30 a.m. ET", "noon", "midnight"), and clock times that
//! recur ("9 p.m. on Thursdays", a set). Parts of the day attach to their day in the date and
//! relative rules ("Monday night", "this morning", "tonight").

use super::{Cursor, Rule, ANY};
use crate::expr::{Expr, PartialDate, Shift, TemporalExpr, TimeOfDay};
use crate::lexicon::class::*;

/// The rules of this module.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule {
            id: "time.clock",
            first: NUM_SHORT | NUM_YEAR | NUM_CODE | NUM_SEP | DAY_WORD,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("3 p.m.", "XXXXT15:00"),
                ("10:30 a.m.", "XXXXT10:30"),
                ("9 p.m. ET", "XXXXT21:00-05:00"),
                ("10 a.m. Eastern time", "XXXXT10:00-05:00"),
                ("3 p.m. local time", "XXXXT15:00"),
                ("[10 a.m.] eastern", "XXXXT10:00"),
                ("5 p.m. Eastern", "XXXXT17:00-05:00"),
                ("0930 GMT", "XXXXT09:30Z"),
                ("1415 local time", "XXXXT14:15"),
                ("0600 hours", "XXXXT06:00"),
                ("at [9 a.m.] Central Park", "XXXXT09:00"),
                ("noon", "XXXXT12:00"),
                ("midnight", "XXXXT24:00"),
                ("3pm", "XXXXT15:00"),
                ("2.30pm", "XXXXT14:30"),
                ("10.15 a.m.", "XXXXT10:15"),
                ("9 p.m. on Thursdays", "XXXX-WXX-4T21:00"),
                ("7 a.m. every Monday", "XXXX-WXX-1T07:00"),
                ("6 a.m. daily", "XXXX-XX-XXT06:00"),
                ("noon on weekends", "XXXX-WXX-WET12:00"),
            ],
            parse: clock,
        },
        Rule {
            id: "time.range_head",
            first: NUM_SHORT | NUM_CODE,
            after_the: ANY,
            after_article: super::ANY,
            after_number: super::ANY,
            after_shift: super::ANY,
            examples: &[
                ("open from [9] to 5 p.m.", "XXXXT09:00"),
                ("between [7] and 8 p.m. ET", "XXXXT19:00-05:00"),
                ("[10:30]-11:30 a.m.", "XXXXT10:30"),
            ],
            parse: range_head,
        },
    ]
}

/// The first time of a range that states its marker only once: "from 9 to 5 p.m." (9 a.m.),
/// "between 7 and 8 p.m." (7 p.m.), "10:30-11:30 a.m.". It takes the later time's half of the day
/// unless that would put it after the later time, and the later time's zone.
fn range_head(c: &mut Cursor) -> Option<Expr> {
    // The joining word comes right after the first time: a test of one key before the clock is read.
    if !c.key_at(1).is_some_and(|k| matches!(k, "to" | "until" | "till" | "-" | "–" | "and")) {
        return None;
    }
    let between = c.key_at(-1) == Some("between");
    let (h, m) = match super::cursor::clock_digits(c.key()?)? {
        (h, m, None) if (1..=12).contains(&h) => (h, m.unwrap_or(0)),
        _ => return None,
    };
    c.pos += 1;
    let after = c.pos;
    let joined = match c.key()? {
        "to" | "until" | "till" => true,
        "-" | "–" => true,
        "and" => between,
        _ => false,
    };
    if !joined {
        return None;
    }
    c.pos += 1;
    let TimeOfDay::Clock { hour: end, minute: end_min, offset, .. } = c.clock_time()? else {
        return None;
    };
    c.pos = after;
    // Only a marked end gives its half of the day ("9 to 5" alone is no time).
    let end_pm = match (c.key_at(1), c.key_at(2)) {
        (Some("noon" | "midday"), _) => true,
        (_, Some("p.m." | "pm" | "p.m")) => true,
        (_, Some("a.m." | "am" | "a.m")) => false,
        _ => return None,
    };
    let pm = end_pm && h != 12 && (h + 12, m) <= (end, end_min.unwrap_or(0));
    let hour = if pm {
        h + 12
    } else if h == 12 && !end_pm {
        0
    } else {
        h
    };
    Some(Expr::new(TemporalExpr::Date {
        date: PartialDate {
            time: Some(TimeOfDay::Clock { hour, minute: Some(m), second: None, offset }),
            ..Default::default()
        },
        shift: Shift::Bare,
    }))
}

/// "3 p.m.", "10:30 a.m.", "9 p.m. ET", "noon", "midnight".
fn clock(c: &mut Cursor) -> Option<Expr> {
    // A bare hour ("5") or one with dotted minutes ("2.30") needs a marker next: "a.m.", "pm",
    // "o'clock", "in the morning". Most small numbers and decimals are turned away here.
    if c.class() & (NUM_SHORT | NUM_SEP) != 0
        && !c.key_at(1).is_some_and(|k| k.starts_with('o') || k == "in" || super::cursor::MERIDIEMS.contains(&k))
    {
        return None;
    }
    // Four digits ("0930 GMT") need a zone, which is capitalized, or "local time" or "hours"
    // next: most years are turned away here.
    if c.class() & NUM_YEAR != 0 {
        let next = c.toks.toks.get(c.pos + 1).map(|t| (&c.text[t.start..t.end], c.toks.key(c.pos + 1)));
        if !next.is_some_and(|(raw, key)| {
            raw.starts_with(|ch: char| ch.is_ascii_uppercase()) || matches!(key, "local" | "hours" | "hrs")
        }) {
            return None;
        }
    }
    // "won in 2:19:02": a time taken, a duration.
    if c.class() & NUM_CODE != 0 && super::durations::is_elapsed(c).is_some() {
        return None;
    }
    let t = c.clock_time()?;
    // "9 p.m. on Thursdays", "7 a.m. daily": a time that recurs, a set.
    if let Some(set) = super::sets::clock_recurring(c, t) {
        return Some(set);
    }
    Some(Expr::new(TemporalExpr::Date {
        date: PartialDate { time: Some(t), ..Default::default() },
        shift: Shift::Bare,
    }))
}

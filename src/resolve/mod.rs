//! Resolution: an unresolved [`Expr`] plus the reference (publication date), the tense of its clause
//! and the narrative anchor (the previous dated mention) become a TIMEX3 type and value, a `mod`, and
//! for dates a half-open interval `[start, end)` with its grain. Pure: no clock, no I/O.

pub mod calendar;
pub mod policy;
pub mod tense;

use crate::expr::{
    write_duration_value, Amount, Anchor, Expr, Grain, Mod, PartOfDay, PartialDate, Season, Shift, TemporalExpr,
    TimeOfDay, Unit, Zone,
};
use crate::lexicon::Tense;
use crate::reference::Reference;
use calendar::{interval, narrow, shift_period, ymd};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
pub use policy::Policy;
use policy::{lean, Lean};
use serde::{Deserialize, Serialize};

/// The four TIMEX3 types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    #[default]
    Date,
    /// A date with a time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurring time.
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling.
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// What the resolver needs besides the expression.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The tense of the mention's clause, if a cue was found.
    pub tense: Option<Tense>,
    /// The narrative anchor: the interval start and grain of the most recent dated mention before.
    pub anchor: Option<(NaiveDateTime, Grain)>,
    /// The zone of the anchor's clock time, in minutes from UTC: times counted from it keep it
    /// ("at 9 p.m. ET ... an hour later" is 22:00 ET).
    pub anchor_zone: Option<i32>,
    /// The start of the most recent quarter mentioned before, if any: the period a report is about.
    pub quarter: Option<NaiveDateTime>,
    /// The day a bare clock time ("at noon") belongs to: that of the latest day-grain mention
    /// earlier in the same sentence, or of the one it is joined to after it.
    pub day: Option<NaiveDate>,
    /// The year that frames the mention's clause: that of a year stated at the clause's head ("In
    /// 2022, the fire burned until it was contained on Nov. 3", "Two years ago the fire ...") or
    /// before a "when" that opens it ("in 2015, when classes ended the day before Thanksgiving").
    /// A month, season or holiday stated without a year is in it.
    pub year: Option<i32>,
    /// The month a comparison with a year before is about: that of the latest month mention earlier
    /// in the sentence ("prices rose 3.3% in May from a year earlier" is May of the year before).
    pub month: Option<NaiveDate>,
}

/// How a value was derived, for `--explain`: built without allocating, printed only when asked.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct How {
    /// What kind of derivation ("weekday", "offset from the reference", ...).
    pub what: &'static str,
    /// The date counted from, if any.
    pub base: Option<NaiveDate>,
    /// The offset applied, if any.
    pub offset: Option<(i32, crate::expr::Unit)>,
    /// The shift word ("last", "next").
    pub shift: Option<Shift>,
    /// The lean the tense gave.
    pub lean: Option<Lean>,
}

impl How {
    fn new(what: &'static str) -> How {
        How { what, ..How::default() }
    }
}

impl std::fmt::Display for How {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.what)?;
        if let Some((n, unit)) = self.offset {
            write!(f, ", {n:+} {unit:?}")?;
        }
        if let Some(s) = self.shift.filter(|s| *s != Shift::Bare) {
            write!(f, ", {s:?}")?;
        }
        if let Some(l) = self.lean {
            write!(f, ", {l:?} lean")?;
        }
        if let Some(b) = self.base {
            write!(f, ", from {b}")?;
        }
        Ok(())
    }
}

/// A resolved mention value.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 mod.
    pub modifier: Option<Mod>,
    /// TIMEX3 quant, for sets.
    pub quant: Option<&'static str>,
    /// TIMEX3 freq, for sets.
    pub freq: Option<String>,
    /// `[start, end)` for dates and times.
    pub interval: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Grain of dates and times.
    pub grain: Option<Grain>,
    /// The zone a clock time states, in minutes from UTC ("9 p.m. ET" in August: -240).
    pub zone: Option<i32>,
    /// Whether the narrative anchor was used.
    pub used_anchor: bool,
    /// How the value was derived, for `--explain`.
    pub how: How,
}

impl Resolved {
    /// The start of its interval and its grain, when it has both (a date or a time).
    pub fn start_and_grain(&self) -> Option<(NaiveDateTime, Grain)> {
        self.interval.zip(self.grain).map(|((start, _), grain)| (start, grain))
    }

    /// Whether it dates a point or a period of the calendar (an interval, and no length `P...`).
    pub fn is_dated(&self) -> bool {
        self.interval.is_some() && !self.value.starts_with('P')
    }
}

/// A clock time of no particular day ("opens at 9 a.m." in a sentence about every day):
/// `XXXX-XX-XXT09:00`, with no interval. `None` for anything but a clock time.
pub fn time_of_any_day(expr: &Expr) -> Option<Resolved> {
    match &expr.kind {
        TemporalExpr::Date { date: PartialDate { time: Some(t), .. }, .. } => {
            let value = format!("XXXX-XX-XX{t}");
            let how = How::new("clock time in a sentence about something that recurs: of any day");
            Some(plain(TimexType::Time, value, expr.modifier, how))
        }
        _ => None,
    }
}

/// A month and day stated without a year in a sentence about what recurs each year ("Each year on
/// Nov. 22, a moment of silence is held"): that day of any year (`XXXX-11-22`), undated. `None` for
/// any other expression.
pub fn day_of_any_year(expr: &Expr) -> Option<Resolved> {
    match &expr.kind {
        TemporalExpr::Date { date, shift: Shift::Bare } if date.is_month_day_only() => {
            let d = PartialDate { month: date.month, day: date.day, ..PartialDate::default() };
            let how = How::new("day of a sentence about what recurs each year: of any year");
            Some(plain(TimexType::Date, d.to_string(), expr.modifier, how))
        }
        _ => None,
    }
}

/// Whether the expression counts from the narrative anchor ("the next year", "two days later", "the
/// following Saturday", "that summer").
pub fn counts_from_anchor(expr: &Expr) -> bool {
    match &expr.kind {
        TemporalExpr::Offset { anchor, .. } => *anchor == Anchor::Narrative,
        TemporalExpr::Date { date, .. } => date.from_anchor,
        _ => false,
    }
}

/// Whether resolving `expr` depends on the tense of its clause (so callers compute it only then).
pub fn needs_tense(expr: &Expr) -> bool {
    match &expr.kind {
        TemporalExpr::Date { date, shift } => {
            *shift == Shift::Bare
                && date.year.is_none()
                && date.yy.is_none()
                && date.rel_year.is_none()
                && date.rel_month.is_none()
        }
        TemporalExpr::Duration { future, .. } => *future,
        // "two years later" with no date before it: told from the present, unless the clause looks ahead.
        TemporalExpr::Offset { anchor: Anchor::Narrative, counted: true, offset, .. } => *offset > 0,
        TemporalExpr::Offset { anchor: Anchor::Turning | Anchor::Edge(false), .. } => true,
        _ => false,
    }
}

/// Resolves `expr` against `reference`. Returns `None` when the expression names no valid date
/// ("February 30, 2021"), so that nothing invalid is ever emitted.
pub fn resolve(expr: &Expr, reference: &Reference, ctx: &Context, policy: &Policy) -> Option<Resolved> {
    let r = reference.date;
    match &expr.kind {
        // (The values written into a buffer handed back by an earlier mention: a new string each
        // was allocated and, once the spares were full, freed.)
        TemporalExpr::Reference(k) => {
            Some(plain(TimexType::Date, value_of(k.value()), expr.modifier, How::new("vague reference")))
        }
        TemporalExpr::Set { value, quant, freq } => Some(Resolved {
            quant: *quant,
            freq: freq.clone(),
            ..plain(TimexType::Set, value_of(value), expr.modifier, How::new("set"))
        }),
        TemporalExpr::Duration { amount, unit, future } => {
            if *future && ctx.tense == Some(Tense::Future) {
                if let Amount::Exact(n) = amount {
                    if n.fract() == 0.0 && *n < 10000.0 {
                        let d = shift_period(r, *unit, *n as i32)?;
                        let how = How {
                            offset: Some((*n as i32, *unit)),
                            base: Some(r),
                            ..How::new("\"in N units\" in a future clause, from the reference")
                        };
                        return dated(d, expr.modifier, how, false);
                    }
                }
            }
            let mut value = value_buffer();
            write_duration_value(&mut value, *amount, *unit);
            Some(plain(TimexType::Duration, value, expr.modifier, How::new("duration")))
        }
        TemporalExpr::Offset { unit, offset, anchor, time, counted } => {
            // "a year ago" in a sentence about a month is that month a year before ("rose 3.3% in May
            // from a year earlier"); in a report about the third quarter, that quarter a year before
            // ("net fell to $5 million from $7 million a year ago").
            // Only the comparison with a year before: "16 years ago" is a year, not a quarter.
            if let (true, crate::expr::Unit::Year, Some(m), None, -1) = (*counted, unit, ctx.month, time, *offset) {
                let d = shift_period(m, crate::expr::Unit::Month, -12)?;
                let how = How {
                    offset: Some((*offset, *unit)),
                    base: Some(m),
                    ..How::new("counted from the month its sentence is about")
                };
                return dated(d, expr.modifier, how, false);
            }
            if let (true, crate::expr::Unit::Year, Some(q), None, -1) = (*counted, unit, ctx.quarter, time, *offset) {
                let mut d = shift_period(q.date(), crate::expr::Unit::Quarter, 4 * offset)?;
                d.time = None;
                let how = How {
                    offset: Some((*offset, *unit)),
                    base: Some(q.date()),
                    ..How::new("counted from the quarter reported on")
                };
                return dated(d, expr.modifier, how, true);
            }
            if let Anchor::InYear(y) = *anchor {
                // "on this day in 1969": the publication's month and day, that year (February 29
                // of a common year has none).
                let d = shift_period(ymd(y, r.month(), r.day())?, *unit, 0)?;
                return dated(d, expr.modifier, How::new("the publication's day, in the stated year"), false);
            }
            if let Anchor::ReportedIn(y) = *anchor {
                // "the 1988 quarter": the reported quarter's number in 1988; with no quarter reported,
                // the year.
                let first_month = ctx.quarter.map(|q| q.date().month());
                let d = match first_month {
                    Some(m) => shift_period(ymd(y, m, 1)?, *unit, 0)?,
                    None => shift_period(ymd(y, 1, 1)?, crate::expr::Unit::Year, 0)?,
                };
                let how = How::new("the quarter reported on, in the stated year");
                return dated(d, expr.modifier, how, ctx.quarter.is_some());
            }
            // Periods counted from the reference by the clause: the year that turns next (or has just
            // turned), the year whose middle or end the tense points to.
            let turned = match *anchor {
                // Two months into a year, it is still the new one.
                Anchor::Turning => Some((
                    if ctx.tense == Some(Tense::Past) || r.month() <= 2 { 0 } else { 1 },
                    "the period turning next, or just turned",
                )),
                Anchor::Edge(since) => {
                    // The day the named part of the year is reached: its middle (July 1) or last day.
                    let edge = match expr.modifier {
                        Some(Mod::Mid) => ymd(r.year(), 7, 1)?,
                        Some(Mod::End) => ymd(r.year(), 12, 31)?,
                        _ => r,
                    };
                    let n = match (since, ctx.tense) {
                        (true, _) | (false, Some(Tense::Past | Tense::Since)) if edge > r => -1,
                        (false, Some(Tense::Future)) if edge < r => 1,
                        _ => 0,
                    };
                    Some((n, "the year whose middle or end the tense points to"))
                }
                _ => None,
            };
            if let Some((n, what)) = turned {
                let d = shift_period(r, *unit, n)?;
                let how = How { offset: Some((n, *unit)), base: Some(r), ..How::new(what) };
                return dated(d, expr.modifier, how, false);
            }
            if *anchor == Anchor::Reported {
                let (base, n, how) = match ctx.quarter {
                    Some(q) => (q.date(), *offset, "the quarter reported on"),
                    None => (r, offset - 1, "the last completed quarter"),
                };
                let d = shift_period(base, *unit, n)?;
                return dated(d, expr.modifier, How { base: Some(base), ..How::new(how) }, ctx.quarter.is_some());
            }
            // Hours and minutes counted from a clock time are a clock time ("At 3:45 p.m. the first
            // shock hit; a second followed 20 minutes later"); from a day with no clock time, that
            // day ("On Monday he left; an hour later she did").
            if let (Anchor::Narrative, Some((a, g)), true, None) = (anchor, ctx.anchor, unit.is_clock(), time) {
                let d = match g {
                    g if g >= Grain::Hour => shift_clock(a, *unit, *offset, g, ctx.anchor_zone),
                    g if g >= Grain::Day => shift_period(a.date(), Unit::Day, 0),
                    _ => None,
                };
                if let Some(d) = d {
                    let how = How {
                        offset: Some((*offset, *unit)),
                        base: Some(a.date()),
                        ..How::new("hours or minutes from the narrative anchor")
                    };
                    return dated(d, expr.modifier, how, true);
                }
            }
            // "bought it in the spring of 1974 and spent 18 months restoring it, often working through
            // the night": a part of the day counted from a past period longer than a day is of no
            // day that can be told (not the publication's).
            if let (Anchor::Narrative, Some((a, g)), Some(t), 0, Unit::Day) = (anchor, ctx.anchor, time, *offset, unit)
            {
                if period_end(a.date(), g).is_some_and(|end| end <= r) {
                    let how = How::new("part of a day counted from a past period longer than a day: of no day told");
                    return Some(plain(TimexType::Time, format!("XXXX-XX-XX{t}"), expr.modifier, how));
                }
            }
            let (base, used) = match (anchor, ctx.anchor) {
                (Anchor::Narrative, Some((a, g))) if g >= unit.grain() => (a.date(), true),
                _ => (r, false),
            };
            // "In 2022 he left; six months later he founded a startup": months counted from a year
            // land in a year, given at that grain (counted from the year's start). So do months
            // counted from a season, a quarter or a half ("searched his home in the spring of 2021.
            // He resigned the following month"), counted from its start.
            let from_year = match (anchor, ctx.anchor, used) {
                (Anchor::Narrative, Some((_, Grain::Year)), false) => *counted,
                (Anchor::Narrative, Some((_, Grain::Half | Grain::Quarter | Grain::Season)), false) => true,
                _ => false,
            } && unit.grain() > Grain::Year
                && unit.grain() <= Grain::Month;
            let (base, used) = match ctx.anchor {
                Some((a, Grain::Year)) if from_year => (ymd(a.year(), 1, 1)?, true),
                Some((a, _)) if from_year => (a.date(), true),
                _ => (base, used),
            };
            // "was caught in March 2024. He resigned the following week": a unit finer than an
            // anchor that is over, in a clause not told in the present or the future, is counted
            // from the anchor's start and lands in its month (or year), given at that grain (not
            // counted from the publication). (A part of the day is of no day told, above; hours
            // and minutes are left alone.)
            let within = match (anchor, ctx.anchor, used, ctx.tense) {
                (Anchor::Narrative, Some((a, g)), false, t)
                    if g < unit.grain()
                        && !unit.is_clock()
                        && time.is_none()
                        && period_end(a.date(), g).is_some_and(|end| end <= r)
                        && !matches!(t, Some(Tense::Present | Tense::Future)) =>
                {
                    Some((a.date(), g))
                }
                _ => None,
            };
            let (base, used) = within.map_or((base, used), |(a, _)| (a, true));
            // "Two decades later, the town has been rebuilt" with no date before: later than some
            // past event, told from the present, so the present's period, not two decades on.
            let offset = match (anchor, used, counted, ctx.tense) {
                (Anchor::Narrative, false, true, t) if *offset > 0 && t != Some(Tense::Future) => &0,
                _ => offset,
            };
            let mut d = match within {
                // (The day reached, at the anchor's month or year.)
                Some((_, g)) => {
                    let day = calendar::add_units(base, *unit, *offset)?;
                    let month = (g == Grain::Month).then(|| day.month());
                    PartialDate { year: Some(day.year()), month, ..Default::default() }
                }
                None => shift_period(base, *unit, *offset)?,
            };
            if from_year {
                d = PartialDate { year: d.year, ..Default::default() };
            }
            d.time = time.map(|t| fix_zone(t, base));
            let what = if used { "offset from the narrative anchor" } else { "offset from the reference" };
            dated(d, expr.modifier, How { offset: Some((*offset, *unit)), base: Some(base), ..How::new(what) }, used)
        }
        TemporalExpr::Date { date, shift } => resolve_date(date, *shift, expr.modifier, r, ctx, policy),
    }
}

/// The day after the period of grain `g` (a week or longer) that starts on `start`.
fn period_end(start: NaiveDate, g: Grain) -> Option<NaiveDate> {
    let (unit, n) = match g {
        Grain::Week => (Unit::Week, 1),
        Grain::Month => (Unit::Month, 1),
        Grain::Season | Grain::Quarter => (Unit::Month, 3),
        Grain::Half => (Unit::Month, 6),
        Grain::Year => (Unit::Year, 1),
        Grain::Decade => (Unit::Year, 10),
        Grain::Century => (Unit::Year, 100),
        _ => return None,
    };
    calendar::add_units(start, unit, n)
}

/// `at` moved by `n` hours, minutes or seconds, written to the finer of the anchor's grain and the
/// unit's (a minute counted from "3 p.m." states the minute), in the anchor's `zone` (minutes from UTC).
fn shift_clock(at: NaiveDateTime, unit: Unit, n: i32, grain: Grain, zone: Option<i32>) -> Option<PartialDate> {
    let step = match unit {
        Unit::Hour => chrono::Duration::hours(n as i64),
        Unit::Minute => chrono::Duration::minutes(n as i64),
        _ => chrono::Duration::seconds(n as i64),
    };
    let t = at.checked_add_signed(step)?;
    let grain = grain.max(unit.grain());
    let mut d = shift_period(t.date(), Unit::Day, 0)?;
    d.time = Some(TimeOfDay::Clock {
        hour: t.hour(),
        minute: (grain >= Grain::Minute).then(|| t.minute()),
        second: (grain >= Grain::Second).then(|| t.second()),
        offset: zone.map(Zone::Fixed),
    });
    Some(d)
}

fn plain(kind: TimexType, value: String, modifier: Option<Mod>, how: How) -> Resolved {
    Resolved {
        kind,
        value,
        modifier,
        quant: None,
        freq: None,
        interval: None,
        grain: None,
        zone: None,
        used_anchor: false,
        how,
    }
}

/// A resolved date: value, interval (narrowed by a position modifier), grain, type. `None` for a date
/// outside the years TIMEX3 can write (99999 B.C. to 9999: "Easter" in a future clause of a 9999
/// article).
fn dated(d: PartialDate, modifier: Option<Mod>, how: How, used_anchor: bool) -> Option<Resolved> {
    let in_range = |y: i32| (calendar::MIN_YEAR..=calendar::MAX_YEAR).contains(&y);
    if !d.year.is_none_or(in_range)
        || !d.decade.is_none_or(|dec| (0..=999).contains(&dec))
        || !d.century.is_none_or(|c| (-99..=99).contains(&c))
    {
        return None;
    }
    let (s, e, grain) = interval(&d)?;
    let (s, e) = narrow(s, e, modifier);
    let mut value = value_buffer();
    d.push_value(&mut value);
    Some(Resolved {
        kind: if d.time.is_some() { TimexType::Time } else { TimexType::Date },
        value,
        modifier,
        quant: None,
        freq: None,
        interval: Some((s, e)),
        grain: Some(grain),
        zone: match d.time {
            Some(TimeOfDay::Clock { offset: Some(Zone::Fixed(m)), .. }) => Some(m),
            _ => None,
        },
        used_anchor,
        how,
    })
}

thread_local! {
    /// Value strings handed back by [`recycle_value`], for the next dates' values to be written
    /// into without allocating (a batch run resolves a date for most mentions of every document).
    static SPARE_VALUES: crate::spare::Spares<String> = const { crate::spare::Spares::new(256) };
}

/// An empty string to write a value into: one handed back by [`recycle_value`], or a new one with
/// room for the usual value ("2024-08-13T10:30").
fn value_buffer() -> String {
    match SPARE_VALUES.with(crate::spare::Spares::take) {
        Some(mut value) => {
            value.clear();
            value
        }
        None => String::with_capacity(16),
    }
}

/// `value` in a [`value_buffer`].
fn value_of(value: &str) -> String {
    let mut buffer = value_buffer();
    buffer.push_str(value);
    buffer
}

/// Hands back a resolved value no longer needed (none large), for later resolutions to write
/// into: the caller that overwrites a mention's value with a new one passes the old one here
/// instead of dropping it.
pub fn recycle_value(value: String) {
    if (16..=64).contains(&value.capacity()) {
        SPARE_VALUES.with(|spare| spare.give(value));
    }
}

/// US zones written without S/D ("ET") take daylight time between the second Sunday of March and the
/// first Sunday of November.
fn fix_zone(t: TimeOfDay, day: NaiveDate) -> TimeOfDay {
    match t {
        TimeOfDay::Clock { hour, minute, second, offset: Some(Zone::UsDaylight(m)) } => {
            let y = day.year();
            let dst = match (calendar::nth_weekday(y, 3, 7, 2), calendar::nth_weekday(y, 11, 7, 1)) {
                (Some(a), Some(b)) => day >= a && day < b,
                _ => false,
            };
            TimeOfDay::Clock { hour, minute, second, offset: Some(Zone::Fixed(if dst { m + 60 } else { m })) }
        }
        t => t,
    }
}

/// The day "late in a month" is taken to start on when a past clause leans back from it.
const LATE_IN_MONTH: u32 = 21;

/// The year of season `s` (of the years around `ry`) nearest to `r`: the one holding it, else the
/// one whose start or end is closest.
fn nearest_season_year(r: NaiveDate, s: crate::expr::Season, ry: i32) -> Option<i32> {
    let mut best: Option<(i64, i32)> = None;
    for y in ry - 1..=ry + 1 {
        let start = ymd(y, s.first_month(), 1)?;
        let (ey, em) = calendar::add_months(y, s.first_month(), 3)?;
        let end = ymd(ey, em, 1)?;
        let gap = if r < start {
            (start - r).num_days()
        } else if r >= end {
            (r - end).num_days() + 1
        } else {
            0
        };
        if best.is_none_or(|(g, _)| gap < g) {
            best = Some((gap, y));
        }
    }
    best.map(|(_, y)| y)
}

fn resolve_date(
    date: &PartialDate,
    shift: Shift,
    modifier: Option<Mod>,
    r: NaiveDate,
    ctx: &Context,
    policy: &Policy,
) -> Option<Resolved> {
    let mut d = *date;
    if let (Some(yy), true) = (d.yy, d.decade_yy) {
        // "the '90s": the decade of the two-digit year, expanded like one.
        d.decade = Some(policy::expand_two_digit_year(yy, r, policy).div_euclid(10));
        d.yy = None;
        d.decade_yy = false;
    }
    if let Some(yy) = d.yy.take() {
        d.year = Some(policy::expand_two_digit_year(yy, r, policy));
    }
    if let Some(k) = d.rel_year.take() {
        d.year = Some(r.year() + k);
    }
    if let Some(k) = d.rel_month.take() {
        let (y, m) = calendar::add_months(r.year(), r.month(), k)?;
        d.year = Some(y);
        match &mut d.holiday {
            Some(crate::expr::Holiday::NthWeekday { month, .. }) => *month = m,
            _ => d.month = Some(m),
        }
    }
    // A holiday comes once a year, like a month: "the season, which runs from Thanksgiving to
    // Christmas" (a present clause in August) is this year's, not last.
    let weekday_like =
        d.month.is_none() && d.season.is_none() && d.quarter.is_none() && d.half.is_none() && d.holiday.is_none();
    let l = lean(shift, ctx.tense, weekday_like);
    let how;
    let mut used_anchor = false;
    let framed = ctx.year.filter(|_| {
        d.year.is_none()
            && shift == Shift::Bare
            && !d.from_anchor
            && d.week.is_none()
            && (d.month.is_some() || d.holiday.is_some() || d.season.is_some())
    });
    if d.century.is_some() || d.decade.is_some() {
        how = How::new("stated");
    } else if let Some(y) = framed {
        d.year = Some(y);
        how = How::new("the year framing its clause");
        if let Some(h) = d.holiday {
            set_day(&mut d, calendar::holiday_date(h, y)?);
        }
    } else if d.year.is_some() {
        how = How::new("stated year");
        if let (Some(h), Some(y)) = (d.holiday, d.year) {
            set_day(&mut d, calendar::holiday_date(h, y)?);
        }
    } else if d.weekend && !d.week_of {
        let monday = policy::weekend_monday(r, shift, l)?;
        let w = monday.iso_week();
        d.year = Some(w.year());
        d.week = Some(w.week());
        how = How { lean: Some(l), shift: Some(shift), base: Some(r), ..How::new("weekend") };
    } else if let Some(y) = framed_weekday(&d, shift, ctx, r) {
        return weekday_of_year(d, y, modifier);
    } else if let (Some(wd), None, None) = (d.weekday, d.month, d.day) {
        // "the following Saturday" counts from the story's day, when it has one.
        let story_day = ctx.anchor.filter(|&(_, g)| d.from_anchor && g >= Grain::Day).map(|(a, _)| a.date());
        let base = story_day.unwrap_or(r);
        // "that Wednesday" with no day of the story to be in the week of: as a bare weekday.
        let (shift, l) = match (shift, story_day) {
            (Shift::This, None) if d.from_anchor => (Shift::Bare, policy::lean(Shift::Bare, ctx.tense, true)),
            _ => (shift, l),
        };
        let day = policy::weekday_date(base, wd, shift, l)?;
        set_day(&mut d, day);
        d.weekday = None;
        let what = if story_day.is_some() { "weekday after or before the narrative anchor" } else { "weekday" };
        how = How { lean: Some(l), shift: Some(shift), base: Some(base), ..How::new(what) };
        used_anchor = story_day.is_some();
    } else if d.is_day_only() {
        let day = policy::day_only_date(r, d.day?, l)?;
        set_day(&mut d, day);
        how = How { lean: Some(l), base: Some(r), ..How::new("day of the month") };
    } else if let Some(h) = d.holiday {
        // The holiday's date this year decides which year leans where.
        let this = calendar::holiday_date(h, r.year())?;
        let y = shifted_year(r, this.month(), this.day(), shift, l);
        let mut day = calendar::holiday_date(h, y)?;
        // Done, so not after the reference: "schools closed on Thanksgiving" a week before it is
        // last year's (as for a month, below).
        if ctx.tense == Some(Tense::Since) && day > r {
            day = calendar::holiday_date(h, y - 1)?;
        }
        set_day(&mut d, day);
        how = How { lean: Some(l), shift: Some(shift), base: Some(r), ..How::new("holiday") };
    } else if let (Some(m), Some((a, _))) = (d.month, ctx.anchor.filter(|_| d.from_anchor)) {
        // "that December" is in the story's year; "the following March" the first after its date.
        let a = a.date();
        let y = match shift {
            Shift::Next if m <= a.month() => a.year() + 1,
            Shift::Last if m >= a.month() => a.year() - 1,
            _ => a.year(),
        };
        d.year = Some(y);
        used_anchor = true;
        how = How { shift: Some(shift), base: Some(a), ..How::new("month of the narrative anchor's year") };
    } else if let Some(m) = d.month {
        // "The season peaked in late December" (November 1) is last December: what a past clause
        // says of late in a month begins near its end, past the slack a whole month gets.
        let day = match (d.day, modifier, l) {
            (None, Some(Mod::End | Mod::SecondHalf), Lean::Past) => LATE_IN_MONTH,
            _ => d.day.unwrap_or(0),
        };
        let mut y = shifted_year(r, m, day, shift, l);
        // "its best week since November" in October is last November, not the coming one; "since
        // January" in December is this January, not the one a few weeks on.
        if ctx.tense == Some(Tense::Since) && (y, m, d.day.unwrap_or(1)) > (r.year(), r.month(), r.day()) {
            y = if (m, d.day.unwrap_or(1)) > (r.month(), r.day()) { r.year() - 1 } else { r.year() };
        }
        d.year = Some(y);
        how = How { lean: Some(l), shift: Some(shift), base: Some(r), ..How::new("month") };
    } else if let Some(s) = d.season {
        // "the following spring" counts from the story's date: after a year ("that year"), from its
        // end, before it, from its start; "that summer" is the one of its year.
        let story = ctx.anchor.filter(|_| d.from_anchor).and_then(|(a, g)| match (g <= Grain::Year, shift) {
            (true, Shift::Next) => ymd(a.year(), 12, 31),
            (true, Shift::This) => ymd(a.year(), 7, 1),
            (true, _) => ymd(a.year(), 1, 1),
            (false, _) => Some(a.date()),
        });
        used_anchor = story.is_some();
        let r = story.unwrap_or(r);
        let (ry, rs) = calendar::season_of(r);
        let y = match l {
            // Seasons run spring, summer, fall, winter within the year of their first month: in
            // February 1998 (winter 1997) "last fall" is fall 1997.
            Lean::Past if s.first_month() > rs.first_month() => ry - 1,
            Lean::Future if s.first_month() < rs.first_month() => ry + 1,
            // "this fall" in February is the fall of the calendar year under way, not the nearer
            // one just past: the winter that spans the new year is the only season counted back.
            Lean::Same if shift == Shift::This && rs == Season::Winter && r.month() <= 2 && s != Season::Winter => {
                r.year()
            }
            // With no lean ("delay the case until the spring" in November), the nearest.
            Lean::Same if s != rs => nearest_season_year(r, s, ry).unwrap_or(ry),
            _ => ry,
        };
        let y = if shift == Shift::Last && s == rs {
            y - 1
        } else if shift == Shift::Next && s == rs {
            y + 1
        } else {
            y
        };
        d.year = Some(y);
        how = How { lean: Some(l), shift: Some(shift), base: Some(r), ..How::new("season") };
    } else if let Some((first, len)) = d.quarter.map(|q| ((q - 1) * 3 + 1, 3)).or(d.half.map(|h| ((h - 1) * 6 + 1, 6)))
    {
        // A quarter or half leans like a month ("third-quarter profit fell" in late October is this
        // year's third quarter).
        d.year = Some(policy::year_for_period(r, first, 0, len, l));
        how = How { lean: Some(l), base: Some(r), ..How::new("quarter or half") };
    } else if d.time.is_some() {
        // A time alone ("3 p.m.") is on the day named earlier in its sentence, else the reference day;
        // midnight told of in the past is the one that began it ("the race was called shortly after
        // midnight"), not the one to come; a night alone ("said Wednesday it had shot down 47 drones
        // overnight") is the one that ended on that day unless the clause looks ahead ("will cross
        // the state overnight").
        let past = matches!(ctx.tense, Some(Tense::Past | Tense::PastVerb));
        let midnight = matches!(d.time, Some(TimeOfDay::Clock { hour: 24, .. }));
        let day = ctx.day.unwrap_or(if past && midnight { r.pred_opt()? } else { r });
        let night = matches!(d.time, Some(TimeOfDay::Part(PartOfDay::Night)));
        let day = if night && ctx.tense != Some(Tense::Future) { day.pred_opt()? } else { day };
        set_day(&mut d, day);
        how =
            How { base: Some(day), ..How::new("clock time on the day named in its sentence, else the reference day") };
    } else {
        return None;
    }
    if d.weekday.is_some() && d.week.is_none() {
        // A stated weekday beside a full date only confirms it.
        d.weekday = None;
    }
    if let Some(t) = d.time {
        let day = d.year.zip(d.month).zip(d.day).and_then(|((y, m), dd)| ymd(y, m, dd)).unwrap_or(r);
        d.time = Some(fix_zone(t, day));
    }
    if d.week_of {
        // "the week of March 6": the ISO week holding the day. "Memorial Day weekend": a Monday
        // holiday's weekend is the one before it; any other day's, the one of its week.
        let mut day = ymd(d.year?, d.month?, d.day?)?;
        if d.weekend && day.weekday() == chrono::Weekday::Mon {
            day = day.pred_opt()?.pred_opt()?;
        }
        let w = day.iso_week();
        d = PartialDate { year: Some(w.year()), week: Some(w.week()), weekend: d.weekend, ..PartialDate::default() };
    }
    dated(d, modifier, how, used_anchor)
}

/// The year framing the clause of a bare weekday ("Sunday", "Sunday night"; no week, month or day)
/// when it is not the reference's year: the weekday is then in a week the text does not give.
fn framed_weekday(d: &PartialDate, shift: Shift, ctx: &Context, r: NaiveDate) -> Option<i32> {
    let bare = shift == Shift::Bare
        && !d.from_anchor
        && d.weekday.is_some()
        && d.year.is_none()
        && d.month.is_none()
        && d.day.is_none()
        && d.week.is_none()
        && !d.weekend;
    ctx.year.filter(|&y| bare && y != r.year())
}

/// "Last year, drive times doubled on Sunday": a weekday of another year's story, whose week the
/// text does not give ("2025-WXX-7"), placed in year `y`.
// (Out of line and cold: rare, and inlined it put the value writer out of line for every date.)
#[cold]
#[inline(never)]
fn weekday_of_year(mut d: PartialDate, y: i32, modifier: Option<Mod>) -> Option<Resolved> {
    d.year = Some(y);
    let how = How::new("weekday in the year framing its clause");
    let mut year = dated(PartialDate { year: Some(y), ..PartialDate::default() }, modifier, how, false)?;
    year.value.clear();
    // (Written as `Display` writes it: a second caller of `push_value` put it out of line.)
    d.write_value(&mut year.value).ok()?;
    if d.time.is_some() {
        year.kind = TimexType::Time;
    }
    Some(year)
}

/// The year of a month/day given a shift word: "last November" is before the reference even in a
/// future sentence; "next May" after; "this May" the reference year.
///
/// "last December" is strictly before the reference's month (December 1988 in a November 1989
/// article, never the coming one); "next May" strictly after it.
/// With a day ("last Oct. 23", a holiday), the day decides: "next Christmas" on December 20 is
/// this year's.
fn shifted_year(r: NaiveDate, month: u32, day: u32, shift: Shift, l: Lean) -> i32 {
    let at = if day == 0 { (month, 0) } else { (month, day) };
    let now = if day == 0 { (r.month(), 0) } else { (r.month(), r.day()) };
    match shift {
        Shift::Last if at >= now => r.year() - 1,
        Shift::Last => r.year(),
        Shift::Next if at <= now => r.year() + 1,
        Shift::Next => r.year(),
        _ => policy::year_for(r, month, day, l),
    }
}

fn set_day(d: &mut PartialDate, day: NaiveDate) {
    d.year = Some(day.year());
    d.month = Some(day.month());
    d.day = Some(day.day());
    d.holiday = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{Expr, Unit};

    fn reference() -> Reference {
        Reference::from_date(NaiveDate::from_ymd_opt(2024, 8, 13).unwrap())
    }

    fn value(kind: TemporalExpr, tense: Option<Tense>) -> String {
        let ctx = Context { tense, ..Context::default() };
        resolve(&Expr::new(kind), &reference(), &ctx, &Policy::default()).map(|r| r.value).unwrap_or_default()
    }

    #[test]
    fn offsets_count_whole_units_from_the_reference() {
        let off =
            |unit, offset| TemporalExpr::Offset { unit, offset, anchor: Anchor::Reference, time: None, counted: false };
        assert_eq!(value(off(Unit::Month, -1), None), "2024-07");
        assert_eq!(value(off(Unit::Week, 0), None), "2024-W33");
        assert_eq!(value(off(Unit::Week, -1), None), "2024-W32");
        assert_eq!(value(off(Unit::Day, -3), None), "2024-08-10");
        assert_eq!(value(off(Unit::Year, -1), None), "2023");
    }

    #[test]
    fn in_two_years_is_a_date_only_in_future_clauses() {
        let d = TemporalExpr::Duration { amount: Amount::Exact(2.0), unit: Unit::Year, future: true };
        assert_eq!(value(d.clone(), Some(Tense::Future)), "2026");
        assert_eq!(value(d, Some(Tense::Past)), "P2Y");
    }

    #[test]
    fn a_season_with_no_lean_is_the_nearest() {
        let spring = |on: (i32, u32, u32)| {
            let date = PartialDate { season: Some(crate::expr::Season::Spring), ..PartialDate::default() };
            let r = Reference::from_date(NaiveDate::from_ymd_opt(on.0, on.1, on.2).unwrap());
            let ctx = Context { tense: Some(Tense::Open), ..Context::default() };
            let e = Expr::new(TemporalExpr::Date { date, shift: Shift::Bare });
            resolve(&e, &r, &ctx, &Policy::default()).map(|r| r.value).unwrap_or_default()
        };
        // "delay the case until the spring": in November the coming one, in July the one just past.
        assert_eq!(spring((2024, 11, 22)), "2025-SP");
        assert_eq!(spring((2024, 7, 1)), "2024-SP");
        assert_eq!(spring((2024, 4, 1)), "2024-SP");
    }

    #[test]
    fn this_season_in_january_or_february_is_of_the_calendar_year() {
        let this = |season: Season, on: (i32, u32, u32)| {
            let date = PartialDate { season: Some(season), ..PartialDate::default() };
            let r = Reference::from_date(NaiveDate::from_ymd_opt(on.0, on.1, on.2).unwrap());
            let ctx = Context { tense: Some(Tense::Open), ..Context::default() };
            let e = Expr::new(TemporalExpr::Date { date, shift: Shift::This });
            resolve(&e, &r, &ctx, &Policy::default()).map(|r| r.value).unwrap_or_default()
        };
        // "A trial could begin as early as this fall", in February 2025: fall 2025, not the nearer 2024.
        assert_eq!(this(Season::Fall, (2025, 2, 27)), "2025-FA");
        assert_eq!(this(Season::Summer, (2025, 1, 10)), "2025-SU");
        // The winter under way is still this winter; in December, this fall is the one just ended.
        assert_eq!(this(Season::Winter, (2025, 2, 27)), "2024-WI");
        assert_eq!(this(Season::Fall, (2025, 12, 10)), "2025-FA");
    }

    #[test]
    fn impossible_dates_resolve_to_nothing() {
        let d = TemporalExpr::Date {
            date: PartialDate { year: Some(2021), month: Some(2), day: Some(30), ..Default::default() },
            shift: Shift::Bare,
        };
        assert_eq!(value(d, None), "");
    }
}

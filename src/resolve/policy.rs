//! Resolution policy, in one place: which occurrence an underspecified date names. Every choice has
//! an example sentence as evidence. For news the policy is tense-aware with a past lean (what
//! HeidelTime and SUTime do): reports mostly tell what already happened.

use super::calendar::{iso_weekday, ymd};
use crate::expr::Shift;
use crate::lexicon::Tense;
use chrono::{Datelike, Duration, NaiveDate};

/// Choices the resolver makes where the text is silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Read `1/6/2021` as January 6 (US order). News agencies in English mostly write US order.
    pub month_first: bool,
    /// Two-digit years at most this far past the reference year are in its century; others in the
    /// previous one ("'98" in a 2024 article is 1998; "'25" is 2025).
    pub two_digit_future_years: i32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { month_first: true, two_digit_future_years: 10 }
    }
}

/// Which way an underspecified date leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// The latest occurrence on or before the reference.
    Past,
    /// The earliest occurrence on or after the reference.
    Future,
    /// The occurrence in the reference's own enclosing period (its year, its week).
    Same,
}

/// How a shift word and the tense of the clause choose the direction.
///
/// - "last November", "last Monday": before the reference, whatever the tense.
/// - "next Monday": after it.
/// - "this November": the reference's own year.
/// - "On Monday he said" (past) leans back; "will meet on Monday" (future) leans forward.
/// - A present clause ("NASA has backup opportunities on Friday and Saturday", "the worst times are
///   Tuesday and Wednesday"): the reference's week, where what is now stands.
/// - No tense cue at all: "Monday's conversation" in a report: past, the news lean, for weekdays;
///   the reference's own year for months ("In November, the election ..."), which is the TimeBank
///   convention for bare month names.
pub fn lean(shift: Shift, tense: Option<Tense>, weekday_like: bool) -> Lean {
    match shift {
        Shift::Last => Lean::Past,
        Shift::Next => Lean::Future,
        Shift::This => Lean::Same,
        Shift::Bare => match tense {
            Some(Tense::Past | Tense::PastVerb | Tense::Since) => Lean::Past,
            Some(Tense::Future) => Lean::Future,
            // "has until 9 a.m. Tuesday", "stayed until March 6": this week's Tuesday, the nearest March.
            Some(Tense::Open) => Lean::Same,
            None if weekday_like => Lean::Past,
            _ => Lean::Same,
        },
    }
}

/// The date of a weekday ("Monday") relative to the reference.
///
/// Past lean includes the reference day itself ("said Tuesday" in a Tuesday paper is today);
/// future lean does too ("will vote Tuesday" in a Tuesday paper is today). "last Monday" and
/// "next Monday" are strict: never the reference day. "this Monday" is the Monday of the reference week.
pub fn weekday_date(reference: NaiveDate, weekday: u32, shift: Shift, lean: Lean) -> Option<NaiveDate> {
    let today = iso_weekday(reference) as i64;
    let wd = weekday as i64;
    let delta = match (shift, lean) {
        (Shift::Last, _) => -((today - wd - 1).rem_euclid(7) + 1),
        (Shift::Next, _) => (wd - today - 1).rem_euclid(7) + 1,
        (_, Lean::Past) => -(today - wd).rem_euclid(7),
        (_, Lean::Future) => (wd - today).rem_euclid(7),
        (_, Lean::Same) => wd - today,
    };
    reference.checked_add_signed(Duration::days(delta))
}

/// How far past the reference a "past" date may still fall, and how far before it a "future" one:
/// tense cues are often those of a report about a plan ("the offer had been set to expire Nov. 6" in an
/// October article is this November, not last year's).
pub const TENSE_SLACK_DAYS: i64 = 45;

/// [`TENSE_SLACK_DAYS`] for a whole month: a past clause reports plans for the coming month ("Saudi
/// Arabia told oil companies of a cutback in September", mid-August), not for the one after: "changed
/// to a calendar year in December" in an October 27 article is last December. (A quarter or a half
/// told of in the past has begun: no slack.)
pub const MONTH_SLACK_DAYS: i64 = 31;

/// How far before the reference a day in a clause about the future may still fall (a plan reported a
/// week or so late, as in a digest): "the season opener will be Sept. 7" in an October article is next
/// September, not five weeks ago. Whole periods keep [`TENSE_SLACK_DAYS`]: "expects third-quarter
/// results" in late October is the quarter just ended.
pub const FUTURE_DAY_SLACK_DAYS: i64 = 10;

/// How close to the reference a date in a neighbouring year must be to win over the reference year
/// when no tense is seen ("January" in a December article is next month; "Jan. 6" in an August one is
/// this year's).
pub const NEIGHBOUR_YEAR_DAYS: i64 = 90;

/// The year of a period within a year (a month, or a month and day) given as `(month, day)` (`day` 0
/// for the whole month), relative to the reference.
///
/// - Past lean: the latest occurrence starting no later than [`TENSE_SLACK_DAYS`] after the
///   reference: "In November, sales fell" (August 2024 article) is November 2023.
/// - Future lean: the earliest occurrence ending no earlier than [`TENSE_SLACK_DAYS`] before the
///   reference ([`FUTURE_DAY_SLACK_DAYS`] for a day): "if he wins in November" is November 2024;
///   "in March" (August 2024) is 2025.
/// - Same: the reference's year, unless the neighbouring year's occurrence is within
///   [`NEIGHBOUR_YEAR_DAYS`] and closer: "Jan. 6" with no tense cue in an August 2024 article is
///   2024-01-06; "January" in a December 1989 one is 1990-01.
pub fn year_for(reference: NaiveDate, month: u32, day: u32, lean: Lean) -> i32 {
    year_for_period(reference, month, day, 1, lean)
}

/// [`year_for`] for a period of `months` months starting at `(month, day)` (`day` 0: the whole
/// months), such as a quarter (`months` 3) or a season.
pub fn year_for_period(reference: NaiveDate, month: u32, day: u32, months: i32, lean: Lean) -> i32 {
    let y = reference.year();
    // Days from the reference, as day counts from the era (what `(date - reference).num_days()`
    // gives, without chrono's subtraction of two dates, asked six times a call).
    let from_reference = {
        let r = i64::from(reference.num_days_from_ce());
        move |d: NaiveDate| i64::from(d.num_days_from_ce()) - r
    };
    // The span of the occurrence in year `yy`, in days from the reference: [start, end).
    let span = |yy: i32| -> Option<(i64, i64)> {
        let start = ymd(yy, month, day.max(1))?;
        let end = if day == 0 {
            let (ny, nm) = super::calendar::add_months(yy, month, months)?;
            ymd(ny, nm, 1)?
        } else {
            start.succ_opt()?
        };
        Some((from_reference(start), from_reference(end)))
    };
    let distance = |(s, e): (i64, i64)| {
        if s > 0 {
            s
        } else if e <= 0 {
            1 - e
        } else {
            0
        }
    };
    // The year before, this one and the next, those that exist (on the stack: asked of most dates).
    let mut years = [(0, (0, 0)); 3];
    let mut n = 0;
    for yy in y - 1..=y + 1 {
        if let Some(sp) = span(yy) {
            years[n] = (yy, sp);
            n += 1;
        }
    }
    let candidates = &years[..n];
    let pick = match lean {
        // A whole month or period in a past clause may be the coming month, not a later one.
        Lean::Past => {
            // (A quarter or a half told of in the past has begun: "hiring was strong in the first
            // half" in December is this year's.)
            let slack = match (day, months) {
                (0, 1) => MONTH_SLACK_DAYS,
                (0, _) => 0,
                _ => TENSE_SLACK_DAYS,
            };
            candidates.iter().rev().find(|(_, (s, _))| *s <= slack)
        }
        Lean::Future => {
            let slack = if day == 0 { TENSE_SLACK_DAYS } else { FUTURE_DAY_SLACK_DAYS };
            candidates.iter().find(|(_, (_, e))| *e > -slack)
        }
        Lean::Same => {
            let same = candidates.iter().find(|(yy, _)| *yy == y);
            let best = candidates.iter().min_by_key(|(_, sp)| distance(*sp));
            match (same, best) {
                (Some(s), Some(b))
                    if b.0 != y && distance(b.1) <= NEIGHBOUR_YEAR_DAYS && distance(b.1) < distance(s.1) =>
                {
                    Some(b)
                }
                (Some(s), _) => Some(s),
                (None, b) => b,
            }
        }
    };
    pick.map_or(y, |(yy, _)| *yy)
}

/// A two-digit year, by [`Policy::two_digit_future_years`].
pub fn expand_two_digit_year(yy: u32, reference: NaiveDate, policy: &Policy) -> i32 {
    let y = reference.year();
    let century = y - y.rem_euclid(100);
    let candidate = century + yy as i32;
    if candidate > y + policy.two_digit_future_years {
        candidate - 100
    } else {
        candidate
    }
}

/// The weekend a bare "the weekend" names: the coming one in future sentences, the last one in past
/// sentences, else the one of the reference week ("This weekend's storms" in a Friday paper).
pub fn weekend_monday(reference: NaiveDate, shift: Shift, lean: Lean) -> Option<NaiveDate> {
    let monday = reference.checked_sub_signed(Duration::days(iso_weekday(reference) as i64 - 1))?;
    let weeks = match (shift, lean) {
        (Shift::Last, _) => -1,
        (Shift::Next, _) => 1,
        (Shift::This, _) | (_, Lean::Same) => 0,
        // On a weekend day, "the weekend" in a past sentence is the one under way.
        (_, Lean::Past) if iso_weekday(reference) >= 6 => 0,
        (_, Lean::Past) => -1,
        (_, Lean::Future) => 0,
    };
    monday.checked_add_signed(Duration::weeks(weeks))
}

/// A day of the month with no month ("the 12th"): the latest such day on or before the reference in
/// past sentences, the next one in future sentences, else the reference month's.
pub fn day_only_date(reference: NaiveDate, day: u32, lean: Lean) -> Option<NaiveDate> {
    let (y, m) = (reference.year(), reference.month());
    match lean {
        Lean::Past if day > reference.day() => {
            let (py, pm) = super::calendar::add_months(y, m, -1)?;
            ymd(py, pm, day)
        }
        Lean::Future if day < reference.day() => {
            let (ny, nm) = super::calendar::add_months(y, m, 1)?;
            ymd(ny, nm, day)
        }
        _ => ymd(y, m, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The day counts `year_for_period` subtracts give the days between two dates, across the
    /// years the resolver handles (before Christ too) and the years around them.
    #[test]
    fn day_counts_from_the_era_subtract_as_dates_do() {
        use super::super::calendar::{MAX_YEAR, MIN_YEAR};
        let mut next = crate::detect::xorshift(0xda75_0fc0_de12_3456);
        let span = (MAX_YEAR - MIN_YEAR + 3) as usize;
        for _ in 0..20_000 {
            let date = |next: &mut dyn FnMut(usize) -> usize| {
                let year = MIN_YEAR - 1 + next(span) as i32;
                NaiveDate::from_yo_opt(year, 1 + next(365) as u32).unwrap()
            };
            let (a, b) = (date(&mut next), date(&mut next));
            let days = i64::from(a.num_days_from_ce()) - i64::from(b.num_days_from_ce());
            assert_eq!(days, (a - b).num_days(), "{a} {b}");
            let c = b + Duration::days(next(800) as i64);
            assert_eq!(i64::from(c.num_days_from_ce()) - i64::from(b.num_days_from_ce()), (c - b).num_days());
        }
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn bare_weekday_in_past_tense_resolves_backwards() {
        let tue = d("2024-08-13");
        let l = lean(Shift::Bare, Some(Tense::Past), true);
        assert_eq!(weekday_date(tue, 1, Shift::Bare, l), Some(d("2024-08-12")));
        assert_eq!(weekday_date(tue, 2, Shift::Bare, l), Some(d("2024-08-13")));
    }

    #[test]
    fn bare_weekday_in_future_tense_resolves_forwards() {
        let tue = d("2024-08-13");
        let l = lean(Shift::Bare, Some(Tense::Future), true);
        assert_eq!(weekday_date(tue, 1, Shift::Bare, l), Some(d("2024-08-19")));
        assert_eq!(weekday_date(tue, 1, Shift::Next, l), Some(d("2024-08-19")));
        assert_eq!(weekday_date(tue, 2, Shift::Last, l), Some(d("2024-08-06")));
    }

    #[test]
    fn bare_month_follows_tense() {
        let r = d("2024-08-13");
        assert_eq!(year_for(r, 11, 0, Lean::Past), 2023);
        assert_eq!(year_for(r, 11, 0, Lean::Future), 2024);
        assert_eq!(year_for(r, 3, 0, Lean::Future), 2025);
        assert_eq!(year_for(r, 8, 0, Lean::Future), 2024);
        assert_eq!(year_for(r, 8, 5, Lean::Future), 2024);
        assert_eq!(year_for(r, 1, 6, Lean::Same), 2024);
        assert_eq!(year_for(d("1989-12-20"), 1, 0, Lean::Same), 1990);
        assert_eq!(year_for(d("1989-10-30"), 11, 6, Lean::Past), 1989);
        // A past clause may speak of the coming month, not of the one after it.
        assert_eq!(year_for(d("1990-08-16"), 9, 0, Lean::Past), 1990);
        assert_eq!(year_for(d("1989-10-27"), 12, 0, Lean::Past), 1988);
        assert_eq!(year_for(r, 8, 0, Lean::Past), 2024);
        assert_eq!(year_for(r, 11, 0, Lean::Same), 2024);
        // A day to come may be a week or so past (a late report), not five weeks; a month may.
        assert_eq!(year_for(d("2024-10-09"), 9, 7, Lean::Future), 2025);
        assert_eq!(year_for(d("2024-10-09"), 10, 3, Lean::Future), 2024);
        assert_eq!(year_for(d("2024-10-09"), 9, 0, Lean::Future), 2024);
    }

    #[test]
    fn two_digit_years_pivot_near_the_reference() {
        let p = Policy::default();
        assert_eq!(expand_two_digit_year(98, d("2024-01-01"), &p), 1998);
        assert_eq!(expand_two_digit_year(25, d("2024-01-01"), &p), 2025);
        assert_eq!(expand_two_digit_year(5, d("1998-01-01"), &p), 1905);
    }
}

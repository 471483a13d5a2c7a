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
        Policy {
            month_first: true,
            two_digit_future_years: 10,
        }
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
/// - No tense cue at all: "Monday's conversation" in a report: past, the news lean, for weekdays;
///   the reference's own year for months ("In November, the election ..."), which is the TimeBank
///   convention for bare month names.
pub fn lean(shift: Shift, tense: Option<Tense>, weekday_like: bool) -> Lean {
    match shift {
        Shift::Last => Lean::Past,
        Shift::Next => Lean::Future,
        Shift::This => Lean::Same,
        Shift::Bare => match tense {
            Some(Tense::Past) => Lean::Past,
            Some(Tense::Future) => Lean::Future,
            Some(Tense::Present) | None if weekday_like => Lean::Past,
            _ => Lean::Same,
        },
    }
}

/// The date of a weekday ("Monday") relative to the reference.
///
/// Past lean includes the reference day itself ("said Tuesday" in a Tuesday paper is today);
/// future lean does too ("will vote Tuesday" in a Tuesday paper is today). "last Monday" and
/// "next Monday" are strict: never the reference day. "this Monday" is the Monday of the reference week.
pub fn weekday_date(
    reference: NaiveDate,
    weekday: u32,
    shift: Shift,
    lean: Lean,
) -> Option<NaiveDate> {
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

/// The year of a period within a year (a month, a month and day, a season, a quarter) given as its
/// position `(month, day)` in the year (`day` 0 for a whole month), relative to the reference.
///
/// - Past lean: "In November, sales fell" (August 2024 article) is November 2023.
/// - Future lean: "if he wins in November" is November 2024; "in March" (future, August 2024) is 2025.
/// - Same: the reference's year: "Jan. 6" with no tense cue in a 2024 article is 2024-01-06.
pub fn year_for(reference: NaiveDate, month: u32, day: u32, lean: Lean) -> i32 {
    let y = reference.year();
    // `day == 0` stands for the whole month: the reference's own month counts as both past and future.
    let (rm, rd) = (
        reference.month(),
        if day == 0 { 0 } else { reference.day() },
    );
    match lean {
        Lean::Past if (month, day) > (rm, rd) => y - 1,
        Lean::Future if (month, day) < (rm, rd) => y + 1,
        _ => y,
    }
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
        assert_eq!(year_for(r, 8, 5, Lean::Future), 2025);
        assert_eq!(year_for(r, 8, 0, Lean::Past), 2024);
        assert_eq!(year_for(r, 11, 0, Lean::Same), 2024);
    }

    #[test]
    fn two_digit_years_pivot_near_the_reference() {
        let p = Policy::default();
        assert_eq!(expand_two_digit_year(98, d("2024-01-01"), &p), 1998);
        assert_eq!(expand_two_digit_year(25, d("2024-01-01"), &p), 2025);
        assert_eq!(expand_two_digit_year(5, d("1998-01-01"), &p), 1905);
    }
}

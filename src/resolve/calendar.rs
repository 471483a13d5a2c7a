//! Calendar arithmetic: intervals of resolved dates, unit offsets, holidays and Easter.
//! Everything is pure; invalid dates give `None`, never a panic.

use crate::expr::{Grain, Holiday, Mod, PartialDate, Season, TimeOfDay, Unit};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Smallest and largest years the resolver produces: TIMEX3 values have four-digit years, and five
/// before Christ ("12,000 years ago"): -99998 is 99999 B.C., "BC99999".
pub const MIN_YEAR: i32 = -99998;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 9999;

/// A date, if it exists.
pub fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(MIN_YEAR..=MAX_YEAR + 1).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn midnight(d: NaiveDate) -> NaiveDateTime {
    d.and_time(NaiveTime::MIN)
}

/// Adds `n` months to the first of a month.
pub fn add_months(y: i32, m: u32, n: i32) -> Option<(i32, u32)> {
    let total = y.checked_mul(12)?.checked_add(m as i32 - 1)?.checked_add(n)?;
    Some((total.div_euclid(12), (total.rem_euclid(12) + 1) as u32))
}

/// The ISO weekday number (Monday = 1) of a date.
pub fn iso_weekday(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// Monday of ISO week `w` of ISO year `y`.
pub fn iso_week_monday(y: i32, w: u32) -> Option<NaiveDate> {
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// The date of a holiday in year `y`.
pub fn holiday_date(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed { month, day } => ymd(y, month, day),
        Holiday::Easter(off) => easter(y)?.checked_add_signed(Duration::days(off as i64)),
        Holiday::Election => {
            // The Tuesday after the first Monday of November.
            let first_monday = nth_weekday(y, 11, 1, 1)?;
            first_monday.checked_add_signed(Duration::days(1))
        }
        Holiday::NthWeekday { month, weekday, n } => nth_weekday(y, month, weekday, n),
        Holiday::Thanksgiving(off) => nth_weekday(y, 11, 4, 4)?.checked_add_signed(Duration::days(off as i64)),
    }
}

/// The `n`-th `weekday` (ISO) of a month; `n = -1` is the last.
pub fn nth_weekday(y: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        let first = ymd(y, month, 1)?;
        let delta = (weekday as i64 - iso_weekday(first) as i64).rem_euclid(7);
        let d = first.checked_add_signed(Duration::days(delta + 7 * (n as i64 - 1)))?;
        (d.month() == month).then_some(d)
    } else {
        let (ny, nm) = add_months(y, month, 1)?;
        let last = ymd(ny, nm, 1)?.pred_opt()?;
        let delta = (iso_weekday(last) as i64 - weekday as i64).rem_euclid(7);
        last.checked_sub_signed(Duration::days(delta))
    }
}

/// The first day of a date's period: for a date of month grain, the 1st of that month, etc.
/// The date must be resolved (year known, except for centuries and decades).
pub fn interval(d: &PartialDate) -> Option<(NaiveDateTime, NaiveDateTime, Grain)> {
    let grain = d.grain();
    let (start, end) = match grain {
        Grain::Century => {
            let c = d.century?;
            if c < 0 {
                // The fifth century B.C. (-5): 500 to 401 B.C., -499 to -400 as astronomers count.
                (ymd(c * 100 + 1, 1, 1)?, ymd(c * 100 + 101, 1, 1)?)
            } else {
                (ymd((c * 100).max(1), 1, 1)?, ymd(c * 100 + 100, 1, 1)?)
            }
        }
        Grain::Decade => {
            let dec = d.decade?;
            (ymd((dec * 10).max(1), 1, 1)?, ymd(dec * 10 + 10, 1, 1)?)
        }
        _ => day_span(d, grain)?,
    };
    let (mut s, mut e) = (midnight(start), midnight(end));
    if let Some(t) = &d.time {
        let (ts, te) = time_span(start, t)?;
        s = ts;
        e = te;
    }
    (s < e).then_some((s, e, grain))
}

/// The `[start, end)` days of a date of grain year or finer (without its time of day).
fn day_span(d: &PartialDate, grain: Grain) -> Option<(NaiveDate, NaiveDate)> {
    let y = d.year?;
    if let Some(w) = d.week {
        let mon = iso_week_monday(y, w)?;
        if d.weekend {
            let sat = mon.checked_add_signed(Duration::days(5))?;
            return Some((sat, sat.checked_add_signed(Duration::days(2))?));
        }
        if let Some(wd) = d.weekday {
            let day = mon.checked_add_signed(Duration::days(wd as i64 - 1))?;
            return Some((day, day.succ_opt()?));
        }
        return Some((mon, mon.checked_add_signed(Duration::days(7))?));
    }
    if let Some(h) = d.holiday {
        let day = holiday_date(h, y)?;
        return Some((day, day.succ_opt()?));
    }
    let months = |m: u32, n: i32| -> Option<(NaiveDate, NaiveDate)> {
        let (ey, em) = add_months(y, m, n)?;
        Some((ymd(y, m, 1)?, ymd(ey, em, 1)?))
    };
    match grain {
        Grain::Year => Some((ymd(y, 1, 1)?, ymd(y + 1, 1, 1)?)),
        Grain::Half => months((d.half? - 1) * 6 + 1, 6),
        Grain::Quarter => months((d.quarter? - 1) * 3 + 1, 3),
        Grain::Season => months(d.season?.first_month(), 3),
        Grain::Month => months(d.month?, 1),
        _ => {
            let day = ymd(y, d.month?, d.day?)?;
            Some((day, day.succ_opt()?))
        }
    }
}

/// The span of a time of day on a given day.
fn time_span(day: NaiveDate, t: &TimeOfDay) -> Option<(NaiveDateTime, NaiveDateTime)> {
    match *t {
        TimeOfDay::Part(p) => {
            let (h0, h1) = p.hours();
            let s = midnight(day) + Duration::hours(h0 as i64);
            Some((s, midnight(day) + Duration::hours(h1 as i64)))
        }
        TimeOfDay::Clock { hour, minute, second, .. } => {
            let s = midnight(day)
                + Duration::hours(hour as i64)
                + Duration::minutes(minute.unwrap_or(0) as i64)
                + Duration::seconds(second.unwrap_or(0) as i64);
            let len = match t.grain() {
                Grain::Second => Duration::seconds(1),
                Grain::Minute => Duration::minutes(1),
                _ => Duration::hours(1),
            };
            Some((s, s + len))
        }
    }
}

/// Narrows an interval to the part a position modifier names: the first, middle or last third (or
/// the first or second half), in whole months for whole months ("the end of 2025" is September to
/// December, "early 2024" January to April, "the second half of the '80s" 1985 to 1989) and in whole
/// days for whole days ("early January" is January 1 to 10, "the first half of November" November
/// 1 to 15).
pub fn narrow(start: NaiveDateTime, end: NaiveDateTime, m: Option<Mod>) -> (NaiveDateTime, NaiveDateTime) {
    let parts = match m {
        Some(Mod::Start | Mod::Mid | Mod::End) => 3,
        Some(Mod::FirstHalf | Mod::SecondHalf) => 2,
        _ => return (start, end),
    };
    let midnight = |t: NaiveDateTime| t.time() == NaiveTime::MIN;
    let months = |t: NaiveDateTime| t.year() * 12 + t.month0() as i32;
    let whole_months = midnight(start) && midnight(end) && start.day() == 1 && end.day() == 1;
    let n = months(end) - months(start);
    let (from_start, from_end) = if whole_months && n >= parts {
        let part = chrono::Months::new((n / parts) as u32);
        (start.checked_add_months(part), end.checked_sub_months(part))
    } else if midnight(start) && midnight(end) && (end - start).num_days() >= 3 {
        let part = Duration::days((end - start).num_days() / parts as i64);
        (Some(start + part), Some(end - part))
    } else {
        (Some(start + (end - start) / parts), Some(end - (end - start) / parts))
    };
    let (Some(from_start), Some(from_end)) = (from_start, from_end) else {
        return (start, end);
    };
    match m {
        Some(Mod::Start) => (start, from_start),
        Some(Mod::Mid) => (from_start, from_end),
        // The first half ends where the second begins (a 31-day month's first half has 16 days).
        Some(Mod::FirstHalf) => (start, from_end),
        _ => (from_end, end),
    }
}

/// `day` moved by `n` days, weeks, months or years (a month or year on keeps the day of the month,
/// or the month's last day where it has fewer); `None` for other units or out of range.
pub fn add_units(day: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months = |k: i32| {
        let m = chrono::Months::new(k.unsigned_abs());
        if k < 0 {
            day.checked_sub_months(m)
        } else {
            day.checked_add_months(m)
        }
    };
    match unit {
        Unit::Day => day.checked_add_signed(Duration::days(n as i64)),
        Unit::Week => day.checked_add_signed(Duration::weeks(n as i64)),
        Unit::Month => months(n),
        Unit::Year => months(n.checked_mul(12)?),
        _ => None,
    }
}

/// The period containing `day` at a unit's grain, shifted by `n` units, as a resolved date.
pub fn shift_period(day: NaiveDate, unit: Unit, n: i32) -> Option<PartialDate> {
    let mut p = PartialDate::default();
    let y = day.year();
    match unit {
        Unit::Century => p.century = Some(y.div_euclid(100) + n),
        Unit::Decade => p.decade = Some(y.div_euclid(10) + n),
        Unit::Year => p.year = Some(y.checked_add(n)?),
        Unit::Half => {
            let (ny, nm) = add_months(y, ((day.month() - 1) / 6) * 6 + 1, 6 * n)?;
            p.year = Some(ny);
            p.half = Some((nm - 1) / 6 + 1);
        }
        Unit::Quarter => {
            let (ny, nm) = add_months(y, ((day.month() - 1) / 3) * 3 + 1, 3 * n)?;
            p.year = Some(ny);
            p.quarter = Some((nm - 1) / 3 + 1);
        }
        Unit::Month => {
            let (ny, nm) = add_months(y, day.month(), n)?;
            p.year = Some(ny);
            p.month = Some(nm);
        }
        Unit::Week | Unit::Weekend => {
            let d = day.checked_add_signed(Duration::weeks(n as i64))?;
            let w = d.iso_week();
            p.year = Some(w.year());
            p.week = Some(w.week());
            p.weekend = unit == Unit::Weekend;
        }
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let d = if unit == Unit::Day { day.checked_add_signed(Duration::days(n as i64))? } else { day };
            p.year = Some(d.year());
            p.month = Some(d.month());
            p.day = Some(d.day());
        }
        Unit::Unstated => return None,
    }
    let y = p.year.unwrap_or(MIN_YEAR);
    (MIN_YEAR..=MAX_YEAR).contains(&y).then_some(p)
}

/// The season containing a date (winter belongs to the year of its December).
pub fn season_of(day: NaiveDate) -> (i32, Season) {
    match day.month() {
        3..=5 => (day.year(), Season::Spring),
        6..=8 => (day.year(), Season::Summer),
        9..=11 => (day.year(), Season::Fall),
        12 => (day.year(), Season::Winter),
        _ => (day.year() - 1, Season::Winter),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_and_floating_holidays() {
        assert_eq!(easter(2024), ymd(2024, 3, 31));
        assert_eq!(easter(2025), ymd(2025, 4, 20));
        assert_eq!(holiday_date(Holiday::NthWeekday { month: 11, weekday: 4, n: 4 }, 2024), ymd(2024, 11, 28));
        // Black Friday follows Thanksgiving even when it is November's fifth Friday (2019: Nov. 1 was one).
        assert_eq!(holiday_date(Holiday::Thanksgiving(1), 2019), ymd(2019, 11, 29));
        assert_eq!(holiday_date(Holiday::Thanksgiving(4), 2024), ymd(2024, 12, 2));
        assert_eq!(holiday_date(Holiday::NthWeekday { month: 5, weekday: 1, n: -1 }, 2024), ymd(2024, 5, 27));
        assert_eq!(holiday_date(Holiday::Election, 2024), ymd(2024, 11, 5));
    }

    #[test]
    fn intervals_are_half_open() {
        let d = PartialDate { year: Some(2023), season: Some(Season::Winter), ..Default::default() };
        let (s, e, g) = interval(&d).unwrap();
        assert_eq!((s.date(), e.date(), g), (ymd(2023, 12, 1).unwrap(), ymd(2024, 3, 1).unwrap(), Grain::Season));
    }
}

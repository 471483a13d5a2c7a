//! The typed intermediate value between the grammar and the resolver.
//!
//! The grammar turns text into a [`TemporalExpr`] that records only what the text states (its *known*
//! fields); the resolver fills in what is implied. The same value prints its unresolved TIMEX3 form
//! (`XXXX-11-19`) through [`PartialDate`]'s `Display`, and its resolved form once every field is known.
//! Nothing in this module looks at a reference date.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar unit, as used by offsets ("three days ago"), durations ("40 minutes") and sets ("weekly").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// 100 years.
    Century,
    /// 10 years.
    Decade,
    /// A calendar year.
    Year,
    /// Half a year (H1, H2).
    Half,
    /// A quarter (Q1..Q4).
    Quarter,
    /// A month.
    Month,
    /// An ISO week.
    Week,
    /// A weekend (Saturday and Sunday).
    Weekend,
    /// A day.
    Day,
    /// An hour.
    Hour,
    /// A minute.
    Minute,
    /// A second.
    Second,
    /// A length whose unit the text leaves open: "a while", "some time" (`PXX`). Durations only;
    /// nothing is counted in it.
    Unstated,
}

impl Unit {
    /// Parses the unit codes used in `data/en/units.txt` (`Y`, `M`, `W`, `D`, `h`, `m`, `s`, ...).
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "CE" => Unit::Century,
            "DE" => Unit::Decade,
            "Y" => Unit::Year,
            "H" => Unit::Half,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" | "2W" => Unit::Week,
            "WE" => Unit::Weekend,
            "D" => Unit::Day,
            "h" => Unit::Hour,
            "m" => Unit::Minute,
            "s" => Unit::Second,
            _ => return None,
        })
    }

    /// The grain of a date expressed in this unit ("last month" has month grain).
    pub fn grain(self) -> Grain {
        match self {
            Unit::Century => Grain::Century,
            Unit::Decade => Grain::Decade,
            Unit::Year => Grain::Year,
            Unit::Half => Grain::Half,
            Unit::Quarter => Grain::Quarter,
            Unit::Month => Grain::Month,
            Unit::Week | Unit::Weekend => Grain::Week,
            Unit::Day => Grain::Day,
            Unit::Hour => Grain::Hour,
            Unit::Minute => Grain::Minute,
            Unit::Second => Grain::Second,
            // Never a date's unit; the coarsest grain, should it be asked.
            Unit::Unstated => Grain::Century,
        }
    }

    /// True for units below a day, which TIMEX3 durations write after a `T` (`PT40M`).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }

    /// The designator a TIMEX3 duration uses for this unit, with the multiplier that converts a count
    /// of this unit into a count of the designator ("a decade" is `P10Y`).
    pub fn duration_designator(self) -> (&'static str, f64) {
        match self {
            Unit::Century => ("Y", 100.0),
            Unit::Decade => ("Y", 10.0),
            Unit::Year => ("Y", 1.0),
            Unit::Half => ("M", 6.0),
            Unit::Quarter => ("Q", 1.0),
            Unit::Month => ("M", 1.0),
            Unit::Week => ("W", 1.0),
            Unit::Weekend => ("WE", 1.0),
            Unit::Day => ("D", 1.0),
            Unit::Hour => ("H", 1.0),
            Unit::Minute => ("M", 1.0),
            Unit::Second => ("S", 1.0),
            Unit::Unstated => ("X", 1.0),
        }
    }
}

/// How precise a resolved date is: the finest field the text states or the resolver derived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grain {
    /// "the 21st century".
    Century,
    /// "the 1990s".
    Decade,
    /// "2022", "last year".
    Year,
    /// "the first half of 2024".
    Half,
    /// "the first quarter of 2024".
    Quarter,
    /// "summer 2023".
    Season,
    /// "May 2023", "last month".
    Month,
    /// "this week", "the weekend".
    Week,
    /// "January 6, 2021", "Monday".
    #[default]
    Day,
    /// "this morning", "Monday night".
    PartOfDay,
    /// "3 p.m.".
    Hour,
    /// "10:30 a.m.".
    Minute,
    /// "10:30:15".
    Second,
}

impl Grain {
    /// The lower-case name used in JSON ("part-of-day").
    pub fn name(self) -> &'static str {
        match self {
            Grain::Century => "century",
            Grain::Decade => "decade",
            Grain::Year => "year",
            Grain::Half => "half",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Month => "month",
            Grain::Week => "week",
            Grain::Day => "day",
            Grain::PartOfDay => "part-of-day",
            Grain::Hour => "hour",
            Grain::Minute => "minute",
            Grain::Second => "second",
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// SP
    Spring,
    /// SU
    Summer,
    /// FA
    Fall,
    /// WI
    Winter,
}

impl Season {
    /// Parses a TIMEX3 season code (`SP`, `SU`, `FA`, `WI`).
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// First month of the season (meteorological, northern hemisphere; winter starts in December).
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// MO
    Morning,
    /// AF
    Afternoon,
    /// EV
    Evening,
    /// NI
    Night,
}

impl PartOfDay {
    /// Parses a TIMEX3 part-of-day code.
    pub fn from_code(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }

    /// The hours `[start, end)` the part covers; night runs past midnight (end 30 = 6 a.m. next day).
    pub fn hours(self) -> (u32, u32) {
        match self {
            PartOfDay::Morning => (6, 12),
            PartOfDay::Afternoon => (12, 18),
            PartOfDay::Evening => (18, 22),
            PartOfDay::Night => (20, 30),
        }
    }
}

/// A time zone's offset from UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// Minutes from UTC.
    Fixed(i32),
    /// Standard-time minutes from UTC, one hour more while US daylight saving time is in force
    /// ("ET" is -05:00 in January and -04:00 in August).
    UsDaylight(i32),
}

/// A time of day stated by the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// A clock time; `minute`/`second` are `None` when not stated ("3 p.m." knows only the hour).
    Clock {
        /// 0..=24 (24 is midnight at the end of the day).
        hour: u32,
        /// Minutes, when stated.
        minute: Option<u32>,
        /// Seconds, when stated.
        second: Option<u32>,
        /// The zone, when stated ("9 p.m. ET").
        offset: Option<Zone>,
    },
    /// A part of the day ("this morning", "Monday night").
    Part(PartOfDay),
}

impl TimeOfDay {
    /// The grain this time gives a date.
    pub fn grain(&self) -> Grain {
        match self {
            TimeOfDay::Clock { second: Some(_), .. } => Grain::Second,
            TimeOfDay::Clock { minute: Some(_), .. } => Grain::Minute,
            TimeOfDay::Clock { .. } => Grain::Hour,
            TimeOfDay::Part(_) => Grain::PartOfDay,
        }
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_value(f)
    }
}

impl TimeOfDay {
    /// Writes the TIMEX3 time (`T15:00`, `TMO`, `T10:30-04:00`) to `f`: what `Display` prints. Generic
    /// over the writer so that a value written into a `String` skips the formatting machinery.
    fn write_value<W: fmt::Write>(&self, f: &mut W) -> fmt::Result {
        match *self {
            TimeOfDay::Part(p) => {
                f.write_str("T")?;
                f.write_str(p.code())
            }
            TimeOfDay::Clock { hour, minute, second, offset } => {
                // TIMEX3 always writes hour and minute ("T15:00" for "3 p.m.").
                padded(f, "T", hour.into(), 2)?;
                padded(f, ":", minute.unwrap_or(0).into(), 2)?;
                if let Some(s) = second {
                    padded(f, ":", s.into(), 2)?;
                }
                if let Some(zone) = offset {
                    // Unresolved US zones print their standard offset; the resolver fixes daylight time.
                    let off = match zone {
                        Zone::Fixed(m) | Zone::UsDaylight(m) => m,
                    };
                    if off == 0 {
                        f.write_str("Z")?;
                    } else {
                        let sign = if off < 0 { "-" } else { "+" };
                        let off = i64::from(off).abs();
                        padded(f, sign, off / 60, 2)?;
                        padded(f, ":", off % 60, 2)?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A holiday whose date the resolver computes for a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    /// A fixed month and day (Christmas: 12-25).
    Fixed {
        /// Month 1..=12.
        month: u32,
        /// Day 1..=31.
        day: u32,
    },
    /// The n-th given weekday of a month (Thanksgiving: 4th Thursday of November); `n = -1` is the last.
    NthWeekday {
        /// Month 1..=12.
        month: u32,
        /// ISO weekday 1..=7.
        weekday: u32,
        /// 1..=5, or -1 for the last.
        n: i32,
    },
    /// Days from Western Easter Sunday (Good Friday: -2).
    Easter(i32),
    /// US Election Day: the Tuesday after the first Monday of November.
    Election,
    /// Days from US Thanksgiving, the fourth Thursday of November (Black Friday: +1).
    Thanksgiving(i32),
}

/// Calendar fields the text states. Missing fields are implied and filled in by the resolver.
///
/// At most one of the sub-year fields (`half`, `quarter`, `season`, `month`, `week`) is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct PartialDate {
    /// Century number as TIMEX3 writes it ("the 21st century" is 20); a century before Christ is
    /// minus its ordinal ("the fifth century B.C." is -5, written "BC04").
    pub century: Option<i32>,
    /// Decade as TIMEX3 writes it ("the 1990s" is 199).
    pub decade: Option<i32>,
    /// The year, as astronomers count it: 1 B.C. is 0, 44 B.C. is -43 (written "BC0044").
    pub year: Option<i32>,
    /// A two-digit year ("'98", "12/25/98"), expanded by the resolver's policy.
    pub yy: Option<u32>,
    /// `yy` is the first year of a decade written with two digits ("the '90s").
    pub decade_yy: bool,
    /// A year stated relative to the reference year: "January this year" (0), "last year's third
    /// quarter" (-1).
    pub rel_year: Option<i32>,
    /// A month stated relative to the reference month: "the first Monday of next month" (1), "of
    /// this month" (0). The resolver sets the year and the month (or the holiday's month) from it.
    pub rel_month: Option<i32>,
    /// Half of the year, 1 or 2.
    pub half: Option<u32>,
    /// Quarter, 1..=4.
    pub quarter: Option<u32>,
    /// Season.
    pub season: Option<Season>,
    /// Month 1..=12.
    pub month: Option<u32>,
    /// ISO week number (with `year` as the ISO week-year).
    pub week: Option<u32>,
    /// The weekend of `week`.
    pub weekend: bool,
    /// The ISO week holding the day this date names: "the week of March 6", "Easter week".
    pub week_of: bool,
    /// A weekday, month or season counted from the story's date rather than the publication's:
    /// "the following Saturday", "the previous summer" (with shift `Next`/`Last`), "that December"
    /// (`This`).
    pub from_anchor: bool,
    /// Day of the month.
    pub day: Option<u32>,
    /// ISO weekday 1..=7 (Monday = 1), when stated.
    pub weekday: Option<u32>,
    /// A holiday, whose month and day the resolver computes.
    pub holiday: Option<Holiday>,
    /// A time of day.
    pub time: Option<TimeOfDay>,
}

impl PartialDate {
    /// The grain of the value this date prints: the finest field it holds.
    pub fn grain(&self) -> Grain {
        if let Some(t) = &self.time {
            return t.grain();
        }
        if self.week_of {
            return Grain::Week;
        }
        if self.day.is_some() || self.holiday.is_some() || (self.weekday.is_some() && self.week.is_none()) {
            return Grain::Day;
        }
        if self.week.is_some() {
            return if self.weekday.is_some() { Grain::Day } else { Grain::Week };
        }
        if self.month.is_some() {
            return Grain::Month;
        }
        if self.season.is_some() {
            return Grain::Season;
        }
        if self.quarter.is_some() {
            return Grain::Quarter;
        }
        if self.half.is_some() {
            return Grain::Half;
        }
        if self.decade_yy {
            return Grain::Decade;
        }
        if self.year.is_some() || self.yy.is_some() {
            return Grain::Year;
        }
        if self.decade.is_some() {
            return Grain::Decade;
        }
        if self.century.is_some() {
            return Grain::Century;
        }
        Grain::Day
    }

    /// True when the text gives a day but no month or week ("the 12th").
    pub fn is_day_only(&self) -> bool {
        self.day.is_some() && self.month.is_none()
    }

    /// True when the text gives a month and a day and nothing of the year, nor a time ("Nov. 22",
    /// "Thursday, Nov. 22").
    pub fn is_month_day_only(&self) -> bool {
        self.month.is_some()
            && self.day.is_some()
            && self.year.is_none()
            && self.yy.is_none()
            && self.rel_year.is_none()
            && self.rel_month.is_none()
            && self.decade.is_none()
            && self.century.is_none()
            && !self.from_anchor
            && self.time.is_none()
    }
}

/// Writes `n` in decimal ASCII digits at the end of `digits` and returns where they start: the
/// digits of values here, and of ids and integers in the JSON writer.
pub fn decimal_digits(mut n: u64, digits: &mut [u8; 20]) -> usize {
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return i;
        }
    }
}

/// The two-digit decimal forms of 0 to 99, one after the other: `"00"`, `"01"`, ... `"99"`.
pub(crate) const PAIRS: &str = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";

/// The two digits of `n` (below 100), zero-padded, from [`PAIRS`].
#[inline]
fn pair(n: usize) -> &'static str {
    &PAIRS[2 * n..2 * n + 2]
}

/// Writes `prefix`, then `n` in decimal zero-padded to `width` digits: what `write!(f,
/// "{prefix}{n:0width$}")` writes, without the formatting machinery for the usual non-negative
/// number (a value is printed for every dated mention). The usual widths (a day, a month, an hour:
/// two digits; a year: four) take their digits from a table of pairs, without a division per digit.
pub(crate) fn padded<W: fmt::Write>(f: &mut W, prefix: &str, n: i64, width: usize) -> fmt::Result {
    if n < 0 {
        return padded_other(f, prefix, n, width);
    }
    match (width, n as u64) {
        (1, k @ 0..=9) => {
            f.write_str(prefix)?;
            f.write_str(&pair(k as usize)[1..])
        }
        (2, k @ 0..=99) => {
            f.write_str(prefix)?;
            f.write_str(pair(k as usize))
        }
        (4, k @ 0..=9999) => {
            f.write_str(prefix)?;
            f.write_str(pair(k as usize / 100))?;
            f.write_str(pair(k as usize % 100))
        }
        _ => padded_other(f, prefix, n, width),
    }
}

/// [`padded`] of a negative number or one of another width: out of line (cold), so that the
/// usual widths save fewer registers.
#[cold]
#[inline(never)]
fn padded_other<W: fmt::Write>(f: &mut W, prefix: &str, n: i64, width: usize) -> fmt::Result {
    if n < 0 {
        return write!(f, "{prefix}{n:0width$}");
    }
    f.write_str(prefix)?;
    // Zeros before the digits pad them.
    let mut digits = [b'0'; 20];
    let start = decimal_digits(n as u64, &mut digits).min(digits.len().saturating_sub(width));
    // ASCII digits: always UTF-8.
    f.write_str(std::str::from_utf8(&digits[start..]).map_err(|_| fmt::Error)?)
}

impl fmt::Display for PartialDate {
    /// Prints the TIMEX3 value; unknown fields print as `X` (`XXXX-11-19`, `XXXX-WXX-1`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_value(f)
    }
}

impl PartialDate {
    /// Appends the TIMEX3 value to `out`: what [`PartialDate::write_value`] writes. A resolved date
    /// is most often a year of four digits with a month and a day, or fewer of them
    /// ("2024-08-13", "2024-08", "2024"): those bytes are set in place and appended at once (written
    /// piece by piece, each of up to five pieces grew the string on its own); a time after them is
    /// written as usual, and any other date as `write_value` writes it.
    pub fn push_value(&self, out: &mut String) {
        let plain = self.week.is_none()
            && !self.week_of
            && self.quarter.is_none()
            && self.half.is_none()
            && self.season.is_none()
            && (self.month.is_some()
                || (self.day.is_none() && !self.weekend && self.weekday.is_none() && self.holiday.is_none()));
        match (self.year, self.month, self.day) {
            (Some(y @ 1..=9999), m, d) if plain && m.is_none_or(|m| m <= 99) && d.is_none_or(|d| d <= 99) => {
                let mut bytes = *b"0000-00-00";
                let (y, m, d) = (y as usize, m.map(|m| m as usize), d.map(|d| d as usize));
                bytes[..2].copy_from_slice(pair(y / 100).as_bytes());
                bytes[2..4].copy_from_slice(pair(y % 100).as_bytes());
                let len = match (m, d) {
                    (Some(m), d) => {
                        bytes[5..7].copy_from_slice(pair(m).as_bytes());
                        match d {
                            Some(d) => {
                                bytes[8..].copy_from_slice(pair(d).as_bytes());
                                10
                            }
                            None => 7,
                        }
                    }
                    // `plain` holds no day without a month.
                    (None, _) => 4,
                };
                // SAFETY: `bytes` holds ASCII digits and dashes only, which are UTF-8. (Checked, the
                // conversion was a call that cost more than the pieces it saved.)
                out.push_str(unsafe { std::str::from_utf8_unchecked(&bytes[..len]) });
                if let Some(t) = &self.time {
                    // Writing into a `String` cannot fail.
                    let _ = t.write_value(out);
                }
            }
            _ => {
                // Writing into a `String` cannot fail.
                let _ = self.write_value(out);
            }
        }
    }

    /// Writes the TIMEX3 value (what `Display` prints) to `f`. Generic over the writer so that the
    /// resolver, which writes a value into a `String` for every dated mention, calls it directly
    /// instead of through `format_args!` and a `Formatter`.
    pub fn write_value<W: fmt::Write>(&self, f: &mut W) -> fmt::Result {
        if self.year.is_none() && self.month.is_none() && self.week.is_none() {
            if let Some(d) = self.decade {
                return padded(f, "", d.into(), 3);
            }
            // A century before Christ is held as minus its number: "the fifth century B.C." (-5) is
            // "BC04", as "the fifth century" is "04".
            if let Some(c) = self.century {
                return if c < 0 { padded(f, "BC", (-c - 1).into(), 2) } else { padded(f, "", c.into(), 2) };
            }
        }
        match self.year {
            Some(y) if y > 0 => padded(f, "", y.into(), 4)?,
            // Years before Christ are held as astronomers count them (1 B.C. is 0, 44 B.C. is -43)
            // and written as TIMEX3 does: "BC0044".
            Some(y) => padded(f, "BC", 1 - i64::from(y), 4)?,
            None if self.decade_yy => return write!(f, "XX{}", self.yy.unwrap_or(0) / 10),
            None => match (self.yy, self.rel_year) {
                (Some(yy), _) => padded(f, "XX", yy.into(), 2)?,
                (None, Some(k)) => write!(f, "Y{k:+}")?,
                (None, None) => f.write_str("XXXX")?,
            },
        }
        if self.week_of && self.week.is_none() {
            return f.write_str(if self.weekend { "-WXX-WE" } else { "-WXX" });
        }
        if let Some(w) = self.week {
            padded(f, "-W", w.into(), 2)?;
            if self.weekend {
                f.write_str("-WE")?;
            } else if let Some(d) = self.weekday {
                padded(f, "-", d.into(), 1)?;
            }
        } else if let Some(q) = self.quarter {
            padded(f, "-Q", q.into(), 1)?;
        } else if let Some(h) = self.half {
            padded(f, "-H", h.into(), 1)?;
        } else if let Some(s) = self.season {
            f.write_str("-")?;
            f.write_str(s.code())?;
        } else if let Some(m) = self.month {
            padded(f, "-", m.into(), 2)?;
            if let Some(d) = self.day {
                padded(f, "-", d.into(), 2)?;
            }
        } else if let Some(d) = self.day {
            padded(f, "-XX-", d.into(), 2)?;
        } else if self.weekend {
            f.write_str("-WXX-WE")?;
        } else if let Some(d) = self.weekday {
            padded(f, "-WXX-", d.into(), 1)?;
        } else if self.holiday.is_some() {
            f.write_str("-XX-XX")?;
        }
        if let Some(t) = &self.time {
            t.write_value(f)?;
        }
        Ok(())
    }
}

/// Which occurrence a named date refers to ("last November", "next Monday", "this summer").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Shift {
    /// No determiner: the resolver decides by tense ("Monday", "November").
    #[default]
    Bare,
    /// "this": the occurrence in the current enclosing period.
    This,
    /// "last"/"past"/"previous": the latest occurrence before the reference.
    Last,
    /// "next"/"coming"/"upcoming": the first occurrence after the reference.
    Next,
}

/// What an offset counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The reference (publication) date: "yesterday", "last month", "three days ago".
    Reference,
    /// The most recent date mentioned before, else the reference: "the next day", "two days later".
    Narrative,
    /// The period a report is about: the latest quarter mentioned before, else the last completed
    /// one ("the quarter" in an earnings story).
    Reported,
    /// The reported quarter's counterpart in a stated year: "the 1988 quarter", "the 1989 period".
    ReportedIn(i32),
    /// The reference's day in a stated year: "on this day in 1969".
    InYear(i32),
    /// The unit's period that turns next, or the one that has just turned: "in the new year" is
    /// next year from March on, this year in January and February or in a past clause ("since the
    /// new year").
    Turning,
    /// The publication's year, or the one before or after, whichever puts the middle or end the
    /// expression names (its modifier) on the side of the publication date its clause tells: the
    /// past (or after "since", `true`) or the future. "since year-end" in November is the end of
    /// last year; "a recovery by midyear" in October is the middle of next year.
    Edge(bool),
}

/// A counted amount of a unit ("three", "a", "several").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// A stated number ("40", "two and a half").
    Exact(f64),
    /// An unstated number ("years", "several weeks", "a few days").
    Some,
}

/// The TIMEX3 `mod` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mod {
    /// "early 2024", "the beginning of May".
    Start,
    /// "mid-2023".
    Mid,
    /// "late May", "the end of the year".
    End,
    /// "the first half of November": written `START` like [`Mod::Start`], but the part is the
    /// first half of the period rather than its first third.
    #[serde(rename(serialize = "START", deserialize = "FIRST_HALF"))]
    FirstHalf,
    /// "the second half of the month", "the latter half of the '80s": written `END`, the second
    /// half of the period.
    #[serde(rename(serialize = "END", deserialize = "SECOND_HALF"))]
    SecondHalf,
    /// "about three years".
    Approx,
    /// "more than 40 minutes".
    MoreThan,
    /// "less than a year", "nearly two weeks".
    LessThan,
    /// "at least five days".
    EqualOrMore,
    /// "up to a year".
    EqualOrLess,
    /// "before 2020".
    Before,
    /// "after 2020".
    After,
}

impl Mod {
    /// Every modifier (for tests that go through them all).
    pub const ALL: [Mod; 12] = [
        Mod::Start,
        Mod::Mid,
        Mod::End,
        Mod::FirstHalf,
        Mod::SecondHalf,
        Mod::Approx,
        Mod::MoreThan,
        Mod::LessThan,
        Mod::EqualOrMore,
        Mod::EqualOrLess,
        Mod::Before,
        Mod::After,
    ];

    /// Parses the names used in the lexicon (`MORE_THAN`, `START`, ...; `FIRST_HALF` and
    /// `SECOND_HALF` are the lexicon's own, for the halves of a period).
    pub fn from_name(name: &str) -> Option<Mod> {
        Some(match name {
            "START" => Mod::Start,
            "MID" => Mod::Mid,
            "END" => Mod::End,
            "FIRST_HALF" => Mod::FirstHalf,
            "SECOND_HALF" => Mod::SecondHalf,
            "APPROX" => Mod::Approx,
            "MORE_THAN" => Mod::MoreThan,
            "LESS_THAN" => Mod::LessThan,
            "EQUAL_OR_MORE" => Mod::EqualOrMore,
            "EQUAL_OR_LESS" => Mod::EqualOrLess,
            "BEFORE" => Mod::Before,
            "AFTER" => Mod::After,
            _ => return None,
        })
    }

    /// The TIMEX3 spelling.
    pub fn name(self) -> &'static str {
        match self {
            Mod::Start | Mod::FirstHalf => "START",
            Mod::Mid => "MID",
            Mod::End | Mod::SecondHalf => "END",
            Mod::Approx => "APPROX",
            Mod::MoreThan => "MORE_THAN",
            Mod::LessThan => "LESS_THAN",
            Mod::EqualOrMore => "EQUAL_OR_MORE",
            Mod::EqualOrLess => "EQUAL_OR_LESS",
            Mod::Before => "BEFORE",
            Mod::After => "AFTER",
        }
    }
}

/// A vague reference to the present, past or future.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// PRESENT_REF: "now", "currently".
    Present,
    /// PAST_REF: "recently", "in the past".
    Past,
    /// FUTURE_REF: "soon", "the future".
    Future,
}

impl RefKind {
    /// Parses `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.
    pub fn from_value(v: &str) -> Option<RefKind> {
        Some(match v {
            "PRESENT_REF" => RefKind::Present,
            "PAST_REF" => RefKind::Past,
            "FUTURE_REF" => RefKind::Future,
            _ => return None,
        })
    }

    /// The TIMEX3 value.
    pub fn value(self) -> &'static str {
        match self {
            RefKind::Present => "PRESENT_REF",
            RefKind::Past => "PAST_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// An unresolved temporal expression: what the text states, before any reference date is applied.
#[derive(Debug, Clone, PartialEq)]
pub enum TemporalExpr {
    /// Calendar fields, possibly underspecified: "January 6, 2021", "May", "Monday", "the 1990s",
    /// "summer 2023", "Christmas", "3 p.m.", "last November" (shift `Last`).
    Date {
        /// The stated fields.
        date: PartialDate,
        /// "this", "last", "next", or none.
        shift: Shift,
    },
    /// A whole unit counted from an anchor: "yesterday" (day, -1), "last month" (month, -1),
    /// "three days ago" (day, -3), "this week" (week, 0), "the next day" (day, +1, narrative).
    Offset {
        /// The unit counted, which is also the grain of the value.
        unit: Unit,
        /// How many units; negative is earlier.
        offset: i32,
        /// What the offset counts from.
        anchor: Anchor,
        /// A part of day or clock time ("tonight", "yesterday morning").
        time: Option<TimeOfDay>,
        /// Written as a count of units ("a year ago", "a year earlier", "year-earlier"), not as a named
        /// period ("last year"): in a report about a quarter, a counted year keeps the quarter.
        counted: bool,
    },
    /// A length of time: "40 minutes", "three years", "years". `future` marks the "in two years" form,
    /// which is a date when its clause is about the future and a duration otherwise.
    Duration {
        /// How many.
        amount: Amount,
        /// Of what.
        unit: Unit,
        /// Written "in N units".
        future: bool,
    },
    /// A recurring time: "every Monday", "annually", "twice a month".
    Set {
        /// The period's value ("P1W", "XXXX-WXX-1").
        value: String,
        /// TIMEX3 quant ("EVERY", "EACH").
        quant: Option<&'static str>,
        /// TIMEX3 freq ("2X").
        freq: Option<String>,
    },
    /// A vague reference: "now", "recently", "the future".
    Reference(RefKind),
}

/// A grammar match: the expression plus the modifier the text put on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What was stated.
    pub kind: TemporalExpr,
    /// "more than", "early", "mid-", ...
    pub modifier: Option<Mod>,
}

impl Expr {
    /// An expression without modifier.
    pub fn new(kind: TemporalExpr) -> Expr {
        Expr { kind, modifier: None }
    }

    /// A clock time with no day, month, year, weekday or holiday ("3 p.m.", "noon").
    pub fn is_time_only(&self) -> bool {
        matches!(&self.kind, TemporalExpr::Date { date, .. } if date.time.is_some() && date.year.is_none()
            && date.month.is_none() && date.day.is_none() && date.weekday.is_none() && date.holiday.is_none())
    }

    /// The unresolved TIMEX3-like form, for `--explain` and rule examples (`XXXX-11-19`, `OFFSET-M-1`).
    pub fn unresolved(&self) -> String {
        match &self.kind {
            TemporalExpr::Date { date, shift } => match shift {
                Shift::Bare => date.to_string(),
                s => format!("{date}~{s:?}").to_ascii_uppercase(),
            },
            TemporalExpr::Offset { unit, offset, anchor, time, .. } => {
                let a = match anchor {
                    Anchor::Reference => "REF".to_string(),
                    Anchor::Narrative => "ANCHOR".to_string(),
                    Anchor::Reported => "REPORTED".to_string(),
                    Anchor::ReportedIn(y) => format!("REPORTED@{y}"),
                    Anchor::InYear(y) => format!("REF@{y}"),
                    Anchor::Turning => "TURNING".to_string(),
                    Anchor::Edge(_) => "EDGE".to_string(),
                };
                let t = time.map(|t| t.to_string()).unwrap_or_default();
                format!("{a}{offset:+}{unit:?}{t}")
            }
            TemporalExpr::Duration { amount, unit, .. } => duration_value(*amount, *unit),
            TemporalExpr::Set { value, .. } => value.clone(),
            TemporalExpr::Reference(r) => r.value().to_string(),
        }
    }
}

/// The unit a fraction of `unit` is written in: its designator, how many of it make one `unit`,
/// the separator before it and the unit itself ("2 1/2 years" is P2Y6M, "1 1/2 days" P1DT12H).
fn smaller_unit(unit: Unit) -> Option<(&'static str, f64, &'static str, Unit)> {
    match unit {
        Unit::Year | Unit::Decade | Unit::Century => Some(("M", 12.0, "", Unit::Month)),
        Unit::Day => Some(("H", 24.0, "T", Unit::Hour)),
        Unit::Hour => Some(("M", 60.0, "", Unit::Minute)),
        Unit::Minute => Some(("S", 60.0, "", Unit::Second)),
        _ => None,
    }
}

/// Appends the whole number `n` to a duration value (`padded` writes to a `String` without failing).
fn push_count(out: &mut String, n: i64) {
    let _ = padded(out, "", n, 1);
}

/// Writes the fraction `frac` of one `unit` in the smaller units after it, each whole count with
/// its designator, down to the unit where it comes out whole ("eight days, three hours and 18
/// minutes": 0.1375 of a day is T3H18M). `None` when no smaller unit makes it whole.
fn write_smaller(out: &mut String, mut frac: f64, mut unit: Unit) -> Option<()> {
    // Below the first smaller unit, sums of fractions carry rounding errors: a looser test.
    let mut tolerance = 1e-9;
    loop {
        let (designator, k, sep, smaller) = smaller_unit(unit)?;
        let v = frac * k;
        let whole = (v - v.round()).abs() < tolerance;
        let n = if whole { v.round() } else { v.trunc() };
        out.push_str(sep);
        if n != 0.0 {
            push_count(out, n as i64);
            out.push_str(designator);
        }
        if whole {
            return Some(());
        }
        (frac, unit, tolerance) = (v.fract(), smaller, 1e-6);
    }
}

/// The TIMEX3 value of a duration: `P3Y`, `PT40M`, `PXY`, `P10Y` for a decade, `P1.5Y`.
pub fn duration_value(amount: Amount, unit: Unit) -> String {
    let mut out = String::with_capacity(16);
    write_duration_value(&mut out, amount, unit);
    out
}

/// [`duration_value`] written over `out` (cleared first), a buffer to reuse.
pub fn write_duration_value(out: &mut String, amount: Amount, unit: Unit) {
    let (designator, factor) = unit.duration_designator();
    let t = if unit.is_clock() { "T" } else { "" };
    // Written piece by piece, whole numbers with [`padded`], as `format!` wrote them: each
    // duration mention has its value written, and the formatting machinery cost about 800
    // instructions a value. (A fraction that stays one is still written by `write!`.)
    out.clear();
    out.push('P');
    out.push_str(t);
    match amount {
        Amount::Some => out.push('X'),
        Amount::Exact(n) => {
            let v = n * factor;
            if (v - v.round()).abs() < 1e-9 {
                push_count(out, v.round() as i64);
            } else {
                // A fraction goes to the next smaller unit when it comes out whole there:
                // "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
                // "eight days, three hours and 18 minutes" is P8DT3H18M, down two units.
                let (whole, frac) = (v.trunc(), v.fract());
                if whole != 0.0 {
                    push_count(out, whole as i64);
                    out.push_str(designator);
                }
                if write_smaller(out, frac, unit).is_none() {
                    use std::fmt::Write as _;
                    out.clear();
                    // (Writing into a `String` cannot fail.)
                    let _ = write!(out, "P{t}{v}{designator}");
                }
                return;
            }
        }
    }
    out.push_str(designator);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clock time prints as the format strings it replaced wrote it.
    #[test]
    fn clock_times_are_written_as_format_wrote_them() {
        for hour in [0u32, 5, 9, 10, 23, 24, 99, 100] {
            for minute in [None, Some(0u32), Some(7), Some(30), Some(59)] {
                for second in [None, Some(0u32), Some(5), Some(45)] {
                    for offset in [None, Some(Zone::Fixed(0)), Some(Zone::Fixed(-240)), Some(Zone::UsDaylight(330))] {
                        let t = TimeOfDay::Clock { hour, minute, second, offset };
                        let mut want = format!("T{:02}:{:02}", hour, minute.unwrap_or(0));
                        if let Some(s) = second {
                            want += &format!(":{s:02}");
                        }
                        match offset {
                            Some(Zone::Fixed(0)) => want += "Z",
                            Some(Zone::Fixed(m) | Zone::UsDaylight(m)) => {
                                let sign = if m < 0 { '-' } else { '+' };
                                want += &format!("{}{:02}:{:02}", sign, m.abs() / 60, m.abs() % 60);
                            }
                            None => {}
                        }
                        assert_eq!(t.to_string(), want);
                    }
                }
            }
        }
        assert_eq!(TimeOfDay::Part(PartOfDay::Morning).to_string(), "TMO");
    }

    /// `padded` writes what the format string it replaces writes.
    #[test]
    fn padded_numbers_are_written_as_format_writes_them() {
        struct P(&'static str, i64, usize);
        impl fmt::Display for P {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                padded(f, self.0, self.1, self.2)
            }
        }
        for n in [0i64, 1, 7, 9, 10, 42, 99, 100, 199, 999, 1000, 2024, 9999, 10000, 123456, u32::MAX as i64, -1, -42] {
            for width in 1..=5 {
                assert_eq!(P("-W", n, width).to_string(), format!("-W{n:0width$}"), "{n} {width}");
            }
        }
    }

    /// `push_value` appends what `write_value` writes, on its fast path ("2024-08-13") and off it.
    #[test]
    fn pushed_values_are_the_written_ones() {
        let clock = TimeOfDay::Clock { hour: 9, minute: Some(5), second: None, offset: Some(Zone::Fixed(-240)) };
        let base = PartialDate { year: Some(2024), ..Default::default() };
        let dates = [
            base,
            PartialDate { month: Some(8), ..base },
            PartialDate { month: Some(8), day: Some(13), ..base },
            PartialDate { month: Some(8), day: Some(13), time: Some(clock), ..base },
            PartialDate { year: Some(7), month: Some(1), day: Some(2), ..base },
            PartialDate { year: Some(0), ..base },
            PartialDate { year: Some(-43), month: Some(3), day: Some(15), ..base },
            PartialDate { day: Some(13), ..base },
            PartialDate { weekday: Some(2), ..base },
            PartialDate { week: Some(33), weekend: true, ..base },
            PartialDate { week_of: true, month: Some(3), day: Some(6), ..base },
            PartialDate { quarter: Some(3), ..base },
            PartialDate { season: Some(Season::Summer), ..base },
            PartialDate { holiday: Some(Holiday::Election), ..base },
            PartialDate { year: None, month: Some(11), day: Some(19), ..base },
            PartialDate { year: None, decade: Some(199), ..base },
        ];
        for d in dates {
            let mut pushed = String::from("x");
            d.push_value(&mut pushed);
            assert_eq!(pushed, format!("x{d}"), "{d:?}");
        }
    }

    #[test]
    fn partial_dates_print_unknown_fields_as_x() {
        let d = PartialDate { month: Some(11), day: Some(19), ..Default::default() };
        assert_eq!(d.to_string(), "XXXX-11-19");
        let w = PartialDate { weekday: Some(1), ..Default::default() };
        assert_eq!(w.to_string(), "XXXX-WXX-1");
        let dec = PartialDate { decade: Some(199), ..Default::default() };
        assert_eq!(dec.to_string(), "199");
    }

    /// `duration_value` writes what the format strings it replaced wrote, for every unit and
    /// amounts whole, fractional, negative, large and unstated.
    #[test]
    fn durations_are_written_as_format_wrote_them() {
        fn by_format(amount: Amount, unit: Unit) -> String {
            let (designator, factor) = unit.duration_designator();
            let t = if unit.is_clock() { "T" } else { "" };
            match amount {
                Amount::Some => format!("P{t}X{designator}"),
                Amount::Exact(n) => {
                    let v = n * factor;
                    if (v - v.round()).abs() < 1e-9 {
                        return format!("P{t}{}{designator}", v.round() as i64);
                    }
                    // Down the smaller units until the fraction comes out whole in one.
                    let (whole, mut frac) = (v.trunc(), v.fract());
                    let mut out = format!("P{t}");
                    if whole != 0.0 {
                        out += &format!("{}{designator}", whole as i64);
                    }
                    let (mut at, mut tolerance) = (unit, 1e-9);
                    loop {
                        let Some((d, k, sep, smaller)) = smaller_unit(at) else {
                            return format!("P{t}{v}{designator}");
                        };
                        let x = frac * k;
                        let done = (x - x.round()).abs() < tolerance;
                        let part = if done { x.round() } else { x.trunc() } as i64;
                        out += sep;
                        if part != 0 {
                            out += &format!("{part}{d}");
                        }
                        if done {
                            return out;
                        }
                        (frac, at, tolerance) = (x.fract(), smaller, 1e-6);
                    }
                }
            }
        }
        let units = [
            Unit::Century,
            Unit::Decade,
            Unit::Year,
            Unit::Half,
            Unit::Quarter,
            Unit::Month,
            Unit::Week,
            Unit::Weekend,
            Unit::Day,
            Unit::Hour,
            Unit::Minute,
            Unit::Second,
            Unit::Unstated,
        ];
        let mut amounts = vec![Amount::Some];
        for n in [0.0, 1.0, 2.0, 9.0, 10.0, 12.0, 99.0, 100.0, 1000.0, 123456.0, 1e12, -1.0, -7.0, -0.5, -2.5] {
            amounts.push(Amount::Exact(n));
        }
        for k in 1..=40 {
            amounts.push(Amount::Exact(f64::from(k) / 4.0));
            amounts.push(Amount::Exact(f64::from(k) / 3.0));
            amounts.push(Amount::Exact(f64::from(k) * 0.1));
        }
        for unit in units {
            for &amount in &amounts {
                assert_eq!(duration_value(amount, unit), by_format(amount, unit), "{amount:?} {unit:?}");
            }
        }
    }

    #[test]
    fn durations_use_timex3_designators() {
        assert_eq!(duration_value(Amount::Exact(40.0), Unit::Minute), "PT40M");
        assert_eq!(duration_value(Amount::Exact(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Amount::Some, Unit::Year), "PXY");
        assert_eq!(duration_value(Amount::Exact(1.5), Unit::Year), "P1Y6M");
        assert_eq!(duration_value(Amount::Exact(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Amount::Exact(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Amount::Exact(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration_value(Amount::Exact(1.5), Unit::Week), "P1.5W");
    }
}

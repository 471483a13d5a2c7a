//! The reference: the publication date (document creation time) that relative expressions resolve
//! against, as a date or a datetime with UTC offset.

use crate::error::Error;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use std::fmt;
use std::str::FromStr;

/// The publication date of a document: `2024-08-13` or `2024-08-13T09:00:00-04:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The calendar date.
    pub date: NaiveDate,
    /// The local time and UTC offset, when given.
    pub time: Option<(NaiveTime, FixedOffset)>,
}

impl Reference {
    /// A reference that is only a date.
    pub fn from_date(date: NaiveDate) -> Reference {
        Reference { date, time: None }
    }
}

impl FromStr for Reference {
    type Err = Error;

    /// Parses `YYYY-MM-DD` or an RFC 3339 datetime (`2024-08-13T09:00:00-04:00`). Years 1..=9999 only.
    fn from_str(s: &str) -> Result<Reference, Error> {
        let s = s.trim();
        let bad = || Error::BadDate {
            input: s.to_string(),
            reason: "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM with a year from 1 to 9999".into(),
        };
        let r = if s.len() <= 10 {
            // chrono accepts "+10000-01-01" and one-digit months; demand the plain form.
            let b = s.as_bytes();
            if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
                return Err(bad());
            }
            // All digits (the usual case, once per document in a batch): read directly, as
            // chrono's `%Y-%m-%d` reads them; anything else is left to chrono.
            let digits = |r: std::ops::Range<usize>| {
                b[r].iter().try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0')))
            };
            let date = match (digits(0..4), digits(5..7), digits(8..10)) {
                (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?,
                _ => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?,
            };
            Reference::from_date(date)
        } else {
            let dt = DateTime::<FixedOffset>::parse_from_rfc3339(s).map_err(|_| bad())?;
            Reference { date: dt.date_naive(), time: Some((dt.time(), *dt.offset())) }
        };
        use chrono::Datelike;
        if !(1..=9999).contains(&r.date.year()) {
            return Err(bad());
        }
        Ok(r)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_value(f)
    }
}

impl Reference {
    /// Writes the reference as `Display` prints it (`2024-08-13`, `2024-08-13T09:00:00-04:00`).
    /// Generic over the writer so that the batch mode, which writes it once per document into a
    /// `String`, calls it directly instead of through `format_args!` and a `Formatter`.
    pub fn write_value<W: fmt::Write>(&self, f: &mut W) -> fmt::Result {
        use crate::expr::padded;
        use chrono::{Datelike, Timelike};
        let d = self.date;
        // Years of four digits as chrono's `%Y-%m-%d` writes them, without parsing its format
        // string each time (once per document in a batch); others (signs, five digits) by chrono.
        if (0..=9999).contains(&d.year()) {
            padded(f, "", d.year().into(), 4)?;
            padded(f, "-", d.month().into(), 2)?;
            padded(f, "-", d.day().into(), 2)?;
        } else {
            write!(f, "{}", d.format("%Y-%m-%d"))?;
        }
        match self.time {
            None => Ok(()),
            // A leap second is written as chrono writes it.
            Some((t, off)) if t.nanosecond() >= 1_000_000_000 => write!(f, "T{}{}", t.format("%H:%M:%S"), off),
            Some((t, off)) => {
                padded(f, "T", t.hour().into(), 2)?;
                padded(f, ":", t.minute().into(), 2)?;
                padded(f, ":", t.second().into(), 2)?;
                write!(f, "{off}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_datetimes() {
        let r: Reference = "2024-08-13".parse().unwrap();
        assert_eq!(r.to_string(), "2024-08-13");
        let r: Reference = "2024-08-13T09:00:00-04:00".parse().unwrap();
        assert_eq!(r.to_string(), "2024-08-13T09:00:00-04:00");
        // Written as chrono writes them, read as chrono reads them.
        for s in ["0001-01-01", "0999-12-31", "2024-02-29", "9999-12-31T23:59:59+05:30", "2024-08-13T00:00:00Z"] {
            let r: Reference = s.parse().unwrap();
            let by_chrono = match r.time {
                None => r.date.format("%Y-%m-%d").to_string(),
                Some((t, off)) => format!("{}T{}{}", r.date.format("%Y-%m-%d"), t.format("%H:%M:%S"), off),
            };
            assert_eq!(r.to_string(), by_chrono);
        }
        for bad in ["2023-02-29", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-011", "+024-01-01", "2024-01-1a"] {
            assert_eq!(
                bad.parse::<Reference>().is_ok(),
                NaiveDate::parse_from_str(bad, "%Y-%m-%d").is_ok_and(|d| chrono::Datelike::year(&d) >= 1),
                "{bad}"
            );
        }
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2024-02-30", "tomorrow", "13/13/2024", "0000-01-01", "10000-01-01", "2024-1-1"] {
            assert!(bad.parse::<Reference>().is_err(), "{bad} should be refused");
        }
    }
}

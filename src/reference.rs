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
            Reference::from_date(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?)
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
        match self.time {
            None => write!(f, "{}", self.date.format("%Y-%m-%d")),
            Some((t, off)) => write!(f, "{}T{}{}", self.date.format("%Y-%m-%d"), t.format("%H:%M:%S"), off),
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
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2024-02-30", "tomorrow", "13/13/2024", "0000-01-01", "10000-01-01", "2024-1-1"] {
            assert!(bad.parse::<Reference>().is_err(), "{bad} should be refused");
        }
    }
}

//! What every extraction result must satisfy, whatever the input: spans slice the text exactly on
//! character boundaries, values follow the TIMEX3 value grammar and name dates that exist, intervals
//! are non-empty, ids are consistent. Shared by the property tests (`tests/properties.rs`) and the
//! fuzz targets (`fuzz/`, which include this file by path).

#![allow(dead_code)]

use chrono::NaiveDate;
use chronoline::Timeline;
use regex::Regex;
use std::sync::OnceLock;

/// The TIMEX3 values chronoline may write, as one anchored regex with named groups for the fields
/// that need a calendar check.
///
/// - dates: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-Www-D`, `YYYY-Www-WE`, `YYYY-Qn`,
///   `YYYY-Hn`, `YYYY-SP|SU|FA|WI`, decades `YYY`, centuries `YY`; any field may be `X`s in a set
///   (`XXXX-WXX-1`, `XXXX-XX-15`); a year or century before Christ has `BC` first (`BC0044`,
///   `BC12976`, `BC04`);
/// - times: a date followed by `Thh:mm`, `Thh:mm:ss`, optionally `Z` or `+hh:mm`, or by a part of
///   day `TMO|TAF|TEV|TNI`; a part of day or clock time alone in a set (`TNI`);
/// - durations: `P` then amounts (digits, a decimal, or `X`) with `Y Q M W WE D`, then optionally
///   `T` and amounts with `H M S` (`P3Y`, `PT40M`, `P1DT12H`, `PXY`, `P1.5W`);
/// - `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
pub fn value_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let year = r"(?:(?P<bc>BC)(?P<bcyear>\d{4,5})|(?P<year>\d{4})|XXXX)";
        let sub = r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|-W(?P<week>\d{2}|XX)(?:-WE|-[1-7])?|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))";
        let time = r"T(?:MO|AF|EV|NI|(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:Z|[+-](?P<zh>\d{2}):(?P<zm>\d{2}))?)";
        let amount = r"(?:\d+(?:\.\d+)?|X)";
        let duration = format!(r"P(?:{amount}(?:Y|Q|M|WE|W|D))*(?:T(?:{amount}[HMS])+)?");
        let date = format!(r"(?:{year}{sub}?|\d{{3}}|(?:BC)?\d{{2}})");
        Regex::new(&format!(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|{duration}|{date}?(?:{time})?)$"))
            .expect("TIMEX3 value regex")
    })
}

/// Checks one TIMEX3 value: the grammar, then that the date it names exists (month 1-12, a day the
/// month has, an ISO week the year has, a year from 1 to 9999 or 1 to 99999 B.C., a clock time that
/// exists).
pub fn check_value(v: &str) -> Result<(), String> {
    let caps = value_regex().captures(v).ok_or_else(|| format!("value {v:?} is not a TIMEX3 value"))?;
    if v.is_empty() || v == "P" || v.ends_with('T') {
        return Err(format!("value {v:?} is empty or ends in a bare designator"));
    }
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    if num("year") == Some(0) || num("bcyear") == Some(0) {
        return Err(format!("value {v:?} has year 0"));
    }
    // As astronomers count (what the calendar checks below take): BC0044 is -43.
    let year = num("year").map(|y| y as i32).or_else(|| num("bcyear").map(|y| 1 - y as i32));
    if let Some(m) = num("month") {
        if !(1..=12).contains(&m) {
            return Err(format!("value {v:?} has month {m}"));
        }
    }
    if let (Some(d), Some(m)) = (num("day"), num("month")) {
        // Without a year, any leap year decides whether the day exists (XXXX-02-29 is fine).
        let y = year.unwrap_or(2000);
        if NaiveDate::from_ymd_opt(y, m, d).is_none() {
            return Err(format!("value {v:?} names a day that does not exist"));
        }
    } else if let Some(d) = num("day") {
        if !(1..=31).contains(&d) {
            return Err(format!("value {v:?} has day {d}"));
        }
    }
    if let Some(w) = num("week") {
        let ok = match year {
            Some(y) => NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon).is_some(),
            None => (1..=53).contains(&w),
        };
        if !ok {
            return Err(format!("value {v:?} names an ISO week that does not exist"));
        }
    }
    if let Some(h) = num("hour") {
        let (m, s) = (num("minute").unwrap_or(0), num("second").unwrap_or(0));
        if h > 24 || m > 59 || s > 60 || (h == 24 && (m, s) != (0, 0)) {
            return Err(format!("value {v:?} names a clock time that does not exist"));
        }
    }
    if let (Some(zh), Some(zm)) = (num("zh"), num("zm")) {
        if zh > 14 || zm > 59 {
            return Err(format!("value {v:?} has an impossible UTC offset"));
        }
    }
    Ok(())
}

/// Checks every invariant of a timeline extracted from `text`; the error says which one broke.
pub fn check_timeline(text: &str, tl: &Timeline) -> Result<(), String> {
    let mut last_end = 0;
    // Character offsets counted incrementally: `counted` bytes hold `chars` characters.
    let (mut counted, mut chars) = (0, 0);
    let mut ids = std::collections::HashSet::new();
    for (k, m) in tl.mentions.iter().enumerate() {
        let (bs, be) = (m.byte_start, m.byte_end);
        if !(bs < be && be <= text.len()) {
            return Err(format!("mention {} has bytes {bs}..{be} in a text of {} bytes", m.id, text.len()));
        }
        if !text.is_char_boundary(bs) || !text.is_char_boundary(be) {
            return Err(format!("mention {} has bytes {bs}..{be} off character boundaries", m.id));
        }
        if text[bs..be] != m.text {
            return Err(format!("mention {}: text[{bs}..{be}] is {:?}, not {:?}", m.id, &text[bs..be], m.text));
        }
        if bs < last_end {
            return Err(format!("mention {} overlaps the one before it", m.id));
        }
        let cs = chars + text[counted..bs].chars().count();
        let ce = cs + m.text.chars().count();
        (counted, chars) = (be, ce);
        if (m.start, m.end) != (cs, ce) {
            return Err(format!("mention {} has chars {}..{}, expected {cs}..{ce}", m.id, m.start, m.end));
        }
        last_end = be;
        if m.id != format!("m{}", k + 1) {
            return Err(format!("mention {} should be m{}", m.id, k + 1));
        }
        ids.insert(m.id.clone());
        check_value(&m.value).map_err(|e| format!("mention {} {:?}: {e}", m.id, m.text))?;
        let sentence = tl.sentences.get(m.sentence).ok_or_else(|| format!("mention {} has no sentence", m.id))?;
        if sentence.trim().is_empty() || sentence.len() > chronoline::detect::sentences::MAX_SENTENCE {
            return Err(format!("mention {} has a sentence of {} bytes", m.id, sentence.len()));
        }
        if let Some(i) = &m.interval {
            if i.start >= i.end {
                return Err(format!("mention {} has an empty interval {} .. {}", m.id, i.start, i.end));
            }
        }
    }
    for m in &tl.mentions {
        for link in m.anchor.iter().chain(&m.range_with) {
            if !ids.contains(link) {
                return Err(format!("mention {} links to {link}, which does not exist", m.id));
            }
        }
    }
    for (k, e) in tl.events.iter().enumerate() {
        if e.interval.start >= e.interval.end {
            return Err(format!("event {} has an empty interval", e.id));
        }
        if k > 0 && tl.events[k - 1].interval.start > e.interval.start {
            return Err(format!("event {} is out of order", e.id));
        }
        for part in e.value.split('/') {
            check_value(part).map_err(|err| format!("event {}: {err}", e.id))?;
        }
        if e.mentions.is_empty() || e.mentions.iter().any(|id| !ids.contains(id)) {
            return Err(format!("event {} lists mentions {:?} that do not all exist", e.id, e.mentions));
        }
    }
    Ok(())
}

//! Extraction on arbitrary UTF-8 text with an arbitrary reference date (year 1..=9999, with or
//! without a time and UTC offset): never panics, and the result satisfies every invariant in
//! `tests/common/invariants.rs` (spans, TIMEX3 values, intervals, ids).

#![no_main]

use arbitrary::{Arbitrary, Result, Unstructured};
use chrono::{FixedOffset, NaiveDate, NaiveTime};
use chronoline::Reference;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

#[derive(Debug)]
struct Input<'a> {
    reference: Reference,
    text: &'a str,
}

impl<'a> Arbitrary<'a> for Input<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let year = u.int_in_range(1..=9999)?;
        let month = u.int_in_range(1..=12)?;
        let day = u.int_in_range(1..=31)?;
        // Days past the month's end fall back to its last day.
        let date =
            (0..4).find_map(|k| NaiveDate::from_ymd_opt(year, month, day - k)).expect("day 28 exists in every month");
        let time = if u.arbitrary()? {
            let secs = u.int_in_range(0..=86_399)?;
            let offset = u.int_in_range(-(14 * 3600)..=14 * 3600)?;
            NaiveTime::from_num_seconds_from_midnight_opt(secs, 0).zip(FixedOffset::east_opt(offset))
        } else {
            None
        };
        // The rest is the text, up to its first invalid UTF-8 byte.
        let rest = u.bytes(u.len())?;
        let text = match std::str::from_utf8(rest) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
        };
        Ok(Input { reference: Reference { date, time }, text })
    }
}

fuzz_target!(|input: Input| {
    let tl = chronoline::extract(input.text, &input.reference);
    if let Err(e) = invariants::check_timeline(input.text, &tl) {
        panic!("invariant broken: {e}\ntext: {:?}\nreference: {}", input.text, input.reference);
    }
});

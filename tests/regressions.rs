//! One regression test per bug found by fuzzing, property tests and scale probes, named after what
//! broke. Extraction must never panic, never emit an invalid value, and take time linear in the text.

mod common;

use chronoline::{extract, Reference};
use common::invariants::check_timeline;
use std::time::{Duration, Instant};

fn r(date: &str) -> Reference {
    date.parse().expect("valid reference")
}

fn values(text: &str, reference: &str) -> Vec<(String, String)> {
    let tl = extract(text, &r(reference));
    check_timeline(text, &tl).unwrap_or_else(|e| panic!("{e}"));
    tl.mentions.into_iter().map(|m| (m.text, m.value)).collect()
}

/// proptest: "Easter" in a future clause of an article dated 9999-06-01 resolved to Easter 10000 and
/// was emitted as `10000-04-16`, which is no TIMEX3 value.
#[test]
fn a_holiday_after_the_year_9999_is_not_emitted() {
    let v = values("Easter and January 6, 2021 will ", "9999-06-01");
    assert_eq!(v, [("January 6, 2021".to_string(), "2021-01-06".to_string())]);
    for text in ["next year", "in two years we will", "next century", "the next decade", "Christmas will come"] {
        for (_, value) in values(text, "9999-12-31") {
            assert!(!value.starts_with("10000") && value != "1000" && value != "100", "{text}: {value}");
        }
    }
    for text in ["last year", "two years ago", "last century", "the last decade", "Christmas was"] {
        values(text, "0001-01-01");
    }
}

/// cargo fuzz (extract): "the weekend" in an article dated 0001-01-01 is the weekend before, in ISO
/// week-year 0, and was emitted as `0000-W52-WE`. Year 0 is 1 B.C., written as TIMEX3 writes it.
#[test]
fn a_weekend_before_the_year_1_is_written_in_1_bc() {
    assert_eq!(
        values("The weekend was quiet.", "0001-01-01"),
        [("The weekend".to_string(), "BC0001-W52-WE".to_string())]
    );
    assert_eq!(
        values("The weekend was quiet.", "0001-01-08"),
        [("The weekend".to_string(), "0001-W01-WE".to_string())]
    );
}

/// A modifier reached across a paragraph break: "more than\n\n40 minutes later" was one mention with
/// a blank line inside.
#[test]
fn a_modifier_does_not_reach_across_a_blank_line() {
    let v = values("It cost more than\n\n40 minutes later.", "2024-01-01");
    assert_eq!(v, [("40 minutes later".to_string(), "2024-01-01".to_string())]);
}

/// A filter looked across a paragraph break: "$" at the end of one paragraph made the year that opens
/// the next one a price.
#[test]
fn a_currency_sign_does_not_reach_across_a_blank_line() {
    let v = values("Total: $\n\n2016 rose.", "2024-01-01");
    assert_eq!(v, [("2016".to_string(), "2016".to_string())]);
}

/// proptest: "24:01" was read as a clock time and emitted as `T24:01`, which does not exist (24:00,
/// midnight at the end of the day, does).
#[test]
fn a_clock_time_past_24_00_is_not_emitted() {
    assert_eq!(values("24:01 ", "0001-01-01"), []);
    assert_eq!(values("It ended at 24:00:30.", "2024-08-13"), []);
    // (Midnight told of in the past is the one that began the publication day.)
    assert_eq!(values("It ended at 24:00.", "2024-08-13"), [("24:00".to_string(), "2024-08-12T24:00".to_string())]);
    assert_eq!(values("It ends at 24:00.", "2024-08-13"), [("24:00".to_string(), "2024-08-13T24:00".to_string())]);
}

/// proptest: "q1" alone was not found (the digit after a letter opened no trigger window), but was
/// when a date in the next paragraph opened a window reaching back over the blank line: what a
/// paragraph gives depended on the next one. Windows now stay in their paragraph, and "Q1" is found
/// on its own.
#[test]
fn a_paragraph_gives_the_same_mentions_whatever_follows_it() {
    let alone = values("q1 \n\n", "2024-05-01");
    let followed = values("q1 \n\nJanuary 6, 2021 ", "2024-05-01");
    assert_eq!(alone, [("q1".to_string(), "2024-Q1".to_string())]);
    assert_eq!(followed[..1], alone[..]);
    assert_eq!(values("Q1 was good.", "2024-05-01"), [("Q1".to_string(), "2024-Q1".to_string())]);
}

/// cargo fuzz (jsonl): a run of 1,000 bytes without a space, then a space, made a sentence longer than
/// the limit (the cut went forward to the first space after it), so "Monday,Monday,..." followed by
/// one space was again one sentence that every mention's headline read in full (quadratic time).
#[test]
fn a_long_run_without_spaces_then_a_space_is_still_cut_at_the_limit() {
    let max = chronoline::detect::sentences::MAX_SENTENCE;
    let text = format!("{} w\u{fffd}th a year ago.", "\u{fffd}".repeat(340));
    let tl = extract(&text, &r("1998-10-25"));
    check_timeline(&text, &tl).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tl.mentions.len(), 1);
    let text = "Monday,".repeat(80_000) + " end.";
    let t = Instant::now();
    let tl = extract(&text, &r("2024-08-13"));
    assert!(t.elapsed() < Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 5 }), "{:?}", t.elapsed());
    assert_eq!(tl.mentions.len(), 80_000);
    assert!(tl.sentences.iter().all(|s| s.len() <= max));
}

/// Inputs that took time quadratic in their length (seconds for 100 KB, hours for 64 MB): trigger
/// windows widened over the same run once per trigger, the sentence splitter rescanned runs of line
/// breaks and, cutting an endless "sentence", searched the rest of the text for a space at every cut,
/// and text without a single space stayed one sentence that tense and headlines read again for each
/// mention. Shapes that find many dates are 256 KB, shapes that find few are 8 MB; each must take well
/// under a second (the budget is generous for a loaded machine and debug builds).
#[test]
fn pathological_texts_take_linear_time() {
    const DENSE: usize = 256 * 1024;
    const SPARSE: usize = 8 * 1024 * 1024;
    let shapes = [
        ("glued triggers", "1-", DENSE),
        ("line breaks", "\n", SPARSE),
        ("spaces", " ", SPARSE),
        ("one word", "a", SPARSE),
        ("dots", ". ", SPARSE),
        ("quotes", ".\"", SPARSE),
        ("month names glued", "May", SPARSE),
        ("one sentence full of dates", "he said Monday and ", DENSE),
        ("dates without a space", "Monday,", DENSE),
        ("repeated modifiers", "more than 40 minutes ", DENSE),
        ("time then date", "3 p.m. Monday ", DENSE),
        ("between ... and", "between May and July ", DENSE),
        ("day ranges", "Aug. 12-14 ", DENSE),
        ("year ranges", "2019-2021 ", DENSE),
        ("numbers", "1 ", DENSE),
        ("short sentences", "Sales fell 5% last month, officials said on Monday. ", DENSE),
        ("blank lines with dates", "May 1\n\n", DENSE),
    ];
    let budget = if cfg!(debug_assertions) { Duration::from_secs(60) } else { Duration::from_secs(8) };
    for (name, unit, size) in shapes {
        let text = unit.repeat(size / unit.len());
        let t = Instant::now();
        let tl = extract(&text, &r("2024-01-01"));
        let took = t.elapsed();
        assert!(took < budget, "{name}: {took:?} for {} KB", size / 1024);
        check_timeline(&text, &tl).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// A sentence longer than any real one (a table, a list, garbage) is cut so that the work per mention
/// stays bounded; its mentions are all still found.
#[test]
fn an_endless_sentence_is_cut_and_every_mention_is_still_found() {
    let text = "he said Monday and ".repeat(1000);
    let tl = extract(&text, &r("2024-08-13"));
    assert_eq!(tl.mentions.len(), 1000);
    let max = chronoline::detect::sentences::MAX_SENTENCE;
    assert!(tl.mentions.iter().all(|m| m.value == "2024-08-12"));
    assert!(tl.sentences.len() > 10 && tl.sentences.iter().all(|s| s.len() <= max));
    // Without a single space, too.
    let text = "Monday,".repeat(20_000);
    let t = Instant::now();
    let tl = extract(&text, &r("2024-08-13"));
    assert!(t.elapsed() < Duration::from_secs(if cfg!(debug_assertions) { 60 } else { 5 }), "{:?}", t.elapsed());
    assert_eq!(tl.mentions.len(), 20_000);
    assert!(tl.sentences.iter().all(|s| s.len() <= max));
}

/// Writing the JSONL fuzz target (its check that every output line reads back as a timeline): an input
/// line with an extra field named like an output field (`"mentions": 5`) was carried through beside the
/// timeline's own, and the output line had the key twice.
#[test]
fn a_jsonl_field_named_like_an_output_field_is_not_written_twice() {
    let line = r#"{"id": 7, "text": "It rained on Monday.", "dct": "2024-08-13", "mentions": 5, "schema": "x", "src": "wire"}"#;
    let out = chronoline::batch::process_line(line, 1, false);
    assert!(!out.contains("\"mentions\":5") && !out.contains("\"schema\":\"x\""), "{out}");
    // A key given twice makes this fail ("duplicate field").
    let tl: chronoline::Timeline = serde_json::from_str(&out).expect("reads back as a timeline");
    assert_eq!(tl.mentions[0].value, "2024-08-12");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((v["id"].as_i64(), v["src"].as_str()), (Some(7), Some("wire")));
}

/// proptest (prefix shift): "between" at the end of one paragraph made "early 2024 and summer 2023" at
/// the start of the next a range; a blank line ends what a range may look back at.
#[test]
fn between_before_a_blank_line_does_not_make_a_range() {
    let r: Reference = "2024-01-01".parse().unwrap();
    let tl = extract("between\n\n\nearly 2024 and summer 2023 ", &r);
    assert!(tl.mentions.iter().all(|m| m.range_with.is_none()), "{:?}", tl.mentions);
    let tl = extract("between early 2024 and summer 2023 ", &r);
    assert!(tl.mentions[0].range_with.is_some());
}

/// Review: merging "the day before" with the day after it removed each merged mention from the middle
/// of the list, quadratic in the number of pairs; 200,000 pairs did not finish in minutes. A hang
/// guard with a generous budget, not a speed test (speed is in the bench).
#[test]
fn many_day_before_pairs_merge_in_linear_time() {
    let text = "the day before Monday ".repeat(200_000);
    let t = Instant::now();
    let tl = extract(&text, &r("2024-08-14"));
    assert!(t.elapsed() < Duration::from_secs(if cfg!(debug_assertions) { 120 } else { 20 }), "{:?}", t.elapsed());
    assert_eq!(tl.mentions.len(), 200_000);
    assert!(tl.mentions.iter().all(|m| m.value == "2024-08-11"));
}

/// Hand check of modern news: "It rained from Monday to Wednesday" in a Tuesday article ended the
/// range on the Wednesday before its start; "Polls close at 8 p.m. on Election Day, Nov. 5" put
/// Election Day in the year before the stated date.
#[test]
fn a_range_ends_after_it_starts_and_a_stated_date_settles_a_holiday() {
    let v = values("It rained from Monday to Wednesday. The show ran from November to February.", "2024-08-13");
    let got: Vec<&str> = v.iter().map(|(_, value)| value.as_str()).collect();
    assert_eq!(got, ["2024-08-12", "2024-08-14", "2023-11", "2024-02"]);
    let v = values("Polls close at 8 p.m. on Election Day, Nov. 5.", "2024-08-13");
    assert_eq!(v, [("8 p.m. on Election Day, Nov. 5".to_string(), "2024-11-05T20:00".to_string())]);
}

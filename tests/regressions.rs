//! One regression test per bug found by fuzzing, property tests and scale probes, named after what
//! broke. Extraction must never panic, never emit an invalid value, and take time linear in the text.

mod common;

use chronoline::{extract, Reference};
use common::invariants::check_timeline;
use std::time::{Duration, Instant};

fn r(date: &str) -> Reference {
    date.parse().expect("valid reference")
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

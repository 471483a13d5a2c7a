//! The JSONL reader: arbitrary bytes, line by line, through `chronoline::batch::process_line` (what
//! `chronoline extract --jsonl` does with each line). Never panics; every output is one line of JSON;
//! a line that is not an error record reads back as a `chronoline/1` timeline (no key twice) whose
//! mentions satisfy every invariant in `tests/common/invariants.rs` against the input's text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[path = "../../tests/common/invariants.rs"]
mod invariants;

#[derive(Deserialize)]
struct Text {
    text: String,
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else {
        return;
    };
    let explain = flags & 1 == 1;
    // As the batch reader does: lines of bytes, decoded lossily, blank ones skipped.
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = String::from_utf8_lossy(line);
        let out = chronoline::batch::process_line(&line, i + 1, explain);
        let body = out.strip_suffix('\n').expect("an output line ends with a newline");
        assert!(!body.contains('\n'), "an output record spans lines: {out:?}");
        let v: serde_json::Value = serde_json::from_str(body).expect("every output line is JSON");
        // An error record has no schema. (A document's own "error" field is carried through into
        // its timeline record, which the schema marks.)
        if v.get("schema").is_none() {
            assert!(v.get("error").is_some(), "a record without a schema is an error: {body}");
            assert_eq!(v["line"], i + 1, "an error record names its line");
            continue;
        }
        let tl: chronoline::Timeline =
            serde_json::from_str(body).unwrap_or_else(|e| panic!("output does not read back ({e}): {body}"));
        // (A line with "text" twice is skipped here: which one the reader took is its business.)
        let Ok(Text { text }) = serde_json::from_str::<Text>(&line) else {
            continue;
        };
        if let Err(e) = invariants::check_timeline(&text, &tl) {
            panic!("invariant broken: {e}\nline: {line:?}");
        }
    }
});

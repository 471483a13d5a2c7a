//! The TimeML reader on arbitrary text, then what `chronoline extract` does with a TimeML input:
//! extract from its decoded text, write the mentions back as TIMEX3 tags. Never panics; a document
//! that parses gives TimeML output that parses again, with the same text (characters XML cannot hold
//! aside, which are written as same-length replacements).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|src: &str| {
    let Ok(doc) = chronoline::timeml::parse(src, Path::new("fuzz.tml")) else {
        return;
    };
    let reference: chronoline::Reference = "2024-08-13".parse().expect("valid date");
    let tl = chronoline::extract(&doc.text, &reference);
    let written = doc.write(&tl.mentions);
    let reread = chronoline::timeml::parse(&written, Path::new("written.tml"))
        .unwrap_or_else(|e| panic!("our TimeML output does not parse: {e}\ninput: {src:?}\noutput: {written:?}"));
    // Characters XML cannot hold are written as same-length replacements (a character reference to
    // one, "&#2;", is kept as written); nothing else changes.
    let safe = |s: &str| {
        let mut out = String::new();
        chronoline::timeml::push_xml_safe(&mut out, s);
        out
    };
    assert_eq!(safe(&reread.text), safe(&doc.text), "the decoded text changed through a round trip");
});

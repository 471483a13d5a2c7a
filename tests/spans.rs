//! Spans: character and byte offsets slice the text exactly, on multi-byte text too, and shifting the
//! input by a prefix shifts every span by the prefix's length and changes nothing else.

use chronoline::{extract, Reference};

fn fixture_texts() -> Vec<(String, Reference)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            let golden = p.with_extension("expected.json");
            let tl: chronoline::Timeline = serde_json::from_str(&std::fs::read_to_string(golden).unwrap()).unwrap();
            out.push((std::fs::read_to_string(&p).unwrap(), tl.document.dct.parse().unwrap()));
        }
    }
    assert!(out.len() >= 12);
    out
}

#[test]
fn offsets_slice_the_text_exactly() {
    for (text, r) in fixture_texts() {
        let chars: Vec<char> = text.chars().collect();
        for m in extract(&text, &r).mentions {
            assert_eq!(&text[m.byte_start..m.byte_end], m.text);
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
    }
}

#[test]
fn a_prefix_shifts_spans_and_changes_nothing_else() {
    for prefix in ["x", " ", "€ — ’ ", "Héllo wörld.\n\n"] {
        let (pb, pc) = (prefix.len(), prefix.chars().count());
        for (text, r) in fixture_texts() {
            let plain = extract(&text, &r);
            let shifted = extract(&format!("{prefix}{text}"), &r);
            let key = |m: &chronoline::Mention, db: usize, dc: usize| {
                (m.text.clone(), m.value.clone(), m.byte_start - db, m.start - dc, m.kind)
            };
            let a: Vec<_> = plain.mentions.iter().map(|m| key(m, 0, 0)).collect();
            let b: Vec<_> = shifted.mentions.iter().map(|m| key(m, pb, pc)).collect();
            assert_eq!(a, b, "prefix {prefix:?} changed the mentions of a fixture");
        }
    }
}

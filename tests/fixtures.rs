//! The fixtures against their hand-judged expectations (`NAME.expect.tsv`, written by an annotator who
//! did not run chronoline), with the known deviations listed, each with a reason, in
//! `fixtures/deviations.tsv`. The golden files (`NAME.expected.json`) are checked by `chronoline check`.

use chronoline::{extract, Reference, Timeline};
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// (text, type, value, mod) rows of a TSV file, skipping the header and `#` comments.
fn rows(path: &std::path::Path) -> Vec<Vec<String>> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(|c| c.replace("\\n", "\n")).collect())
        .collect()
}

#[test]
fn fixtures_match_their_hand_judged_expectations() {
    let deviations: Vec<Vec<String>> = rows(&fixtures().join("deviations.tsv"));
    let mut problems = Vec::new();
    let mut checked = 0;
    let mut names: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".expect.tsv").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 11, "expected at least 11 fixtures, found {names:?}");
    for name in names {
        let text = std::fs::read_to_string(fixtures().join(format!("{name}.txt"))).unwrap();
        let golden: Timeline =
            serde_json::from_str(&std::fs::read_to_string(fixtures().join(format!("{name}.expected.json"))).unwrap())
                .unwrap();
        let reference: Reference = golden.document.dct.parse().unwrap();
        let got: Vec<(String, String, String, String)> = extract(&text, &reference)
            .mentions
            .iter()
            .map(|m| {
                let md = m.modifier.map(|x| x.name().to_string()).unwrap_or_default();
                (m.text.clone(), m.kind.name().to_string(), m.value.clone(), md)
            })
            .collect();
        let mut left = got.clone();
        for row in rows(&fixtures().join(format!("{name}.expect.tsv"))) {
            let md = row.get(3).cloned().unwrap_or_default();
            // quant/freq annotations of sets are not compared here.
            let md = if md.starts_with("quant") || md.starts_with("freq") { String::new() } else { md };
            let want = (row[0].clone(), row[1].clone(), row[2].clone(), md);
            checked += 1;
            if let Some(i) = left.iter().position(|g| *g == want) {
                left.remove(i);
            } else if deviations.iter().any(|d| d[0] == name && d[1] == want.0 && d[2] == want.2) {
                if let Some(i) = left.iter().position(|g| g.0 == want.0) {
                    left.remove(i);
                }
            } else {
                problems.push(format!("{name}: missing {want:?}"));
            }
        }
        for extra in left {
            problems.push(format!("{name}: unexpected {extra:?}"));
        }
    }
    assert!(checked > 150, "only {checked} expectations read");
    assert!(problems.is_empty(), "fixtures differ from their expectations:\n{}", problems.join("\n"));
}

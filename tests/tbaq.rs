//! The development set (TimeBank + AQUAINT, `../shared/corpora/tbaq`): a ratchet on the TempEval-3
//! measures recorded in `tests/tbaq-ratchet.json`, and the TimeML round trip on every document.
//! Both skip, saying so, when the corpus is not beside the project.

use chronoline::eval::{evaluate, Scores};
use chronoline::timeml::{self, strip_tags, text_section, TimeMlDoc};
use chronoline::{extract, Reference};
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/tbaq");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIPPED: {} is absent; the development-set tests need it", dir.display());
        None
    }
}

/// How far a measure may fall below its recorded figure before the ratchet fails.
const SLACK: f64 = 0.5;

#[test]
fn accuracy_on_the_development_set_does_not_drop() {
    let Some(dir) = corpus() else { return };
    let report = evaluate(&dir, None).unwrap();
    assert!(report.skipped.is_empty(), "documents skipped: {:?}", report.skipped);
    let recorded: serde_json::Value = serde_json::from_str(include_str!("tbaq-ratchet.json")).unwrap();
    let mut groups: Vec<(String, Scores)> = vec![("overall".into(), report.overall.scores())];
    groups.extend(report.folders.iter().map(|(k, c)| (k.clone(), c.scores())));
    let mut drops = Vec::new();
    for (group, s) in groups {
        let now = [
            ("strict_f1", s.strict_f1),
            ("relaxed_f1", s.relaxed_f1),
            ("type_f1", s.type_f1),
            ("value_f1", s.value_f1),
        ];
        for (measure, value) in now {
            let floor = recorded[&group][measure].as_f64().unwrap_or_else(|| panic!("no recorded {group}.{measure}"));
            if value < floor - SLACK {
                drops.push(format!("{group} {measure}: {value:.1} < recorded {floor:.1}"));
            }
        }
    }
    assert!(drops.is_empty(), "accuracy dropped:\n{}", drops.join("\n"));
}

#[test]
fn timeml_output_keeps_every_development_text_byte_identical() {
    let Some(dir) = corpus() else { return };
    let files = chronoline::eval::gold_files(&dir).unwrap();
    assert!(files.len() >= 250);
    for (_, path) in files {
        let src = std::fs::read_to_string(&path).unwrap();
        let doc = timeml::parse(&src, &path).unwrap();
        let dct: Reference = doc.dct.as_deref().unwrap()[..10].parse().unwrap();
        let tl = extract(&doc.text, &dct);
        let out = doc.write(&tl.mentions);
        let name = path.display();
        assert_eq!(strip_tags(text_section(&out).unwrap()), strip_tags(text_section(&src).unwrap()), "{name}");
        // Our output is itself readable TimeML with unique tids, t0 kept for the DCT, no nesting.
        let again: TimeMlDoc = timeml::parse(&out, &path).unwrap();
        assert_eq!(again.text, doc.text, "{name}");
        assert_eq!(again.gold.len(), tl.mentions.len(), "{name}");
        let mut tids: Vec<&str> = again.gold.iter().map(|g| g.attr("tid")).collect();
        tids.sort();
        tids.dedup();
        assert_eq!(tids.len(), tl.mentions.len(), "{name}: duplicate tids");
        assert!(!tids.contains(&"t0") && out.contains("tid=\"t0\""), "{name}");
        assert!(!out[out.find("<TEXT>").unwrap()..].contains("<EVENT"), "{name}");
    }
}

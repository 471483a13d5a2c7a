//! `chronoline check`: golden-file regression tests. For each `NAME.txt` with `NAME.expected.json`
//! (which holds its dct), extract and compare mentions (text, span, type, value, mod) and events
//! (value, interval, grain, headline); print a readable diff; `--bless` rewrites the expected files.

use super::output::write_atomic;
use super::Outcome;
use crate::error::Error;
use crate::reference::Reference;
use crate::{extract_with, Options, Timeline};
use std::io::Write;
use std::path::Path;

/// One line per mention and event, in the form compared.
pub fn summary(tl: &Timeline) -> Vec<String> {
    let mut out: Vec<String> = tl
        .mentions
        .iter()
        .map(|m| {
            format!(
                "mention {}..{} {:?} {} {}{}",
                m.start,
                m.end,
                m.text,
                m.kind.name(),
                m.value,
                m.modifier.map(|x| format!(" mod={}", x.name())).unwrap_or_default()
            )
        })
        .collect();
    out.extend(tl.events.iter().map(|e| {
        format!("event {} [{} .. {}) {} {:?}", e.value, e.interval.start, e.interval.end, e.grain.name(), e.headline)
    }));
    out
}

/// Runs the check over `dir`.
pub fn run(dir: &Path, bless: bool, stdout: &mut dyn Write) -> Result<Outcome, Error> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_string))
        .filter(|n| dir.join(format!("{n}.expected.json")).exists())
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::input(dir, "no NAME.txt with NAME.expected.json here"));
    }
    let mut failures = 0;
    for name in &names {
        let txt = dir.join(format!("{name}.txt"));
        let exp = dir.join(format!("{name}.expected.json"));
        let text = std::fs::read_to_string(&txt).map_err(|e| Error::io(&txt, e))?;
        let expected_src = std::fs::read_to_string(&exp).map_err(|e| Error::io(&exp, e))?;
        let syntax = |e: serde_json::Error| Error::Syntax {
            path: exp.clone(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        };
        // Only the dct is needed to bless, so a golden file of an older shape can be rewritten.
        let raw: serde_json::Value = serde_json::from_str(&expected_src).map_err(syntax)?;
        let dct = raw["document"]["dct"]
            .as_str()
            .ok_or_else(|| Error::input(&exp, "no document.dct: the golden file must give the publication date"))?;
        let reference: Reference = dct.parse()?;
        let options = Options { name: name.clone(), ..Options::default() };
        let got = extract_with(&text, &reference, &options);
        if bless {
            let mut body = serde_json::to_string_pretty(&got).unwrap_or_default();
            body.push('\n');
            write_atomic(&exp, body.as_bytes())?;
            let _ = writeln!(stdout, "blessed {}", exp.display());
            continue;
        }
        let expected: Timeline = serde_json::from_value(raw).map_err(syntax)?;
        let (want, have) = (summary(&expected), summary(&got));
        if want == have {
            let _ = writeln!(stdout, "ok   {name}");
            continue;
        }
        failures += 1;
        let _ = writeln!(stdout, "FAIL {name}");
        for line in &want {
            if !have.contains(line) {
                let _ = writeln!(stdout, "  - {line}");
            }
        }
        for line in &have {
            if !want.contains(line) {
                let _ = writeln!(stdout, "  + {line}");
            }
        }
        if want.iter().all(|l| have.contains(l)) && have.iter().all(|l| want.contains(l)) {
            let _ = writeln!(stdout, "  (same lines in a different order)");
        }
    }
    let _ = writeln!(stdout, "{} of {} documents match", names.len() - failures, names.len());
    Ok(if failures == 0 { Outcome::Ok } else { Outcome::Failed })
}

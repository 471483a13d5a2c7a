//! Evaluation: TempEval-3 Task A scoring (UzZaman et al., 2013) of TIMEX3 extents, types and values
//! against gold TimeML documents, with an error list that says what to fix next. Never reads the clock:
//! each document's DCT is its reference.
//!
//! Extents are paired one to one by overlap (each system TIMEX3 with the unpaired gold TIMEX3 it
//! overlaps most). Strict counts pairs with identical extents, relaxed counts all pairs; precision and
//! recall are over system and gold counts. Type and value *accuracy* are over the relaxed pairs, and
//! type/value F1 = accuracy x relaxed F1, as the official scorer defines them.

use crate::error::Error;
use crate::reference::Reference;
use crate::timeml::{self, GoldTimex, TimeMlDoc};
use crate::{extract_with, Options};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Counts behind the measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    /// Gold TIMEX3.
    pub gold: usize,
    /// System TIMEX3.
    pub system: usize,
    /// Pairs with identical extents.
    pub strict: usize,
    /// Pairs with overlapping extents.
    pub relaxed: usize,
    /// Relaxed pairs with the same type.
    pub type_ok: usize,
    /// Relaxed pairs with the same value.
    pub value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }

    /// The measures, in percent.
    pub fn scores(&self) -> Scores {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let f1 = |p: f64, r: f64| {
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        let (sp, sr) = (ratio(self.strict, self.system), ratio(self.strict, self.gold));
        let (rp, rr) = (ratio(self.relaxed, self.system), ratio(self.relaxed, self.gold));
        let rf = f1(rp, rr);
        let type_acc = ratio(self.type_ok, self.relaxed);
        let value_acc = ratio(self.value_ok, self.relaxed);
        Scores {
            strict_p: sp,
            strict_r: sr,
            strict_f1: f1(sp, sr),
            relaxed_p: rp,
            relaxed_r: rr,
            relaxed_f1: rf,
            type_accuracy: type_acc,
            type_f1: type_acc * rf / 100.0,
            value_accuracy: value_acc,
            value_f1: value_acc * rf / 100.0,
        }
    }
}

/// TempEval-3 Task A measures, in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Strict precision.
    pub strict_p: f64,
    /// Strict recall.
    pub strict_r: f64,
    /// Strict F1.
    pub strict_f1: f64,
    /// Relaxed precision.
    pub relaxed_p: f64,
    /// Relaxed recall.
    pub relaxed_r: f64,
    /// Relaxed F1.
    pub relaxed_f1: f64,
    /// Type accuracy over relaxed pairs.
    pub type_accuracy: f64,
    /// Type accuracy x relaxed F1.
    pub type_f1: f64,
    /// Value accuracy over relaxed pairs.
    pub value_accuracy: f64,
    /// Value accuracy x relaxed F1.
    pub value_f1: f64,
}

/// One error, for `--errors`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorItem {
    /// Document file name.
    pub doc: String,
    /// `miss`, `false-alarm`, `extent`, `type`, `value`.
    pub kind: &'static str,
    /// Gold text, type and value, if any.
    pub gold: Option<(String, String, String)>,
    /// System text, type and value, if any.
    pub system: Option<(String, String, String)>,
    /// The sentence around it.
    pub sentence: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Over everything.
    pub overall: Counts,
    /// Per subfolder of the gold directory.
    pub folders: BTreeMap<String, Counts>,
    /// Per TIMEX3 type: gold counts by gold type, system counts by system type, pairs by gold type.
    pub types: BTreeMap<String, Counts>,
    /// Every error.
    pub errors: Vec<ErrorItem>,
    /// Documents that could not be scored, with why.
    pub skipped: Vec<String>,
}

/// A system annotation: byte span in the document text, type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// TIMEX3 type.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

impl From<&GoldTimex> for Annotation {
    fn from(g: &GoldTimex) -> Self {
        Annotation { start: g.start, end: g.end, kind: g.attr("type").to_string(), value: g.attr("value").to_string() }
    }
}

/// Every `.tml` file under `dir`, sorted, with its subfolder name ("" at the top).
pub fn gold_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, Error> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
            let p = e.map_err(|e| Error::io(&d, e))?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tml") {
                let folder = p
                    .parent()
                    .and_then(|q| q.strip_prefix(dir).ok())
                    .map(|q| q.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((folder, p));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Runs chronoline on a gold document's text with its DCT.
pub fn annotate(doc: &TimeMlDoc, path: &Path) -> Result<Vec<Annotation>, Error> {
    let dct = doc.dct.as_deref().ok_or_else(|| Error::input(path, "no DCT"))?;
    let reference: Reference = dct.get(..10).unwrap_or(dct).parse()?;
    let tl = extract_with(&doc.text, &reference, &Options::default());
    Ok(tl
        .mentions
        .iter()
        .map(|m| Annotation {
            start: m.byte_start,
            end: m.byte_end,
            kind: m.kind.name().to_string(),
            value: m.value.clone(),
        })
        .collect())
}

/// Pairs system with gold annotations one to one by overlap: `pairs[i]` is the gold index of system `i`.
pub fn pair(gold: &[Annotation], system: &[Annotation]) -> Vec<Option<usize>> {
    let mut taken = vec![false; gold.len()];
    system
        .iter()
        .map(|s| {
            let best = gold
                .iter()
                .enumerate()
                .filter(|(j, g)| !taken[*j] && g.start < s.end && s.start < g.end)
                .max_by_key(|(j, g)| (s.end.min(g.end) - s.start.max(g.start), std::cmp::Reverse(*j)))
                .map(|(j, _)| j);
            if let Some(j) = best {
                taken[j] = true;
            }
            best
        })
        .collect()
}

fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let spans = crate::detect::split_sentences(text);
    spans
        .iter()
        .find(|&&(s, e)| s <= start && end <= e.max(s + 1))
        .or_else(|| spans.iter().find(|&&(s, e)| s < end && start < e))
        .map(|&(s, e)| text[s..e].split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Scores one document; adds its counts and errors to `report`.
pub fn score_doc(
    report: &mut Report,
    folder: &str,
    name: &str,
    text: &str,
    gold: &[Annotation],
    system: &[Annotation],
) {
    let pairs = pair(gold, system);
    let mut c = Counts { gold: gold.len(), system: system.len(), ..Counts::default() };
    let triple = |a: &Annotation| (text[a.start..a.end].to_string(), a.kind.clone(), a.value.clone());
    let mut paired_gold = vec![false; gold.len()];
    for (i, p) in pairs.iter().enumerate() {
        let s = &system[i];
        report.types.entry(s.kind.clone()).or_default().system += 1;
        let Some(j) = *p else {
            report.errors.push(ErrorItem {
                doc: name.to_string(),
                kind: "false-alarm",
                gold: None,
                system: Some(triple(s)),
                sentence: sentence_around(text, s.start, s.end),
            });
            continue;
        };
        paired_gold[j] = true;
        let g = &gold[j];
        let t = report.types.entry(g.kind.clone()).or_default();
        t.relaxed += 1;
        c.relaxed += 1;
        let strict = g.start == s.start && g.end == s.end;
        if strict {
            c.strict += 1;
            t.strict += 1;
        }
        if g.kind == s.kind {
            c.type_ok += 1;
            t.type_ok += 1;
        }
        if g.value == s.value {
            c.value_ok += 1;
            t.value_ok += 1;
        }
        let kind = if g.value != s.value {
            Some("value")
        } else if g.kind != s.kind {
            Some("type")
        } else if !strict {
            Some("extent")
        } else {
            None
        };
        if let Some(kind) = kind {
            report.errors.push(ErrorItem {
                doc: name.to_string(),
                kind,
                gold: Some(triple(g)),
                system: Some(triple(s)),
                sentence: sentence_around(text, g.start, g.end),
            });
        }
    }
    for (j, g) in gold.iter().enumerate() {
        report.types.entry(g.kind.clone()).or_default().gold += 1;
        if !paired_gold[j] {
            report.errors.push(ErrorItem {
                doc: name.to_string(),
                kind: "miss",
                gold: Some(triple(g)),
                system: None,
                sentence: sentence_around(text, g.start, g.end),
            });
        }
    }
    report.overall.add(&c);
    report.folders.entry(folder.to_string()).or_default().add(&c);
}

/// Evaluates every document of `gold_dir`: chronoline's own output, or the TimeML files of
/// `system_dir` with the same relative paths.
pub fn evaluate(gold_dir: &Path, system_dir: Option<&Path>) -> Result<Report, Error> {
    let mut report = Report::default();
    let files = gold_files(gold_dir)?;
    if files.is_empty() {
        return Err(Error::input(gold_dir, "no .tml documents here"));
    }
    for (folder, path) in files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let result = (|| -> Result<(TimeMlDoc, Vec<Annotation>), Error> {
            let doc = timeml::read(&path)?;
            let system = match system_dir {
                None => annotate(&doc, &path)?,
                Some(sd) => {
                    let rel = path.strip_prefix(gold_dir).unwrap_or(&path);
                    let sp = sd.join(rel);
                    let sp = if sp.exists() { sp } else { sd.join(&name) };
                    let sys = timeml::read(&sp)?;
                    if sys.text != doc.text {
                        return Err(Error::input(&sp, "its text differs from the gold document's"));
                    }
                    sys.gold.iter().map(Annotation::from).collect()
                }
            };
            Ok((doc, system))
        })();
        match result {
            Ok((doc, system)) => {
                let gold: Vec<Annotation> = doc.gold.iter().map(Annotation::from).collect();
                score_doc(&mut report, &folder, &name, &doc.text, &gold, &system);
            }
            Err(e) => report.skipped.push(e.to_string()),
        }
    }
    Ok(report)
}

fn line(out: &mut String, label: &str, c: &Counts) {
    let s = c.scores();
    let _ = writeln!(
        out,
        "{label:<12} gold {:>5} sys {:>5} | strict P {:5.1} R {:5.1} F1 {:5.1} | relaxed P {:5.1} R {:5.1} F1 {:5.1} | type acc {:5.1} F1 {:5.1} | value acc {:5.1} F1 {:5.1}",
        c.gold, c.system, s.strict_p, s.strict_r, s.strict_f1, s.relaxed_p, s.relaxed_r, s.relaxed_f1, s.type_accuracy, s.type_f1, s.value_accuracy, s.value_f1
    );
}

/// A group's counts with its measures, as `--json` prints them.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    /// The counts.
    #[serde(flatten)]
    pub counts: Counts,
    /// The measures, in percent.
    pub scores: Scores,
}

impl From<&Counts> for Scored {
    fn from(c: &Counts) -> Self {
        Scored { counts: *c, scores: c.scores() }
    }
}

/// The report as `--json` prints it: counts and measures overall, per folder and per type, the
/// errors, and the documents skipped.
#[derive(Debug, Clone, Serialize)]
pub struct ReportJson<'a> {
    /// Over everything.
    pub overall: Scored,
    /// Per subfolder.
    pub folders: BTreeMap<&'a str, Scored>,
    /// Per TIMEX3 type.
    pub types: BTreeMap<&'a str, Scored>,
    /// Every error.
    pub errors: &'a [ErrorItem],
    /// Documents that could not be scored.
    pub skipped: &'a [String],
}

impl Report {
    /// The JSON view of the report.
    pub fn to_json(&self) -> ReportJson<'_> {
        ReportJson {
            overall: (&self.overall).into(),
            folders: self.folders.iter().map(|(k, v)| (k.as_str(), v.into())).collect(),
            types: self.types.iter().map(|(k, v)| (k.as_str(), v.into())).collect(),
            errors: &self.errors,
            skipped: &self.skipped,
        }
    }

    /// The summary: one line per measure overall, then per subfolder and per type.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let s = self.overall.scores();
        let _ = writeln!(out, "strict   P {:5.1}  R {:5.1}  F1 {:5.1}", s.strict_p, s.strict_r, s.strict_f1);
        let _ = writeln!(out, "relaxed  P {:5.1}  R {:5.1}  F1 {:5.1}", s.relaxed_p, s.relaxed_r, s.relaxed_f1);
        let _ = writeln!(out, "type     accuracy {:5.1}  F1 {:5.1}", s.type_accuracy, s.type_f1);
        let _ = writeln!(out, "value    accuracy {:5.1}  F1 {:5.1}", s.value_accuracy, s.value_f1);
        let _ = writeln!(out);
        line(&mut out, "overall", &self.overall);
        for (f, c) in &self.folders {
            line(&mut out, if f.is_empty() { "." } else { f }, c);
        }
        let _ = writeln!(out, "per type (gold by gold type, system by system type, pairs by gold type):");
        for (t, c) in &self.types {
            line(&mut out, t, c);
        }
        for s in &self.skipped {
            let _ = writeln!(out, "skipped: {s}");
        }
        out
    }

    /// Every error, one block per error, grouped by kind.
    pub fn error_list(&self) -> String {
        let mut out = String::new();
        for kind in ["miss", "false-alarm", "extent", "type", "value"] {
            let items: Vec<&ErrorItem> = self.errors.iter().filter(|e| e.kind == kind).collect();
            let _ = writeln!(out, "== {kind} ({})", items.len());
            for e in items {
                let fmt = |t: &Option<(String, String, String)>| {
                    t.as_ref().map(|(x, k, v)| format!("{x:?} {k} {v}")).unwrap_or_else(|| "-".into())
                };
                let _ = writeln!(out, "{}: gold {} | sys {}\n    {}", e.doc, fmt(&e.gold), fmt(&e.system), e.sentence);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(start: usize, end: usize, v: &str) -> Annotation {
        Annotation { start, end, kind: "DATE".into(), value: v.into() }
    }

    #[test]
    fn pairs_one_to_one_and_scores_as_tempeval() {
        let text = "x".repeat(100);
        let gold = vec![a(0, 10, "1998"), a(20, 30, "1999"), a(40, 50, "2000")];
        let system = vec![a(0, 10, "1998"), a(22, 30, "1990"), a(60, 70, "2001")];
        let mut r = Report::default();
        score_doc(&mut r, "", "d", &text, &gold, &system);
        let c = r.overall;
        assert_eq!((c.strict, c.relaxed, c.value_ok), (1, 2, 1));
        let s = c.scores();
        assert!((s.relaxed_f1 - 66.666).abs() < 0.01);
        assert!((s.value_f1 - 33.333).abs() < 0.01);
        assert_eq!(r.errors.iter().filter(|e| e.kind == "miss").count(), 1);
        assert_eq!(r.errors.iter().filter(|e| e.kind == "false-alarm").count(), 1);
    }
}

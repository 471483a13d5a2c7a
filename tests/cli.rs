//! The command line: every command and exit code, run as a user would run it.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronoline"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> PathBuf {
    root().join("fixtures/musk-trump-x.txt")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("stdout is JSON")
}

#[test]
fn extract_seed_article_resolves_the_acceptance_values() {
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json(&o);
    assert_eq!(doc["schema"], "chronoline/1");
    let ms = doc["mentions"].as_array().unwrap();
    let value_of = |text: &str| -> Vec<String> {
        ms.iter()
            .filter(|m| m["text"].as_str().unwrap().contains(text))
            .map(|m| m["value"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(value_of("January 6, 2021"), ["2021-01-06"]);
    assert_eq!(value_of("2022"), ["2022"]);
    assert_eq!(value_of("May 2023"), ["2023-05"]);
    assert_eq!(value_of("a year ago"), ["2023"]);
    assert_eq!(value_of("last month"), ["2024-07"]);
    assert_eq!(value_of("Monday"), ["2024-08-12"; 3]);
    assert_eq!(value_of("November"), ["2024-11"; 2]);
    assert_eq!(value_of("ecently"), ["PAST_REF"; 2]);
    assert_eq!(value_of("lately"), ["PAST_REF"]);
    assert_eq!(value_of("the past"), ["PAST_REF"]);
    let forty: Vec<_> = ms.iter().filter(|m| m["text"] == "more than 40 minutes").collect();
    assert_eq!(forty.len(), 1);
    assert_eq!(forty[0]["type"], "DURATION");
    assert_eq!(forty[0]["value"], "PT40M");
    assert_eq!(forty[0]["mod"], "MORE_THAN");
    let events: Vec<&str> = doc["events"].as_array().unwrap().iter().map(|e| e["value"].as_str().unwrap()).collect();
    let mut dedup = events.clone();
    dedup.dedup();
    assert_eq!(dedup, ["2021-01-06", "2022", "2023", "2023-05", "2024-07", "2024-08-12", "2024-11"]);
    for e in doc["events"].as_array().unwrap() {
        let words = e["headline"].as_str().unwrap().split_whitespace().count();
        assert!((1..=20).contains(&words), "headline {:?}", e["headline"]);
    }
    // Character offsets slice the text as Python would.
    let text = std::fs::read_to_string(seed()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for m in ms {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(chars[s..e].iter().collect::<String>(), m["text"].as_str().unwrap());
    }
}

#[test]
fn extract_without_a_date_exits_2_and_says_how_to_give_one() {
    let o = run(&["extract", seed().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--dct"), "{}", stderr(&o));
    assert!(stderr(&o).contains("musk-trump-x.txt"), "{}", stderr(&o));
}

#[test]
fn extract_with_a_bad_dct_exits_2() {
    for bad in ["2024-02-30", "13/13/2024", "0000-01-01", "10000-01-01", "tomorrow"] {
        let o = run(&["extract", seed().to_str().unwrap(), "--dct", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("invalid date"), "{bad}: {}", stderr(&o));
    }
}

#[test]
fn extract_accepts_a_datetime_dct_and_today() {
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13T09:00:00-04:00"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["document"]["dct"], "2024-08-13T09:00:00-04:00");
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "today"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn extract_reads_stdin() {
    let mut child = bin()
        .args(["extract", "-", "--dct", "2024-08-13", "--format", "tsv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"They met yesterday.").unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("DATE\t2024-08-12\t\tyesterday"), "{}", stdout(&o));
}

#[test]
fn every_format_renders() {
    for (format, marker) in
        [("json", "\"schema\""), ("svg", "<svg"), ("timeml", "<TIMEX3 tid=\"t1\""), ("tsv", "start\tend")]
    {
        let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13", "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        assert!(stdout(&o).contains(marker), "{format}");
    }
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn explain_gives_rule_and_derivation() {
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13", "--explain"]);
    let doc = json(&o);
    let monday = doc["mentions"].as_array().unwrap().iter().find(|m| m["text"] == "Monday").unwrap().clone();
    assert_eq!(monday["explain"]["rule"], "date.weekday");
    assert_eq!(monday["explain"]["unresolved"], "XXXX-WXX-1");
    assert_eq!(monday["explain"]["tense"], "past");
}

#[test]
fn extract_without_files_writes_the_example_under_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin().arg("extract").current_dir(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for ext in ["json", "svg"] {
        let p = dir.path().join(format!("output/musk-trump-x.{ext}"));
        assert!(p.metadata().unwrap().len() > 100, "{}", p.display());
    }
    // No subcommand at all does the same (this is `cargo run --release`).
    let dir = tempfile::tempdir().unwrap();
    let o = bin().current_dir(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(dir.path().join("output/musk-trump-x.json").exists());
}

#[test]
fn out_dir_writes_one_file_per_input_and_continues_past_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "It rained on Monday.").unwrap();
    let o = run(&[
        "extract",
        dir.path().join("missing.txt").to_str().unwrap(),
        good.to_str().unwrap(),
        "--dct",
        "2024-08-13",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"), "{}", stderr(&o));
    let written = std::fs::read_to_string(out.join("good.json")).unwrap();
    assert!(written.contains("2024-08-12"));
}

#[test]
fn unwritable_output_exits_2_and_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/out.json");
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13", "--out", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("out.json"), "{}", stderr(&o));
    let o = run(&["extract", seed().to_str().unwrap(), "--dct", "2024-08-13", "--out-dir", "/no/such/dir"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn timeml_input_uses_its_dct_and_round_trips_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let tml = dir.path().join("doc.tml");
    let src = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>doc</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nAT&amp;T said <EVENT eid=\"e1\">profits</EVENT> fell <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>.\n</TEXT>\n<TLINK lid=\"l1\" eventInstanceID=\"ei1\" relatedToTime=\"t0\" relType=\"BEFORE\"/>\n</TimeML>\n";
    std::fs::write(&tml, src).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let o = run(&["extract", tml.to_str().unwrap(), "--format", "timeml", "--out-dir", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(out.join("doc.tml")).unwrap();
    assert!(written.contains("<TIMEX3 tid=\"t0\""));
    assert!(written.contains("value=\"1998-01-07\">yesterday</TIMEX3>"), "{written}");
    assert!(!written.contains("EVENT") && !written.contains("TLINK"));
    let strip = |s: &str| chronoline::timeml::strip_tags(chronoline::timeml::text_section(s).unwrap());
    assert_eq!(strip(&written), strip(src));
}

#[test]
fn check_passes_on_the_fixtures() {
    let o = run(&["check", root().join("fixtures").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_fails_with_a_diff_and_bless_repairs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Sales fell last month.").unwrap();
    let expected = serde_json::json!({
        "schema": "chronoline/1",
        "document": {"name": "a", "dct": "2024-08-13"},
        "mentions": [], "events": []
    });
    std::fs::write(dir.path().join("a.expected.json"), expected.to_string()).unwrap();
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("+ mention") && stdout(&o).contains("2024-07"), "{}", stdout(&o));
    let o = run(&["check", dir.path().to_str().unwrap(), "--bless"]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_on_a_missing_directory_exits_2() {
    let o = run(&["check", "/no/such/fixtures"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/fixtures"));
}

#[test]
fn eval_scores_a_gold_directory() {
    let dir = tempfile::tempdir().unwrap();
    let gold = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>g</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">19980108</TIMEX3></DCT>\n<TEXT>\nProfits fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1997\">last year</TIMEX3>.\n</TEXT>\n</TimeML>\n";
    std::fs::write(dir.path().join("g.tml"), gold).unwrap();
    let o = run(&["eval", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("strict   P 100.0  R 100.0  F1 100.0"), "{}", stdout(&o));
    let o = run(&["eval", dir.path().to_str().unwrap(), "--json"]);
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["overall"]["gold"], 2);
}

#[test]
fn closed_stdout_is_a_quiet_exit() {
    let mut child = bin()
        .args(["extract", seed().to_str().unwrap(), "--dct", "2024-08-13"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert!(o.status.code() == Some(0), "{:?}", o.status);
}

#[test]
fn jsonl_batch_keeps_order_reports_bad_lines_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"It rained yesterday.\",\"dct\":\"2024-08-13\",\"url\":\"u1\"}\nnot json\n{\"id\":\"c\",\"text\":\"Next month.\",\"dct\":\"2024-08-13\"}\n",
    )
    .unwrap();
    let o = run(&["extract", "--jsonl", input.to_str().unwrap(), "--threads", "2"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["url"], "u1");
    assert_eq!(lines[0]["mentions"][0]["value"], "2024-08-12");
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["mentions"][0]["value"], "2024-09");
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("3 documents, 1 failed"), "{err}");
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, "{\"id\":1,\"text\":\"today\",\"dct\":\"2024-08-13\"}\n").unwrap();
    let o = run(&["extract", "--jsonl", good.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
}

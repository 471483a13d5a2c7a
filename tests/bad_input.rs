//! Bad input answered clearly, and nothing lost: every case of issue 5, run through the binary as a
//! user (or a batch script) would, with the message it must give.

mod common;

use common::invariants::check_value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_chronoline"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("binary runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: the child may refuse the input and exit before reading all of it.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    o
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", stderr(o)))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Exit 0, no panic, and whatever was printed on stderr.
fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// Exit 2 with a message on stderr containing every one of `needles`, and no panic.
fn assert_error(o: &Output, needles: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr lacks {n:?}: {err}");
    }
}

/// Bytes that look like binary garbage, the same on every run.
fn garbage(n: usize) -> Vec<u8> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect()
}

#[test]
fn empty_and_whitespace_only_files_give_an_empty_timeline() {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [("empty.txt", ""), ("blank.txt", " \n\t\r\n  \n")] {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        let o = run(&["extract", s(&p), "--dct", "2024-08-13"]);
        assert_ok(&o);
        assert_eq!(stderr(&o), "", "{name}");
        let doc = json(&o);
        assert_eq!(doc["mentions"], serde_json::json!([]), "{name}");
        assert_eq!(doc["events"], serde_json::json!([]), "{name}");
    }
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_naming_the_file_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin.txt");
    std::fs::write(&p, b"It rained on Monday \xff\xfe and in caf\xe9s on Tuesday.").unwrap();
    let o = run(&["extract", s(&p), "--dct", "2024-08-13"]);
    assert_ok(&o);
    assert!(
        stderr(&o).contains("warning: ")
            && stderr(&o).contains("latin.txt: invalid UTF-8 at byte 20; decoded with replacement characters"),
        "{}",
        stderr(&o)
    );
    let values: Vec<String> =
        json(&o)["mentions"].as_array().unwrap().iter().map(|m| m["value"].as_str().unwrap().to_string()).collect();
    assert_eq!(values, ["2024-08-12", "2024-08-13"]);
}

#[test]
fn binary_garbage_gives_valid_output_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("garbage.bin");
    std::fs::write(&p, garbage(256 * 1024)).unwrap();
    for format in ["json", "tsv", "timeml", "svg"] {
        let o = run(&["extract", s(&p), "--dct", "2024-08-13", "--format", format]);
        assert_ok(&o);
        assert!(stderr(&o).contains("garbage.bin: invalid UTF-8 at byte"), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout.clone()).expect("output is UTF-8");
        match format {
            "json" => {
                let tl: chronoline::Timeline = serde_json::from_str(&out).unwrap();
                assert!(tl.mentions.iter().all(|m| check_value(&m.value).is_ok()));
            }
            "timeml" => {
                assert!(!out.contains('\0'));
                chronoline::timeml::parse(&out, Path::new("out.tml")).expect("TimeML output parses");
            }
            _ => assert!(!out.is_empty()),
        }
    }
}

#[test]
fn nul_bytes_are_read_like_any_character_and_never_reach_xml_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nul.txt");
    std::fs::write(&p, b"It rained\0 on Monday\0.\x01 Then\x0b it snowed on Tuesday.").unwrap();
    let o = run(&["extract", s(&p), "--dct", "2024-08-13", "--format", "tsv"]);
    assert_ok(&o);
    let tsv = String::from_utf8(o.stdout).unwrap();
    assert!(tsv.contains("14\t20\tDATE\t2024-08-12\t\tMonday"), "{tsv}");
    assert!(tsv.contains("DATE\t2024-08-13\t\tTuesday"), "{tsv}");
    let o = run(&["extract", s(&p), "--dct", "2024-08-13", "--format", "timeml"]);
    assert_ok(&o);
    let tml = String::from_utf8(o.stdout).unwrap();
    // XML cannot hold NUL or other control characters: each becomes a space, keeping every offset.
    assert!(
        tml.contains("It rained  on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-08-12\">Monday</TIMEX3> .  Then  it"),
        "{tml}"
    );
    assert!(!tml.chars().any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')));
    let o = run(&["extract", s(&p), "--dct", "2024-08-13"]);
    // JSON keeps them, escaped.
    assert!(String::from_utf8_lossy(&o.stdout).contains(r#""It rained\u0000 on Monday\u0000."#));
}

#[test]
fn a_200_mb_single_line_is_refused_unread_and_the_other_inputs_are_processed() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // 200 MB of one line (a sparse file: no disk space, no time to write it).
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "It rained on Monday.").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let t = std::time::Instant::now();
    let o = run(&["extract", s(&big), s(&good), "--dct", "2024-08-13", "--out-dir", s(&out)]);
    assert!(t.elapsed() < std::time::Duration::from_secs(10), "the large file was read: {:?}", t.elapsed());
    assert_error(
        &o,
        &[
            "big.txt: document too large: 209715200 bytes, over the limit of 67108864 bytes (--max-bytes)",
            "1 of 2 inputs failed",
        ],
    );
    assert!(std::fs::read_to_string(out.join("good.json")).unwrap().contains("2024-08-12"));
    assert!(!out.join("big.json").exists());
    // The limit is a flag: a smaller one refuses a smaller file, a larger one accepts it.
    let o = run(&["extract", s(&good), "--dct", "2024-08-13", "--max-bytes", "10"]);
    assert_error(&o, &["good.txt: document too large: 20 bytes, over the limit of 10 bytes"]);
    assert_ok(&run(&["extract", s(&good), "--dct", "2024-08-13", "--max-bytes", "20"]));
    let o = run(&["extract", s(&good), "--dct", "2024-08-13", "--max-bytes", "lots"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("\"lots\" is not a byte count"), "{}", stderr(&o));
}

#[test]
fn standard_input_is_read_no_further_than_the_limit() {
    let o = run_stdin(&["extract", "-", "--dct", "2024-08-13", "--max-bytes", "1K"], &vec![b'x'; 4096]);
    assert_error(&o, &["<stdin>: document too large: more than that, over the limit of 1024 bytes (--max-bytes)"]);
    let o = run_stdin(
        &["extract", "-", "--dct", "2024-08-13", "--max-bytes", "1K", "--format", "tsv"],
        b"It rained on Monday.",
    );
    assert_ok(&o);
    assert!(String::from_utf8_lossy(&o.stdout).contains("2024-08-12"));
}

#[test]
fn a_long_single_line_is_processed_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("line.txt");
    let unit = "Sales fell 5% last month, officials said on Monday; ";
    std::fs::write(&p, unit.repeat(2 * 1024 * 1024 / unit.len())).unwrap();
    let t = std::time::Instant::now();
    let o = run(&["extract", s(&p), "--dct", "2024-08-13", "--format", "tsv"]);
    assert_ok(&o);
    let rows = String::from_utf8_lossy(&o.stdout).lines().count() - 1;
    assert_eq!(rows, 2 * (2 * 1024 * 1024 / unit.len()));
    let budget = if cfg!(debug_assertions) { 120 } else { 20 };
    assert!(t.elapsed().as_secs() < budget, "{:?}", t.elapsed());
}

#[test]
fn a_bad_dct_exits_2_and_says_what_a_date_looks_like() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.txt");
    std::fs::write(&p, "It rained on Monday.").unwrap();
    for bad in ["2024-02-30", "tomorrow", "13/13/2024", "0000-01-01", "10000-01-01", "0", "10000", ""] {
        let o = run(&["extract", s(&p), "--dct", bad]);
        assert_error(
            &o,
            &[
                &format!("invalid date {bad:?}"),
                "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS+HH:MM with a year from 1 to 9999",
            ],
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn impossible_dates_in_text_never_give_an_invalid_value() {
    let text = "It was set for February 30, 2021, then the 32nd of May, then 2021-13-01, then 2021-02-29, \
                then 13/13/2024 and April 31. It happened on February 29, 2024 and on May 31.";
    let o = run_stdin(&["extract", "-", "--dct", "2024-08-13"], text.as_bytes());
    assert_ok(&o);
    let doc = json(&o);
    let mentions = doc["mentions"].as_array().unwrap();
    for m in mentions {
        let v = m["value"].as_str().unwrap();
        assert!(check_value(v).is_ok(), "{}: {v} ({:?})", m["text"], check_value(v));
    }
    let values: Vec<&str> = mentions.iter().map(|m| m["value"].as_str().unwrap()).collect();
    assert!(values.contains(&"2024-02-29") && values.contains(&"2024-05-31"), "{values:?}");
    for bad in ["2021-02-30", "2021-13-01", "2021-02-29", "2024-04-31", "XXXX-05-32"] {
        assert!(!values.contains(&bad), "{bad} in {values:?}");
    }
}

fn timeml(dct: Option<&str>, text: Option<&str>) -> String {
    let mut s = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d</DOCID>\n");
    if let Some(d) = dct {
        s += &format!("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n");
    }
    if let Some(t) = text {
        s += &format!("<TEXT>\n{t}\n</TEXT>\n");
    }
    s + "</TimeML>\n"
}

#[test]
fn timeml_without_text_without_dct_or_malformed_is_reported_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    let no_text = write("notext.tml", timeml(Some("1998-01-08"), None).as_bytes());
    let o = run(&["extract", s(&no_text)]);
    assert_error(&o, &["notext.tml: not a TimeML document we can read: no <TEXT> element"]);
    // Even with --dct: the markup is not searched as if it were text.
    assert_error(&run(&["extract", s(&no_text), "--dct", "1998-01-08"]), &["notext.tml: not a TimeML document"]);

    let no_dct = write("nodct.tml", timeml(None, Some("Profits fell yesterday.")).as_bytes());
    assert_error(&run(&["extract", s(&no_dct)]), &["nodct.tml: no publication date: give one with --dct YYYY-MM-DD"]);
    let o = run(&["extract", s(&no_dct), "--dct", "1998-01-08", "--format", "tsv"]);
    assert_ok(&o);
    assert!(String::from_utf8_lossy(&o.stdout).contains("DATE\t1998-01-07\t\tyesterday"));

    let bad_dct = write("baddct.tml", timeml(Some("19980108"), Some("Profits fell yesterday.")).as_bytes());
    assert_error(&run(&["extract", s(&bad_dct)]), &["baddct.tml: its DCT value \"19980108\" is not a date"]);

    let malformed = write("malformed.tml", timeml(Some("1998-01-08"), Some("Profits <b>fell yesterday.")).as_bytes());
    assert_error(&run(&["extract", s(&malformed)]), &["malformed.tml:7:1: malformed XML", "expected `</b>`"]);
    let unclosed = write("unclosed.tml", b"<?xml version=\"1.0\" ?>\n<TimeML>\n<TEXT>\nProfits fell yesterday.\n");
    assert_error(
        &run(&["extract", s(&unclosed), "--dct", "1998-01-08"]),
        &["unclosed.tml:5:1: <TEXT> is never closed"],
    );
}

#[test]
fn timeml_encoding_declarations_are_honoured_or_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |enc: &str, text: &[u8]| -> Vec<u8> {
        let mut v = format!("<?xml version=\"1.0\" encoding=\"{enc}\"?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">x</TIMEX3></DCT>\n<TEXT>\n").into_bytes();
        v.extend_from_slice(text);
        v.extend_from_slice(b"\n</TEXT>\n</TimeML>\n");
        v
    };
    let write = |name: &str, body: Vec<u8>| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    // Latin-1 bytes under a Latin-1 declaration: decoded (as windows-1252, like browsers), written as UTF-8.
    let latin1 = write("latin1.tml", doc("ISO-8859-1", b"The \x93caf\xe9\x94 closed yesterday."));
    let o = run(&["extract", s(&latin1), "--format", "timeml"]);
    assert_ok(&o);
    assert_eq!(stderr(&o), "");
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "{out}");
    assert!(
        out.contains("The “café” closed <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-07\">yesterday</TIMEX3>."),
        "{out}"
    );
    // UTF-8 bytes under a Latin-1 declaration: the declaration is wrong; UTF-8 is used, with a warning.
    let mislabeled = write("mislabeled.tml", doc("ISO-8859-1", "The café closed yesterday.".as_bytes()));
    let o = run(&["extract", s(&mislabeled), "--format", "timeml"]);
    assert_ok(&o);
    assert!(stderr(&o).contains("mislabeled.tml: declares encoding \"ISO-8859-1\" but is valid UTF-8; read as UTF-8"));
    assert!(String::from_utf8(o.stdout).unwrap().contains("The café closed"));
    // An encoding chronoline does not read: refused, saying how to convert.
    let sjis = write("sjis.tml", doc("Shift_JIS", b"\x82\xa0 yesterday"));
    assert_error(
        &run(&["extract", s(&sjis)]),
        &["sjis.tml: declares encoding \"Shift_JIS\", which chronoline does not read", "iconv -f Shift_JIS -t UTF-8"],
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("<?xml version=\"1.0\"?>".encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = write("utf16.tml", utf16);
    assert_error(
        &run(&["extract", s(&utf16), "--dct", "1998-01-08"]),
        &["utf16.tml: is UTF-16", "iconv -f UTF-16 -t UTF-8"],
    );
}

#[test]
fn unreadable_inputs_exit_2_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    assert_error(
        &run(&["extract", s(dir.path()), "--dct", "2024-08-13"]),
        &[&format!("{}: is a directory, not a document", s(dir.path()))],
    );
    let missing = dir.path().join("missing.txt");
    assert_error(&run(&["extract", s(&missing), "--dct", "2024-08-13"]), &["missing.txt: No such file or directory"]);
}

#[test]
fn a_missing_output_directory_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "It rained on Monday.").unwrap();
    let out = dir.path().join("no/such/dir/out.json");
    assert_error(
        &run(&["extract", s(&input), "--dct", "2024-08-13", "--out", s(&out)]),
        &[&format!("{}: cannot write: directory {} does not exist", s(&out), s(&dir.path().join("no/such/dir")))],
    );
    let out_dir = dir.path().join("nowhere");
    assert_error(
        &run(&["extract", s(&input), "--dct", "2024-08-13", "--out-dir", s(&out_dir)]),
        &["nowhere: output directory does not exist"],
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// A character device that fails every write like `/dev/full`. Made in `dir` when the tests run as
/// root (so that a regression that renames over the output cannot replace the system's `/dev/full`),
/// else the system's, which a non-root process cannot replace.
fn full_device(dir: &Path) -> PathBuf {
    let private = dir.join("full");
    let made = Command::new("mknod").args([s(&private), "c", "1", "7"]).stderr(Stdio::null()).status();
    if made.is_ok_and(|st| st.success()) {
        private
    } else {
        PathBuf::from("/dev/full")
    }
}

#[test]
fn an_unwritable_output_exits_2_and_leaves_no_partial_file() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(&input, "It rained on Monday.").unwrap();
    let full = full_device(dir.path());
    let o = run(&["extract", s(&input), "--dct", "2024-08-13", "--out", s(&full)]);
    assert_error(&o, &[&format!("{}: No space left on device", s(&full))]);
    // The device is still a device (it used to be replaced by a regular file holding the output).
    assert!(std::fs::metadata(&full).unwrap().file_type().is_char_device());
    let left: Vec<_> = std::fs::read_dir(full.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

#[test]
fn a_write_that_fails_midway_leaves_the_old_output_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.txt");
    std::fs::write(&input, "Sales fell 5% last month, officials said on Monday. ".repeat(2000)).unwrap();
    let out = dir.path().join("out.json");
    std::fs::write(&out, "{\"old\": true}\n").unwrap();
    // A file size limit of 8 blocks makes the write fail with EFBIG after a few KB (SIGXFSZ ignored).
    let o = Command::new("sh")
        .args(["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_chronoline"))
        .args(["extract", s(&input), "--dct", "2024-08-13", "--out", s(&out)])
        .output()
        .unwrap();
    assert_error(&o, &["out.json: File too large"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{\"old\": true}\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "a temporary file was left behind");
    // A run that fails before writing leaves it alone too.
    let o = run(&["extract", s(&dir.path().join("missing.txt")), "--dct", "2024-08-13", "--out", s(&out)]);
    assert_error(&o, &["missing.txt"]);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{\"old\": true}\n");
    // And a run that succeeds replaces it whole.
    std::fs::write(&input, "It rained on Monday.").unwrap();
    assert_ok(&run(&["extract", s(&input), "--dct", "2024-08-13", "--out", s(&out)]));
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(doc["mentions"][0]["value"], "2024-08-12");
}

#[test]
fn out_dir_reports_each_bad_input_and_writes_every_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        s(&p).to_string()
    };
    let inputs = [
        write("one.txt", b"It rained on Monday."),
        write("broken.tml", timeml(Some("1998-01-08"), Some("<b>oops")).as_bytes()),
        write("two.txt", b"It snowed last month."),
        dir.path().join("missing.txt").to_str().unwrap().to_string(),
        write("garbage.txt", &garbage(4096)),
    ];
    let mut args = vec!["extract"];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(["--dct", "2024-08-13", "--out-dir", s(&out)]);
    let o = run(&args);
    assert_error(&o, &["broken.tml:", "missing.txt:", "2 of 5 inputs failed"]);
    for name in ["one.json", "two.json", "garbage.json"] {
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out.join(name)).unwrap()).unwrap();
        assert_eq!(doc["schema"], "chronoline/1", "{name}");
    }
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3);
}

#[test]
fn a_stdout_closed_after_one_line_ends_the_run_quietly() {
    // `chronoline extract big.txt | head -1`: the reader goes away after the first line, and the
    // output (megabytes) is far larger than a pipe holds.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.txt");
    std::fs::write(&p, "Sales fell 5% last month, officials said on Monday. ".repeat(4000)).unwrap();
    let mut child = bin()
        .args(["extract", s(&p), "--dct", "2024-08-13"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert_eq!(first, "{\n");
    let o = child.wait_with_output().unwrap();
    assert_ok(&o);
    assert_eq!(stderr(&o), "");
}

#[test]
fn jsonl_with_broken_lines_gives_an_error_record_for_each_and_processes_every_other_line() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"a\",\"text\":\"It rained on Monday.\",\"dct\":\"2024-08-13\"}\n");
    input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"broken\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\":\"c\",\"text\":\"It rained on Monday \xff\xfe.\",\"dct\":\"2024-08-13\"}\n");
    input.extend_from_slice(b"{\"id\":\"d\",\"text\":\"It\\u0000 rained on Monday.\",\"dct\":\"2024-08-13\"}\n");
    input.extend_from_slice(b"{\"id\":\"e\",\"text\":\"It rained on Monday.\",\"dct\":\"2024-02-30\"}\n");
    input.extend_from_slice(
        format!("{{\"id\":\"f\",\"text\":\"{}\",\"dct\":\"2024-08-13\"}}\n", "x".repeat(5000)).as_bytes(),
    );
    input.extend_from_slice(&garbage(300).into_iter().filter(|&b| b != b'\n').collect::<Vec<u8>>());
    input.extend_from_slice(b"\n[1, 2]\n");
    input.extend_from_slice(b"{\"id\":\"g\",\"text\":\"It snowed last month.\",\"dct\":\"2024-08-13\"}");
    let o = run_stdin(&["extract", "--jsonl", "-", "--max-bytes", "1K", "--threads", "2"], &input);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));
    assert!(stderr(&o).contains("9 documents, 5 failed"), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 9);
    let first_value = |v: &serde_json::Value| v["mentions"][0]["value"].as_str().unwrap_or("").to_string();
    assert_eq!(first_value(&lines[0]), "2024-08-12");
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[1]["error"].as_str().unwrap().starts_with("bad JSON")),
        (Some(2), true)
    );
    assert_eq!(first_value(&lines[2]), "2024-08-12");
    assert_eq!(first_value(&lines[3]), "2024-08-12");
    assert_eq!(lines[4]["id"], "e");
    assert!(lines[4]["error"].as_str().unwrap().contains("invalid date \"2024-02-30\""));
    assert!(lines[5]["error"].as_str().unwrap().contains("exceeds the limit of 1024 bytes"), "{}", lines[5]);
    assert_eq!(lines[5]["line"], 7);
    assert!(lines[6]["error"].is_string() && lines[7]["error"] == "expected a JSON object");
    assert_eq!(first_value(&lines[8]), "2024-07");
}

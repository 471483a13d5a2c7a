//! `cargo run --release --bin bench -- [--size MB] [--threads N] [--corpus DIR]`: throughput of the
//! batch mode against a baseline measured in the same run.
//!
//! It writes a JSON Lines corpus of the given size, deterministically, from the development set's
//! texts (`../shared/corpora/tbaq`, or `--corpus`) and the seed article (the fixtures when the
//! corpus is absent); times the baseline (reading the JSONL and parsing each line's JSON, nothing
//! else); runs `chronoline extract --jsonl` with 1 and N threads as child processes (output to
//! /dev/null), sampling their peak RSS; and times pathological inputs. Speed is measured here, not in
//! tests. `--write-corpus FILE` only writes the corpus to FILE (for profiling the same input) and
//! exits.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Args {
    size_mb: usize,
    threads: usize,
    corpus: PathBuf,
    pathological_mb: usize,
    write_corpus: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        size_mb: 100,
        threads: std::thread::available_parallelism().map_or(2, |n| n.get()),
        corpus: Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/tbaq"),
        pathological_mb: 10,
        write_corpus: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--size" => a.size_mb = value()?.parse().map_err(|e| format!("--size: {e}"))?,
            "--threads" => a.threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?,
            "--corpus" => a.corpus = PathBuf::from(value()?),
            "--pathological-size" => a.pathological_mb = value()?.parse().map_err(|e| format!("{flag}: {e}"))?,
            "--write-corpus" => a.write_corpus = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!(
                    "bench [--size MB (100)] [--threads N (all cores)] [--corpus DIR] [--pathological-size MB (10)]\n\
                     bench --write-corpus FILE [--size MB] [--corpus DIR]   (the corpus only, for profiling)"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

/// The documents the corpus repeats: (id, text, dct), in a fixed order.
fn documents(corpus: &Path) -> Vec<(String, String, String)> {
    let mut docs = Vec::new();
    if let Ok(files) = chronoline::eval::gold_files(corpus) {
        for (_, path) in files {
            if let Ok(doc) = chronoline::timeml::read(&path) {
                let dct = doc.dct.clone().unwrap_or_default();
                let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                docs.push((name, doc.text, dct.get(..10).unwrap_or(&dct).to_string()));
            }
        }
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for name in ["musk-trump-x"] {
        if let Ok(text) = std::fs::read_to_string(fixtures.join(format!("{name}.txt"))) {
            docs.push((name.to_string(), text, "2024-08-13".to_string()));
        }
    }
    if docs.len() <= 1 {
        eprintln!("bench: {} not found; using the fixtures only", corpus.display());
        if let Ok(entries) = std::fs::read_dir(&fixtures) {
            let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths.iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
                if let Ok(text) = std::fs::read_to_string(p) {
                    docs.push((p.display().to_string(), text, "2020-01-01".to_string()));
                }
            }
        }
    }
    docs
}

/// Writes `size` bytes of JSON Lines, cycling through `docs`.
fn write_corpus(path: &Path, docs: &[(String, String, String)], size: u64) -> std::io::Result<(u64, usize)> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let (mut bytes, mut n) = (0u64, 0usize);
    while bytes < size {
        for (id, text, dct) in docs {
            let line = serde_json::json!({"id": format!("{id}#{n}"), "text": text, "dct": dct}).to_string();
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            bytes += line.len() as u64 + 1;
            n += 1;
            if bytes >= size {
                break;
            }
        }
    }
    out.flush()?;
    Ok((bytes, n))
}

/// The baseline: read the JSONL and parse each line's JSON.
fn baseline(path: &Path) -> std::io::Result<Duration> {
    let start = Instant::now();
    let mut input = BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let mut line = String::new();
    let mut docs = 0usize;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            break;
        }
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) {
            docs += usize::from(v.is_object());
        }
    }
    std::hint::black_box(docs);
    Ok(start.elapsed())
}

/// Peak resident set size of a running process, in kB, from /proc.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs the chronoline binary with `args` (stdout to /dev/null): wall time and peak RSS.
fn run_child(args: &[&str]) -> std::io::Result<(Duration, u64, bool)> {
    let exe = std::env::current_exe()?.with_file_name("chronoline");
    let start = Instant::now();
    let mut child =
        Command::new(exe).args(args).stdout(std::fs::File::create("/dev/null")?).stderr(Stdio::null()).spawn()?;
    let pid = child.id();
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = peak_rss_kb(pid) {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Ok((start.elapsed(), peak, status.success()))
}

fn mb_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    };
    if let Some(path) = &args.write_corpus {
        // Written beside the target and renamed, so that the file is whole or absent.
        let partial = path.with_extension("partial");
        let written = write_corpus(&partial, &documents(&args.corpus), args.size_mb as u64 * 1_000_000)
            .and_then(|counts| std::fs::rename(&partial, path).map(|()| counts));
        match written {
            Ok((bytes, n)) => println!("{}: {n} documents, {bytes} bytes", path.display()),
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                eprintln!("bench: {}: {e}", path.display());
                std::process::exit(2);
            }
        }
        return;
    }
    let dir = std::env::temp_dir().join(format!("chronoline-bench-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("bench: {}: {e}", dir.display());
        std::process::exit(2);
    }
    let result = run(&args, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = result {
        eprintln!("bench: {e}");
        std::process::exit(2);
    }
}

fn run(args: &Args, dir: &Path) -> std::io::Result<()> {
    let docs = documents(&args.corpus);
    let corpus = dir.join("corpus.jsonl");
    let (bytes, n) = write_corpus(&corpus, &docs, args.size_mb as u64 * 1_000_000)?;
    println!("corpus: {n} documents, {:.1} MB ({} distinct texts, repeated)", bytes as f64 / 1e6, docs.len());
    let base = baseline(&corpus)?;
    println!(
        "{:<34} {:>8.2} s {:>8.1} MB/s {:>10.0} docs/s",
        "baseline (read + parse JSON)",
        base.as_secs_f64(),
        mb_s(bytes, base),
        n as f64 / base.as_secs_f64()
    );
    let path = corpus.to_string_lossy().into_owned();
    let mut one = None;
    let mut thread_counts = vec![1];
    if args.threads > 1 {
        thread_counts.push(args.threads);
    }
    for t in thread_counts {
        let (d, rss, ok) = run_child(&["extract", "--jsonl", &path, "--threads", &t.to_string()])?;
        let label = format!("chronoline --jsonl, {t} thread{}", if t == 1 { "" } else { "s" });
        println!(
            "{label:<34} {:>8.2} s {:>8.1} MB/s {:>10.0} docs/s  peak RSS {:>6.1} MB  {:.1}x baseline time{}",
            d.as_secs_f64(),
            mb_s(bytes, d),
            n as f64 / d.as_secs_f64(),
            rss as f64 / 1024.0,
            d.as_secs_f64() / base.as_secs_f64(),
            if ok { "" } else { "  (FAILED)" }
        );
        match one {
            None => one = Some(d),
            Some(d1) => println!("{:<34} {:.2}x", "speed-up over 1 thread", d1.as_secs_f64() / d.as_secs_f64()),
        }
    }
    // Pathological inputs, each a single plain-text document.
    let size = args.pathological_mb * 1_000_000;
    let cases: Vec<(&str, String)> = vec![
        ("digits", "0123456789".repeat(size / 10)),
        ("January January ...", "January ".repeat(size / 8)),
        (
            "one line, no newline",
            docs.iter().map(|d| d.1.replace('\n', " ")).collect::<Vec<_>>().join(" ").repeat(size / 500_000 + 1)
                [..size]
                .to_string(),
        ),
        ("the day before the day before ...", "the day before ".repeat(size / 15)),
    ];
    for (name, text) in cases {
        // Each case is one JSON line: one document, read and written as in a batch run.
        let file = dir.join("pathological.jsonl");
        let line = serde_json::json!({"id": name, "text": text, "dct": "2024-08-13"}).to_string();
        std::fs::write(&file, format!("{line}\n"))?;
        let limit = (line.len() * 2).to_string();
        let (d, rss, ok) = run_child(&["extract", "--jsonl", &file.to_string_lossy(), "--max-bytes", &limit])?;
        println!(
            "{:<34} {:>8.2} s {:>8.1} MB/s  peak RSS {:>6.1} MB{}",
            format!("pathological: {name}"),
            d.as_secs_f64(),
            mb_s(text.len() as u64, d),
            rss as f64 / 1024.0,
            if ok { "" } else { "  (FAILED)" }
        );
    }
    Ok(())
}

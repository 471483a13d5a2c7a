//! The command line: argument parsing and the commands (`extract`, `check`, `eval`), thin over the
//! library. It never reads the clock: `main.rs` passes today's date in for `--dct today`.

pub mod check;
pub mod input;
pub mod output;

use crate::error::Error;
use crate::reference::Reference;
use crate::render::{Format, Source};
use crate::timeml::{self, TimeMlDoc};
use crate::{extract_with, Options, Timeline};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The bundled example article and its publication date.
pub const EXAMPLE_NAME: &str = "musk-trump-x";
const EXAMPLE_TEXT: &str = include_str!("../../fixtures/musk-trump-x.txt");
const EXAMPLE_EXPECTED: &str = include_str!("../../fixtures/musk-trump-x.expected.json");

/// chronoline: temporal expressions in news text -> TIMEX3 values -> an ordered timeline.
#[derive(Parser, Debug)]
#[command(name = "chronoline", version, about)]
pub struct Cli {
    /// The command; with none, `extract` runs on the bundled example.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract temporal expressions from documents (no FILE: the bundled example, into output/).
    Extract(ExtractArgs),
    /// Compare extraction with golden files NAME.expected.json beside NAME.txt.
    Check(CheckArgs),
    /// Score TIMEX3 extraction against gold TimeML (TempEval-3 Task A).
    Eval(EvalArgs),
}

/// Arguments of `eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// Directory of gold TimeML documents (searched recursively; subfolders are reported apart).
    pub gold_dir: PathBuf,
    /// Score these TimeML outputs (same file names) instead of running chronoline.
    #[arg(long)]
    pub system: Option<PathBuf>,
    /// List every miss, false alarm, wrong extent, type and value, with its sentence.
    #[arg(long)]
    pub errors: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `extract`.
#[derive(Args, Debug, Default)]
pub struct ExtractArgs {
    /// Input files (plain text or TimeML); `-` is standard input.
    pub files: Vec<String>,
    /// Publication date: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS+HH:MM, or `today`. Overrides a TimeML DCT.
    #[arg(long)]
    pub dct: Option<String>,
    /// Output format: json, svg, timeml or tsv.
    #[arg(long, default_value = "json")]
    pub format: String,
    /// Write the output to this file (one input only).
    #[arg(long, conflicts_with = "out_dir")]
    pub out: Option<PathBuf>,
    /// Write one output per input into this directory, named after the input.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Record, per mention, the rule and how its value was derived.
    #[arg(long)]
    pub explain: bool,
    /// Batch mode: the input is JSON Lines `{"id", "text", "dct", ...}`; JSON Lines to stdout.
    #[arg(long)]
    pub jsonl: bool,
    /// Worker threads for --jsonl (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Largest document accepted, in bytes (K, M, G: powers of 1024; KB, MB, GB: of 1000); a larger
    /// file or JSONL record is refused with an error naming it and its size, without being read whole.
    #[arg(long, value_name = "N", default_value = "64MiB", value_parser = input::parse_byte_size)]
    pub max_bytes: usize,
}

/// Arguments of `check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Directory of NAME.txt + NAME.expected.json pairs.
    #[arg(default_value = "fixtures")]
    pub dir: PathBuf,
    /// Rewrite the expected files with the current output.
    #[arg(long)]
    pub bless: bool,
}

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Ok,
    /// Exit 1: a check failed.
    Failed,
    /// Exit 2: some inputs could not be processed (each was reported; the others were).
    Errors,
}

/// Runs the command line. `today` serves `--dct today`; stdout/stderr are passed in for testing.
pub fn run(cli: Cli, today: NaiveDate, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<Outcome, Error> {
    match cli.command {
        None => run_example(&ExtractArgs::default(), stdout),
        Some(Command::Extract(a)) if a.jsonl => run_jsonl(&a, stdout, stderr),
        Some(Command::Extract(a)) if a.files.is_empty() => run_example(&a, stdout),
        Some(Command::Extract(a)) => run_extract(&a, today, stdout, stderr),
        Some(Command::Check(a)) => check::run(&a.dir, a.bless, stdout),
        Some(Command::Eval(a)) => run_eval(&a, stdout),
    }
}

fn run_eval(a: &EvalArgs, stdout: &mut dyn Write) -> Result<Outcome, Error> {
    let report = crate::eval::evaluate(&a.gold_dir, a.system.as_deref())?;
    let body = if a.json {
        let mut s = serde_json::to_string_pretty(&report.to_json()).unwrap_or_default();
        s.push('\n');
        s
    } else if a.errors {
        format!("{}\n{}", report.error_list(), report.summary())
    } else {
        report.summary()
    };
    output::write_stdout(stdout, body.as_bytes())?;
    Ok(Outcome::Ok)
}

fn run_jsonl(a: &ExtractArgs, stdout: &mut dyn Write, stderr: &mut dyn Write) -> Result<Outcome, Error> {
    use std::io::{BufReader, IsTerminal};
    let file = match a.files.as_slice() {
        [] => "-",
        [f] => f.as_str(),
        _ => return Err(Error::Usage("--jsonl takes one input (a file or -)".into())),
    };
    let (mut input, size): (Box<dyn std::io::BufRead>, Option<u64>) = if file == "-" {
        (Box::new(BufReader::with_capacity(1 << 20, std::io::stdin())), None)
    } else {
        let f = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, f)), size)
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = match size {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        let template = if size.is_some() {
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}"
        } else {
            "{spinner} {bytes} {bytes_per_sec} {msg}"
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar
    });
    let options = crate::batch::BatchOptions {
        threads: a.threads,
        explain: a.explain,
        max_bytes: a.max_bytes,
        ..Default::default()
    };
    let start = std::time::Instant::now();
    // The batch loop hands over output in large pieces, which pass this buffer by; a small one
    // gathers only small pieces (a short last piece, small blocks) instead of copying them all.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout);
    let summary = crate::batch::run(&mut input, &mut out, &options, &mut |bytes, docs| {
        if let Some(b) = &bar {
            b.set_position(bytes);
            b.set_message(format!("{docs} documents"));
        }
    })
    .map_err(|e| Error::io(if e.kind() == std::io::ErrorKind::BrokenPipe { "<stdout>" } else { file }, e))?;
    drop(out);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let _ = writeln!(
        stderr,
        "chronoline: {} documents, {} failed, {:.1} MB in {:.2} s ({:.1} MB/s)",
        summary.documents,
        summary.failed,
        summary.bytes as f64 / 1e6,
        secs,
        summary.bytes as f64 / 1e6 / secs
    );
    Ok(if summary.failed > 0 { Outcome::Failed } else { Outcome::Ok })
}

/// The example article's DCT, from its golden file.
fn example_reference() -> Result<Reference, Error> {
    let tl: Timeline = serde_json::from_str(EXAMPLE_EXPECTED)
        .map_err(|e| Error::input("fixtures/musk-trump-x.expected.json", e.to_string()))?;
    tl.document.dct.parse()
}

fn run_example(a: &ExtractArgs, stdout: &mut dyn Write) -> Result<Outcome, Error> {
    let reference = match &a.dct {
        Some(d) => d.parse()?,
        None => example_reference()?,
    };
    let dir = a.out_dir.clone().unwrap_or_else(|| PathBuf::from("output"));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let options = Options { name: EXAMPLE_NAME.to_string(), explain: a.explain, ..Options::default() };
    let tl = extract_with(EXAMPLE_TEXT, &reference, &options);
    for format in [Format::Json, Format::Svg] {
        let path = dir.join(format!("{EXAMPLE_NAME}.{}", format.extension()));
        let body = format.renderer().render(&Source { timeline: &tl, text: EXAMPLE_TEXT, timeml: None });
        output::write_atomic(&path, body.as_bytes())?;
        let _ =
            writeln!(stdout, "wrote {} ({} mentions, {} events)", path.display(), tl.mentions.len(), tl.events.len());
    }
    Ok(Outcome::Ok)
}

/// One input document, read and ready for extraction.
pub struct Input {
    /// Name for outputs (file stem, or `stdin`).
    pub name: String,
    /// The file name as given, for messages.
    pub label: String,
    /// The text, when the input was plain text.
    pub plain: String,
    /// The document, when the input was TimeML (its DCT may be used).
    pub timeml: Option<TimeMlDoc>,
}

impl Input {
    /// The text to extract from (the decoded `<TEXT>` of TimeML input).
    pub fn text(&self) -> &str {
        self.timeml.as_ref().map_or(&self.plain, |d| &d.text)
    }
}

/// Reads one input: plain text or TimeML, at most [`input::DEFAULT_MAX_BYTES`]. See
/// [`read_input_limited`].
pub fn read_input(file: &str, stderr: &mut dyn Write) -> Result<Input, Error> {
    read_input_limited(file, input::DEFAULT_MAX_BYTES, stderr)
}

/// Reads one input of at most `max_bytes` bytes (a larger one is refused unread): plain text or TimeML.
/// Invalid UTF-8 is decoded lossily with a warning that names the file and the byte offset of the first
/// bad byte; encoding declarations are handled as [`input`] describes.
pub fn read_input_limited(file: &str, max_bytes: usize, stderr: &mut dyn Write) -> Result<Input, Error> {
    let name = if file == "-" {
        "stdin".to_string()
    } else {
        Path::new(file).file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned())
    };
    let bytes = input::read_bytes(file, max_bytes)?;
    let text = input::decode(file, bytes, stderr)?;
    if timeml::looks_like_timeml(&text) {
        let doc = timeml::parse(&text, Path::new(file))?;
        return Ok(Input { name, label: file.to_string(), plain: String::new(), timeml: Some(doc) });
    }
    Ok(Input { name, label: file.to_string(), plain: text, timeml: None })
}

/// The reference for an input: `--dct` if given, else the TimeML DCT, else an error saying how to give one.
fn reference_for(input: &Input, dct: Option<&str>, today: NaiveDate) -> Result<Reference, Error> {
    if let Some(d) = dct {
        if d == "today" {
            return Ok(Reference::from_date(today));
        }
        return d.parse();
    }
    if let Some(doc) = &input.timeml {
        if let Some(v) = &doc.dct {
            // TimeML DCT values may carry a time ("1998-02-06T22:19:00"); the date is what matters.
            let date = v.get(..10).unwrap_or(v);
            return date.parse().map_err(|_| {
                Error::input(
                    &input.label,
                    format!("its DCT value {v:?} is not a date (YYYY-MM-DD); give one with --dct"),
                )
            });
        }
    }
    Err(Error::input(&input.label, "no publication date: give one with --dct YYYY-MM-DD (or --dct today)"))
}

fn run_extract(
    a: &ExtractArgs,
    today: NaiveDate,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<Outcome, Error> {
    let format = Format::from_name(&a.format)
        .ok_or_else(|| Error::Usage(format!("unknown format {:?}: use json, svg, timeml or tsv", a.format)))?;
    if a.out.is_some() && a.files.len() > 1 {
        return Err(Error::Usage("--out takes one input; use --out-dir for several".into()));
    }
    if let Some(d) = &a.dct {
        if d != "today" {
            d.parse::<Reference>()?;
        }
    }
    if let Some(dir) = &a.out_dir {
        if !dir.is_dir() {
            return Err(Error::input(dir, "output directory does not exist"));
        }
    }
    let several_to_stdout = a.out.is_none() && a.out_dir.is_none() && a.files.len() > 1;
    if several_to_stdout && matches!(format, Format::Svg | Format::TimeMl) {
        return Err(Error::Usage("several inputs in svg or timeml format need --out-dir".into()));
    }
    let mut failed = 0;
    for file in &a.files {
        let result = (|| -> Result<(), Error> {
            let input = read_input_limited(file, a.max_bytes, stderr)?;
            let reference = reference_for(&input, a.dct.as_deref(), today)?;
            let options = Options { name: input.name.clone(), explain: a.explain, ..Options::default() };
            let tl = extract_with(input.text(), &reference, &options);
            let src = Source { timeline: &tl, text: input.text(), timeml: input.timeml.as_ref() };
            let body = if several_to_stdout && format == Format::Json {
                // Several documents on stdout: one compact JSON document per line.
                let mut s = serde_json::to_string(&tl).unwrap_or_default();
                s.push('\n');
                s
            } else {
                format.renderer().render(&src)
            };
            if let Some(path) = &a.out {
                output::write_atomic(path, body.as_bytes())
            } else if let Some(dir) = &a.out_dir {
                output::write_atomic(&dir.join(format!("{}.{}", input.name, format.extension())), body.as_bytes())
            } else {
                output::write_stdout(stdout, body.as_bytes())
            }
        })();
        if let Err(e) = result {
            if output::is_broken_pipe(&e) {
                return Ok(Outcome::Ok);
            }
            // One bad input is reported, and the others are still processed.
            if a.files.len() == 1 {
                return Err(e);
            }
            let _ = writeln!(stderr, "chronoline: {e}");
            failed += 1;
        }
    }
    if failed > 0 {
        let _ = writeln!(stderr, "chronoline: {failed} of {} inputs failed", a.files.len());
        return Ok(Outcome::Errors);
    }
    Ok(Outcome::Ok)
}

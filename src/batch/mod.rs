//! Batch mode: JSON Lines in, JSON Lines out, streaming, on all cores, in input order.
//!
//! Each input line is a document `{"id": ..., "text": ..., "dct": "YYYY-MM-DD", ...}`; each output line
//! is the document's id and extra fields, carried through untouched, plus its `chronoline/1` schema,
//! document, mentions and events (an extra field named like one of those is dropped: the output's own
//! wins, and no key appears twice). A line that cannot be processed yields `{"id"?, "line": N, "error":
//! "..."}` and the run goes on. On one thread each line is read, processed and written in turn,
//! through buffers reused for the whole run. On more, whole lines are read in blocks of bounded
//! size, each block goes to one worker, which runs that same loop over it, and the blocks' outputs
//! are written in order, so memory does not grow with the input. A line longer than the document
//! limit is skipped without being held in memory.

mod plain;

use crate::reference::Reference;
use crate::{extract_into, Options};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::io::{BufRead, Write};

/// Settings of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Largest document (line) accepted, in bytes.
    pub max_bytes: usize,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Record how values were derived.
    pub explain: bool,
    /// Target size of a block of lines handed to one worker, in bytes (and how often progress is
    /// reported).
    pub chunk_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { max_bytes: 64 << 20, threads: 0, explain: false, chunk_bytes: 1 << 20 }
    }
}

/// What a batch run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Lines read (documents, good or bad; blank lines are skipped and not counted).
    pub documents: usize,
    /// Lines that gave an error record.
    pub failed: usize,
    /// Bytes read.
    pub bytes: u64,
}

/// One input line: its number (1-based) and its text (owned, or borrowed from the read buffer), or
/// the fact that it was too long.
enum Line<S> {
    Text(usize, S),
    TooLong(usize, u64),
    /// Not UTF-8: decoded with replacement characters; the byte offset of the first bad byte.
    NotUtf8(usize, S, usize),
}

impl<S: AsRef<str>> Line<S> {
    /// Appends the line's output line to `out`; true when it failed. `max` is the document limit.
    fn process_into(&self, explain: bool, max: usize, out: &mut Vec<u8>) -> bool {
        match self {
            Line::Text(n, text) => process_checked(text.as_ref(), *n, explain, None, out),
            Line::TooLong(n, len) => {
                let msg = format!("document of {len} bytes exceeds the limit of {max} bytes");
                out.extend_from_slice(error_record(None, *n, &msg).as_bytes());
                out.push(b'\n');
                true
            }
            Line::NotUtf8(n, text, at) => {
                let warning = format!("invalid UTF-8 at byte {at} of the line, decoded with replacement characters");
                process_checked(text.as_ref(), *n, explain, Some(&warning), out)
            }
        }
    }
}

/// Processes one JSON line (1-based `line_no`) and returns its output line, newline included.
pub fn process_line(line: &str, line_no: usize, explain: bool) -> String {
    let mut out = Vec::new();
    process_checked(line, line_no, explain, None, &mut out);
    // Every piece written is UTF-8 (strings from `&str`, digits, serde_json's own output).
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`process_line`], appending the output line to `out` and telling whether the line failed (gave
/// an error record); `warning` is written into a result line.
fn process_checked(line: &str, line_no: usize, explain: bool, warning: Option<&str>, out: &mut Vec<u8>) -> bool {
    let start = out.len();
    let failed = match process(line, explain, warning, out) {
        Ok(()) => false,
        Err((id, error)) => {
            // Whatever a failed line began to write is replaced by its error record.
            out.truncate(start);
            out.extend_from_slice(error_record(id, line_no, &error).as_bytes());
            true
        }
    };
    out.push(b'\n');
    failed
}

fn error_record(id: Option<Value>, line_no: usize, error: &str) -> String {
    let mut m = Map::new();
    if let Some(id) = id {
        m.insert("id".into(), id);
    }
    m.insert("line".into(), Value::from(line_no));
    m.insert("error".into(), Value::from(error));
    Value::Object(m).to_string()
}

/// An input line: the fields chronoline reads, and the others, carried through.
#[derive(Deserialize)]
struct InLine<'a> {
    id: Option<Value>,
    #[serde(borrow, default, deserialize_with = "borrowed_str")]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "borrowed_str")]
    dct: Option<Cow<'a, str>>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// An optional string, borrowed from the line when it has no escapes (serde's own `Option<Cow<str>>`
/// always copies: a document's text would be held twice).
fn borrowed_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v)))
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }
    }
    d.deserialize_option(Visitor)
}

/// Writes an output line (without its newline): the id, the extra fields, the warning, then the
/// timeline's fields, in one object, as serde writes a struct with the extra fields and the timeline
/// flattened into it.
fn write_out_line(
    out: &mut Vec<u8>,
    id: Option<&Value>,
    extra: &Map<String, Value>,
    warning: Option<&str>,
    timeline: &crate::Timeline,
) -> serde_json::Result<()> {
    use crate::render::json::{write_str, write_timeline_fields};
    out.push(b'{');
    if let Some(id) = id {
        out.extend_from_slice(b"\"id\":");
        match id {
            // A string id (the usual one) as serde writes it, by the timeline's string writer
            // (serde's escapes a byte at a time).
            Value::String(s) => write_str(out, s),
            _ => serde_json::to_writer(&mut *out, id)?,
        }
        out.push(b',');
    }
    for (k, v) in extra {
        write_str(out, k);
        out.push(b':');
        serde_json::to_writer(&mut *out, v)?;
        out.push(b',');
    }
    if let Some(w) = warning {
        out.extend_from_slice(b"\"warning\":");
        write_str(out, w);
        out.push(b',');
    }
    write_timeline_fields(out, timeline);
    out.push(b'}');
    Ok(())
}

/// The fields of an output line that come from the timeline: an input field with one of these names is
/// not carried through, so that no output line has a key twice.
const TIMELINE_FIELDS: &[&str] = &["schema", "document", "sentences", "mentions", "events", "warning"];

/// Appends the output line of `line` (without its newline) to `out`; on error, what was appended is
/// left for the caller to drop.
fn process(line: &str, explain: bool, warning: Option<&str>, out: &mut Vec<u8>) -> Result<(), (Option<Value>, String)> {
    thread_local! {
        // The decoded text of a plain line, reused from line to line (a nested call finds it
        // taken and starts a new one).
        static TEXT: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut buf = TEXT.take();
    let result = match plain::read(line, &mut buf) {
        Some(p) => {
            let input = InLine { id: p.id, text: Some(p.text), dct: Some(p.dct), extra: Map::new() };
            process_input(line, input, explain, warning, out)
        }
        None => read_with_serde(line).and_then(|input| process_input(line, input, explain, warning, out)),
    };
    // A huge text's buffer is not kept for the rest of the run.
    if buf.capacity() <= 16 << 20 {
        TEXT.set(buf);
    }
    result
}

/// Reads an input line with serde: every line that is not plain, and every error message.
fn read_with_serde(line: &str) -> Result<InLine<'_>, (Option<Value>, String)> {
    serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        // A JSON value that is not an object, or an object with a field of the wrong type.
        if e.is_data() && !line.trim_start().starts_with('{') {
            (None, "expected a JSON object".to_string())
        } else if e.is_data() {
            (None, format!("bad field: {msg}"))
        } else {
            (None, format!("bad JSON: {msg}"))
        }
    })
}

/// [`process`] once the line is read.
fn process_input(
    line: &str,
    mut input: InLine,
    explain: bool,
    warning: Option<&str>,
    out: &mut Vec<u8>,
) -> Result<(), (Option<Value>, String)> {
    let id = input.id;
    let fail = |msg: String| (id.clone(), msg);
    let text = input.text.ok_or_else(|| fail("missing \"text\"".into()))?;
    let dct = input.dct.ok_or_else(|| fail("missing \"dct\"".into()))?;
    let reference: Reference = dct.parse().map_err(|e: crate::Error| fail(e.to_string()))?;
    thread_local! {
        // The latest document's timeline, its lists and strings overwritten by the next document's
        // (a nested call finds it taken and starts a new one).
        static TIMELINE: std::cell::Cell<crate::Timeline> = std::cell::Cell::default();
        // The document name's buffer, reused from line to line (a string per line cost about 150
        // instructions).
        static NAME: crate::spare::Slot<String> = const { crate::spare::Slot::new(String::new()) };
    }
    let mut name = NAME.with(crate::spare::Slot::take);
    name.clear();
    match &id {
        Some(Value::String(s)) => name.push_str(s),
        // (What `to_string` writes; writing into a `String` cannot fail.)
        Some(v) => {
            use std::fmt::Write as _;
            let _ = write!(name, "{v}");
        }
        None => {}
    }
    let mut tl = TIMELINE.take();
    let options = Options { name, explain, policy: crate::Policy::default() };
    extract_into(&text, &reference, &options, &mut tl);
    if options.name.capacity() <= 1 << 10 {
        NAME.with(|slot| slot.give(options.name));
    }
    input.extra.retain(|k, _| !TIMELINE_FIELDS.contains(&k.as_str()));
    // Output is about twice the input: reserve that much once.
    out.reserve(2 * line.len() + 256);
    // Every piece written is UTF-8 (strings from `&str`, digits, serde_json's own output): the
    // bytes go out without a second check.
    let written = write_out_line(out, id.as_ref(), &input.extra, warning, &tl);
    // A timeline grown large by one long document is not kept for the rest of the run.
    const KEEP: usize = 1 << 10;
    if tl.mentions.capacity().max(tl.events.capacity()).max(tl.sentences.capacity()) <= KEEP {
        TIMELINE.set(tl);
    }
    written.map_err(|e| fail(format!("cannot serialize: {e}")))
}

/// Reads the next line, at most `max` bytes kept; a longer line is consumed without being stored.
fn read_line(input: &mut dyn BufRead, max: usize, buf: &mut Vec<u8>) -> std::io::Result<Option<u64>> {
    buf.clear();
    let mut total: u64 = 0;
    let mut any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (used, done) = match find_newline(chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let content = if done { used - 1 } else { used };
        if buf.len() + content <= max {
            buf.extend_from_slice(&chunk[..content]);
        }
        total += content as u64;
        input.consume(used);
        if done {
            return Ok(Some(total));
        }
    }
}

/// `std::str::from_utf8(b)`, the same result: runs of blocks of 128 bytes all ASCII are passed by
/// one test a block, and only the rest goes to the standard check (which read every line whole,
/// about half an instruction a byte).
fn utf8(b: &[u8]) -> Result<&str, std::str::Utf8Error> {
    let mut at = 0;
    loop {
        at += b[at..].chunks_exact(BLOCK).take_while(|block| all_ascii(block)).count() * BLOCK;
        if at >= b.len() {
            break;
        }
        let end = (at + BLOCK).min(b.len());
        match std::str::from_utf8(&b[at..end]) {
            Ok(_) => at = end,
            // A character cut by the block's end (a block holds several): checked again from its
            // first byte, with the bytes after it.
            Err(e) if e.error_len().is_none() && end < b.len() => at += e.valid_up_to(),
            // The error the standard check gives for the whole.
            Err(_) => return std::str::from_utf8(b),
        }
    }
    // SAFETY: `b` was checked above in pieces, one after the other from its start, each ASCII or
    // valid UTF-8: each piece is whole characters, so the next starts a character, and the whole
    // is valid UTF-8.
    Ok(unsafe { std::str::from_utf8_unchecked(b) })
}

/// The bytes [`utf8`] tests at once.
const BLOCK: usize = 128;

/// Whether the [`BLOCK`] bytes of `block` are all ASCII: their high bits, eight loads at a time
/// with SSE2.
#[cfg(target_arch = "x86_64")]
#[inline]
fn all_ascii(block: &[u8]) -> bool {
    use std::arch::x86_64::*;
    let block: &[u8; BLOCK] = block.try_into().expect("a block");
    // SAFETY: SSE2 is part of x86-64 itself; each load reads 16 bytes within `block`.
    unsafe {
        let load = |k: usize| _mm_loadu_si128(block[k..k + 16].as_ptr().cast());
        let low = _mm_or_si128(_mm_or_si128(load(0), load(16)), _mm_or_si128(load(32), load(48)));
        let high = _mm_or_si128(_mm_or_si128(load(64), load(80)), _mm_or_si128(load(96), load(112)));
        _mm_movemask_epi8(_mm_or_si128(low, high)) == 0
    }
}

/// [`all_ascii`] without SSE2.
#[cfg(not(target_arch = "x86_64"))]
#[inline]
fn all_ascii(block: &[u8]) -> bool {
    block.is_ascii()
}

/// The index of the first `\n` in `b`: the trigger scan's search for long inputs, 64 bytes a test
/// (lines are long; `position` goes byte by byte).
fn find_newline(b: &[u8]) -> Option<usize> {
    crate::detect::first_newline_long(b)
}

/// Runs a batch: JSON lines from `input` to `output`, calling `progress(bytes, documents)` after each
/// chunk. Stops early (returning the error) only if reading input or writing output fails.
pub fn run(
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    options: &BatchOptions,
    progress: &mut dyn FnMut(u64, usize),
) -> std::io::Result<BatchSummary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    if pool.current_num_threads() == 1 {
        drop(pool);
        return run_lines(input, Some(output), &mut Vec::new(), options, 0, progress);
    }
    let threads = pool.current_num_threads();
    let mut summary = BatchSummary::default();
    let mut line_no = 0;
    let mut eof = false;
    // A pipeline: this thread reads blocks of whole lines, hands each to a worker, which runs the
    // one-thread loop over it (lines read in place, buffers reused) into one output buffer, and
    // writes the outputs in input order. Up to two blocks per worker are in the pool at once, so
    // that no worker waits for reading or writing, and memory stays bounded by a few blocks.
    type Done = std::sync::mpsc::Receiver<std::io::Result<Block>>;
    let mut in_flight: std::collections::VecDeque<Done> = std::collections::VecDeque::new();
    // Blocks written out, kept to be filled again (their input and output buffers).
    let mut spare: Vec<Block> = Vec::new();
    let mut write_done = |rx: Done, summary: &mut BatchSummary, spare: &mut Vec<Block>| -> std::io::Result<()> {
        let mut block = rx.recv().map_err(|_| std::io::Error::other("a batch worker stopped"))??;
        summary.documents += block.summary.documents;
        summary.failed += block.summary.failed;
        output.write_all(&block.output)?;
        progress(summary.bytes, summary.documents);
        block.output.clear();
        spare.push(block);
        Ok(())
    };
    while !eof {
        let mut block = spare.pop().unwrap_or_default();
        block.first_line = line_no;
        eof = read_block(input, options, &mut block)?;
        line_no += block.lines;
        summary.bytes += block.bytes;
        let options = options.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        pool.spawn(move || {
            let result = block.process(&options).map(|()| block);
            // The receiver is gone only if the run already failed.
            let _ = tx.send(result);
        });
        in_flight.push_back(rx);
        if in_flight.len() >= 2 * threads {
            if let Some(rx) = in_flight.pop_front() {
                write_done(rx, &mut summary, &mut spare)?;
            }
        }
    }
    while let Some(rx) = in_flight.pop_front() {
        write_done(rx, &mut summary, &mut spare)?;
    }
    output.flush()?;
    Ok(summary)
}

/// Whole input lines handed to a worker of [`run`], and what it made of them.
#[derive(Default)]
struct Block {
    /// Lines read before the block's first.
    first_line: usize,
    /// The block's lines, each with its line break (but a last line of the input may have none).
    input: Vec<u8>,
    /// Lines in `input` (a last line without line break counted), then the line too long to be
    /// kept that ended the block, if any.
    lines: usize,
    /// That line too long: its length, without line break.
    too_long: Option<u64>,
    /// Bytes read for the block, as [`BatchSummary::bytes`] counts them.
    bytes: u64,
    /// Output lines of the block, in order.
    output: Vec<u8>,
    /// Documents and failures of the block (its bytes are counted when it is read).
    summary: BatchSummary,
}

impl Block {
    /// Runs the one-thread loop over the block's lines, then writes the error record of the line
    /// too long, if any, into its output.
    fn process(&mut self, options: &BatchOptions) -> std::io::Result<()> {
        let mut input = &self.input[..];
        self.summary = run_lines(&mut input, None, &mut self.output, options, self.first_line, &mut |_, _| {})?;
        if let Some(len) = self.too_long {
            let line = Line::<&str>::TooLong(self.first_line + self.lines, len);
            self.summary.failed += usize::from(line.process_into(options.explain, options.max_bytes, &mut self.output));
            self.summary.documents += 1;
        }
        Ok(())
    }
}

/// Fills `block` with whole lines from `input`, up to about [`BatchOptions::chunk_bytes`]: a block
/// ends after the line that reaches that size, or at a line longer than [`BatchOptions::max_bytes`]
/// (read past without being kept, and recorded as the block's last line). True at the end of the
/// input.
fn read_block(input: &mut dyn BufRead, options: &BatchOptions, block: &mut Block) -> std::io::Result<bool> {
    block.input.clear();
    block.lines = 0;
    block.too_long = None;
    block.bytes = 0;
    // Bytes of the current line already in the block.
    let mut partial = 0;
    while block.input.len() < options.chunk_bytes || partial > 0 {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            if partial > 0 {
                // A last line without line break counts one byte more, as in `run_lines`.
                block.lines += 1;
                block.bytes += partial as u64 + 1;
            }
            return Ok(true);
        }
        let (content, used) = match find_newline(chunk) {
            Some(nl) => (nl, nl + 1),
            None => (chunk.len(), chunk.len()),
        };
        if partial + content > options.max_bytes {
            // Too long: what the block holds of it goes, and the rest is read past.
            block.input.truncate(block.input.len() - partial);
            let rest = read_line(input, 0, &mut Vec::new())?.unwrap_or(0);
            let len = partial as u64 + rest;
            block.lines += 1;
            block.too_long = Some(len);
            block.bytes += len + 1;
            return Ok(false);
        }
        block.input.extend_from_slice(&chunk[..used]);
        input.consume(used);
        if used > content {
            block.lines += 1;
            block.bytes += (partial + used) as u64;
            partial = 0;
        } else {
            partial += used;
        }
    }
    Ok(false)
}

/// [`run`] on one thread, and each worker's loop over a block of lines on more (`lines_before`: the
/// number of input lines before the first of `input`): each line is read where it lies in the
/// reader's buffer (or, when it does not lie there whole, copied into one buffer reused for the
/// run), processed, and its output line appended to `out`, which is written to `output` about a
/// megabyte at a time (without `output`, a block's output lines stay in `out`, not copied); so a
/// run allocates no line buffers per document.
fn run_lines(
    input: &mut dyn BufRead,
    mut output: Option<&mut dyn Write>,
    out: &mut Vec<u8>,
    options: &BatchOptions,
    lines_before: usize,
    progress: &mut dyn FnMut(u64, usize),
) -> std::io::Result<BatchSummary> {
    /// Buffers grown past this by one huge line are given back rather than kept for the run.
    const KEEP: usize = 16 << 20;
    /// Output gathered before it is written: a write this large passes a buffered writer's own
    /// buffer by instead of being copied into it.
    const WRITE: usize = 1 << 20;
    // With an output, the lines gather in `out` up to about `WRITE` bytes before each write: its
    // room is taken at once (grown by doubling, it was copied a dozen times over, about 0.3M
    // instructions a run; pages not written to are not touched).
    if output.is_some() {
        out.reserve(2 * WRITE);
    }
    let mut summary = BatchSummary::default();
    let mut line_no = lines_before;
    let mut buf = Vec::new();
    // Bytes read since progress was last reported: reported every `chunk_bytes`, as [`run`] does.
    let mut unreported = 0;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        // The usual line lies whole in the reader's buffer: it is read there.
        let (line, len, consumed) = match find_newline(chunk).filter(|&nl| nl <= options.max_bytes) {
            Some(nl) => (&chunk[..nl], nl as u64, Some(nl + 1)),
            None => {
                let Some(len) = read_line(input, options.max_bytes, &mut buf)? else {
                    break;
                };
                (&buf[..], len, None)
            }
        };
        line_no += 1;
        summary.bytes += len + 1;
        let line = if len as usize > options.max_bytes {
            Line::TooLong(line_no, len)
        } else if line.iter().all(u8::is_ascii_whitespace) {
            if let Some(n) = consumed {
                input.consume(n);
            }
            continue;
        } else {
            unreported += line.len();
            match utf8(line) {
                Ok(text) => Line::Text(line_no, Cow::Borrowed(text)),
                Err(e) => Line::NotUtf8(line_no, String::from_utf8_lossy(line), e.valid_up_to()),
            }
        };
        let failed = line.process_into(options.explain, options.max_bytes, out);
        drop(line);
        if let Some(n) = consumed {
            input.consume(n);
        }
        summary.documents += 1;
        summary.failed += usize::from(failed);
        if let Some(output) = output.as_mut().filter(|_| out.len() >= WRITE || out.capacity() > KEEP) {
            output.write_all(out)?;
            out.clear();
            // Written first: only an empty buffer is given back.
            if out.capacity() > KEEP {
                *out = Vec::new();
            }
        }
        if buf.capacity() > KEEP {
            buf = Vec::new();
        }
        if unreported >= options.chunk_bytes {
            unreported = 0;
            progress(summary.bytes, summary.documents);
        }
    }
    progress(summary.bytes, summary.documents);
    if let Some(output) = output {
        output.write_all(out)?;
        out.clear();
        output.flush()?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(input: &str, threads: usize) -> (String, BatchSummary) {
        let mut out = Vec::new();
        let opts = BatchOptions { threads, chunk_bytes: 64, ..BatchOptions::default() };
        let s = run(&mut input.as_bytes(), &mut out, &opts, &mut |_, _| {}).unwrap();
        (String::from_utf8(out).unwrap(), s)
    }

    #[test]
    fn results_keep_input_order_ids_and_extra_fields() {
        let input = (0..50)
            .map(|i| format!("{{\"id\": {i}, \"text\": \"It rained on Monday, day {i}.\", \"dct\": \"2024-08-13\", \"src\": \"x{i}\"}}\n"))
            .collect::<String>();
        let (out, s) = run_str(&input, 2);
        assert_eq!(s, BatchSummary { documents: 50, failed: 0, bytes: input.len() as u64 });
        for (i, line) in out.lines().enumerate() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert_eq!(v["id"], i);
            assert_eq!(v["src"], format!("x{i}"));
            assert_eq!(v["mentions"][0]["value"], "2024-08-12");
            assert!(v.get("text").is_none());
        }
    }

    #[test]
    fn utf8_checks_as_the_standard_check_does() {
        // Mostly ASCII, with characters of two to four bytes and bad bytes placed across the
        // blocks' ends.
        let pieces: [&[u8]; 9] = [
            b"a",
            b"plain text ",
            "é".as_bytes(),
            "’".as_bytes(),
            "😀".as_bytes(),
            b"\x80",
            b"\xe2\x80",
            b"\xf0\x9f\x98",
            b"\xc0\xaf",
        ];
        let mut next = crate::detect::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3000 {
            let mut b = Vec::new();
            let len = next(400);
            while b.len() < len {
                // Bad bytes are rare, so that most inputs are valid.
                let k = if next(150) == 0 { 5 + next(4) } else { next(5) };
                b.extend_from_slice(pieces[k]);
            }
            assert_eq!(utf8(&b), std::str::from_utf8(&b), "{b:?}");
        }
        let ascii = "x".repeat(BLOCK * 3);
        for at in [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK - 2, 3 * BLOCK - 1] {
            for c in ["é", "’", "😀"] {
                let mut s = ascii.clone();
                s.insert_str(at, c);
                assert_eq!(utf8(s.as_bytes()), Ok(s.as_str()));
                let mut b = s.clone().into_bytes();
                b.truncate(at + 1);
                assert_eq!(utf8(&b), std::str::from_utf8(&b));
            }
        }
    }

    #[test]
    fn ids_are_written_as_serde_writes_them() {
        let ids = [
            r#""plain""#,
            r#""a \"quoted\" id\\ with\ttabs\n""#,
            r#""\u0001\u001f caf\u00e9 \u2028 €""#,
            r#""""#,
            "7",
            "-2.5e3",
            "true",
            "null",
        ];
        for id in ids {
            let input = format!("{{\"id\": {id}, \"text\": \"It rained on Monday.\", \"dct\": \"2024-08-13\"}}\n");
            let (out, _) = run_str(&input, 1);
            let v: Value = serde_json::from_str(&input).unwrap();
            let want = match &v["id"] {
                Value::Null => "{\"schema\"".to_string(),
                id => format!("{{\"id\":{},", serde_json::to_string(id).unwrap()),
            };
            assert!(out.starts_with(&want), "{id}: {out}");
        }
    }

    #[test]
    fn one_thread_and_chunks_on_threads_write_the_same_bytes() {
        let mut input =
            b"{\"id\":1,\"text\":\"Monday\\n\\nMay 5\",\"dct\":\"2024-08-13\",\"x\":[1]}\n{broken\n\n".to_vec();
        input.extend_from_slice(b"{\"id\":2,\"text\":\"caf");
        input.extend_from_slice(&[0xE9]);
        input.extend_from_slice(b" today\",\"dct\":\"2024-08-13\"}\n");
        input.extend_from_slice(
            format!("{{\"id\":3,\"text\":\"{}\",\"dct\":\"2024-08-13\"}}\n", "May 5 ".repeat(400)).as_bytes(),
        );
        input.extend_from_slice(b"{\"text\":\"next week\",\"dct\":\"2024-08-13\"}");
        let run_bytes = |threads| {
            let mut out = Vec::new();
            let opts = BatchOptions { threads, chunk_bytes: 64, max_bytes: 1000, ..BatchOptions::default() };
            let s = run(&mut input.as_slice(), &mut out, &opts, &mut |_, _| {}).unwrap();
            (out, s)
        };
        let (one, s1) = run_bytes(1);
        let (two, s2) = run_bytes(2);
        assert_eq!(String::from_utf8_lossy(&one), String::from_utf8_lossy(&two));
        assert_eq!(s1, s2);
        // Lines across the reader's buffer (one thread copies those), whatever its size.
        for capacity in [1, 7, 64, 1000] {
            let mut out = Vec::new();
            let opts = BatchOptions { threads: 1, max_bytes: 1000, ..BatchOptions::default() };
            let mut reader = std::io::BufReader::with_capacity(capacity, input.as_slice());
            let s = run(&mut reader, &mut out, &opts, &mut |_, _| {}).unwrap();
            assert_eq!(String::from_utf8_lossy(&out), String::from_utf8_lossy(&one), "capacity {capacity}");
            assert_eq!(s, s1);
        }
        assert_eq!((s1.documents, s1.failed), (5, 2));
    }

    /// Blocks of any size on any number of threads, lines across the reader's buffer, lines too
    /// long in the middle and at the end (without line break): the bytes and counts of one thread.
    #[test]
    fn blocks_write_what_one_thread_writes() {
        let mut input = Vec::new();
        for i in 0..40 {
            let text = if i % 7 == 3 { "a".repeat(1500) } else { format!("On May {} it rained.", i % 28 + 1) };
            input.extend_from_slice(format!("{{\"id\":{i},\"text\":\"{text}\",\"dct\":\"2024-08-13\"}}\n").as_bytes());
            if i % 5 == 0 {
                input.extend_from_slice(b"\n  \n{broken\n");
            }
        }
        input.extend_from_slice(format!("{{\"text\":\"{}\"}}", "b".repeat(2000)).as_bytes());
        let run_bytes = |threads, chunk_bytes, capacity| {
            let mut out = Vec::new();
            let opts = BatchOptions { threads, chunk_bytes, max_bytes: 1000, ..BatchOptions::default() };
            let mut reader = std::io::BufReader::with_capacity(capacity, input.as_slice());
            let s = run(&mut reader, &mut out, &opts, &mut |_, _| {}).unwrap();
            (String::from_utf8(out).unwrap(), s)
        };
        let one = run_bytes(1, 1 << 20, 1 << 16);
        assert_eq!(one.1.bytes, input.len() as u64 + 1);
        assert_eq!((one.1.documents, one.1.failed), (49, 15));
        for threads in [2, 3] {
            for chunk_bytes in [1, 100, 1200, 5000] {
                for capacity in [7, 300, 1 << 16] {
                    assert_eq!(run_bytes(threads, chunk_bytes, capacity), one, "{threads} {chunk_bytes} {capacity}");
                }
            }
        }
    }

    /// Writing the one-thread path: a document long enough for its output buffer to be given back
    /// had its output line dropped with the buffer.
    #[test]
    fn a_long_document_keeps_its_output_line() {
        let input = format!(
            "{{\"id\":1,\"text\":\"{}\",\"dct\":\"2024-08-13\"}}\n{{\"id\":2,\"text\":\"today\",\"dct\":\"2024-08-13\"}}",
            "x ".repeat(5 << 20)
        );
        let (out, s) = run_str(&input, 1);
        assert_eq!(s.documents, 2);
        let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!((lines.len(), &lines[0]["id"], &lines[1]["id"]), (2, &Value::from(1), &Value::from(2)));
    }

    #[test]
    fn a_bad_line_gives_an_error_record_and_the_rest_go_on() {
        let input = "{\"id\":\"a\",\"text\":\"today\",\"dct\":\"2024-08-13\"}\n{broken\n{\"id\":\"c\",\"text\":\"x\",\"dct\":\"2024-02-30\"}\n{\"id\":\"d\",\"dct\":\"2024-08-13\"}\n{\"id\":\"e\",\"text\":\"tomorrow\",\"dct\":\"2024-08-13\"}\n";
        let (out, s) = run_str(input, 1);
        let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(s.failed, 3);
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0]["mentions"][0]["value"], "2024-08-13");
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[1]["error"].as_str().unwrap().starts_with("bad JSON"));
        assert_eq!(lines[2]["id"], "c");
        assert!(lines[2]["error"].as_str().unwrap().contains("2024-02-30"));
        assert_eq!(lines[3]["error"], "missing \"text\"");
        assert_eq!(lines[4]["mentions"][0]["value"], "2024-08-14");
    }

    #[test]
    fn a_line_that_is_not_utf8_is_decoded_with_a_warning() {
        let mut input = b"{\"id\":1,\"text\":\"caf".to_vec();
        input.extend_from_slice(&[0xE9]);
        input.extend_from_slice(b" today\"");
        input.extend_from_slice(b",\"dct\":\"2024-08-13\"}\n{\"id\":2,\"text\":\"today\",\"dct\":\"2024-08-13\"}\n");
        let mut out = Vec::new();
        let s = run(&mut input.as_slice(), &mut out, &BatchOptions::default(), &mut |_, _| {}).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(s.failed, 0);
        let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert!(first["warning"].as_str().unwrap().starts_with("invalid UTF-8 at byte 19 of the line"), "{out}");
        assert_eq!(first["sentences"][0], "caf\u{fffd} today");
        assert!(out.lines().nth(1).unwrap().contains("\"id\":2"));
    }

    #[test]
    fn newlines_are_found_at_every_offset() {
        for len in 0..40 {
            for at in 0..=len {
                let mut b = vec![b'x'; len];
                if at < len {
                    b[at] = b'\n';
                }
                let want = b.iter().position(|&c| c == b'\n');
                assert_eq!(find_newline(&b), want, "len {len}, newline at {at}");
            }
        }
        assert_eq!(find_newline(b"\x8a\x0b\xff\x09abcdefgh\nx"), Some(12));
    }

    #[test]
    fn an_overlong_line_is_refused_without_being_kept() {
        let long = format!("{{\"id\":1,\"text\":\"{}\",\"dct\":\"2024-08-13\"}}\n", "a".repeat(5000));
        let input = format!("{long}{{\"id\":2,\"text\":\"today\",\"dct\":\"2024-08-13\"}}\n");
        let mut out = Vec::new();
        let opts = BatchOptions { max_bytes: 1000, threads: 1, ..BatchOptions::default() };
        let s = run(&mut input.as_bytes(), &mut out, &opts, &mut |_, _| {}).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(s.failed, 1);
        assert!(out.lines().next().unwrap().contains("exceeds the limit of 1000 bytes"));
        assert!(out.lines().nth(1).unwrap().contains("\"id\":2"));
    }
}

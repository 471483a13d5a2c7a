//! Reading inputs: bounded in size before they are read, decoded to text with every oddity reported
//! against the file name and byte offset.
//!
//! - A document larger than the limit (`--max-bytes`, default [`DEFAULT_MAX_BYTES`]) is refused with
//!   its size, without reading it: a file's size comes from its metadata; standard input, pipes and
//!   devices are read up to one byte past the limit.
//! - Text is UTF-8. Invalid UTF-8 is decoded with replacement characters and a warning naming the file
//!   and the offset of the first bad byte (a scraped page with one stray byte still gets its dates).
//! - An XML declaration naming ISO-8859-1, Latin-1, US-ASCII or windows-1252 is honoured when the bytes
//!   are not UTF-8, decoding as windows-1252 as web browsers do (the WHATWG Encoding Standard: labels
//!   that say Latin-1 mostly mean windows-1252, whose curly quotes fill 0x80-0x9F). A declaration
//!   naming another encoding while the bytes are valid UTF-8 is wrong, and UTF-8 is used with a warning.
//!   Any other declared encoding, and UTF-16, is refused with a message saying how to convert the file.
//!   Output is always UTF-8 (a TimeML output's declaration says so).

use crate::error::Error;
use std::io::{Read, Write};
use std::path::Path;

/// Default `--max-bytes`: 64 MiB per document.
pub const DEFAULT_MAX_BYTES: usize = 64 * 1024 * 1024;

/// Reads `file` (`-` is standard input), refusing more than `max_bytes` bytes.
pub fn read_bytes(file: &str, max_bytes: usize) -> Result<Vec<u8>, Error> {
    let label = if file == "-" { "<stdin>" } else { file };
    let too_large = |size: Option<u64>| {
        let size = size.map_or_else(|| "more than that".to_string(), |n| format!("{n} bytes"));
        Error::input(label, format!("document too large: {size}, over the limit of {max_bytes} bytes (--max-bytes)"))
    };
    let (reader, size): (Box<dyn Read>, Option<u64>) = if file == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let path = Path::new(file);
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            return Err(Error::input(path, "is a directory, not a document"));
        }
        let size = meta.is_file().then_some(meta.len());
        if size.is_some_and(|n| n > max_bytes as u64) {
            return Err(too_large(size));
        }
        (Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, e))?), size)
    };
    // A regular file may grow between the check and the read, and pipes and devices have no size:
    // read at most one byte more than the limit either way.
    let mut buf = Vec::with_capacity(size.unwrap_or(0) as usize);
    reader.take((max_bytes as u64).saturating_add(1)).read_to_end(&mut buf).map_err(|e| Error::io(label, e))?;
    if buf.len() > max_bytes {
        return Err(too_large(None));
    }
    Ok(buf)
}

/// Decodes the bytes of `label` to text, as the module header describes; warnings go to `stderr`.
pub fn decode(label: &str, bytes: Vec<u8>, stderr: &mut dyn Write) -> Result<String, Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::input(
            label,
            "is UTF-16 (it starts with a UTF-16 byte order mark); chronoline reads UTF-8: convert it first, \
             e.g. iconv -f UTF-16 -t UTF-8",
        ));
    }
    let declared = crate::timeml::declared_encoding(&bytes);
    let declared_utf8 = declared.as_deref().is_none_or(is_utf8_name);
    match String::from_utf8(bytes) {
        Ok(s) => {
            if let (Some(enc), false) = (&declared, declared_utf8) {
                let _ = writeln!(
                    stderr,
                    "chronoline: warning: {label}: declares encoding {enc:?} but is valid UTF-8; read as UTF-8"
                );
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            match declared {
                Some(enc) if is_latin1_name(&enc) => Ok(e.as_bytes().iter().map(|&b| windows_1252(b)).collect()),
                Some(enc) if !declared_utf8 => Err(Error::input(
                    label,
                    format!(
                        "declares encoding {enc:?}, which chronoline does not read (UTF-8, ISO-8859-1 and \
                         windows-1252 only), and is not UTF-8 (byte {at}): convert it first, e.g. \
                         iconv -f {enc} -t UTF-8"
                    ),
                )),
                _ => {
                    let _ = writeln!(
                        stderr,
                        "chronoline: warning: {label}: invalid UTF-8 at byte {at}; decoded with replacement characters"
                    );
                    Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
                }
            }
        }
    }
}

fn is_utf8_name(enc: &str) -> bool {
    matches!(enc.to_ascii_lowercase().as_str(), "utf-8" | "utf8" | "us-ascii" | "ascii")
}

/// Labels the WHATWG Encoding Standard decodes as windows-1252 (the common ones).
fn is_latin1_name(enc: &str) -> bool {
    matches!(
        enc.to_ascii_lowercase().as_str(),
        "iso-8859-1"
            | "iso8859-1"
            | "iso_8859-1"
            | "latin1"
            | "latin-1"
            | "l1"
            | "us-ascii"
            | "ascii"
            | "windows-1252"
            | "cp1252"
            | "x-cp1252"
    )
}

/// One windows-1252 byte as a character: Latin-1, except 0x80-0x9F, which hold punctuation and a few
/// letters (the five unassigned bytes stay C1 controls, as in the WHATWG standard).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}',
        '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}',
        '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}',
        '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Parses a byte count for `--max-bytes`: a number with an optional unit (`K`/`KiB`, `M`/`MiB`,
/// `G`/`GiB`, powers of 1024; `KB`, `MB`, `GB`, powers of 1000).
pub fn parse_byte_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("{s:?} is not a byte count (e.g. 1000000, 64MiB, 2G)"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        u => return Err(format!("unknown unit {u:?} in {s:?}: use K, M, G (1024) or KB, MB, GB (1000)")),
    };
    n.checked_mul(factor).and_then(|n| usize::try_from(n).ok()).ok_or_else(|| format!("{s:?} is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sizes_take_binary_and_decimal_units() {
        assert_eq!(parse_byte_size("1000"), Ok(1000));
        assert_eq!(parse_byte_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_byte_size("2G"), Ok(2 << 30));
        assert_eq!(parse_byte_size("5 KB"), Ok(5000));
        assert!(parse_byte_size("lots").is_err());
        assert!(parse_byte_size("5 parsecs").is_err());
        assert!(parse_byte_size("99999999999G").is_err());
    }

    #[test]
    fn declared_latin1_is_honoured_and_a_wrong_declaration_warns() {
        let mut err = Vec::new();
        let latin1 = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TimeML><TEXT>caf\xe9</TEXT></TimeML>".to_vec();
        assert!(decode("a.tml", latin1, &mut err).unwrap().contains("café"));
        assert!(err.is_empty());
        let utf8 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<TEXT>café</TEXT>".as_bytes().to_vec();
        assert!(decode("b.tml", utf8, &mut err).unwrap().contains("café"));
        assert!(String::from_utf8(err).unwrap().contains("b.tml: declares encoding \"ISO-8859-1\" but is valid UTF-8"));
        let cp1252 = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<TEXT>\x93caf\xe9\x94</TEXT>".to_vec();
        assert!(decode("d.tml", cp1252, &mut Vec::new()).unwrap().contains("\u{201c}café\u{201d}"));
        let sjis = b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<TEXT>\x82\xa0</TEXT>".to_vec();
        let e = decode("c.tml", sjis, &mut Vec::new()).unwrap_err().to_string();
        assert!(e.starts_with("c.tml: declares encoding \"Shift_JIS\"") && e.contains("iconv"), "{e}");
    }
}

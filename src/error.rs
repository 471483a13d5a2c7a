//! The crate's one public error type. Extraction itself never fails (it finds nothing); errors come
//! from reading input, parsing dates given by the user, and writing output.

use std::path::PathBuf;

/// Everything that can go wrong outside extraction.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A date given by the user (`--dct`, a JSONL `dct`, a TimeML DCT) is not a valid date.
    #[error("invalid date {input:?}: {reason}")]
    BadDate {
        /// What was given.
        input: String,
        /// Why it was refused.
        reason: String,
    },
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// An input file is malformed at a position.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An input file cannot be used as a whole.
    #[error("{}: {message}", path.display())]
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The command line is wrong.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io { path: path.into(), source }
    }

    /// A whole-file input error on `path`.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Error {
        Error::Input { path: path.into(), message: message.into() }
    }
}

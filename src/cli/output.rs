//! Writing outputs: whole or not at all. Files go to a temporary file in the same directory and are
//! renamed into place, so an existing output is never truncated by a run that then fails; a closed
//! stdout (`| head -1`) ends the run quietly.

use crate::error::Error;
use std::io::Write;
use std::path::Path;

/// Writes `body` to `path` atomically (temporary file + rename).
pub fn write_atomic(path: &Path, body: &[u8]) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(body)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Writes `body` to stdout.
pub fn write_stdout(stdout: &mut dyn Write, body: &[u8]) -> Result<(), Error> {
    stdout.write_all(body).and_then(|_| stdout.flush()).map_err(|e| Error::io("<stdout>", e))
}

/// True for a write to a closed pipe, which ends a run quietly.
pub fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

//! Writing outputs: whole or not at all. Files go to a temporary file in the same directory and are
//! renamed into place, so an existing output is never truncated by a run that then fails; a closed
//! stdout (`| head -1`) ends the run quietly.

use crate::error::Error;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `body` to `path` atomically (temporary file in the same directory + rename).
///
/// - A symbolic link is followed: the file it names is replaced and the link stays a link.
/// - A device, FIFO or socket (`/dev/null`, `/dev/stdout`, `/dev/full`) is written in place: renaming
///   over it would replace the device node with a regular file (and, run as root, `--out /dev/null`
///   would have replaced the system's `/dev/null`).
/// - A missing directory is reported as such; on any failure the temporary file is removed and an
///   existing output is left as it was.
pub fn write_atomic(path: &Path, body: &[u8]) -> Result<(), Error> {
    let target = resolve_link(path);
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => return Err(Error::input(path, "is a directory; give a file name")),
        Ok(m) if !m.is_file() => return write_in_place(path, &target, body),
        _ => {}
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::input(path, format!("cannot write: directory {} does not exist", dir.display())));
    }
    let name = target.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    // A stale temporary file of an earlier run with the same process id is not ours to keep.
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        if let Ok(old) = fs::metadata(&target) {
            // The new file keeps the permissions of the one it replaces.
            f.set_permissions(old.permissions())?;
        }
        f.write_all(body)?;
        f.sync_all()?;
        fs::rename(&tmp, &target)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// The file a chain of symbolic links ends at (the path itself when it is no link, or a dangling one).
fn resolve_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    }
}

/// Writes to a device, FIFO or socket directly: there is nothing to rename into place.
fn write_in_place(path: &Path, target: &Path, body: &[u8]) -> Result<(), Error> {
    OpenOptions::new()
        .write(true)
        .open(target)
        .and_then(|mut f| f.write_all(body).and_then(|_| f.flush()))
        .map_err(|e| Error::io(path, e))
}

/// Writes `body` to stdout.
pub fn write_stdout(stdout: &mut dyn Write, body: &[u8]) -> Result<(), Error> {
    stdout.write_all(body).and_then(|_| stdout.flush()).map_err(|e| Error::io("<stdout>", e))
}

/// True for a write to a closed pipe, which ends a run quietly.
pub fn is_broken_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.json");
        fs::write(&out, "old").unwrap();
        write_atomic(&out, b"new").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        // The temporary file cannot be created (a directory is in its way): the old output stays.
        let tmp = dir.path().join(format!(".out.json.tmp{}", std::process::id()));
        fs::create_dir(&tmp).unwrap();
        fs::write(tmp.join("x"), "").unwrap();
        assert!(write_atomic(&out, b"newer").is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        fs::remove_dir_all(&tmp).unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "a temporary file was left behind");
    }

    #[test]
    fn a_symbolic_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}

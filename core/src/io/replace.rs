//! Replacing a file so that it always holds either its old content or the whole new one.
//!
//! The new content is written to a temporary file beside the target, synced, and renamed over
//! the target. The temporary file's name is `.NAME.tmp-PID-N` (`NAME` cut to
//! [`MAX_TEMP_NAME_PART`] bytes so that the whole name stays well under the 255 bytes most file
//! systems allow). The process writing it holds an advisory lock on it for as long as it writes;
//! a temporary file nobody holds is what a killed or crashed save left behind, and the next save
//! of the same name removes it.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// The most bytes of the target's file name that go into its temporary file's name: with the
/// dot, the marker, a process id and a counter the temporary name stays under 240 bytes.
pub(crate) const MAX_TEMP_NAME_PART: usize = 200;

/// How often a new temporary name is tried when another save or a cleanup is in the way.
const TEMP_ATTEMPTS: usize = 16;

/// Replaces `target` with what `write` writes, atomically (see the module documentation).
///
/// Refuses, with [`Error::Io`] naming `target`: a folder, anything that is not a regular file
/// or a symbolic link (a device, a pipe, a socket), and a regular file that is write-protected.
/// A symbolic link is replaced by a regular file; the file it pointed to is left as it was.
pub(crate) fn replace_file(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let fail = |action: &'static str| {
        move |source: io::Error| Error::Io {
            action,
            path: target.to_path_buf(),
            source,
        }
    };
    let name = target.file_name().ok_or_else(|| {
        fail("save to")(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path does not name a file",
        ))
    })?;
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let permissions = check_target(target).map_err(fail("replace"))?;
    let stem = temp_stem(name);
    remove_stale_temps(&folder, &stem);
    let (tmp, file) =
        create_temp(&folder, &stem).map_err(fail("create a temporary file beside"))?;
    let outcome = write_and_sync(file, permissions, write)
        .map_err(|(action, e)| fail(action)(e))
        .and_then(|file| {
            fs::rename(&tmp, target).map_err(fail("replace"))?;
            // The lock is released only once the file holds its final name.
            drop(file);
            Ok(())
        });
    if let Err(e) = outcome {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    // Make the rename itself durable. Some platforms cannot open or sync a folder; the file's
    // content is already on disk, so this is best effort.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// What is at the target now: `Ok(Some(permissions))` for a regular file to replace (its
/// permissions carry over), `Ok(None)` for nothing or a symbolic link, an error for anything a
/// save must not replace.
fn check_target(target: &Path) -> io::Result<Option<Permissions>> {
    let meta = match fs::symlink_metadata(target) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        Ok(None)
    } else if kind.is_dir() {
        Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "the path is a folder, not a file",
        ))
    } else if !kind.is_file() {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path is not a regular file (a device, pipe or socket) and is never replaced",
        ))
    } else if meta.permissions().readonly() {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is write-protected; make it writable to save over it",
        ))
    } else {
        Ok(Some(meta.permissions()))
    }
}

/// The part of a temporary name before the process id: `.NAME.tmp-`, `NAME` cut at a character
/// boundary to at most [`MAX_TEMP_NAME_PART`] bytes.
fn temp_stem(name: &std::ffi::OsStr) -> String {
    let name = name.to_string_lossy();
    let mut end = name.len().min(MAX_TEMP_NAME_PART);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.tmp-", &name[..end])
}

/// Whether `rest` (a name after the stem) is `PID-N`, the shape of a temporary name's end.
fn is_temp_suffix(rest: &str) -> bool {
    match rest.split_once('-') {
        Some((pid, n)) => {
            !pid.is_empty()
                && !n.is_empty()
                && pid.bytes().all(|b| b.is_ascii_digit())
                && n.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Removes the temporary files of earlier saves of this name that no process holds any more.
/// Best effort: what cannot be read, opened or locked is left alone.
fn remove_stale_temps(folder: &Path, stem: &str) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(rest) = name.strip_prefix(stem) else {
            continue;
        };
        if !is_temp_suffix(rest) {
            continue;
        }
        let path = entry.path();
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_file() => {}
            _ => continue,
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        // Held by a save in progress (in this process or another): not stale. The file is
        // removed while the lock is held, so a save that created it a moment ago and has not yet
        // locked it sees it gone and picks another name (see `create_temp`).
        if file.try_lock().is_ok() {
            let _ = fs::remove_file(&path);
        }
    }
}

/// Creates and locks a fresh temporary file.
fn create_temp(folder: &Path, stem: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last = io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary name");
    for _ in 0..TEMP_ATTEMPTS {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = folder.join(format!("{stem}{}-{n}", std::process::id()));
        let file = match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                last = e;
                continue;
            }
            Err(e) => return Err(e),
        };
        match file.try_lock() {
            Ok(()) => {}
            // A cleanup holds it and is removing it.
            Err(fs::TryLockError::WouldBlock) => continue,
            // A file system without locks: nothing can tell a stale file from a live one, and
            // nothing will remove this one while it is written.
            Err(fs::TryLockError::Error(_)) => return Ok((tmp, file)),
        }
        if still_named(&file, &tmp) {
            return Ok((tmp, file));
        }
    }
    Err(last)
}

/// Whether `path` still names the open `file` (a cleanup may have removed it before it was
/// locked).
#[cfg(unix)]
fn still_named(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Whether `path` still names the open `file`; elsewhere an open file cannot be removed.
#[cfg(not(unix))]
fn still_named(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Writes, flushes and syncs the temporary file; on failure, says which of these failed.
fn write_and_sync(
    file: File,
    permissions: Option<Permissions>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> std::result::Result<File, (&'static str, io::Error)> {
    // Keep the permissions of the file being replaced, so a save does not widen or narrow who
    // may read it.
    if let Some(p) = permissions {
        let _ = file.set_permissions(p);
    }
    let mut w = BufWriter::with_capacity(1 << 16, file);
    write(&mut w).map_err(|e| ("write", e))?;
    let file = w.into_inner().map_err(|e| ("write", e.into_error()))?;
    file.sync_all().map_err(|e| ("sync", e))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_of_long_file_names_stay_short() {
        let long = "é".repeat(120); // 240 bytes, a legal name
        let stem = temp_stem(std::ffi::OsStr::new(&long));
        assert!(stem.len() <= MAX_TEMP_NAME_PART + 6, "{}", stem.len());
        assert!(stem.starts_with(".é"));
        assert!(stem.ends_with(".tmp-"));
    }

    #[test]
    fn only_pid_and_counter_suffixes_are_temporary() {
        assert!(is_temp_suffix("123-0"));
        assert!(!is_temp_suffix("123-"));
        assert!(!is_temp_suffix("-1"));
        assert!(!is_temp_suffix("12a-1"));
        assert!(!is_temp_suffix("notes"));
    }
}

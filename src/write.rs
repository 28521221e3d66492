//! Write: the writing edge. Publishes a run's files into the output directory atomically — all
//! files are written and synced into a staging directory beside it, which then replaces the old
//! directory by rename — under a lock file, so a failed or concurrent run never leaves half an
//! output and never destroys the last good one. Also compares a directory with what a run would
//! write, for `figures check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Set to a file name to make the write of that file fail, so tests can prove that a failure
/// midway leaves the previous output untouched.
pub const FAILPOINT_ENV: &str = "FIGURES_FAIL_WRITING";

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.{suffix}"))
}

/// The lock on an output directory, released on drop.
pub struct Lock {
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

fn process_alive(pid: &str) -> bool {
    pid.trim().parse::<u32>().is_ok_and(|p| Path::new(&format!("/proc/{p}")).exists())
}

/// Takes the lock beside `out`, or says who holds it. A lock left by a dead process is taken over.
pub fn lock(out: &Path) -> Result<Lock> {
    let path = sibling(out, "lock");
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(Error::io(
            parent,
            "creating the output's parent directory",
            "check the path and its permissions",
        ))?;
    }
    for _ in 0..2 {
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut f) => {
                let _ = write!(f, "{}", std::process::id());
                return Ok(Lock { path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let pid = std::fs::read_to_string(&path).unwrap_or_default();
                if process_alive(&pid) {
                    return Err(Error::Locked { path, pid: pid.trim().to_string() });
                }
                let _ = std::fs::remove_file(&path);
            }
            Err(e) => return Err(Error::io(&path, "creating the lock file", "check that the output's parent directory is writable")(e)),
        }
    }
    Err(Error::Locked { path, pid: "unknown".into() })
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let path = dir.join(name);
    let hint = "check free space and permissions; the previous output is untouched";
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(parent, "creating an output directory", hint))?;
    }
    if std::env::var(FAILPOINT_ENV).is_ok_and(|v| v == name) {
        return Err(Error::io(&path, "writing an output file", hint)(std::io::Error::other("failpoint")));
    }
    let mut f = std::fs::File::create(&path).map_err(Error::io(&path, "creating an output file", hint))?;
    f.write_all(bytes).map_err(Error::io(&path, "writing an output file", hint))?;
    f.sync_all().map_err(Error::io(&path, "syncing an output file", hint))
}

/// Replaces `out` with exactly `files`, atomically. The caller holds the [`Lock`].
pub fn publish(out: &Path, files: &[(String, Vec<u8>)], _lock: &Lock) -> Result<()> {
    let staging = sibling(out, "staging");
    let previous = sibling(out, "previous");
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(Error::io(leftover, "removing a leftover directory", "delete it by hand"))?;
        }
    }
    std::fs::create_dir_all(&staging).map_err(Error::io(
        &staging,
        "creating the staging directory",
        "check that the output's parent directory is writable",
    ))?;
    let staged = files.iter().try_for_each(|(name, bytes)| write_file(&staging, name, bytes));
    if let Err(e) = staged {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    if out.exists() {
        std::fs::rename(out, &previous).map_err(Error::io(
            out,
            "moving the previous output aside",
            "check permissions on the output directory",
        ))?;
    }
    if let Err(e) = std::fs::rename(&staging, out) {
        let _ = std::fs::rename(&previous, out);
        return Err(Error::io(out, "moving the new output into place", "the previous output was restored")(e));
    }
    if previous.exists() {
        std::fs::remove_dir_all(&previous).map_err(Error::io(&previous, "removing the previous output", "delete it by hand"))?;
    }
    Ok(())
}

/// How `out` differs from `files`: one line per missing, changed or unexpected file.
pub fn compare(out: &Path, files: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut diffs = Vec::new();
    for (name, bytes) in files {
        let path = out.join(name);
        match std::fs::read(&path) {
            Ok(on_disk) if &on_disk == bytes => {}
            Ok(_) => diffs.push(format!("{}: differs from what `figures run` writes now; run `figures run` and commit", path.display())),
            Err(_) => diffs.push(format!("{}: missing; run `figures run`", path.display())),
        }
    }
    if let Ok(entries) = std::fs::read_dir(out) {
        let mut extra: Vec<String> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !files.iter().any(|(f, _)| f == n || f.starts_with(&format!("{n}/"))))
            .collect();
        extra.sort();
        for n in extra {
            diffs.push(format!("{}: not written by `figures run`; remove it", out.join(n).display()));
        }
    }
    diffs
}

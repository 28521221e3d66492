//! Write: the writing edge. A run streams its files into a staging directory beside the output,
//! which then takes the output's place in one atomic exchange, under a kernel lock — so a failed,
//! killed or concurrent run never leaves half an output, never destroys the last good one, and
//! never touches a directory that a run did not write. Also compares the output with what a run
//! would write, for `figures check`.
//!
//! The places beside an output `DIR` that this module owns: `.DIR.lock` (the lock file, never
//! deleted: deleting it would let two runs lock two different files), `.DIR.staging` (a run being
//! written), `.DIR.check` (`check`'s scratch copy) and `.DIR.previous` (the old output during a
//! two-rename swap, on file systems without an atomic exchange). Whoever takes the lock next
//! removes or restores whatever a killed process left there.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::error::{Error, Result};

/// Set to a file name to make the creation of that file fail, so tests can prove that a failure
/// midway leaves the previous output untouched.
pub const FAILPOINT_ENV: &str = "FIGURES_FAIL_WRITING";

/// Set to a number of bytes: writes past that many bytes in all fail as a full disk would.
pub const DISK_FULL_ENV: &str = "FIGURES_DISK_FULL_AFTER";

/// Set to one of [`CRASH_POINTS`]: the process aborts there, as a crash or `kill -9` would, so
/// tests can prove that every step of the swap leaves a whole output and needs no cleanup.
pub const CRASH_ENV: &str = "FIGURES_CRASH_AT";

/// Set to `renames` to swap by two renames, as on a file system without an atomic exchange.
pub const SWAP_ENV: &str = "FIGURES_SWAP";

/// The steps of a commit, in order, where [`CRASH_ENV`] can abort the process.
pub const CRASH_POINTS: [&str; 7] =
    ["before-sync-staging", "before-swap", "after-first-rename", "after-swap", "after-sync-parent", "after-remove-old", "after-commit"];

fn crash_point(step: &str) {
    if std::env::var(CRASH_ENV).is_ok_and(|v| v == step) {
        std::process::abort();
    }
}

fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    out.with_file_name(format!(".{name}.{suffix}"))
}

fn parent_of(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// Why `--out` may not be replaced.
const NOT_OURS_HINT: &str = "pass --out a new or empty directory, or one that `figures run` wrote";

/// Checks, before any work, that `out` may be replaced by a run: it is absent, an empty directory,
/// or a directory holding only files a run writes (`names`, with `manifest.jsonl` among them);
/// it is not a file or a symbolic link; and it neither is nor contains nor lies inside any of
/// `inputs` (`raw/`, `schemas/`). Nothing is created or moved.
pub fn claim(out: &Path, inputs: &[&Path], names: &[&str]) -> Result<()> {
    let refuse = |message: String| Error::input(out, "--out", message, NOT_OURS_HINT);
    let resolved = resolve(out).map_err(Error::io(out, "resolving the output path", "check the path"))?;
    for input in inputs {
        let Ok(input_real) = input.canonicalize() else { continue };
        if input_real.starts_with(&resolved) {
            return Err(refuse(format!("it is or contains the input directory {}; a run would replace it", input.display())));
        }
        if resolved.starts_with(&input_real) {
            return Err(refuse(format!("it lies inside the input directory {}", input.display())));
        }
    }
    let meta = match std::fs::symlink_metadata(out) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(out, "reading the output directory", "check its permissions")(e)),
    };
    if meta.file_type().is_symlink() {
        return Err(refuse("it is a symbolic link; a run replaces the link, not what it points to".into()));
    }
    if !meta.is_dir() {
        return Err(refuse("it is a file, not a directory".into()));
    }
    let entries = std::fs::read_dir(out).map_err(Error::io(out, "listing the output directory", "check its permissions"))?;
    let mut seen_manifest = false;
    let mut any = false;
    for entry in entries {
        let entry = entry.map_err(Error::io(out, "listing the output directory", "check its permissions"))?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        any = true;
        if !names.contains(&name.as_ref()) {
            return Err(refuse(format!("it holds {name:?}, which `figures run` does not write; a run would delete it")));
        }
        seen_manifest |= name == crate::inputs::MANIFEST_FILE;
    }
    if any && !seen_manifest {
        return Err(refuse(format!("it has no {} so it was not written by `figures run`", crate::inputs::MANIFEST_FILE)));
    }
    Ok(())
}

/// The absolute path `path` names, with symbolic links resolved in every component that exists.
fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(real) => return Ok(rest.iter().rev().fold(real, |p: PathBuf, c| p.join(c))),
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => return Ok(absolute),
            },
        }
    }
}

/// An advisory lock on an output directory (`flock` on `.DIR.lock`), held while this value lives
/// and released by the kernel when the process ends, however it ends.
pub struct Lock {
    _file: File,
}

/// Takes the lock beside `out`, or says who holds it; then clears what a killed run left behind
/// (restoring the old output if a two-rename swap was cut between its renames).
pub fn lock(out: &Path) -> Result<Lock> {
    let path = sibling(out, "lock");
    let parent = parent_of(&path);
    std::fs::create_dir_all(parent).map_err(Error::io(
        parent,
        "creating the output's parent directory",
        "check the path and its permissions",
    ))?;
    let mut file = std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path).map_err(Error::io(
        &path,
        "opening the lock file",
        "check that the output's parent directory is writable",
    ))?;
    match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(rustix::io::Errno::WOULDBLOCK) => {
            let pid = std::fs::read_to_string(&path).unwrap_or_default().trim().to_string();
            return Err(Error::Locked { path, pid: if pid.is_empty() { "unknown".into() } else { pid } });
        }
        Err(e) => return Err(Error::io(&path, "locking the output", "use a local file system that supports flock")(e.into())),
    }
    // The pid is only for the message another run prints; the lock is the flock.
    let _ = file.set_len(0).and_then(|()| write!(file, "{}", std::process::id()));
    recover(out)?;
    Ok(Lock { _file: file })
}

fn recover(out: &Path) -> Result<()> {
    let previous = sibling(out, "previous");
    if previous.exists() {
        if out.exists() {
            remove_dir(&previous)?;
        } else {
            std::fs::rename(&previous, out).map_err(Error::io(
                &previous,
                "restoring the previous output",
                "rename it to the output's name by hand",
            ))?;
            sync_dir(parent_of(out))?;
        }
    }
    for leftover in [sibling(out, "staging"), sibling(out, "check")] {
        if leftover.exists() {
            remove_dir(&leftover)?;
        }
    }
    Ok(())
}

fn remove_dir(dir: &Path) -> Result<()> {
    std::fs::remove_dir_all(dir).map_err(Error::io(dir, "removing a leftover directory", "delete it by hand"))
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(Error::io(dir, "syncing a directory", WRITE_HINT))
}

/// Bytes written to output files by this process, for [`DISK_FULL_ENV`].
static WRITTEN: AtomicU64 = AtomicU64::new(0);

fn disk_full_after() -> Option<u64> {
    std::env::var(DISK_FULL_ENV).ok()?.parse().ok()
}

/// A file being written into a [`Staging`] directory. Clones write to the same file: the Parquet
/// writer owns one while the pipeline keeps another to finish it.
#[derive(Clone)]
pub struct OutFile {
    path: Arc<PathBuf>,
    inner: Arc<Mutex<BufWriter<File>>>,
    limit: Option<u64>,
}

const WRITE_HINT: &str = "check free space and permissions; the previous output is untouched";

impl OutFile {
    fn io_error(&self, action: &'static str) -> impl FnOnce(std::io::Error) -> Error {
        Error::io(&self.path, action, WRITE_HINT)
    }

    /// The error to report when writing to this file fails.
    pub fn write_error(&self) -> impl FnOnce(std::io::Error) -> Error {
        self.io_error("writing an output file")
    }

    /// The file's path, for errors raised by the code writing it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn writer(&self) -> std::io::Result<std::sync::MutexGuard<'_, BufWriter<File>>> {
        self.inner.lock().map_err(|_| std::io::Error::other("a writer panicked"))
    }

    /// Flushes and syncs the file; only a finished file counts as written.
    pub fn finish(&self) -> Result<()> {
        let mut w = self.writer().map_err(self.write_error())?;
        w.flush().map_err(self.write_error())?;
        w.get_ref().sync_all().map_err(self.io_error("syncing an output file"))
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(limit) = self.limit
            && WRITTEN.fetch_add(buf.len() as u64, Ordering::Relaxed) + buf.len() as u64 > limit
        {
            return Err(std::io::Error::from(std::io::ErrorKind::StorageFull));
        }
        self.writer()?.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }
}

/// A directory beside the output that a run writes into, file by file, as its records stream
/// past. [`Staging::commit`] swaps it in for the output; dropped without a commit, it is removed
/// and the output is as it was.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Staging {
    /// A fresh staging directory for `out`, whose [`Lock`] the caller holds.
    pub fn begin(out: &Path, _lock: &Lock) -> Result<Staging> {
        Staging::at(sibling(out, "staging"), out)
    }

    /// A scratch directory to build a run in for comparison, never committed; the caller holds
    /// the [`Lock`], so the next one to take it removes a scratch copy a killed `check` left.
    pub fn scratch(out: &Path, _lock: &Lock) -> Result<Staging> {
        Staging::at(sibling(out, "check"), out)
    }

    fn at(dir: PathBuf, out: &Path) -> Result<Staging> {
        if dir.exists() {
            remove_dir(&dir)?;
        }
        std::fs::create_dir_all(&dir).map_err(Error::io(
            &dir,
            "creating the staging directory",
            "check that the output's parent directory is writable",
        ))?;
        Ok(Staging { dir, out: out.to_path_buf(), committed: false })
    }

    /// Creates `name` (a relative path) in the staging directory.
    pub fn create(&self, name: &str) -> Result<OutFile> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(Error::io(parent, "creating an output directory", WRITE_HINT))?;
        }
        if std::env::var(FAILPOINT_ENV).is_ok_and(|v| v == name) {
            return Err(Error::io(&path, "writing an output file", WRITE_HINT)(std::io::Error::other("failpoint")));
        }
        let file = File::create(&path).map_err(Error::io(&path, "creating an output file", WRITE_HINT))?;
        Ok(OutFile { path: Arc::new(path), inner: Arc::new(Mutex::new(BufWriter::with_capacity(1 << 20, file))), limit: disk_full_after() })
    }

    /// Writes `name` whole.
    pub fn put(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let mut f = self.create(name)?;
        f.write_all(bytes).map_err(f.io_error("writing an output file"))?;
        f.finish()
    }

    /// Opens a staged file to read it back (the findings spilled during a run).
    pub fn open(&self, name: &str) -> Result<BufReader<File>> {
        let path = self.dir.join(name);
        File::open(&path).map(BufReader::new).map_err(Error::io(&path, "reading back a staged file", WRITE_HINT))
    }

    /// Removes a staged scratch file before the commit.
    pub fn remove(&self, name: &str) -> Result<()> {
        let path = self.dir.join(name);
        std::fs::remove_file(&path).map_err(Error::io(&path, "removing a scratch file", WRITE_HINT))
    }

    /// A staged file's size in bytes and SHA-256 in hex, read back a block at a time, for the
    /// files that describe the others.
    pub fn digest(&self, name: &str) -> Result<(u64, String)> {
        use sha2::Digest;
        let path = self.dir.join(name);
        let mut file = self.open(name)?;
        let mut hasher = sha2::Sha256::new();
        let bytes = std::io::copy(&mut file, &mut hasher).map_err(Error::io(&path, "reading back a staged file", WRITE_HINT))?;
        Ok((bytes, crate::manifest::hex(&hasher.finalize())))
    }

    fn same(&self, name: &str, other: &Path) -> Result<bool> {
        use std::io::Read;
        let (Ok(theirs), mut ours) = (File::open(other), self.open(name)?) else { return Ok(false) };
        let mut theirs = BufReader::new(theirs);
        let (mut a, mut b) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
        loop {
            let n = ours.read(&mut a).map_err(Error::io(&self.dir.join(name), "reading back a staged file", WRITE_HINT))?;
            if n == 0 {
                return Ok(theirs.read(&mut b[..1]).is_ok_and(|m| m == 0));
            }
            if theirs.read_exact(&mut b[..n]).is_err() || a[..n] != b[..n] {
                return Ok(false);
            }
        }
    }

    /// Every staged file, as paths relative to the staging directory, sorted.
    pub fn files(&self) -> Result<Vec<String>> {
        let (files, _) = tree(&self.dir)?;
        Ok(files)
    }

    /// Replaces the output with the staged files: every file and directory is synced, then the
    /// staging directory and the output trade places in one `renameat2(RENAME_EXCHANGE)`, and the
    /// parent is synced; only then is the old output (now in the staging place) removed. At every
    /// instant the output's name holds the old output or the new one, whole.
    pub fn commit(mut self) -> Result<()> {
        crash_point("before-sync-staging");
        let (_, dirs) = tree(&self.dir)?;
        for dir in dirs.iter().rev() {
            sync_dir(dir)?;
        }
        crash_point("before-swap");
        let parent = parent_of(&self.out).to_path_buf();
        let swap_hint = "the previous output is untouched";
        if std::fs::symlink_metadata(&self.out).is_ok() {
            use rustix::io::Errno;
            match exchange(&self.dir, &self.out) {
                Ok(()) => {}
                Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => self.swap_by_two_renames()?,
                Err(e) => return Err(Error::io(&self.out, "swapping the new output into place", swap_hint)(e.into())),
            }
        } else {
            std::fs::rename(&self.dir, &self.out).map_err(Error::io(&self.out, "moving the new output into place", swap_hint))?;
            self.committed = true;
        }
        crash_point("after-swap");
        sync_dir(&parent)?;
        crash_point("after-sync-parent");
        if !self.committed {
            // After the exchange the staging place holds the old output.
            remove_dir(&self.dir)?;
            self.committed = true;
        }
        crash_point("after-remove-old");
        sync_dir(&parent)?;
        crash_point("after-commit");
        Ok(())
    }

    /// The swap where the file system has no atomic exchange: the old output moves to
    /// `.DIR.previous`, the new one into place; a crash between the two renames is undone by the
    /// next [`lock`], which restores `.DIR.previous`.
    fn swap_by_two_renames(&mut self) -> Result<()> {
        let previous = sibling(&self.out, "previous");
        std::fs::rename(&self.out, &previous).map_err(Error::io(&self.out, "moving the previous output aside", "check permissions"))?;
        crash_point("after-first-rename");
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            let _ = std::fs::rename(&previous, &self.out);
            return Err(Error::io(&self.out, "moving the new output into place", "the previous output was restored")(e));
        }
        sync_dir(parent_of(&self.out))?;
        self.dir = previous;
        Ok(())
    }

    /// How the output differs from the staged files: one line per missing, changed or
    /// unexpected file or directory, at any depth.
    pub fn compare(&self) -> Result<Vec<String>> {
        let staged = self.files()?;
        let mut diffs = Vec::new();
        for name in &staged {
            let path = self.out.join(name);
            if !path.exists() {
                diffs.push(format!("{}: missing; run `figures run`", path.display()));
            } else if !self.same(name, &path)? {
                diffs.push(format!("{}: differs from what `figures run` writes now; run `figures run` and commit", path.display()));
            }
        }
        if self.out.is_dir() {
            let (theirs, _) = tree(&self.out)?;
            for name in theirs.iter().filter(|n| staged.binary_search(n).is_err()) {
                // A table's JSON in the other form: the output was written with the other --json-lines.
                let twin = name
                    .strip_suffix(".jsonl")
                    .map(|t| format!("{t}.json"))
                    .or_else(|| name.strip_suffix(".json").map(|t| format!("{t}.jsonl")));
                let hint = if twin.is_some_and(|t| staged.binary_search(&t).is_ok()) {
                    if name.ends_with(".jsonl") {
                        "written with --json-lines: check with it"
                    } else {
                        "written without --json-lines: check without it"
                    }
                } else {
                    "not written by `figures run`; remove it"
                };
                diffs.push(format!("{}: {hint}", self.out.join(name).display()));
            }
        }
        Ok(diffs)
    }
}

/// Every file under `root` as a sorted relative path (empty directories appear as `name/`), and
/// every directory, `root` first.
fn tree(root: &Path) -> Result<(Vec<String>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    let mut next = 0;
    while next < dirs.len() {
        let dir = dirs[next].clone();
        next += 1;
        let mut empty = true;
        for entry in std::fs::read_dir(&dir).map_err(Error::io(&dir, "listing a directory", WRITE_HINT))? {
            let entry = entry.map_err(Error::io(&dir, "listing a directory", WRITE_HINT))?;
            empty = false;
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(path);
            } else if let Ok(rel) = path.strip_prefix(root) {
                files.push(rel.to_string_lossy().into_owned());
            }
        }
        if empty && dir != root {
            files.push(format!("{}/", dir.strip_prefix(root).unwrap_or(&dir).to_string_lossy()));
        }
    }
    files.sort();
    Ok((files, dirs))
}

/// Trades the names of two directories atomically, or fails with the errno that says the file
/// system cannot (or, under [`SWAP_ENV`] = `renames`, pretends so, to test the fallback).
fn exchange(a: &Path, b: &Path) -> rustix::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    if std::env::var(SWAP_ENV).is_ok_and(|v| v == "renames") {
        return Err(rustix::io::Errno::NOSYS);
    }
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)
}

//! Write: the writing edge. A run streams its files into a staging directory beside the output,
//! which then replaces the old directory by rename, under a lock file — so a failed or concurrent
//! run never leaves half an output and never destroys the last good one. Also compares the output
//! with what a run would write, for `figures check`.

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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

/// A file being written into a [`Staging`] directory. Clones write to the same file: the Parquet
/// writer owns one while the pipeline keeps another to finish it.
#[derive(Clone)]
pub struct OutFile {
    path: Arc<PathBuf>,
    inner: Arc<Mutex<BufWriter<File>>>,
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

    /// A scratch directory to build a run in for comparison; never committed, so it needs no lock.
    pub fn scratch(out: &Path) -> Result<Staging> {
        Staging::at(sibling(out, &format!("check-{}", std::process::id())), out)
    }

    fn at(dir: PathBuf, out: &Path) -> Result<Staging> {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(Error::io(&dir, "removing a leftover directory", "delete it by hand"))?;
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
        Ok(OutFile { path: Arc::new(path), inner: Arc::new(Mutex::new(BufWriter::with_capacity(1 << 20, file))) })
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
        let mut names = Vec::new();
        let mut pending = vec![self.dir.clone()];
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).map_err(Error::io(&dir, "listing the staging directory", WRITE_HINT))? {
                let path = entry.map_err(Error::io(&dir, "listing the staging directory", WRITE_HINT))?.path();
                if path.is_dir() {
                    pending.push(path);
                } else if let Ok(rel) = path.strip_prefix(&self.dir) {
                    names.push(rel.to_string_lossy().into_owned());
                }
            }
        }
        names.sort();
        Ok(names)
    }

    /// Replaces the output with the staged files, atomically: the old output is moved aside,
    /// the staging directory renamed into its place, and the old one removed; a failed rename
    /// puts the old output back.
    pub fn commit(mut self) -> Result<()> {
        let previous = sibling(&self.out, "previous");
        if previous.exists() {
            std::fs::remove_dir_all(&previous).map_err(Error::io(&previous, "removing a leftover directory", "delete it by hand"))?;
        }
        if self.out.exists() {
            std::fs::rename(&self.out, &previous).map_err(Error::io(
                &self.out,
                "moving the previous output aside",
                "check permissions on the output directory",
            ))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.out) {
            let _ = std::fs::rename(&previous, &self.out);
            return Err(Error::io(&self.out, "moving the new output into place", "the previous output was restored")(e));
        }
        self.committed = true;
        if previous.exists() {
            std::fs::remove_dir_all(&previous).map_err(Error::io(&previous, "removing the previous output", "delete it by hand"))?;
        }
        Ok(())
    }

    /// How the output differs from the staged files: one line per missing, changed or
    /// unexpected file.
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
        if let Ok(entries) = std::fs::read_dir(&self.out) {
            let mut extra: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !staged.iter().any(|f| f == n || f.starts_with(&format!("{n}/"))))
                .collect();
            extra.sort();
            for n in extra {
                diffs.push(format!("{}: not written by `figures run`; remove it", self.out.join(n).display()));
            }
        }
        Ok(diffs)
    }
}

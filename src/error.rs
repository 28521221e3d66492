//! Error: the failures a caller decides on, each naming the file, the place in it and what to do.
//!
//! Data that fails validation is not an error of this kind: it is a list of findings
//! ([`crate::findings`]) that the binary maps to exit code 1. Everything here maps to exit code 2.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file system refused a read or a write.
    #[error("{}: {action}: {source}\n  hint: {hint}", path.display())]
    Io { path: PathBuf, action: &'static str, hint: &'static str, source: std::io::Error },
    /// An input file is malformed at a known place.
    #[error("{}:{location}: {message}\n  hint: {hint}", path.display())]
    Input { path: PathBuf, location: String, message: String, hint: String },
    /// Another run or check holds the output lock.
    #[error("{}: another `figures run` or `figures check` is using this output (lock held by process {pid})\n  hint: wait for it to finish; the kernel releases the lock when that process ends", path.display())]
    Locked { path: PathBuf, pid: String },
}

impl Error {
    pub fn io(path: &Path, action: &'static str, hint: &'static str) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.to_path_buf();
        move |source| Error::Io { path, action, hint, source }
    }

    pub fn input(path: &Path, location: impl Into<String>, message: impl Into<String>, hint: impl Into<String>) -> Error {
        Error::Input { path: path.to_path_buf(), location: location.into(), message: message.into(), hint: hint.into() }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

//! Runs the real `figures` binary in a fresh temporary directory holding a copy of the project's
//! `raw/`, `schemas/` and `output/`.

// Each integration test crate compiles this module and uses a different subset of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Workdir {
    pub dir: tempfile::TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Workdir {
    /// A copy of the committed `raw/`, `schemas/` and `output/`.
    pub fn project() -> Workdir {
        let w = Workdir::empty();
        for d in ["raw", "schemas", "output"] {
            copy_dir(Path::new(d), &w.path(d));
        }
        w
    }

    /// Only `schemas/`, with an empty `raw/`.
    pub fn empty() -> Workdir {
        let w = Workdir { dir: tempfile::tempdir().unwrap() };
        copy_dir(Path::new("schemas"), &w.path("schemas"));
        std::fs::create_dir_all(w.path("raw")).unwrap();
        w
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }

    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.path(rel)).unwrap()
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_figures"));
        c.args(args).current_dir(self.dir.path()).env_remove("RUST_LOG");
        for failpoint in ["FIGURES_FAIL_WRITING", "FIGURES_DISK_FULL_AFTER", "FIGURES_CRASH_AT", "FIGURES_SWAP"] {
            c.env_remove(failpoint);
        }
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.command(args).output().unwrap())
    }
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into(),
            stderr: String::from_utf8_lossy(&o.stderr).into(),
        }
    }
}

impl Run {
    /// Asserts the exit code and that stderr or stdout mentions every `needle`.
    pub fn expect(&self, code: i32, needles: &[&str]) {
        let all = format!("{}\n{}", self.stdout, self.stderr);
        assert_eq!(self.code, code, "exit code; output:\n{all}");
        for n in needles {
            assert!(all.contains(n), "output lacks {n:?}:\n{all}");
        }
    }
}

/// Every file under a directory, at any depth, with its bytes, sorted by relative path; empty
/// when the directory does not exist.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((path.strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

pub const SIDECAR: &str = "title = \"t\"\npublisher = \"p\"\nregion = \"江西省\"\nregion_code = \"CN-JX\"\nlanguage = \"zh-Hans\"\n\n[period]\nstart = 2017\nend = 2021\nnote = \"n\"\n";

/// The rows of a Parquet file.
pub fn parquet_frame(bytes: &[u8]) -> polars::prelude::DataFrame {
    use polars::prelude::{ParquetReader, SerReader};
    ParquetReader::new(std::io::Cursor::new(bytes.to_vec())).finish().unwrap()
}

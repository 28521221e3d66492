//! Hashes the crate's whole `src/` tree into `FIGURES_EXTRACT_SOURCE_HASH`, which
//! `figures_extract::VERSION` carries: any change to an extraction rule, a word list or a record
//! type changes the version, and the pipeline's manifest then extracts again instead of reusing.
//!
//! Files are taken in sorted path order; each contributes its path relative to `src/`, its length
//! and its bytes, so that moving text between files changes the hash too.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())).path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src");
    let src = Path::new("src");
    let mut paths = Vec::new();
    files(src, &mut paths);
    paths.sort();
    let mut hash = Sha256::new();
    for path in &paths {
        let name = path.strip_prefix(src).unwrap_or(path).to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=FIGURES_EXTRACT_SOURCE_HASH={}", &hex[..16]);
}

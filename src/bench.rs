//! Bench: `figures bench` — generates a synthetic corpus ([`crate::corpus`]) of a given size in a
//! scratch directory and measures, on this machine: the time merely to read its bytes (the
//! floor), extraction alone on one thread and on all threads, the full run, and peak memory.
//!
//! A measuring tool, not a test: it reads and writes only its own scratch directory.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use crate::batch::StageTime;
use crate::catalog::Catalog;
use crate::corpus::{Density, Rng, document};
use crate::error::{Error, Result};
use crate::extract::extract;
use crate::{inputs, pipeline, write};

/// Bytes per generated document: about four seed articles.
const DOCUMENT_BYTES: usize = 32 * 1024;
const SIDECAR: &str = "title = \"synthetic\"\npublisher = \"figures bench\"\nregion = \"江西省\"\nregion_code = \"CN-JX\"\nlanguage = \"zh-Hans\"\n\n[period]\nstart = 2017\nend = 2021\nnote = \"synthetic\"\n";

/// What one benchmark run measured.
#[derive(Debug, Clone)]
pub struct Measured {
    pub megabytes: f64,
    pub documents: usize,
    pub figures: usize,
    pub read_mb_s: f64,
    pub extract_one_thread_mb_s: f64,
    pub extract_mb_s: f64,
    pub extract_peak_rss_mb: f64,
    pub full_run_mb_s: Option<f64>,
    pub full_run_peak_rss_mb: Option<f64>,
    /// Bytes the full run wrote per byte of text.
    pub output_per_input: Option<f64>,
    /// The full run's time per stage.
    pub stages: Vec<StageTime>,
}

/// Peak resident memory of this process so far, in MB (Linux `VmHWM`).
/// This process's peak resident memory so far (VmHWM), in MB; 0 where /proc is missing.
pub fn peak_rss_mb() -> f64 {
    inputs::proc_kb("/proc/self/status", "VmHWM:").map_or(0.0, |kb| kb as f64 / 1024.0)
}

/// Writes the corpus under `dir/raw` unless a complete one of this size and density is already there.
fn generate(dir: &Path, megabytes: u64, density: Density) -> Result<Vec<PathBuf>> {
    let raw = dir.join("raw");
    let marker = dir.join(format!(".complete-{megabytes}mb-{density:?}"));
    let count = (megabytes as usize * 1_000_000).div_ceil(DOCUMENT_BYTES);
    let paths: Vec<PathBuf> = (0..count).map(|i| raw.join(format!("doc{i:07}.txt"))).collect();
    if marker.exists() {
        return Ok(paths);
    }
    std::fs::create_dir_all(&raw).map_err(Error::io(&raw, "creating the benchmark corpus", "pass --dir with a writable directory"))?;
    paths.par_iter().enumerate().try_for_each(|(i, p)| -> Result<()> {
        let text = document(&mut Rng::new(i as u64), DOCUMENT_BYTES, density);
        std::fs::write(p, text).map_err(Error::io(p, "writing the benchmark corpus", "check free space"))?;
        let sidecar = p.with_extension("toml");
        std::fs::write(&sidecar, SIDECAR).map_err(Error::io(&sidecar, "writing the benchmark corpus", "check free space"))
    })?;
    let catalog = Path::new("raw").join(inputs::CATALOG_FILE);
    if catalog.exists() {
        let _ = std::fs::copy(&catalog, raw.join(inputs::CATALOG_FILE));
    }
    std::fs::write(&marker, "").map_err(Error::io(&marker, "marking the corpus complete", "check free space"))?;
    Ok(paths)
}

fn mb_s(bytes: usize, t: Instant) -> f64 {
    bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
}

/// Runs the benchmark for a corpus of `megabytes` of `density` in `dir`; `full` adds the full run.
pub fn run(dir: &Path, megabytes: u64, density: Density, full: bool) -> Result<Measured> {
    let paths = generate(dir, megabytes, density)?;
    let catalog = Catalog::default();

    let t = Instant::now();
    let bytes: usize = paths.par_iter().map(|p| std::fs::read(p).map(|b| b.len()).unwrap_or(0)).sum();
    let read_mb_s = mb_s(bytes, t);

    // One thread, on the first tenth (at least one document), for the per-core figure.
    let sample = &paths[..(paths.len() / 10).max(1)];
    let t = Instant::now();
    let mut sample_bytes = 0;
    for p in sample {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        sample_bytes += text.len();
        std::hint::black_box(extract("b", &text, &catalog).figures.len());
    }
    let extract_one_thread_mb_s = mb_s(sample_bytes, t);

    let t = Instant::now();
    let figures: usize = paths
        .par_iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            extract("b", &text, &catalog).figures.len()
        })
        .sum();
    let extract_mb_s = mb_s(bytes, t);
    let extract_peak_rss_mb = peak_rss_mb();

    let (full_run_mb_s, full_run_peak_rss_mb, output_per_input, stages) = if full {
        let t = Instant::now();
        let out = dir.join("output");
        let lock = write::lock(&out)?;
        let raw = inputs::read_raw(&dir.join("raw"))?;
        let staging = write::Staging::begin(&out, &lock)?;
        // As an archive is run: JSON Lines, not pretty arrays.
        let options = pipeline::Options { json_lines: true, ..pipeline::Options::default() };
        let summary = pipeline::run(raw, inputs::Previous::none(), &staging, &options)?;
        staging.commit()?;
        let (run_mb_s, run_peak) = (mb_s(bytes, t), peak_rss_mb());
        let written = bytes_under(&out)?;
        // The output of a 1 GB corpus is several GB; only the measurement is worth keeping.
        drop(lock);
        std::fs::remove_dir_all(&out).map_err(Error::io(&out, "removing the benchmark's output", "delete it by hand"))?;
        (Some(run_mb_s), Some(run_peak), Some(written as f64 / bytes as f64), summary.stages)
    } else {
        (None, None, None, Vec::new())
    };
    Ok(Measured {
        megabytes: bytes as f64 / 1e6,
        documents: paths.len(),
        figures,
        read_mb_s,
        extract_one_thread_mb_s,
        extract_mb_s,
        extract_peak_rss_mb,
        full_run_mb_s,
        full_run_peak_rss_mb,
        output_per_input,
        stages,
    })
}

/// The bytes of every file under `dir`, at any depth.
fn bytes_under(dir: &Path) -> Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir).map_err(Error::io(dir, "measuring the benchmark's output", "check the scratch directory"))? {
        let entry = entry.map_err(Error::io(dir, "measuring the benchmark's output", "check the scratch directory"))?;
        let meta = entry.metadata().map_err(Error::io(&entry.path(), "measuring the benchmark's output", "check the scratch directory"))?;
        total += if meta.is_dir() { bytes_under(&entry.path())? } else { meta.len() };
    }
    Ok(total)
}
